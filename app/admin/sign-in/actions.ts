'use server';

import { redirect } from 'next/navigation';
import { AuthError, CredentialsSignin } from 'next-auth';
import { getTranslations } from 'next-intl/server';
import { signIn } from '@/auth';
import { getDb } from '@/db';
import { findUserByEmail } from '@/db/auth/sign-in';
import { adminLocale, rememberAdminLocale } from '@/lib/admin-locale';
import type { FormState } from '@/lib/form-state';

/** Only addresses inside the editor area may follow a sign-in (no open redirect). */
function safeNext(value: FormDataEntryValue | null): string {
  const next = typeof value === 'string' ? value : '';
  return /^\/admin(\/[\w\-/]*)?$/.test(next) && !next.startsWith('/admin/sign-in') ? next : '/admin';
}

/** Signing in is the one action open to anonymous callers: it is how a session starts. */
export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations({ locale: await adminLocale(), namespace: 'Admin' });
  const email = String(formData.get('email') ?? '');
  const password = String(formData.get('password') ?? '');
  const code = String(formData.get('code') ?? '');
  const fieldErrors: Record<string, string> = {};
  if (!email.trim()) fieldErrors.email = t('errors.required');
  if (!password) fieldErrors.password = t('errors.required');
  if (Object.keys(fieldErrors).length) return { status: 'error', message: t('errors.invalid'), fieldErrors };

  try {
    await signIn('credentials', { email, password, code, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const reason = error.code;
      if (reason.startsWith('throttled:')) {
        return { status: 'error', message: t('signIn.throttled', { minutes: Number(reason.split(':')[1]) || 15 }) };
      }
      if (reason === 'two_factor_required') return { status: 'error', step: 'code', message: t('signIn.twoFactorRequired') };
      if (reason === 'two_factor_invalid') return { status: 'error', step: 'code', message: t('signIn.twoFactorInvalid') };
      return { status: 'error', message: t('signIn.invalid') };
    }
    if (error instanceof AuthError) return { status: 'error', message: t('signIn.invalid') };
    throw error;
  }

  const user = findUserByEmail(getDb(), email);
  if (user) {
    await rememberAdminLocale(user.preferredLocale);
  }
  redirect(safeNext(formData.get('next')));
}
