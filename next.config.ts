import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { ACTION_BODY_LIMIT } from './lib/request-guard';
import { SIMPLE_QUERY } from './lib/search-query';
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

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Rendered pages are cached in this process's memory only. The default
  // would also write them under .next/, which every server started from the
  // same build shares — a server with another DATA_DIR (a test, a second
  // instance) would then serve pages rendered from someone else's database.
  // 32 MB holds a couple of hundred pages (home, lists, recent articles and
  // popular searches), least recently used first out; it is held outside
  // V8's capped heap (lib/cli/next-start.mjs), so it counts on its own.
  cacheMaxMemorySize: 32 * 1024 * 1024,
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
      { source: '/sq/news/:rest*', destination: '/sq/lajme/:rest*', permanent: true },
      { source: '/sq/search/:rest*', destination: '/sq/kerko', permanent: true },
      { source: '/lajme/:rest*', destination: '/news/:rest*', permanent: true },
      { source: '/kerko/:rest*', destination: '/search', permanent: true },
      // The internal routes below are no addresses of their own.
      { source: '/news/page/:n', destination: '/news?page=:n', permanent: true },
      { source: '/sq/lajme/page/:n', destination: '/sq/lajme?page=:n', permanent: true },
      { source: '/search/:rest+', destination: '/search', permanent: true },
      { source: '/sq/kerko/:rest+', destination: '/sq/kerko', permanent: true },
    ];
  },
  async rewrites() {
    return {
      // Rules are tried in order on every request: the busiest address first.
      beforeFiles: [
        { source: '/', destination: '/en' },
        // ?page=N of the news list → its cacheable route (any other ?page= is
        // sent to the list's own address by proxy.ts).
        ...(['en', 'sq'] as const).map((locale) => ({
          source: locale === 'sq' ? '/sq/lajme' : '/news',
          has: [{ type: 'query' as const, key: 'page', value: `(?<page>${PAGE_NUMBER})` }],
          destination: `/${locale}/news/page/:page`,
        })),
        // A simple search query (most are) → its cached result page, the query
        // as the path segment; any other query is routed by proxy.ts.
        ...(['en', 'sq'] as const).flatMap((locale) => {
          const source = locale === 'sq' ? '/sq/kerko' : '/search';
          const q = { type: 'query' as const, key: 'q', value: `(?<q>${SIMPLE_QUERY})` };
          return [
            { source, has: [q, { type: 'query' as const, key: 'page', value: '(?<page>[1-9][0-9]{0,5})' }], destination: `/${locale}/search/:q/:page` },
            { source, has: [q], destination: `/${locale}/search/:q/1` },
          ];
        }),
        { source: '/sq/kerko', destination: '/sq/search' },
        { source: '/news/feed.xml', destination: '/en/news/feed.xml' },
        { source: '/sq/lajme/feed.xml', destination: '/sq/news/feed.xml' },
        { source: '/sq/lajme', destination: '/sq/news' },
        // Slugs are ASCII: an address with any other escape is left to the
        // [...path] route, which answers it with the 404. (A malformed escape
        // never gets here: Next's router would answer it with 500, so
        // proxy.ts sends it to the 404 page first.)
        { source: `/sq/lajme/:slug(${ASCII_SEGMENT})`, destination: '/sq/news/:slug' },
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
    ];
  },
};

export default withNextIntl(nextConfig);
