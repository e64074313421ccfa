import { localePrefix, sectionSegments } from '@/i18n/paths';
import { type Locale, locales } from '@/i18n/routing';
import { LIMITS, SLUG_PATTERN } from './common';

/**
 * The address rules of pages, without the database: what a page path may
 * look like, which first segments belong to the site's own routes, and how a
 * path becomes a public address.
 *
 * A page's path is its full address below the locale root, without slashes at
 * either end ('who-we-are', 'governance'). It does not follow the tree: moving
 * a page never changes its address.
 */

/** First segments every language keeps for itself: Next's files, the editor area, the locale prefixes. */
const TECHNICAL = ['admin', 'api', 'sitemaps', 'sitemap.xml', 'robots.txt', '_next', '_vercel', 'en', 'sq'] as const;

/**
 * Address prefixes a page may not take in a language (the prefix itself and
 * everything below it): its section addresses, the technical first
 * segments, and the other languages' section addresses (i18n/routing.ts),
 * since next.config.ts redirects `/sq/news/...` to `/sq/lajme/...` and
 * `/lajme/...` to `/news/...`, so such a page could never be reached. A
 * section below a page reserves only its own prefix ('take-action/vacancies'),
 * not the page's address.
 */
export function reservedPrefixes(locale: Locale): readonly string[] {
  const sections = (l: Locale) => [...sectionSegments(l).keys()];
  return [...sections(locale), ...TECHNICAL, ...locales.filter((l) => l !== locale).flatMap(sections)];
}

export type PathProblem = 'pathRequired' | 'pathInvalid' | 'pathReserved' | 'tooLong';

/** Trims spaces and slashes at either end, as staff may type '/who-we-are/'. */
export function normalizePagePath(path: string): string {
  return path.trim().replace(/^\/+|\/+$/g, '');
}

/** Why a (normalized) path cannot be used in a language, or null when it can. */
export function pagePathProblem(locale: Locale, path: string): PathProblem | null {
  if (path === '') return 'pathRequired';
  if (path.length > LIMITS.path) return 'tooLong';
  const segments = path.split('/');
  if (!segments.every((s) => SLUG_PATTERN.test(s))) return 'pathInvalid';
  if (reservedPrefixes(locale).some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) return 'pathReserved';
  return null;
}

/** The public address of a page path: '/who-we-are' in English, '/sq/kush-jemi' in Albanian. */
export function pagePublicPath(locale: Locale, path: string): string {
  return `${localePrefix(locale)}/${path}`;
}

export const EXTERNAL_URL_MAX = 2000;

/** An external link's address, normalized, or null when it is not an absolute http(s) URL. */
export function normalizeExternalUrl(value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed || trimmed.length > EXTERNAL_URL_MAX) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname || url.username || url.password) return null;
  return url.toString();
}
