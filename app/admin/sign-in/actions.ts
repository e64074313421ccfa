'use server';

import { redirect } from 'next/navigation';
import { AuthError, CredentialsSignin } from 'next-auth';
import { z } from 'zod';
import { signIn } from '@/auth';
import { getDb } from '@/db';
import { findUserByEmail } from '@/db/auth/sign-in';
import { rememberAdminLocale } from '@/lib/admin-locale';
import { action } from '@/lib/auth/action';
import { adminReturnPath } from '@/lib/params';

const typed = z.string().default('');

/** Signing in is the one action open to anonymous callers: it is how a session starts. */
export const signInAction = action(
  { role: 'anyone', form: { email: typed, password: typed, code: typed, next: z.string().optional() } },
  // `locale`: the language the sign-in page was shown in (the form answers in it too).
  async ({ input: { email, password, code, next }, t, locale }) => {
    const fieldErrors: Record<string, string> = {};
    if (!email.trim()) fieldErrors.email = t('errors.required');
    if (!password) fieldErrors.password = t('errors.required');
    if (Object.keys(fieldErrors).length) return { status: 'error', message: t('errors.invalid'), fieldErrors };

    try {
      await signIn('credentials', { email, password, code, locale, redirect: false });
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

    // The user's language from now on: their choice, or the sign-in page's (verifyCredentials).
    const user = findUserByEmail(getDb(), email);
    if (user) await rememberAdminLocale(user.preferredLocale);
    redirect(adminReturnPath(next));
  },
);
