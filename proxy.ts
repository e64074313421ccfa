import { type NextFetchEvent, type NextMiddleware, type NextRequest, NextResponse } from 'next/server';
import { auth } from './auth';
import { internalRoutePath, localizedPath, NEWS_LIST_ROUTES, type PlainRoute } from './i18n/paths';
import { type Locale, locales, ROUTES, routing } from './i18n/routing';
import { preferredLocale } from './lib/accept-language';
import { LOCALE_COOKIE } from './lib/locale-switch';
import { ADMIN_PATH_HEADER, parsePageNumber } from './lib/params';
import { adminContentSecurityPolicy } from './lib/security-headers';
import { encodeSearchKey, normalizeSearchQuery } from './lib/search-query';

/**
 * Decides what Next's router cannot: never an access check (each server
 * action, route handler and data function checks the session itself).
 *
 * Routing (locale prefixes, Albanian section names, ?page=N, /en/...) is done
 * by next.config.ts, and each page answers an address that leads nowhere with
 * the localized 404 itself (components/site/NotFoundView.tsx): Next runs this
 * function on every request its matcher lets through, and that alone costs
 * about as much CPU as serving a cached page. So the matcher below lets
 * through only requests where it may decide something:
 * 1. A first visit to `/` follows the locale cookie, else the browser's
 *    preferred language; every other address is served in its own language.
 * 2. (Nothing here writes the cookie: the reader's choice is remembered by
 *    the language switch, GET /api/locale, on its own uncached redirect —
 *    lib/locale-switch.ts. A page a CDN may cache never sets a cookie.)
 * 3. `?page=` on a news list that is not a page number from 2 up is sent
 *    to the list's own address.
 * 4. `?q=…&page=N` on search becomes the cacheable route search/[key]/[page]
 *    (the query, made one path segment by encodeSearchKey) — for queries
 *    next.config.ts cannot route itself (SIMPLE_QUERY).
 * 5. A page address with a malformed escape gets the 404 page.
 * 6. The editor area: its nonce-based script policy and session renewal.
 */
/** A route's address in each language → the language: { '/search': 'en', '/sq/kerko': 'sq' }. */
function byAddress(route: PlainRoute): Record<string, Locale> {
  return Object.fromEntries(locales.map((locale) => [localizedPath(route, locale), locale]));
}
const SEARCH = byAddress(ROUTES.search);
const NEWS_LIST: Record<string, Locale> = Object.assign({}, ...NEWS_LIST_ROUTES.map(byAddress));

function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * A click from one of our own pages (e.g. the home link of an English page,
 * for a reader whose cookie or browser says Albanian) is a choice, not a
 * first visit: it must not be sent back by the cookie or the browser's
 * language.
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
 * The editor area: a fresh nonce for its strict script policy (Next puts it
 * on its own scripts), nothing stored by caches or search engines. (A server
 * action posted from another site never gets here: lib/request-guard.ts
 * answers it with 403.) Access is checked by each page, action and data
 * function, never here.
 */
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

/**
 * Passing editor-area requests through next-auth renews the session cookie
 * as the user works (the 8-hour limit counts idle time) and drops it past
 * the 7-day limit. It decides nothing about access.
 */
// (next-auth's overloads type this as a route handler; it is its middleware form.)
const adminWithSession = auth((request) => adminResponse(request)) as unknown as NextMiddleware;

export default function proxy(request: NextRequest, event: NextFetchEvent) {
  const { pathname } = request.nextUrl;
  if (pathname === '/admin' || pathname.startsWith('/admin/')) {
    return adminWithSession(request, event);
  }
  return route(request);
}

function route(request: NextRequest): NextResponse {
  const url = request.nextUrl;
  const { pathname } = url;

  if (!decodable(pathname)) {
    // Next's router answers a malformed escape in a page address with 500
    // (also after a rewrite to a route with parameters); its own 404 page,
    // in both languages, instead.
    const internal = url.clone();
    internal.pathname = '/_not-found';
    internal.search = '';
    return NextResponse.rewrite(internal);
  }

  if (pathname === '/' && !isInternalNavigation(request)) {
    const cookie = request.cookies.get(LOCALE_COOKIE)?.value;
    const wanted = cookie === 'en' || cookie === 'sq' ? cookie : preferredLocale(request.headers.get('accept-language'));
    if (wanted && wanted !== routing.defaultLocale) {
      const target = url.clone();
      target.pathname = localizedPath(ROUTES.home, wanted);
      const response = NextResponse.redirect(target, 307);
      response.headers.set('Vary', 'Cookie, Accept-Language');
      return response;
    }
  }

  const listLocale = NEWS_LIST[pathname];
  // (Next's router reads the last of repeated values.)
  const listPage = url.searchParams.getAll('page').at(-1);
  if (listLocale && listPage !== undefined && (parsePageNumber(listPage) ?? 1) < 2) {
    // Not a page number from 2 up (those next.config.ts routes): the list's own address.
    const target = url.clone();
    target.search = '';
    return NextResponse.redirect(target, 308);
  }

  const searchLocale = SEARCH[pathname];
  if (searchLocale) {
    // One query is one cached page (of repeated q's the last, as Next's
    // router reads it for the simple ones).
    const query = normalizeSearchQuery(url.searchParams.getAll('q').at(-1));
    const internal = url.clone();
    internal.search = '';
    const route = internalRoutePath(ROUTES.search, searchLocale);
    internal.pathname = query
      ? `${route}/${encodeURIComponent(encodeSearchKey(query))}/${parsePageNumber(url.searchParams.getAll('page').at(-1)) ?? 1}`
      : route;
    return NextResponse.rewrite(internal);
  }

  // Routed by next.config.ts.
  return NextResponse.next();
}

// Next reads this object without running the module, so it is written out
// in full. A request that matches no entry never runs the proxy; "may prefer
// Albanian" patterns err on the side of running it (the function decides).
export const config = {
  matcher: [
    '/admin',
    '/admin/:path*',
    // A page address with an escape of a non-ASCII byte (no slug has one): to
    // answer a malformed one with the 404 rather than Next's 500.
    '/((?!_next/).*%[89A-Fa-f].*)',
    // A ?page= that is not a page number from 2 up (the PAGE_NUMBER of
    // next.config.ts, repeated): on the news list the function sends it to
    // the list's own address. Any page address may carry one: the section
    // addresses are those of i18n/routing.ts, which this object cannot name
    // (the function lets the others through).
    { source: '/((?!_next/).*)', has: [{ type: 'query', key: 'page' }], missing: [{ type: 'query', key: 'page', value: '(?:[2-9]|[1-9][0-9]{1,5})' }] },
    // A ?q= that is not a simple query (lib/search-query.ts SIMPLE_QUERY,
    // repeated here with its letters as they are, since Next's reading of this
    // object would keep a backslash-u escape as two characters): on search the
    // function routes it; simple ones are routed by next.config.ts.
    {
      source: '/((?!_next/).*)',
      has: [{ type: 'query', key: 'q' }],
      missing: [{ type: 'query', key: 'q', value: '(?=.{1,100}$)[0-9A-Za-zÀ-ÖØ-öø-ɏ]+(?: [0-9A-Za-zÀ-ÖØ-öø-ɏ]+){0,9}' }],
    },
    // The home page's first visit: a locale cookie that is not "en" (it may
    // send the reader to /sq), or no cookie and a browser language list
    // naming sq. Every other page is served in its own language, whatever
    // the cookie or the browser says, without the proxy.
    { source: '/', has: [{ type: 'cookie', key: 'NEXT_LOCALE', value: '(?!en$).*' }] },
    {
      source: '/',
      missing: [{ type: 'cookie', key: 'NEXT_LOCALE' }],
      has: [{ type: 'header', key: 'accept-language', value: '(?:.*[^a-zA-Z])?[sS][qQ](?:[^a-zA-Z].*)?' }],
    },
  ],
};
