import { localeOfPath, localizedPath } from '@/i18n/paths';
import { isLocale, type Locale } from '@/i18n/routing';

/**
 * The reader's language choice. It is remembered in a cookie (for the next
 * first visit to `/`, see proxy.ts) only when the reader chooses: every link
 * into the other language goes through GET /api/locale
 * (app/api/locale/route.ts), which sets the cookie on its own uncached
 * redirect. Pages, which a CDN may cache, never set it: a shared cache would
 * store the cookie with the page and hand it to every later reader.
 */
export const LOCALE_COOKIE = 'NEXT_LOCALE';
const SWITCH_ROUTE = '/api/locale';

/** The address of a link to `target` (a public address in `locale`) that also remembers the choice. */
export function languageSwitchHref(locale: Locale, target: string): string {
  return `${SWITCH_ROUTE}?${new URLSearchParams({ to: locale, next: target }).toString()}`;
}

/** Addresses the switch never sends to: not public pages. */
const NOT_PUBLIC = /^\/(?:api|admin|_next)(?:\/|$)/;

/**
 * Where the switch sends the reader: `next` when it is a public address of
 * this site in the language `to` — a path (never another origin: no `//`,
 * no backslash, no control character or space, which browsers read as a
 * host), outside the editor area and the API — else the home page of `to`.
 * Null when `to` is no language of the site.
 */
export function switchTarget(to: string | null, next: string | null): { locale: Locale; location: string } | null {
  if (!isLocale(to)) return null;
  const home = { locale: to, location: localizedPath('/', to) };
  // eslint-disable-next-line no-control-regex -- control characters are what it refuses
  if (!next || next.length > 2000 || !next.startsWith('/') || next.startsWith('//') || /[\\\u0000-\u0020\u007f]/.test(next)) return home;
  let url: URL;
  try {
    url = new URL(next, 'http://site.invalid');
  } catch {
    return home;
  }
  if (url.origin !== 'http://site.invalid' || NOT_PUBLIC.test(url.pathname) || localeOfPath(url.pathname) !== to) return home;
  return { locale: to, location: url.pathname + url.search };
}
