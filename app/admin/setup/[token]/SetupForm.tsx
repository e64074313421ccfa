'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ActionForm } from '@/components/admin/ActionForm';
import { Field } from '@/components/admin/Field';
import { FormMessage } from '@/components/admin/FormMessage';
import { SubmitButton } from '@/components/admin/SubmitButton';
import { idleState } from '@/lib/form-state';
import { setupAdminAction } from './actions';

export function SetupForm({ token }: { token: string }) {
  const t = useTranslations('Admin.setup');
  const [state, action, actionPending] = useActionState(setupAdminAction, idleState);
  return (
    <ActionForm action={action} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <Field name="name" label={t('name')} autoComplete="name" required maxLength={120} error={state.fieldErrors?.name} />
      <Field name="email" type="email" label={t('email')} autoComplete="username" required maxLength={254} error={state.fieldErrors?.email} />
      <Field name="password" type="password" label={t('password')} hint={t('passwordHint')} autoComplete="new-password" required maxLength={256} error={state.fieldErrors?.password} />
      <Field name="confirm" type="password" label={t('confirm')} autoComplete="new-password" required maxLength={256} error={state.fieldErrors?.confirm} />
      <SubmitButton pending={actionPending}>{t('submit')}</SubmitButton>
    </ActionForm>
  );
}
