'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { signOut } from '@/auth';
import { endOwnSessions, setOwnLocale } from '@/db/admin/users';
import { rememberAdminLocale } from '@/lib/admin-locale';
import { guarded } from '@/lib/auth/guard';
import { AuthorizationError, requireUser } from '@/lib/auth/session';
import { localeSchema } from '@/lib/auth/validation';
import { clientAddress } from '@/lib/client-address';
import type { FormState } from '@/lib/form-state';
import { adminReturnPath } from '@/lib/params';

/** Ends every session of the signed-in user (the cookie is cleared and its version retired). */
export async function signOutAction(): Promise<void> {
  try {
    await endOwnSessions(clientAddress(await headers()));
  } catch (error) {
    if (!(error instanceof AuthorizationError)) throw error;
  }
  await signOut({ redirect: false });
  redirect('/admin/sign-in?signedOut=1');
}

/**
 * Saves the signed-in user's interface language (My account, and the
 * English | Shqip switch in the area's header). With `next`, the switch's
 * page is shown again in the new language.
 */
export async function setLanguageAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const me = await requireUser(undefined, { allowWithoutTwoFactor: true });
    const parsed = localeSchema.safeParse(formData.get('locale'));
    if (!parsed.success) {
      const t = await getTranslations({ locale: me.preferredLocale, namespace: 'Admin' });
      return { status: 'error', message: t('errors.invalid') };
    }
    await setOwnLocale(parsed.data);
    await rememberAdminLocale(parsed.data);
    if (formData.has('next')) redirect(adminReturnPath(formData.get('next')));
    const t = await getTranslations({ locale: parsed.data, namespace: 'Admin.account' });
    return { status: 'success', message: t('languageSaved') };
  });
}
