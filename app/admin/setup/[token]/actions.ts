'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { setUpFirstAdmin, setupTokenValid } from '@/db/admin/entry';
import { adminLocale } from '@/lib/admin-locale';
import { emailSchema, fieldErrorKeys, nameSchema, newPasswordError, passwordErrorMessage } from '@/lib/auth/validation';
import { clientAddress } from '@/lib/client-address';
import type { FormState } from '@/lib/form-state';

const schema = z.object({ token: z.string().max(100), name: nameSchema, email: emailSchema });

/**
 * Open to anonymous callers by design — it is how the first account comes
 * to exist — and guarded instead by the one-time token, which stops working
 * as soon as any user exists.
 */
export async function setupAdminAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const locale = await adminLocale();
  const t = await getTranslations({ locale, namespace: 'Admin' });
  // Before any work on the fields: an anonymous caller without the token makes the server estimate no password.
  if (!setupTokenValid(String(formData.get('token') ?? ''))) return { status: 'error', step: 'invalidToken', message: t('setup.invalidToken') };
  const parsed = schema.safeParse({ token: formData.get('token'), name: formData.get('name'), email: formData.get('email') });
  const password = String(formData.get('password') ?? '');
  const confirm = String(formData.get('confirm') ?? '');
  const fieldErrors: Record<string, string> = {};
  if (!parsed.success) for (const [field, key] of Object.entries(fieldErrorKeys(parsed.error))) fieldErrors[field] = t(`errors.${key}`);
  // As typed, so that the check holds even when another field is refused.
  const problem = await newPasswordError(password, confirm, { email: String(formData.get('email') ?? ''), name: String(formData.get('name') ?? '') });
  if (problem) fieldErrors[problem.key === 'passwordMismatch' ? 'confirm' : 'password'] = passwordErrorMessage(problem, t);
  if (!parsed.success || problem) return { status: 'error', message: t('errors.invalid'), fieldErrors };

  const result = await setUpFirstAdmin(
    parsed.data.token,
    { name: parsed.data.name, email: parsed.data.email, password, preferredLocale: locale },
    clientAddress(await headers()),
  );
  if (!result.ok) {
    return result.error === 'emailTaken'
      ? { status: 'error', message: t('errors.invalid'), fieldErrors: { email: t('errors.emailTaken') } }
      : { status: 'error', step: 'invalidToken', message: t('setup.invalidToken') };
  }
  redirect('/admin/sign-in?setup=1');
}
