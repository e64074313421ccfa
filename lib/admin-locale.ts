import 'server-only';
import { cookies, headers } from 'next/headers';
import { isLocale, type Locale } from '@/i18n/routing';
import { preferredLocale } from '@/lib/accept-language';

/** Remembers the editor area's language in the browser (set at sign-in and in My account). */
export const ADMIN_LOCALE_COOKIE = 'IOM_ADMIN_LOCALE';

/**
 * The language of the editor area for this request: the signed-in user's
 * preference, else the one last chosen in this browser, else the browser's.
 */
export async function adminLocale(): Promise<Locale> {
  const { getCurrentUser } = await import('@/lib/auth/session');
  const user = await getCurrentUser();
  if (user) return user.preferredLocale;
  const cookie = (await cookies()).get(ADMIN_LOCALE_COOKIE)?.value;
  if (isLocale(cookie)) return cookie;
  return preferredLocale((await headers()).get('accept-language')) ?? 'en';
}

export const ADMIN_LOCALE_COOKIE_OPTIONS = { path: '/admin', sameSite: 'lax', httpOnly: true, maxAge: 60 * 60 * 24 * 365 } as const;

/** Remembers the editor area's language in this browser (at sign-in and when the user changes it). */
export async function rememberAdminLocale(locale: Locale): Promise<void> {
  (await cookies()).set(ADMIN_LOCALE_COOKIE, locale, ADMIN_LOCALE_COOKIE_OPTIONS);
}
