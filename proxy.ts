import { type NextFetchEvent, type NextMiddleware, type NextRequest, NextResponse } from 'next/server';
import createMiddleware from 'next-intl/middleware';
import { auth } from './auth';
import { movedTo, newsPageCount, publicArticleExists, publicPageExists } from './db/queries/addresses';
import { type Locale, routing } from './i18n/routing';
import { preferredLocale } from './lib/accept-language';
import { trustProxy } from './lib/client-address';
import { adminContentSecurityPolicy } from './lib/security-headers';
import { ADMIN_PATH_HEADER, MAX_PATH_LENGTH, NOT_FOUND_LOCALE_HEADER, parsePageNumber } from './lib/params';
import { encodeSearchKey, normalizeSearchQuery } from './lib/search-query';

/**
 * Locale routing only — never an access check (each server action, route
 * handler and data function checks the session itself).
 *
 * Around next-intl's own routing it does what next-intl does not:
 * 1. `/en/...` → 308 to the unprefixed English address (DESIGN.md).
 * 2. A first visit to `/` follows the locale cookie, else the browser's
 *    preferred language; every other address is served in its own language.
 * 3. `?page=N` on the news index becomes the cacheable route news/page/N,
 *    and `?q=…&page=N` on search the cacheable route search/[key]/[page].
 * 4. An address that leads to no published content is answered with the
 *    localized 404 page (app/global-not-found.tsx, status 404). Pages still
 *    call notFound() themselves, but Next 16.3+ then sends an empty HTML body
 *    (vercel/next.js#98295), which a visitor without JavaScript and a crawler
 *    would see as a blank page.
 * 5. The language last read is remembered in a cookie, for (2).
 */
const intl = createMiddleware(routing);

const LOCALE_COOKIE = 'NEXT_LOCALE';

const NEWS_INDEX: Record<string, Locale> = { '/news': 'en', '/sq/lajme': 'sq' };
const NEWS_BASE: Record<Locale, string> = { en: '/news', sq: '/sq/lajme' };
const SEARCH: Record<string, Locale> = { '/search': 'en', '/sq/kerko': 'sq' };

function localeOf(pathname: string): Locale {
  return pathname === '/sq' || pathname.startsWith('/sq/') ? 'sq' : 'en';
}

/**
 * A click from one of our own pages (e.g. the switch to English on /sq) is a
 * choice, not a first visit: it must not be sent back by the cookie or the
 * browser's language.
 */
function isInternalNavigation(request: NextRequest): boolean {
  if (request.headers.get('sec-fetch-site') === 'same-origin') return true;
  const referer = request.headers.get('referer');
  if (!referer) return false;
  try {
    return new URL(referer).host === request.headers.get('host');
  } catch {
    return false;
  }
}

/**
 * Remembers the language last read, for the next first visit to `/`. The
 * cookie is written only when it would change something: a reader whose
 * browser language already leads to the page's language (every English
 * reader, every crawler) never gets one, so cached pages stay cookie-free.
 */
function rememberLocale(request: NextRequest, response: NextResponse): NextResponse {
  const dest = request.headers.get('sec-fetch-dest');
  if (dest !== null && dest !== 'document') return response;
  if (response.status >= 300 && response.status < 400) return response;
  if (response.headers.get('x-middleware-rewrite')?.includes('/_not-found')) return response;
  const locale = localeOf(request.nextUrl.pathname);
  const current = request.cookies.get(LOCALE_COOKIE)?.value;
  const byBrowser = preferredLocale(request.headers.get('accept-language')) ?? routing.defaultLocale;
  if (current ? current !== locale : byBrowser !== locale) {
    response.cookies.set(LOCALE_COOKIE, locale, { path: '/', sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 });
  }
  return response;
}

function notFound(request: NextRequest, locale: Locale): NextResponse {
  const headers = new Headers(request.headers);
  headers.set(NOT_FOUND_LOCALE_HEADER, locale);
  return NextResponse.rewrite(new URL('/_not-found', request.url), { request: { headers } });
}

function decodePath(encoded: string): string | null {
  try {
    const decoded = decodeURIComponent(encoded);
    // eslint-disable-next-line no-control-regex
    return decoded.length > 0 && decoded.length <= MAX_PATH_LENGTH && !/[\u0000-\u001f]/.test(decoded) ? decoded : null;
  } catch {
    return null;
  }
}

/**
 * Whether the content an external address names is published. `pathname` is
 * one that next-intl serves as it is (not one it redirects).
 */
function contentExists(pathname: string, locale: Locale): boolean {
  const rest = locale === 'sq' ? pathname.slice(3) : pathname;
  if (rest === '' || rest === '/') return true;
  const base = locale === 'sq' ? '/lajme' : '/news';
  // (Search, /search and /sq/kerko, is routed before this is asked.)
  if (rest === base) return true;
  if (rest.startsWith(`${base}/`)) {
    const slug = decodePath(rest.slice(base.length + 1));
    if (slug !== null && !slug.includes('/')) return publicArticleExists(locale, slug);
  }
  const pagePath = decodePath(rest.slice(1));
  return pagePath !== null && publicPageExists(locale, pagePath);
}

/**
 * The editor area: a fresh nonce for its strict script policy (Next puts it
 * on its own scripts), nothing stored by caches or search engines, and a
 * server action posted from another site refused with 403 before Next's own
 * origin check would answer it with a 500. Access is checked by each page,
 * action and data function, never here.
 */
function refuseCrossSiteAction(request: NextRequest): NextResponse | null {
  if (request.method === 'POST' && request.headers.has('next-action')) {
    const origin = request.headers.get('origin');
    // Behind a trusted reverse proxy the public host is in X-Forwarded-Host.
    const host = (trustProxy() && request.headers.get('x-forwarded-host')) || request.headers.get('host');
    let sameOrigin = false;
    try {
      sameOrigin = origin !== null && new URL(origin).host === host;
    } catch {
      sameOrigin = false;
    }
    if (!sameOrigin) return new NextResponse('Forbidden: cross-site request', { status: 403, headers: { 'Cache-Control': 'no-store' } });
  }
  return null;
}

function adminResponse(request: NextRequest): NextResponse {
  const nonce = btoa(crypto.randomUUID());
  const policy = adminContentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', policy);
  // Where to come back to after signing in, for the layout that sends the
  // anonymous to the sign-in page (layouts are not told the address).
  headers.set(ADMIN_PATH_HEADER, request.nextUrl.pathname.slice(0, 500));
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  response.headers.set('Cache-Control', 'no-store');
  response.headers.set('X-Robots-Tag', 'noindex, nofollow');
  return response;
}

const FEEDS: Record<string, Locale> = { '/news/feed.xml': 'en', '/sq/lajme/feed.xml': 'sq' };

/**
 * Passing editor-area requests through next-auth renews the session cookie
 * as the user works (the 8-hour limit counts idle time) and drops it past
 * the 7-day limit. It decides nothing about access.
 */
// (next-auth's overloads type this as a route handler; it is its middleware form.)
const adminWithSession = auth((request) => adminResponse(request)) as unknown as NextMiddleware;

export default function proxy(request: NextRequest, event: NextFetchEvent) {
  const { pathname } = request.nextUrl;
  const feed = FEEDS[pathname];
  if (feed) return NextResponse.rewrite(new URL(`/${feed}/news/feed.xml`, request.url));
  if (pathname === '/admin' || pathname.startsWith('/admin/')) {
    // A cross-site action post is refused before anything else runs.
    const refused = refuseCrossSiteAction(request);
    return refused ?? adminWithSession(request, event);
  }
  return rememberLocale(request, route(request));
}

function route(request: NextRequest): NextResponse {
  const url = request.nextUrl;
  const { pathname } = url;

  if (pathname === '/en' || pathname.startsWith('/en/')) {
    const target = url.clone();
    target.pathname = pathname.slice(3) || '/';
    return NextResponse.redirect(target, 308);
  }

  if (pathname === '/' && !isInternalNavigation(request)) {
    const cookie = request.cookies.get(LOCALE_COOKIE)?.value;
    const wanted = cookie === 'en' || cookie === 'sq' ? cookie : preferredLocale(request.headers.get('accept-language'));
    if (wanted === 'sq') {
      const target = url.clone();
      target.pathname = '/sq';
      const response = NextResponse.redirect(target, 307);
      response.headers.set('Vary', 'Cookie, Accept-Language');
      return response;
    }
  }
  if (pathname === '/') {
    const response = intl(request);
    response.headers.set('Vary', 'Cookie, Accept-Language');
    return response;
  }

  const newsLocale = NEWS_INDEX[pathname];
  if (newsLocale && url.searchParams.has('page')) {
    const values = url.searchParams.getAll('page');
    const page = parsePageNumber(values.length === 1 ? values[0] : null);
    if (page === null || page === 1) {
      // Not a page number, or page 1: the list's own address.
      const target = url.clone();
      target.search = '';
      return NextResponse.redirect(target, 308);
    }
    if (page > newsPageCount(newsLocale)) return notFound(request, newsLocale);
    const internal = url.clone();
    internal.pathname = `/${newsLocale}/news/page/${page}`;
    internal.search = '';
    return NextResponse.rewrite(internal);
  }

  const searchLocale = SEARCH[pathname];
  if (searchLocale) {
    // One query (the first q, as the page shows it) is one cached page.
    const query = normalizeSearchQuery(url.searchParams.get('q'));
    const internal = url.clone();
    internal.search = '';
    internal.pathname = query
      ? `/${searchLocale}/search/${encodeSearchKey(query)}/${parsePageNumber(url.searchParams.get('page')) ?? 1}`
      : `/${searchLocale}/search`;
    return NextResponse.rewrite(internal);
  }

  // The internal list-page route is not an address of its own.
  const listPage = pathname.match(/^\/(?:(sq)\/)?(?:news|lajme)\/page\/([^/]+)$/);
  if (listPage) {
    const locale: Locale = listPage[1] === 'sq' ? 'sq' : 'en';
    const page = parsePageNumber(listPage[2]);
    const target = url.clone();
    target.pathname = NEWS_BASE[locale];
    target.search = page && page > 1 ? `?page=${page}` : '';
    return NextResponse.redirect(target, 308);
  }

  const response = intl(request);
  if (response.status >= 300 && response.status < 400) return response;
  const locale = localeOf(pathname);
  if (contentExists(pathname, locale)) return response;
  // An address that moved (a published slug or path changed): 301 to where it lives now.
  const target = movedTo(locale, decodePath(pathname) ?? pathname);
  if (target) return NextResponse.redirect(new URL(target, request.url), 301);
  return notFound(request, locale);
}

export const config = {
  // Public pages: everything but API routes, the editor area, Next's own
  // files and files with an extension. And the editor area, for its headers.
  matcher: ['/((?!api/|admin(?:/|$)|_next/|_vercel/|.*\\..*).*)', '/admin', '/admin/:path*', '/news/feed.xml', '/sq/lajme/feed.xml'],
};
