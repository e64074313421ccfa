'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ActionForm } from '@/components/admin/ActionForm';
import { FormMessage } from '@/components/admin/FormMessage';
import { SubmitButton } from '@/components/admin/SubmitButton';
import { idleState } from '@/lib/form-state';
import { trashNewsAction } from '../actions';

export function TrashButton({ itemId }: { itemId: number }) {
  const t = useTranslations('Admin.editor');
  const [state, action, pending] = useActionState(trashNewsAction, idleState);
  return (
    <ActionForm action={action} aria-label={t('trash')}>
      <FormMessage state={state} />
      <input type="hidden" name="itemId" value={itemId} />
      <p className="mb-2 text-sm text-muted">{t('trashHelp')}</p>
      <SubmitButton pending={pending} variant="secondary">
        {t('trash')}
      </SubmitButton>
    </ActionForm>
  );
}
