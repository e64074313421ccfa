import { type NextRequest, NextResponse } from 'next/server';
import createMiddleware from 'next-intl/middleware';
import { routing } from './i18n/routing';
import { parsePageNumber } from './lib/params';

/**
 * Locale routing only — never an access check (each server action, route
 * handler and data function checks the session itself).
 *
 * Before next-intl's own routing, three things it does not do:
 * 1. `/en/...` → 308 to the unprefixed English address (DESIGN.md).
 * 2. A first visit to `/` follows the locale cookie, else the browser's
 *    preferred language; every other address is served in its own language.
 * 3. `?page=N` on the news index becomes the cacheable route news/page/N.
 */
const intl = createMiddleware(routing);

const NEWS_INDEX: Record<string, 'en' | 'sq'> = { '/news': 'en', '/sq/lajme': 'sq' };

/** The best of our locales for an Accept-Language header, by quality. */
export function preferredLocale(header: string | null): 'en' | 'sq' | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.toLowerCase().split('-')[0], q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((l) => l.q > 0 && !Number.isNaN(l.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const l of ranked) if (l.lang === 'en' || l.lang === 'sq') return l.lang;
  return null;
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

const LOCALE_COOKIE = 'NEXT_LOCALE';

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
  const pathname = request.nextUrl.pathname;
  const locale = pathname === '/sq' || pathname.startsWith('/sq/') ? 'sq' : 'en';
  const current = request.cookies.get(LOCALE_COOKIE)?.value;
  const byBrowser = preferredLocale(request.headers.get('accept-language')) ?? routing.defaultLocale;
  if (current ? current !== locale : byBrowser !== locale) {
    response.cookies.set(LOCALE_COOKIE, locale, { path: '/', sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 });
  }
  return response;
}

export default function proxy(request: NextRequest) {
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
    const page = parsePageNumber(url.searchParams.getAll('page').length === 1 ? url.searchParams.get('page') : null);
    if (page === null || page === 1) {
      // Not a page number, or page 1: the list's own address.
      const target = url.clone();
      target.search = '';
      return NextResponse.redirect(target, 308);
    }
    const internal = url.clone();
    internal.pathname = `/${newsLocale}/news/page/${page}`;
    internal.search = '';
    return NextResponse.rewrite(internal);
  }

  // The internal list-page route is not an address of its own.
  const listPage = pathname.match(/^\/(?:(sq)\/)?(?:news|lajme)\/page\/([^/]+)\/?$/);
  if (listPage) {
    const target = url.clone();
    target.pathname = listPage[1] === 'sq' ? '/sq/lajme' : '/news';
    const page = parsePageNumber(listPage[2]);
    target.search = page && page > 1 ? `?page=${page}` : '';
    return NextResponse.redirect(target, 308);
  }

  return intl(request);
}

export const config = {
  // Everything but API routes, the editor area, Next's own files and files with an extension.
  matcher: ['/((?!api|admin|_next|_vercel|.*\\..*).*)'],
};
