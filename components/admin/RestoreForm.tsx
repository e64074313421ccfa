'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ActionForm } from '@/components/admin/ActionForm';
import { FormMessage } from '@/components/admin/FormMessage';
import { SubmitButton } from '@/components/admin/SubmitButton';
import type { Locale } from '@/i18n/routing';
import { type FormState, idleState } from '@/lib/form-state';

export type RestoreTarget = {
  /** The type's restore action (it reads `idName`, locale, revisionId and baseVersion). */
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  idName: string;
  id: number;
};

/**
 * Restoring a revision, for any translated type. Rendered in the same place
 * whether or not the chosen version is the current text, so its answer
 * ("Restored as version N") stays on screen after the page refreshes with
 * the restored text as the current one.
 */
export function RestoreForm({
  target,
  locale,
  revisionId,
  baseVersion,
  version,
  isCurrent,
}: {
  target: RestoreTarget;
  locale: Locale;
  revisionId: number;
  baseVersion: number;
  version: number;
  /** The chosen version's text is the current text: nothing to restore. */
  isCurrent: boolean;
}) {
  const t = useTranslations('Admin.history');
  const [state, action, pending] = useActionState(target.action, idleState);
  if (isCurrent) {
    return (
      <>
        <div className="mt-4">
          <FormMessage state={state} />
        </div>
        <p className="mt-4 font-semibold" data-testid="history-is-current">
          {t('isCurrent')}
        </p>
      </>
    );
  }
  return (
    <ActionForm action={action} className="mt-6" aria-label={t('restore', { version })}>
      <FormMessage state={state} />
      <input type="hidden" name={target.idName} value={target.id} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <input type="hidden" name="baseVersion" value={baseVersion} />
      <p className="mb-2 text-sm text-muted">{t('restoreHelp')}</p>
      <SubmitButton pending={pending}>{t('restore', { version })}</SubmitButton>
    </ActionForm>
  );
}
