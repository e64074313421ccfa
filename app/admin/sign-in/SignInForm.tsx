'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ActionForm } from '@/components/admin/ActionForm';
import { Field } from '@/components/admin/Field';
import { FormMessage } from '@/components/admin/FormMessage';
import { SubmitButton } from '@/components/admin/SubmitButton';
import { idleState } from '@/lib/form-state';
import { signInAction } from './actions';

export function SignInForm({ next }: { next: string }) {
  const t = useTranslations('Admin.signIn');
  const [state, action, actionPending] = useActionState(signInAction, idleState);
  return (
    <ActionForm action={action} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="next" value={next} />
      <Field name="email" type="email" label={t('email')} autoComplete="username" required maxLength={254} error={state.fieldErrors?.email} />
      <Field name="password" type="password" label={t('password')} autoComplete="current-password" required maxLength={256} error={state.fieldErrors?.password} />
      {state.step === 'code' ? (
        <Field name="code" label={t('code')} autoComplete="one-time-code" inputMode="text" autoFocus required maxLength={32} />
      ) : null}
      <SubmitButton pending={actionPending}>{t('submit')}</SubmitButton>
    </ActionForm>
  );
}
