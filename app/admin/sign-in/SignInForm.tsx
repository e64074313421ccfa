'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { Field } from '@/components/admin/Field';
import { FormMessage } from '@/components/admin/FormMessage';
import { SubmitButton } from '@/components/admin/SubmitButton';
import { idleState } from '@/lib/form-state';
import { signInAction } from './actions';

export function SignInForm({ next }: { next: string }) {
  const t = useTranslations('Admin.signIn');
  const [state, action] = useActionState(signInAction, idleState);
  // Controlled, so a refused attempt keeps what was typed (React resets uncontrolled forms after an action).
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="next" value={next} />
      <Field name="email" type="email" label={t('email')} autoComplete="username" required maxLength={254} value={email} onChange={(e) => setEmail(e.target.value)} error={state.fieldErrors?.email} />
      <Field name="password" type="password" label={t('password')} autoComplete="current-password" required maxLength={256} value={password} onChange={(e) => setPassword(e.target.value)} error={state.fieldErrors?.password} />
      {state.step === 'code' ? (
        <Field name="code" label={t('code')} autoComplete="one-time-code" inputMode="text" autoFocus required maxLength={32} value={code} onChange={(e) => setCode(e.target.value)} />
      ) : null}
      <SubmitButton>{t('submit')}</SubmitButton>
    </form>
  );
}
