'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ActionForm } from '@/components/admin/ActionForm';
import { FormMessage } from '@/components/admin/FormMessage';
import { SubmitButton } from '@/components/admin/SubmitButton';
import { idleState } from '@/lib/form-state';
import { trashPageAction } from '../admin-actions';

export function TrashPageButton({ pageId }: { pageId: number }) {
  const t = useTranslations('Admin');
  const [state, action, pending] = useActionState(trashPageAction, idleState);
  return (
    <ActionForm action={action} aria-label={t('editor.trash')}>
      <FormMessage state={state} />
      <input type="hidden" name="pageId" value={pageId} />
      <p className="mb-2 text-sm text-muted">{t('pages.trashHelp')}</p>
      <SubmitButton pending={pending} variant="secondary">
        {t('editor.trash')}
      </SubmitButton>
    </ActionForm>
  );
}
