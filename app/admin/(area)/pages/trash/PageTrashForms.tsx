'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { ActionForm } from '@/components/admin/ActionForm';
import { FormMessage } from '@/components/admin/FormMessage';
import { SubmitButton } from '@/components/admin/SubmitButton';
import { idleState } from '@/lib/form-state';
import { deletePageForeverAction, restorePageAction } from '../admin-actions';

export function PageTrashRowActions({ pageId, title }: { pageId: number; title: string }) {
  const t = useTranslations('Admin.trash');
  const [restoreState, restore, restoring] = useActionState(restorePageAction, idleState);
  const [deleteState, remove, removing] = useActionState(deletePageForeverAction, idleState);
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="flex flex-wrap items-start gap-2">
      <ActionForm action={restore} aria-label={t('restoreItem', { title })}>
        <FormMessage state={restoreState} />
        <input type="hidden" name="pageId" value={pageId} />
        <SubmitButton pending={restoring} variant="secondary">
          {t('restore')}
          <span className="sr-only">: {title}</span>
        </SubmitButton>
      </ActionForm>
      <ActionForm action={remove} aria-label={t('deleteItem', { title })}>
        <FormMessage state={deleteState} />
        <input type="hidden" name="pageId" value={pageId} />
        {confirming ? (
          <span className="flex flex-wrap items-center gap-2">
            <span className="text-sm font-semibold text-red-800">{t('deleteWarning')}</span>
            <SubmitButton pending={removing}>
              {t('deleteConfirm')}
              <span className="sr-only">: {title}</span>
            </SubmitButton>
          </span>
        ) : (
          <button type="button" onClick={() => setConfirming(true)} className="rounded border border-red-800 px-4 py-2 font-semibold text-red-800">
            {t('delete')}
            <span className="sr-only">: {title}</span>
          </button>
        )}
      </ActionForm>
    </div>
  );
}

export function EmptyPageTrash() {
  const t = useTranslations('Admin');
  const [state, action, pending] = useActionState(deletePageForeverAction, idleState);
  const [confirming, setConfirming] = useState(false);
  return (
    <ActionForm action={action} className="mt-6" aria-label={t('trash.emptyAll')}>
      <FormMessage state={state} />
      <input type="hidden" name="pageId" value="all" />
      {confirming ? (
        <p className="flex flex-wrap items-center gap-2">
          <span className="font-semibold text-red-800">{t('pages.emptyWarning')}</span>
          <SubmitButton pending={pending}>{t('trash.emptyConfirm')}</SubmitButton>
        </p>
      ) : (
        <button type="button" onClick={() => setConfirming(true)} className="rounded border border-red-800 px-4 py-2 font-semibold text-red-800">
          {t('trash.emptyAll')}
        </button>
      )}
    </ActionForm>
  );
}
