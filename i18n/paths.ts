import { type Locale, locales, ROUTES, routing } from './routing';

type Query = Record<string, string | string[]>;

/** A route of routing.pathnames without parameters. */
export type PlainRoute = typeof ROUTES.home | NewsListRoute | typeof ROUTES.search | typeof ROUTES.vacancies;

/** The routes that list news: everything, and each kind that has a list of its own. */
export type NewsListRoute = typeof ROUTES.news | typeof ROUTES.pressReleases | typeof ROUTES.stories;

/** The kinds of news with a list of their own (lib/vocabulary.ts NEWS_KINDS; plain news is in /news only). */
export const NEWS_KIND_LISTS = { press_release: ROUTES.pressReleases, story: ROUTES.stories } as const;
export type ListedNewsKind = keyof typeof NEWS_KIND_LISTS;

/** Every news list route: /news first, then one per kind. */
export const NEWS_LIST_ROUTES: readonly NewsListRoute[] = [ROUTES.news, ...Object.values(NEWS_KIND_LISTS)];

/** A typed internal address (the keys of routing.pathnames), localized by localizedPath. */
export type AppHref =
  | PlainRoute
  | { pathname: PlainRoute; query?: Query }
  | { pathname: typeof ROUTES.article | typeof ROUTES.vacancy; params: { slug: string }; query?: Query }
  | { pathname: typeof ROUTES.page; params: { path: string[] }; query?: Query };

/**
 * The public address of `href` in `locale`, as next-intl's getPathname makes
 * it for this routing (localized templates, /sq prefix for Albanian only,
 * non-ASCII percent-encoded). A plain function: next-intl's navigation
 * module would put its client Link (and next/link) into every public page's
 * JavaScript, although public pages link with plain <a> (tests/unit/paths
 * checks the two agree).
 */
export function localizedPath(href: AppHref, locale: Locale): string {
  const { pathname, query, params } =
    typeof href === 'string' ? { pathname: href, query: undefined, params: undefined } : { params: undefined, ...href };
  let path = routeTemplate(pathname, locale);
  for (const [key, value] of Object.entries(params ?? {})) {
    path = Array.isArray(value) ? path.replace(`[...${key}]`, value.join('/')) : path.replace(`[${key}]`, value);
  }
  path = new URL(path, 'http://l').pathname;
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  path = path === '/' && localePrefix(locale) ? localePrefix(locale) : `${localePrefix(locale)}${path}`;
  if (!query) return path;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const v of Array.isArray(value) ? value : [value]) search.append(key, v);
  }
  return `${path}?${search.toString()}`;
}

/**
 * Where a route lives inside app/[locale] (the path Next's router and its
 * cache know it by, which the rewrites of next.config.ts lead to):
 * internalRoutePath('/news', 'sq') is '/sq/news', whatever its address.
 */
export function internalRoutePath(route: PlainRoute, locale: Locale): string {
  return route === ROUTES.home ? `/${locale}` : `/${locale}${route}`;
}

/** The leading fixed segments of a path template ('/lajme/[slug]' → 'lajme', '/angazhohu/vende-pune' → 'angazhohu/vende-pune'), or null for '/' and parameters. */
function fixedPrefix(template: string): string | null {
  const fixed: string[] = [];
  for (const segment of template.split('/').slice(1)) {
    if (!segment || segment.startsWith('[')) break;
    fixed.push(segment);
  }
  return fixed.length > 0 ? fixed.join('/') : null;
}

/**
 * The address prefixes of the sections that have an address per language,
 * as a language writes them, each with its route's own prefix: for 'sq',
 * lajme → news, kerko → search and angazhohu/vende-pune →
 * take-action/vacancies; for 'en', each route's own. A section below a page
 * (Take Action's vacancies) is a prefix of several segments: the page
 * itself ('take-action', 'angazhohu') is no section.
 */
export function sectionSegments(locale: Locale): Map<string, string> {
  const segments = new Map<string, string>();
  for (const [route, config] of Object.entries(routing.pathnames)) {
    if (typeof config === 'string') continue;
    const own = fixedPrefix(config[locale]);
    const internal = fixedPrefix(route);
    if (own && internal) segments.set(own, internal);
  }
  return segments;
}

/** The language of a public address: Albanian under /sq, English (the default) everywhere else. */
export function localeOfPath(pathname: string): Locale {
  return locales.find((l) => localePrefix(l) && (pathname === localePrefix(l) || pathname.startsWith(`${localePrefix(l)}/`))) ?? routing.defaultLocale;
}

/**
 * The inverse of localizedPath for a path without a query: the route inside
 * app/[locale] a public address is served from ('/sq/lajme/x' → '/sq/news/x',
 * '/news/x' → '/en/news/x', '/' → '/en').
 */
export function internalPath(publicPath: string): string {
  const locale = localeOfPath(publicPath);
  const rest = publicPath.slice(localePrefix(locale).length).replace(/^\//, '');
  // The longest section prefix the address starts with.
  const match = [...sectionSegments(locale)].filter(([own]) => rest === own || rest.startsWith(`${own}/`)).sort((a, b) => b[0].length - a[0].length)[0];
  const inside = match ? `${match[1]}${rest.slice(match[0].length)}` : rest;
  return inside === '' ? `/${locale}` : `/${locale}/${inside}`;
}

/** The public address of a list's feed in a language: '/news/feed.xml' or '/sq/lajme/feed.xml' (the news list's when not named). */
export function feedPath(locale: Locale, list: typeof ROUTES.news | typeof ROUTES.vacancies = ROUTES.news): string {
  return `${localizedPath(list, locale)}/feed.xml`;
}

/** The routes without parameters whose address is translated (the news list, search). */
export function sectionRoutes(): PlainRoute[] {
  return (Object.keys(routing.pathnames) as (keyof typeof routing.pathnames)[]).filter(
    (route): route is PlainRoute => typeof routing.pathnames[route] !== 'string' && !route.includes('['),
  );
}

/** The unprefixed template of a route in a language: '/lajme' for the news list in Albanian. */
export function routeTemplate(route: keyof typeof routing.pathnames, locale: Locale): string {
  const config = routing.pathnames[route];
  return typeof config === 'string' ? config : config[locale];
}

/** A language's prefix: '' for the default language (English), '/sq' for Albanian. */
export function localePrefix(locale: Locale): string {
  return locale === routing.defaultLocale ? '' : `/${locale}`;
}
