'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { keepCurrentSession, signOut } from '@/auth';
import { enableTwoFactor, disableTwoFactor, startTwoFactorEnrolment } from '@/db/admin/two-factor';
import { changeOwnPassword } from '@/db/admin/users';
import { action, type FormAction } from '@/lib/auth/action';
import { newPasswordError, passwordErrorMessage } from '@/lib/auth/validation';
import type { FormState } from '@/lib/form-state';

/**
 * My account: open to every staff member before two-factor sign-in is set
 * up (when an admin requires it, this is where it is turned on).
 */

const typed = z.string().default('');

export const changeOwnPasswordAction = action(
  { role: 'editor', beforeTwoFactor: true, form: { current: typed, new: typed, confirm: typed } },
  async ({ me, input, t, address }) => {
    const fieldErrors: Record<string, string> = {};
    if (!input.current) fieldErrors.current = t('errors.required');
    const problem = await newPasswordError(input.new, input.confirm, { email: me.email, name: me.name });
    if (problem) fieldErrors[problem.key === 'passwordMismatch' ? 'confirm' : 'new'] = passwordErrorMessage(problem, t);
    if (Object.keys(fieldErrors).length) return { status: 'error', message: t('errors.invalid'), fieldErrors };
    const result = await changeOwnPassword(input.current, input.new, address);
    if (!result.ok) {
      if (result.retryAfterMinutes) return { status: 'error', message: t('signIn.throttled', { minutes: result.retryAfterMinutes }) };
      return { status: 'error', message: t('errors.invalid'), fieldErrors: { current: t('errors.currentPassword') } };
    }
    // Every session of the user has ended, this one too: sign in again with the new password.
    await signOut({ redirect: false });
    redirect('/admin/sign-in?passwordChanged=1');
  },
);

/** Two-factor steps share one form state: 'scan' (QR shown), 'codes' (recovery codes shown once). */
export type TwoFactorState = FormState & { qrSvg?: string; secret?: string; codes?: string[] };

export const startTwoFactorEnrolmentAction: FormAction<TwoFactorState> = action({ role: 'editor', beforeTwoFactor: true, form: {} }, async () => {
  const enrolment = await startTwoFactorEnrolment();
  if (!enrolment) return { status: 'idle' };
  return { status: 'idle', step: 'scan', secret: enrolment.secret, qrSvg: enrolment.qrSvg };
});

export const enableTwoFactorAction: FormAction<TwoFactorState> = action(
  { role: 'editor', beforeTwoFactor: true, form: { code: typed, password: typed } },
  async ({ me, input, t, address }) => {
    const code = input.code.slice(0, 32);
    const password = input.password.slice(0, 256);
    const fieldErrors: Record<string, string> = {};
    if (!code.trim()) fieldErrors.code = t('errors.required');
    if (!password) fieldErrors.password = t('errors.required');
    if (Object.keys(fieldErrors).length) return { status: 'error', step: 'scan', message: t('errors.invalid'), fieldErrors };
    const result = await enableTwoFactor(password, code, address);
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
  },
);

export const disableTwoFactorAction = action({ role: 'editor', beforeTwoFactor: true, form: { password: typed } }, async ({ input, t, address }) => {
  const ok = await disableTwoFactor(input.password.slice(0, 256), address);
  if (!ok) return { status: 'error', message: t('errors.invalid'), fieldErrors: { password: t('errors.currentPassword') } };
  revalidatePath('/admin/account');
  return { status: 'success', message: t('twoFactor.disabled') };
});
