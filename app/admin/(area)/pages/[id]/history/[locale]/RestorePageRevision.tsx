'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ActionForm } from '@/components/admin/ActionForm';
import { FormMessage } from '@/components/admin/FormMessage';
import { SubmitButton } from '@/components/admin/SubmitButton';
import { idleState } from '@/lib/form-state';
import { restorePageRevisionAction } from '../../../actions';

export function RestorePageRevision({
  pageId,
  locale,
  revisionId,
  baseVersion,
  version,
}: {
  pageId: number;
  locale: 'en' | 'sq';
  revisionId: number;
  baseVersion: number;
  version: number;
}) {
  const t = useTranslations('Admin.history');
  const [state, action, pending] = useActionState(restorePageRevisionAction, idleState);
  return (
    <ActionForm action={action} className="mt-6" aria-label={t('restore', { version })}>
      <FormMessage state={state} />
      <input type="hidden" name="pageId" value={pageId} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <input type="hidden" name="baseVersion" value={baseVersion} />
      <p className="mb-2 text-sm text-muted">{t('restoreHelp')}</p>
      <SubmitButton pending={pending}>{t('restore', { version })}</SubmitButton>
    </ActionForm>
  );
}
