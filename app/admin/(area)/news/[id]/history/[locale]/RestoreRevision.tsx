'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ActionForm } from '@/components/admin/ActionForm';
import { FormMessage } from '@/components/admin/FormMessage';
import { SubmitButton } from '@/components/admin/SubmitButton';
import { idleState } from '@/lib/form-state';
import { restoreNewsRevisionAction } from '../../../actions';

export function RestoreRevision({ itemId, revisionId, baseVersion, version }: { itemId: number; revisionId: number; baseVersion: number; version: number }) {
  const t = useTranslations('Admin.history');
  const [state, action, pending] = useActionState(restoreNewsRevisionAction, idleState);
  return (
    <ActionForm action={action} className="mt-6" aria-label={t('restore', { version })}>
      <FormMessage state={state} />
      <input type="hidden" name="itemId" value={itemId} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <input type="hidden" name="baseVersion" value={baseVersion} />
      <p className="mb-2 text-sm text-muted">{t('restoreHelp')}</p>
      <SubmitButton pending={pending}>{t('restore', { version })}</SubmitButton>
    </ActionForm>
  );
}
