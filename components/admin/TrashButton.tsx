'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ActionForm } from '@/components/admin/ActionForm';
import { FormMessage } from '@/components/admin/FormMessage';
import { SubmitButton } from '@/components/admin/SubmitButton';
import { type FormState, idleState } from '@/lib/form-state';

/**
 * "Move to trash" for an item of any translated type, below its editor.
 * `idName`: the form field the type's action reads; `help`: what moving it
 * there does, in the type's words.
 */
export function TrashButton({
  id,
  idName,
  help,
  trashAction,
}: {
  id: number;
  idName: string;
  help: string;
  trashAction: (state: FormState, formData: FormData) => Promise<FormState>;
}) {
  const t = useTranslations('Admin.editor');
  const [state, action, pending] = useActionState(trashAction, idleState);
  return (
    <ActionForm action={action} aria-label={t('trash')}>
      <FormMessage state={state} />
      <input type="hidden" name={idName} value={id} />
      <p className="mb-2 text-sm text-muted">{help}</p>
      <SubmitButton pending={pending} variant="secondary">
        {t('trash')}
      </SubmitButton>
    </ActionForm>
  );
}
