'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db';
import { createFirstAdmin, isSetupTokenValid } from '@/db/auth/setup';
import { action } from '@/lib/auth/action';
import { emailSchema, fieldErrorKeys, nameSchema, newPasswordError, passwordErrorMessage } from '@/lib/auth/validation';

const schema = z.object({ token: z.string().max(100), name: nameSchema, email: emailSchema });
const typed = z.string().default('');

/**
 * Open to anonymous callers by design — it is how the first account comes
 * to exist — and guarded instead by the one-time token, which stops working
 * as soon as any user exists.
 */
export const setupAdminAction = action(
  { role: 'anyone', form: { token: typed, name: typed, email: typed, password: typed, confirm: typed } },
  async ({ input, t, locale, address }) => {
    // Before any work on the fields: an anonymous caller without the token makes the server estimate no password.
    if (!isSetupTokenValid(getDb(), input.token)) return { status: 'error', step: 'invalidToken', message: t('setup.invalidToken') };
    const parsed = schema.safeParse(input);
    const fieldErrors: Record<string, string> = {};
    if (!parsed.success) for (const [field, key] of Object.entries(fieldErrorKeys(parsed.error))) fieldErrors[field] = t(`errors.${key}`);
    // As typed, so that the check holds even when another field is refused.
    const problem = await newPasswordError(input.password, input.confirm, { email: input.email, name: input.name });
    if (problem) fieldErrors[problem.key === 'passwordMismatch' ? 'confirm' : 'password'] = passwordErrorMessage(problem, t);
    if (!parsed.success || problem) return { status: 'error', message: t('errors.invalid'), fieldErrors };

    const result = await createFirstAdmin(
      getDb(),
      parsed.data.token,
      { name: parsed.data.name, email: parsed.data.email, password: input.password, preferredLocale: locale },
      address,
    );
    if (!result.ok) {
      return result.error === 'emailTaken'
        ? { status: 'error', message: t('errors.invalid'), fieldErrors: { email: t('errors.emailTaken') } }
        : { status: 'error', step: 'invalidToken', message: t('setup.invalidToken') };
    }
    redirect('/admin/sign-in?setup=1');
  },
);
