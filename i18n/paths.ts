import { type Locale, locales, ROUTES, routing } from './routing';

type Query = Record<string, string | string[]>;

/** A route of routing.pathnames without parameters. */
export type PlainRoute = typeof ROUTES.home | NewsListRoute | typeof ROUTES.search;

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
  | { pathname: typeof ROUTES.article; params: { slug: string }; query?: Query }
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

/** The first segment of a path template ('/lajme/[slug]' → 'lajme'), or null for '/' and parameters. */
function firstSegment(template: string): string | null {
  const first = template.split('/')[1];
  return first && !first.startsWith('[') ? first : null;
}

/**
 * The first segments of the sections that have an address per language, as
 * a language writes them, each with its route's own segment: for 'sq',
 * lajme → news and kerko → search; for 'en', news → news and search → search.
 */
export function sectionSegments(locale: Locale): Map<string, string> {
  const segments = new Map<string, string>();
  for (const [route, config] of Object.entries(routing.pathnames)) {
    if (typeof config === 'string') continue;
    const own = firstSegment(config[locale]);
    const internal = firstSegment(route);
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
  const rest = publicPath.slice(localePrefix(locale).length);
  const [, first = '', ...more] = rest.split('/');
  const segment = sectionSegments(locale).get(first) ?? first;
  return segment === '' && more.length === 0 ? `/${locale}` : `/${locale}/${[segment, ...more].join('/')}`;
}

/** The public address of a language's news feed: '/news/feed.xml' or '/sq/lajme/feed.xml'. */
export function feedPath(locale: Locale): string {
  return `${localizedPath(ROUTES.news, locale)}/feed.xml`;
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
