import { defineRouting } from 'next-intl/routing';

export const locales = ['en', 'sq'] as const;
export type Locale = (typeof locales)[number];

export const routing = defineRouting({
  locales,
  defaultLocale: 'en',
  // English keeps the office's existing unprefixed addresses; Albanian lives under /sq.
  localePrefix: 'as-needed',
  // Only a first visit to "/" follows the browser's language (see proxy.ts);
  // a shared English link must never bounce an Albanian browser elsewhere.
  localeDetection: false,
  // Alternates come from the database rows, never guessed from paths.
  alternateLinks: false,
  // The reader's language choice is remembered by the language switch
  // (lib/locale-switch.ts), on its own uncached redirect: cached pages never
  // set a cookie.
  localeCookie: false,
  pathnames: {
    '/': '/',
    '/news': { en: '/news', sq: '/lajme' },
    '/news/[slug]': { en: '/news/[slug]', sq: '/lajme/[slug]' },
    '/search': { en: '/search', sq: '/kerko' },
    '/[...path]': '/[...path]',
  },
});

/** Each language named in itself, as the editor area's language switches show them. */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', sq: 'Shqip' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

export function otherLocale(locale: Locale): Locale {
  return locale === 'en' ? 'sq' : 'en';
}

/** One or both languages, as the `select` argument of a message ("en", "sq", or "both"). */
export function languagesArgument(locales: readonly Locale[]): Locale | 'both' {
  return locales.length === 1 ? locales[0]! : 'both';
}
