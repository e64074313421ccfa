import { feedPath, localizedPath } from '../i18n/paths';
import { type Locale, locales, ROUTES } from '../i18n/routing';

/**
 * Cache tags: what a public response shows, named so a CDN can drop exactly
 * what a change touches (Cloudflare reads `Cache-Tag`, comma-separated;
 * Fastly and Varnish's xkey read `Surrogate-Key`, space-separated).
 *
 * The vocabulary is that of lib/next-cache.ts, which tells Next's own cache
 * what a change touched: a content write returns the public addresses it
 * changed (`changedPaths`) and whether news or the menu changed, and
 * purgeTags below turns that same description into tags, as
 * nextCacheRevalidations turns it into paths. Each page carries:
 * - `site`: every public response (the menu and footer are on every page,
 *   so a menu change or a used image's new alt text drops everything);
 * - `lang-en` / `lang-sq`: its language;
 * - `addr<address>`: its own public address (`addr/news/x`, `addr/sq`), the
 *   item it shows and the paths that nextCacheRevalidations revalidates;
 * - its kind: `home`, `news-list` (every page of the list), `feed`,
 *   `search`, `sitemap`.
 * A tag never holds a space, a comma or a colon (next.config.ts writes the
 * address into the header from the request's path).
 */

export const CACHE_TAG_HEADERS = ['Cache-Tag', 'Surrogate-Key'] as const;

export const SITE_TAG = 'site';

/** The tag of one public address (no query): 'addr/news/x'. */
export function addressTag(publicPath: string): string {
  return `addr${publicPath}`;
}

const langTag = (locale: Locale) => `lang-${locale}`;

/** What a change touched, as revalidatePublic (lib/revalidate.ts) is told it. */
export type PublicChange = { paths: string[]; news?: boolean; menu?: boolean };

/** The tags a CDN must drop after `change`. */
export function purgeTags(change: PublicChange): string[] {
  if (change.menu) return [SITE_TAG];
  // No public address changed (a draft saved): nothing to drop.
  if (change.paths.length === 0) return [];
  const tags = new Set(change.paths.map(addressTag));
  // Search results may list (or miss) what changed; the sitemaps list the addresses.
  tags.add('search');
  tags.add('sitemap');
  if (change.news) {
    tags.add('news-list');
    tags.add('feed');
  }
  return [...tags].sort();
}

const ADDRESS_PREFIX = addressTag('');

/**
 * The change a purge's tags were made from (purgeTags' inverse, up to the
 * order of paths): what Next's own cache drops when a purge queued for
 * later falls due (lib/next-cache.ts).
 */
export function changeOfTags(tags: string[]): PublicChange {
  if (tags.includes(SITE_TAG)) return { paths: [], menu: true };
  const paths = tags.filter((t) => t.startsWith(`${ADDRESS_PREFIX}/`)).map((t) => t.slice(ADDRESS_PREFIX.length));
  return tags.includes('news-list') ? { paths, news: true } : { paths };
}

type HeaderRule = { source: string; headers: { key: string; value: string }[]; has?: { type: 'query'; key: string }[] };

function rule(source: string, tags: string[]): HeaderRule {
  return { source, headers: CACHE_TAG_HEADERS.map((key) => ({ key, value: tags.join(key === 'Cache-Tag' ? ',' : ' ') })) };
}

/**
 * next.config.ts's header rules that tag every public response. Next applies
 * every matching rule in order, a later one replacing an earlier one's
 * header, so the general rules come first. `:path` in a value is the
 * request's own path (its public address).
 */
export function cacheTagRules(): HeaderRule[] {
  const rules: HeaderRule[] = [
    // English: every address outside /sq and the uncached areas (the editor
    // area, the API, media files, Next's files).
    rule('/:path((?!(?:sq|admin|api|media|_next)(?:/|$)).+)', [SITE_TAG, langTag('en'), addressTag('/:path')]),
    rule('/sq/:path(.+)', [SITE_TAG, langTag('sq'), addressTag('/sq/:path')]),
  ];
  for (const locale of locales) {
    const home = localizedPath(ROUTES.home, locale);
    const list = localizedPath(ROUTES.news, locale);
    const search = localizedPath(ROUTES.search, locale);
    const base = [SITE_TAG, langTag(locale)];
    rules.push(
      rule(home, [...base, 'home', addressTag(home)]),
      rule(list, [...base, 'news-list', addressTag(list)]),
      rule(`${list}/:slug([^/]+)`, [...base, 'news', addressTag(`${list}/:slug`)]),
      rule(feedPath(locale), [...base, 'feed', 'news-list', addressTag(feedPath(locale))]),
      rule(search, [...base, 'search']),
    );
  }
  rules.push(rule('/sitemap.xml', [SITE_TAG, 'sitemap']), rule('/sitemaps/:file', [SITE_TAG, 'sitemap']));
  return rules;
}
