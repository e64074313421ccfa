import { type Locale, routing } from './routing';

type Query = Record<string, string | string[]>;

/** A typed internal address (the keys of routing.pathnames), localized by localizedPath. */
export type AppHref =
  | '/'
  | '/news'
  | '/search'
  | { pathname: '/' | '/news' | '/search'; query?: Query }
  | { pathname: '/news/[slug]'; params: { slug: string }; query?: Query }
  | { pathname: '/[...path]'; params: { path: string[] }; query?: Query };

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
  const config = routing.pathnames[pathname];
  let path: string = typeof config === 'string' ? config : config[locale];
  for (const [key, value] of Object.entries(params ?? {})) {
    path = Array.isArray(value) ? path.replace(`[...${key}]`, value.join('/')) : path.replace(`[${key}]`, value);
  }
  path = new URL(path, 'http://l').pathname;
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  if (locale !== routing.defaultLocale) path = path === '/' ? `/${locale}` : `/${locale}${path}`;
  if (!query) return path;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const v of Array.isArray(value) ? value : [value]) search.append(key, v);
  }
  return `${path}?${search.toString()}`;
}
