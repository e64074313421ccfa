import type { Locale } from '@/i18n/routing';

export const SITE_TIME_ZONE = 'Europe/Tirane';

const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', sq: 'sq-AL' };

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A date as readers write it: "9 April 2019" / "9 prill 2019", in Tirana time. */
export function formatDate(date: Date, locale: Locale): string {
  let formatter = formatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
      dateStyle: 'long',
      timeZone: SITE_TIME_ZONE,
    });
    formatters.set(locale, formatter);
  }
  return formatter.format(date);
}

/** ISO 8601 for <time dateTime>. */
export function isoDate(date: Date): string {
  return date.toISOString();
}
