import path from 'node:path';
import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { feedPath, internalRoutePath, localePrefix, localizedPath, NEWS_LIST_ROUTES, type PlainRoute, routeTemplate, sectionRoutes } from './i18n/paths';
import { locales, ROUTES, routing } from './i18n/routing';
import { ACTION_BODY_LIMIT } from './lib/request-guard';
import { SIMPLE_QUERY } from './lib/search-query';
import { cacheTagRules } from './lib/cache-tags';
import { BASE_HEADERS, publicContentSecurityPolicy } from './lib/security-headers';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/** A news list page number from 2 up (parsePageNumber in lib/params.ts allows 6 digits); proxy.ts repeats it. */
const PAGE_NUMBER = '[2-9]|[1-9][0-9]{1,5}';
/** One path segment whose escapes, if any, are of ASCII characters. */
const ASCII_SEGMENT = '(?:[^/%]|%[0-7][0-9A-Fa-f])+';
/**
 * Paths served in English under /en: all but /sq, /en and the routes outside
 * app/[locale] that have parameters — the editor area, Next's files, media
 * files and the sitemap files (/sitemaps/<file>; a deeper path is a page
 * address that leads nowhere). Static routes, like /api/health, are matched
 * before this rewrite is asked.
 */
const ENGLISH_PATH = '(?!(?:sq|en|admin)(?:/|$)|(?:_next|media)/|sitemaps/[^/]*$).*';

/**
 * The section addresses are those of i18n/routing.ts: the rules below are
 * made from them. The languages whose section names are translated (not the
 * default language's, which are the routes' own names) get rewrites.
 */
const TRANSLATED = locales.filter((locale) => locale !== routing.defaultLocale);

/** The lists whose items have addresses below the list's own, with a feed each. */
const ITEM_LISTS = [ROUTES.news, ROUTES.vacancies] as const;

/** Whether a section has addresses below its own (the news list: its articles). */
function hasAddressesBelow(route: PlainRoute): boolean {
  return Object.keys(routing.pathnames).some((other) => other.startsWith(`${route}/`));
}

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The tests' build (scripts/build.mjs, typeCheck: false) skips Next's own
  // TypeScript pass: `npm test` has run `tsc --noEmit` over the same project.
  typescript: { ignoreBuildErrors: process.env.IOM_BUILD_TYPES_CHECKED === '1' },
  // Rendered pages are cached in this process's memory only. The default
  // would also write them under .next/, which every server started from the
  // same build shares — a server with another DATA_DIR (a test, a second
  // instance) would then serve pages rendered from someone else's database.
  // 32 MB holds a couple of hundred pages (home, lists, recent articles and
  // popular searches), least recently used first out; it is held outside
  // V8's capped heap (scripts/next-start.mjs), so it counts on its own.
  cacheMaxMemorySize: 32 * 1024 * 1024,
  // With REDIS_URL, several processes share one cache in Redis
  // (lib/cache-handler.mjs); read when the server starts, so one build runs
  // either way.
  cacheHandler: process.env.REDIS_URL ? path.resolve('lib/cache-handler.mjs') : undefined,
  // How long a CDN may keep serving a page while it fetches a fresh one.
  expireTime: 24 * 60 * 60,
  experimental: {
    isrFlushToDisk: false,
    // The root layout is app/[locale]/layout.tsx; the 404 page for addresses
    // that match no route at all is app/global-not-found.tsx (public pages answer
    // their own 404s: components/site/NotFoundView.tsx).
    globalNotFound: true,
    // forbidden() answers 403 in the editor area.
    authInterrupts: true,
    // lib/request-guard.ts refuses a larger body (413) before Next reads it;
    // Next's own limit is set to the same figure.
    serverActions: { bodySizeLimit: ACTION_BODY_LIMIT },
  },
  serverExternalPackages: ['better-sqlite3'],
  // Public addresses → routes inside app/[locale]. This was proxy.ts's job,
  // but Next runs the proxy on every request it matches and that alone costs
  // about as much CPU as serving a cached page (measured: 0.4–0.6 ms a request
  // on this machine), so the proxy now runs only where it decides something
  // (see its matcher) and routing is done here, by Next's own router.
  async redirects() {
    return [
      // DESIGN.md: /en/... is the unprefixed English address (the query goes along).
      { source: '/en', destination: '/', permanent: true },
      { source: '/en/:path*', destination: '/:path*', permanent: true },
      // Each language's section names, in the other language's prefix.
      ...locales.flatMap((locale) =>
        sectionRoutes().flatMap((route) =>
          locales
            .filter((other) => routeTemplate(route, other) !== routeTemplate(route, locale))
            .map((other) => ({
              source: `${localePrefix(locale)}${routeTemplate(route, other)}/:rest*`,
              // A section with addresses below it (the news list's articles) keeps the rest.
              destination: hasAddressesBelow(route) ? `${localizedPath(route, locale)}/:rest*` : localizedPath(route, locale),
              permanent: true,
            })),
        ),
      ),
      // The internal routes below are no addresses of their own.
      ...NEWS_LIST_ROUTES.flatMap((list) =>
        locales.map((locale) => ({ source: `${localizedPath(list, locale)}/page/:n`, destination: `${localizedPath(list, locale)}?page=:n`, permanent: true })),
      ),
      ...locales.map((locale) => ({ source: `${localizedPath(ROUTES.search, locale)}/:rest+`, destination: localizedPath(ROUTES.search, locale), permanent: true })),
    ];
  },
  async rewrites() {
    return {
      // Rules are tried in order on every request: the busiest address first.
      // The routes inside app/[locale] are named as English addresses are, so
      // the English ones reach theirs through afterFiles below; the
      // translated addresses of the other languages are rewritten here.
      beforeFiles: [
        { source: '/', destination: '/en' },
        // ?page=N of a news list → its cacheable route (any other ?page= is
        // sent to the list's own address by proxy.ts).
        ...NEWS_LIST_ROUTES.flatMap((list) =>
          locales.map((locale) => ({
            source: localizedPath(list, locale),
            has: [{ type: 'query' as const, key: 'page', value: `(?<page>${PAGE_NUMBER})` }],
            destination: `${internalRoutePath(list, locale)}/page/:page`,
          })),
        ),
        // A simple search query (most are) → its cached result page, the query
        // as the path segment; any other query is routed by proxy.ts.
        ...locales.flatMap((locale) => {
          const source = localizedPath(ROUTES.search, locale);
          const route = internalRoutePath(ROUTES.search, locale);
          const q = { type: 'query' as const, key: 'q', value: `(?<q>${SIMPLE_QUERY})` };
          return [
            { source, has: [q, { type: 'query' as const, key: 'page', value: '(?<page>[1-9][0-9]{0,5})' }], destination: `${route}/:q/:page` },
            { source, has: [q], destination: `${route}/:q/1` },
          ];
        }),
        ...TRANSLATED.map((locale) => ({ source: localizedPath(ROUTES.search, locale), destination: internalRoutePath(ROUTES.search, locale) })),
        // The news lists of one kind (press releases, stories) have no items below them.
        ...TRANSLATED.flatMap((locale) =>
          NEWS_LIST_ROUTES.filter((list) => list !== ROUTES.news).map((list) => ({ source: localizedPath(list, locale), destination: internalRoutePath(list, locale) })),
        ),
        // The lists with items below them (news, vacancies): their feeds, then
        // the translated addresses of the list and its items.
        ...ITEM_LISTS.flatMap((list) => locales.map((locale) => ({ source: feedPath(locale, list), destination: `${internalRoutePath(list, locale)}/feed.xml` }))),
        ...ITEM_LISTS.flatMap((list) =>
          TRANSLATED.flatMap((locale) => [
            { source: localizedPath(list, locale), destination: internalRoutePath(list, locale) },
            // Slugs are ASCII: an address with any other escape is left to the
            // [...path] route, which answers it with the 404. (A malformed escape
            // never gets here: Next's router would answer it with 500, so
            // proxy.ts sends it to the 404 page first.)
            { source: `${localizedPath(list, locale)}/:slug(${ASCII_SEGMENT})`, destination: `${internalRoutePath(list, locale)}/:slug` },
          ]),
        ),
      ],
      // Every other address without /sq is English. After Next's own files
      // and static routes (robots.txt, icons, /api/health …); the routes with
      // parameters of the editor area, media and sitemaps are left out by
      // name. Unknown addresses (/api/nothing too) end in
      // app/[locale]/[...path], which answers them with the localized 404.
      afterFiles: [{ source: `/:path(${ENGLISH_PATH})`, destination: '/en/:path' }],
    };
  },
  async headers() {
    return [
      { source: '/:path*', headers: BASE_HEADERS },
      // The editor area gets its own, nonce-based policy from proxy.ts.
      { source: '/((?!admin(?:/|$)).*)', headers: [{ key: 'Content-Security-Policy', value: publicContentSecurityPolicy() }] },
      // What each public response shows, for a CDN's purge by tag.
      ...cacheTagRules(),
    ];
  },
};

export default withNextIntl(nextConfig);
