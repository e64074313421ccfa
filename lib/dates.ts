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

const dateTimeFormatters = new Map<string, Intl.DateTimeFormat>();

/** Date and time for the editor area's lists ("30 Nov 2026, 10:24"), in Tirana time. */
export function formatDateTime(date: Date, locale: Locale): string {
  let formatter = dateTimeFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23', timeZone: SITE_TIME_ZONE });
    dateTimeFormatters.set(locale, formatter);
  }
  return formatter.format(date);
}

/** ISO 8601 for <time dateTime>. */
export function isoDate(date: Date): string {
  return date.toISOString();
}
