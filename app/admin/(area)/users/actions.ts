'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { resetTwoFactor, setTwoFactorRequirement } from '@/db/admin/two-factor';
import { createUser, userIdentity, setUserPassword, changeUserAccess, type UserChangeResult } from '@/db/admin/users';
import { action, type AdminMessages } from '@/lib/auth/action';
import { emailSchema, fieldErrorKeys, nameSchema, newPasswordError, passwordErrorMessage, roleSchema } from '@/lib/auth/validation';
import { checkbox, id } from '@/lib/form-input';
import type { FormState } from '@/lib/form-state';

/** Users and two-factor sign-in: administrators only. */

const createSchema = z.object({ name: nameSchema, email: emailSchema, role: roleSchema });
const typed = z.string().default('');

function answer(result: UserChangeResult, t: AdminMessages, success: string): FormState {
  if (result.ok) {
    revalidatePath('/admin/users');
    return { status: 'success', message: success };
  }
  const key = result.error === 'cannotChangeSelf' || result.error === 'lastAdmin' ? `users.${result.error}` : `errors.${result.error}`;
  return { status: 'error', message: t(key as 'users.lastAdmin') };
}

export const createUserAction = action({ role: 'admin', form: { name: typed, email: typed, role: typed, password: typed } }, async ({ input, t, address }) => {
  const parsed = createSchema.safeParse(input);
  const fieldErrors: Record<string, string> = {};
  if (!parsed.success) for (const [field, key] of Object.entries(fieldErrorKeys(parsed.error))) fieldErrors[field] = t(`errors.${key}`);
  // As typed, so that the check holds even when another field is refused.
  const problem = await newPasswordError(input.password, null, { email: input.email, name: input.name });
  if (problem) fieldErrors.password = passwordErrorMessage(problem, t);
  if (!parsed.success || problem) return { status: 'error', message: t('errors.invalid'), fieldErrors };
  const result = await createUser({ ...parsed.data, password: input.password }, address);
  if (!result.ok && result.error === 'emailTaken') {
    return { status: 'error', message: t('errors.invalid'), fieldErrors: { email: t('errors.emailTaken') } };
  }
  return answer(result, t, t('users.created'));
});

export const changeUserAccessAction = action(
  { role: 'admin', form: { id, role: roleSchema.optional(), active: z.enum(['true', 'false']).optional() } },
  async ({ input, t, address }) => {
    const result = await changeUserAccess(input.id, { role: input.role, active: input.active === undefined ? undefined : input.active === 'true' }, address);
    return answer(result, t, t('users.updated'));
  },
);

export const setUserPasswordAction = action({ role: 'admin', form: { id, password: typed } }, async ({ input: { id, password }, t, address }) => {
  const person = await userIdentity(id);
  if (!person) return { status: 'error', message: t('errors.notFound') };
  const problem = await newPasswordError(password, null, person);
  if (problem) return { status: 'error', message: passwordErrorMessage(problem, t), fieldErrors: { password: passwordErrorMessage(problem, t) } };
  return answer(await setUserPassword(id, password, address), t, t('users.updated'));
});

export const setTwoFactorRequirementAction = action({ role: 'admin', form: { required: checkbox } }, async ({ input, t, address }) => {
  const result = await setTwoFactorRequirement(input.required, address);
  if (!result.ok) return { status: 'error', message: t(result.error === 'forbidden' ? 'errors.forbidden' : 'twoFactor.enrolYourselfFirst') };
  revalidatePath('/admin/users');
  return { status: 'success', message: t('twoFactor.requireSaved') };
});

export const resetTwoFactorAction = action({ role: 'admin', form: { id } }, async ({ input: { id }, t, address }) => {
  const result = await resetTwoFactor(id, address);
  if (!result.ok) return { status: 'error', message: t(result.error === 'cannotChangeSelf' ? 'users.cannotResetOwnTwoFactor' : `errors.${result.error}`) };
  revalidatePath('/admin/users');
  return { status: 'success', message: t('users.twoFactorReset') };
});
