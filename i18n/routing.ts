import { defineRouting } from 'next-intl/routing';

export const locales = ['en', 'sq'] as const;
export type Locale = (typeof locales)[number];

/**
 * The routes of app/[locale] that links name (next-intl's internal
 * pathnames, the folders' names). Their public addresses in each language
 * are in `pathnames` below: the one place the site's section addresses are
 * written (tests/unit/addresses-from-routing.test.ts holds every other file
 * to that). Everything else builds them with localizedPath (i18n/paths.ts):
 * links, canonicals, feeds, next.config.ts's rewrites and redirects,
 * proxy.ts's tables, the paths to revalidate, the reserved page addresses.
 */
export const ROUTES = {
  home: '/',
  news: '/news',
  /** The news list of one kind (NEWS_KIND_LISTS in i18n/paths.ts): press releases, stories. */
  pressReleases: '/press-releases',
  stories: '/stories',
  article: '/news/[slug]',
  search: '/search',
  vacancies: '/take-action/vacancies',
  vacancy: '/take-action/vacancies/[slug]',
  page: '/[...path]',
} as const;

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
    [ROUTES.home]: '/',
    [ROUTES.news]: { en: '/news', sq: '/lajme' },
    [ROUTES.pressReleases]: { en: '/press-releases', sq: '/njoftime-per-shtyp' },
    [ROUTES.stories]: { en: '/stories', sq: '/histori' },
    [ROUTES.article]: { en: '/news/[slug]', sq: '/lajme/[slug]' },
    [ROUTES.search]: { en: '/search', sq: '/kerko' },
    // A section below a page (Take Action): the page keeps its own address.
    [ROUTES.vacancies]: { en: '/take-action/vacancies', sq: '/angazhohu/vende-pune' },
    [ROUTES.vacancy]: { en: '/take-action/vacancies/[slug]', sq: '/angazhohu/vende-pune/[slug]' },
    [ROUTES.page]: '/[...path]',
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
