'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ActionForm } from '@/components/admin/ActionForm';
import { Field } from '@/components/admin/Field';
import { FormMessage } from '@/components/admin/FormMessage';
import { SubmitButton } from '@/components/admin/SubmitButton';
import { idleState } from '@/lib/form-state';
import { changePasswordAction, setLanguageAction } from './actions';

export function PasswordForm() {
  const t = useTranslations('Admin');
  const [state, action, actionPending] = useActionState(changePasswordAction, idleState);
  return (
    <ActionForm action={action} noValidate aria-labelledby="password-title">
      <h2 id="password-title" className="mb-4 text-xl font-bold">
        {t('account.passwordTitle')}
      </h2>
      <FormMessage state={state} />
      <Field name="current" type="password" label={t('account.current')} autoComplete="current-password" required maxLength={256} error={state.fieldErrors?.current} />
      <Field name="new" type="password" label={t('account.new')} hint={t('setup.passwordHint')} autoComplete="new-password" required maxLength={256} error={state.fieldErrors?.new} />
      <Field name="confirm" type="password" label={t('account.confirm')} autoComplete="new-password" required maxLength={256} error={state.fieldErrors?.confirm} />
      <SubmitButton pending={actionPending}>{t('account.submitPassword')}</SubmitButton>
    </ActionForm>
  );
}

export function LanguageForm({ current }: { current: 'en' | 'sq' }) {
  const t = useTranslations('Admin.account');
  const [state, action, actionPending] = useActionState(setLanguageAction, idleState);
  return (
    <ActionForm action={action} aria-labelledby="language-title">
      <h2 id="language-title" className="mb-4 text-xl font-bold">
        {t('languageTitle')}
      </h2>
      <FormMessage state={state} />
      <div className="mb-4">
        <label htmlFor="locale" className="block font-semibold">
          {t('language')}
        </label>
        <select id="locale" name="locale" defaultValue={current} className="mt-1 rounded border border-gray-500 px-3 py-2">
          <option value="en" lang="en">
            English
          </option>
          <option value="sq" lang="sq">
            Shqip
          </option>
        </select>
      </div>
      <SubmitButton pending={actionPending}>{t('submitLanguage')}</SubmitButton>
    </ActionForm>
  );
}
