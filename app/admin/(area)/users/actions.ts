'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { resetUserTwoFactor, setTwoFactorRequired } from '@/db/admin/two-factor';
import { createUser, getUserIdentity, setUserPassword, updateUserAccess, type UserChangeResult } from '@/db/admin/users';
import { guarded } from '@/lib/auth/guard';
import { requireUser } from '@/lib/auth/session';
import { emailSchema, fieldErrorKeys, nameSchema, newPasswordError, passwordErrorMessage, roleSchema } from '@/lib/auth/validation';
import { clientAddress } from '@/lib/client-address';
import type { FormState } from '@/lib/form-state';

const createSchema = z.object({ name: nameSchema, email: emailSchema, role: roleSchema });
const idSchema = z.coerce.number().int().positive();

async function messages() {
  const me = await requireUser('admin');
  return getTranslations({ locale: me.preferredLocale, namespace: 'Admin' });
}

async function answer(result: UserChangeResult, t: Awaited<ReturnType<typeof messages>>, success: string): Promise<FormState> {
  if (result.ok) {
    revalidatePath('/admin/users');
    return { status: 'success', message: success };
  }
  const key = result.error === 'cannotChangeSelf' || result.error === 'lastAdmin' ? `users.${result.error}` : `errors.${result.error}`;
  return { status: 'error', message: t(key as 'users.lastAdmin') };
}

export async function createUserAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const t = await messages();
    const parsed = createSchema.safeParse({ name: formData.get('name'), email: formData.get('email'), role: formData.get('role') });
    const password = String(formData.get('password') ?? '');
    const fieldErrors: Record<string, string> = {};
    if (!parsed.success) for (const [field, key] of Object.entries(fieldErrorKeys(parsed.error))) fieldErrors[field] = t(`errors.${key}`);
    // As typed, so that the check holds even when another field is refused.
    const problem = await newPasswordError(password, null, { email: String(formData.get('email') ?? ''), name: String(formData.get('name') ?? '') });
    if (problem) fieldErrors.password = passwordErrorMessage(problem, t);
    if (!parsed.success || problem) return { status: 'error', message: t('errors.invalid'), fieldErrors };
    const result = await createUser({ ...parsed.data, password }, clientAddress(await headers()));
    if (!result.ok && result.error === 'emailTaken') {
      return { status: 'error', message: t('errors.invalid'), fieldErrors: { email: t('errors.emailTaken') } };
    }
    return answer(result, t, t('users.created'));
  });
}

export async function updateUserAccessAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const t = await messages();
    const id = idSchema.safeParse(formData.get('id'));
    const role = formData.get('role') === null ? undefined : roleSchema.safeParse(formData.get('role'));
    const activeRaw = formData.get('active');
    if (!id.success || (role && !role.success) || (activeRaw !== null && activeRaw !== 'true' && activeRaw !== 'false')) {
      return { status: 'error', message: t('errors.invalid') };
    }
    const result = await updateUserAccess(
      id.data,
      { role: role?.success ? role.data : undefined, active: activeRaw === null ? undefined : activeRaw === 'true' },
      clientAddress(await headers()),
    );
    return answer(result, t, t('users.updated'));
  });
}

export async function setUserPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const t = await messages();
    const id = idSchema.safeParse(formData.get('id'));
    const password = String(formData.get('password') ?? '');
    if (!id.success) return { status: 'error', message: t('errors.invalid') };
    const person = await getUserIdentity(id.data);
    if (!person) return { status: 'error', message: t('errors.notFound') };
    const problem = await newPasswordError(password, null, person);
    if (problem) return { status: 'error', message: passwordErrorMessage(problem, t), fieldErrors: { password: passwordErrorMessage(problem, t) } };
    return answer(await setUserPassword(id.data, password, clientAddress(await headers())), t, t('users.updated'));
  });
}

export async function setRequireTwoFactorAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const t = await messages();
    const result = await setTwoFactorRequired(formData.get('required') === 'on', clientAddress(await headers()));
    if (!result.ok) return { status: 'error', message: t(result.error === 'forbidden' ? 'errors.forbidden' : 'twoFactor.enrolYourselfFirst') };
    revalidatePath('/admin/users');
    return { status: 'success', message: t('twoFactor.requireSaved') };
  });
}

export async function resetTwoFactorAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const t = await messages();
    const id = idSchema.safeParse(formData.get('id'));
    if (!id.success) return { status: 'error', message: t('errors.invalid') };
    const result = await resetUserTwoFactor(id.data, clientAddress(await headers()));
    if (!result.ok) return { status: 'error', message: t(result.error === 'cannotChangeSelf' ? 'users.cannotResetOwnTwoFactor' : `errors.${result.error}`) };
    revalidatePath('/admin/users');
    return { status: 'success', message: t('users.twoFactorReset') };
  });
}
