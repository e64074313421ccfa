import { hasLocale } from 'next-intl';
import { getRequestConfig } from 'next-intl/server';
import { routing } from './routing';

export default getRequestConfig(async ({ requestLocale, locale: explicit }) => {
  // An explicit locale (getTranslations({ locale })) wins over the [locale]
  // segment. Without either we are in the editor area (no locale in its
  // URLs): it follows the user's choice. Public pages never get there, so
  // they never read cookies and stay static.
  let requested = explicit ?? (await requestLocale);
  if (!requested) {
    const { adminLocale } = await import('@/lib/admin-locale');
    requested = await adminLocale();
  }
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return {
    locale,
    messages: (await import(`../messages/${locale}.json`)).default,
    timeZone: 'Europe/Tirane',
  };
});
