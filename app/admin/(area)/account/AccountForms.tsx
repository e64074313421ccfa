'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { ActionForm } from '@/components/admin/ActionForm';
import { Field } from '@/components/admin/Field';
import { FormMessage } from '@/components/admin/FormMessage';
import { SubmitButton } from '@/components/admin/SubmitButton';
import { idleState } from '@/lib/form-state';
import {
  changeOwnPasswordAction,
  enableTwoFactorAction,
  disableTwoFactorAction,
  startTwoFactorEnrolmentAction,
  type TwoFactorState,
} from './actions';
import { setOwnLocaleAction } from '../actions';

export function PasswordForm() {
  const t = useTranslations('Admin');
  const [state, action, actionPending] = useActionState(changeOwnPasswordAction, idleState);
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
  const [state, action, actionPending] = useActionState(setOwnLocaleAction, idleState);
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

export function TwoFactorSection({ enabled }: { enabled: boolean }) {
  const t = useTranslations('Admin.twoFactor');
  const [startState, start, startPending] = useActionState(startTwoFactorEnrolmentAction, idleState as TwoFactorState);
  const [confirmState, confirm, confirmPending] = useActionState(enableTwoFactorAction, idleState as TwoFactorState);
  const [disableState, disable, disablePending] = useActionState(disableTwoFactorAction, idleState);

  if (confirmState.step === 'codes' && confirmState.codes) {
    return (
      <div data-testid="recovery-codes">
        <FormMessage state={confirmState} />
        <h3 className="text-lg font-bold">{t('recoveryTitle')}</h3>
        <p className="mt-1 mb-3 text-muted">{t('recoveryIntro')}</p>
        <ul className="grid grid-cols-2 gap-2 font-mono">
          {confirmState.codes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
      </div>
    );
  }

  if (enabled && disableState.status !== 'success') {
    return (
      <ActionForm action={disable}>
        <p className="mb-4 font-semibold" data-testid="two-factor-status">
          {t('on')}
        </p>
        <FormMessage state={disableState} />
        <Field name="password" type="password" label={t('password')} autoComplete="current-password" required maxLength={256} error={disableState.fieldErrors?.password} />
        <SubmitButton variant="secondary" pending={disablePending}>
          {t('disable')}
        </SubmitButton>
      </ActionForm>
    );
  }

  // The scanned secret comes from the start step; a refused code leaves it on screen.
  const scan = startState;
  return (
    <div>
      <p className="mb-2 font-semibold" data-testid="two-factor-status">
        {t('off')}
      </p>
      <FormMessage state={disableState} />
      <p className="mb-4 text-muted">{t('intro')}</p>
      {scan.step === 'scan' && scan.qrSvg ? (
        <ActionForm action={confirm}>
          <p className="mb-2">{t('scan')}</p>
          {/* SVG made on our server by the qrcode package from the otpauth address. */}
          <div className="mb-2 w-48 bg-white" role="img" aria-label={t('scan')} dangerouslySetInnerHTML={{ __html: scan.qrSvg }} />
          <p className="mb-4">
            {t('key')}: <code className="break-all" data-testid="totp-secret">{scan.secret}</code>
          </p>
          <FormMessage state={confirmState} />
          <Field name="code" label={t('code')} inputMode="numeric" autoComplete="one-time-code" required maxLength={8} error={confirmState.fieldErrors?.code} />
          {/* A session alone (a stolen cookie) must not be able to put its own authenticator on the account. */}
          <Field name="password" type="password" label={t('password')} hint={t('passwordToTurnOn')} autoComplete="current-password" required maxLength={256} error={confirmState.fieldErrors?.password} />
          <SubmitButton pending={confirmPending}>{t('confirm')}</SubmitButton>
        </ActionForm>
      ) : (
        <ActionForm action={start}>
          <SubmitButton pending={startPending}>{t('start')}</SubmitButton>
        </ActionForm>
      )}
    </div>
  );
}
