'use server';

import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { signOut } from '@/auth';
import { endOwnSessions, setOwnLocale } from '@/db/admin/users';
import { rememberAdminLocale } from '@/lib/admin-locale';
import { action } from '@/lib/auth/action';
import { locale } from '@/lib/form-input';
import { adminReturnPath } from '@/lib/params';

/**
 * Ends every session of the signed-in user (the cookie is cleared and its
 * version retired). Open to anyone: without a session there is nothing to end.
 */
export const signOutAction = action({ role: 'anyone', form: {} }, async ({ me, address }) => {
  if (me) await endOwnSessions(address);
  await signOut({ redirect: false });
  redirect('/admin/sign-in?signedOut=1');
});

/**
 * Saves the signed-in user's interface language (My account, and the
 * English | Shqip switch in the area's header). With `next`, the switch's
 * page is shown again in the new language.
 */
export const setOwnLocaleAction = action(
  { role: 'editor', beforeTwoFactor: true, form: { locale, next: z.string().optional() } },
  async ({ input: { locale, next } }) => {
    await setOwnLocale(locale);
    await rememberAdminLocale(locale);
    if (next !== undefined) redirect(adminReturnPath(next));
    const t = await getTranslations({ locale, namespace: 'Admin.account' });
    return { status: 'success', message: t('languageSaved') };
  },
);
