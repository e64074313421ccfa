'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { keepCurrentSession, signOut } from '@/auth';
import { confirmTwoFactor, disableTwoFactor, startTwoFactorEnrolment } from '@/db/admin/two-factor';
import { changeOwnPassword } from '@/db/admin/users';
import { guarded } from '@/lib/auth/guard';
import { requireUser } from '@/lib/auth/session';
import { newPasswordError, passwordErrorMessage } from '@/lib/auth/validation';
import { clientAddress } from '@/lib/client-address';
import type { FormState } from '@/lib/form-state';

export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  let changed = false;
  const state = await guarded(async () => {
    const me = await requireUser(undefined, { allowWithoutTwoFactor: true });
    const t = await getTranslations({ locale: me.preferredLocale, namespace: 'Admin' });
    const current = String(formData.get('current') ?? '');
    const next = String(formData.get('new') ?? '');
    const confirm = String(formData.get('confirm') ?? '');
    const fieldErrors: Record<string, string> = {};
    if (!current) fieldErrors.current = t('errors.required');
    const problem = await newPasswordError(next, confirm, { email: me.email, name: me.name });
    if (problem) fieldErrors[problem.key === 'passwordMismatch' ? 'confirm' : 'new'] = passwordErrorMessage(problem, t);
    if (Object.keys(fieldErrors).length) return { status: 'error', message: t('errors.invalid'), fieldErrors };
    const result = await changeOwnPassword(current, next, clientAddress(await headers()));
    if (!result.ok) {
      if (result.retryAfterMinutes) return { status: 'error', message: t('signIn.throttled', { minutes: result.retryAfterMinutes }) };
      return { status: 'error', message: t('errors.invalid'), fieldErrors: { current: t('errors.currentPassword') } };
    }
    changed = true;
    return { status: 'success' };
  });
  if (changed) {
    // Every session of the user has ended, this one too: sign in again with the new password.
    await signOut({ redirect: false });
    redirect('/admin/sign-in?passwordChanged=1');
  }
  return state;
}

/** Two-factor steps share one form state: 'scan' (QR shown), 'codes' (recovery codes shown once). */
export type TwoFactorState = FormState & { qrSvg?: string; secret?: string; codes?: string[] };

export async function startTwoFactorAction(_prev: TwoFactorState, _formData: FormData): Promise<TwoFactorState> {
  return guarded(async () => {
    const enrolment = await startTwoFactorEnrolment();
    if (!enrolment) return { status: 'idle' };
    return { status: 'idle', step: 'scan', secret: enrolment.secret, qrSvg: enrolment.qrSvg };
  });
}

export async function confirmTwoFactorAction(_prev: TwoFactorState, formData: FormData): Promise<TwoFactorState> {
  return guarded(async () => {
    const me = await requireUser(undefined, { allowWithoutTwoFactor: true });
    const t = await getTranslations({ locale: me.preferredLocale, namespace: 'Admin' });
    const code = String(formData.get('code') ?? '').slice(0, 32);
    const password = String(formData.get('password') ?? '').slice(0, 256);
    const fieldErrors: Record<string, string> = {};
    if (!code.trim()) fieldErrors.code = t('errors.required');
    if (!password) fieldErrors.password = t('errors.required');
    if (Object.keys(fieldErrors).length) return { status: 'error', step: 'scan', message: t('errors.invalid'), fieldErrors };
    const result = await confirmTwoFactor(password, code, clientAddress(await headers()));
    if (!result.ok) {
      if (result.retryAfterMinutes) return { status: 'error', step: 'scan', message: t('signIn.throttled', { minutes: result.retryAfterMinutes }) };
      if (result.error === 'password') {
        return { status: 'error', step: 'scan', message: t('errors.invalid'), fieldErrors: { password: t('errors.currentPassword') } };
      }
      return { status: 'error', step: 'scan', message: t('twoFactor.wrongCode'), fieldErrors: { code: t('twoFactor.wrongCode') } };
    }
    // Every other session of the user has ended; this one goes on with a renewed cookie.
    await keepCurrentSession(me.id, result.sessionVersion);
    revalidatePath('/admin/account');
    return { status: 'success', step: 'codes', message: t('twoFactor.onOtherSessionsEnded'), codes: result.codes };
  });
}

export async function disableTwoFactorAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const me = await requireUser(undefined, { allowWithoutTwoFactor: true });
    const t = await getTranslations({ locale: me.preferredLocale, namespace: 'Admin' });
    const ok = await disableTwoFactor(String(formData.get('password') ?? '').slice(0, 256), clientAddress(await headers()));
    if (!ok) return { status: 'error', message: t('errors.invalid'), fieldErrors: { password: t('errors.currentPassword') } };
    revalidatePath('/admin/account');
    return { status: 'success', message: t('twoFactor.disabled') };
  });
}
