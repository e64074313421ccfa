import { feedPath, internalPath } from '../i18n/paths';
import { locales } from '../i18n/routing';
import { changeOfTags, type PublicChange } from './cache-tags';

/**
 * What Next's own cache drops after a change the public sees. A change
 * returns the public addresses it touched ('/news/x', '/sq/lajme/x', '/sq');
 * the cache knows the pages by their route inside app/[locale], so the
 * addresses are mapped to it ('/en/news/x', '/sq/news/x', '/sq') by
 * internalPath (i18n/paths.ts).
 *
 * Two callers: lib/revalidate.ts, in the editor's request (revalidatePath),
 * and the CDN purge loop, when an item scheduled for later reaches its time
 * (expireNextCache below): no request is under way then, and revalidatePath
 * works only inside one, so the loop expires the same tags through the
 * cache itself.
 */

/** One revalidatePath call: an address, or a route with its type. */
export type PathRevalidation = { path: string; type?: 'page' | 'layout' };

/** The revalidatePath calls that drop what `change` touched. */
export function nextCacheRevalidations(change: PublicChange): PathRevalidation[] {
  // The menu is in every public page's layout.
  if (change.menu) return [{ path: '/', type: 'layout' }];
  if (change.paths.length === 0) return [];
  const calls: PathRevalidation[] = [...new Set(change.paths)].map((p) => ({ path: internalPath(p) }));
  // Cached search results may list (or miss) what changed.
  calls.push({ path: '/[locale]/search/[key]/[page]', type: 'page' });
  if (change.news) {
    calls.push({ path: '/[locale]/news/page/[n]', type: 'page' });
    // A route handler's cache entry is tagged with the address it was asked
    // at (the public one), not the rewritten one as a page's is.
    for (const locale of locales) calls.push({ path: feedPath(locale) });
  }
  // The sitemaps are rendered on every request (a CDN may keep them for five minutes).
  return calls;
}

/**
 * The tags Next's revalidatePath(path, type) expires: its "implicit" tags,
 * `_N_T_` and the path (tests/unit/next-cache.test.ts checks them against
 * Next's own revalidatePath).
 */
export function implicitTags({ path, type }: PathRevalidation): string[] {
  // Next keeps tags to printable ASCII (percent-encoding the rest); a trailing slash goes.
  const safe = path.replace(/[^\t\x20-\x7e]+/g, (run) => encodeURIComponent(run)).replace(/(.)\/$/, '$1');
  const tag = `_N_T_${safe}${type ? `${safe.endsWith('/') ? '' : '/'}${type}` : ''}`;
  if (tag === '_N_T_/') return [tag, '_N_T_/index'];
  if (tag === '_N_T_/index') return [tag, '_N_T_/'];
  return [tag];
}

/** Next's cache of this process: what revalidatePath reaches inside a request. */
type IncrementalCache = { revalidateTag(tags: string[]): Promise<void> };

/**
 * Makes Next's cache drop what a purge's `tags` (lib/cache-tags.ts) name,
 * outside any request: the CDN purge loop calls it when an item scheduled
 * for later reaches its time, before it purges the CDN (which would
 * otherwise fetch the page Next rendered before that time again).
 *
 * Next keeps the cache of the latest request on globalThis (its own
 * unstable_cache reads it there outside a request); its revalidateTag, with
 * no expiry profile, is what revalidatePath leads to at the request's end:
 * the tags expire at once, in this process's memory or, with REDIS_URL, in
 * Redis for every process. A process that has answered no request yet has
 * none: without Redis it has cached nothing either (true), but with Redis
 * other processes' pages are there, and it answers false: the purge waits
 * for a process that has (a CDN's health probe is a request).
 */
export async function expireNextCache(tags: string[]): Promise<boolean> {
  const cache = (globalThis as { __incrementalCache?: IncrementalCache }).__incrementalCache;
  if (!cache) return !process.env.REDIS_URL;
  const expired = nextCacheRevalidations(changeOfTags(tags)).flatMap(implicitTags);
  if (expired.length > 0) await cache.revalidateTag(expired);
  return true;
}
