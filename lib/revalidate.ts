import 'server-only';
import { revalidatePath } from 'next/cache';
import { after } from 'next/server';
import { feedPath, internalPath, NEWS_LIST_ROUTES } from '@/i18n/paths';
import { locales } from '@/i18n/routing';
import { kickPurgeDelivery } from '@/lib/cdn/deliver';

/**
 * Tells Next which cached public pages a change touched, so the next visitor
 * gets a fresh render and everything else stays cached. Content functions
 * return the public addresses they touched ('/news/x', '/sq/lajme/x', '/sq');
 * the cache knows the pages by their route inside app/[locale], so the
 * addresses are mapped to it ('/en/news/x', '/sq/news/x', '/sq') by
 * internalPath (i18n/paths.ts), from the addresses of i18n/routing.ts.
 * A CDN in front is told the same change as tags (lib/cache-tags.ts
 * purgeTags, sent through the purge outbox, lib/cdn/).
 */

export function revalidatePublic(changedPaths: string[], what: { news?: boolean; menu?: boolean } = {}): void {
  // The change is committed: the CDN purges it queued go once the response
  // is sent, when Next's own cache has dropped the pages (else the CDN could
  // fetch the old page again in between).
  after(kickPurgeDelivery);
  if (what.menu) {
    // The menu is in every public page's layout.
    revalidatePath('/', 'layout');
    return;
  }
  if (changedPaths.length === 0) return;
  for (const p of new Set(changedPaths)) revalidatePath(internalPath(p));
  // Cached search results may list (or miss) what changed.
  revalidatePath('/[locale]/search/[key]/[page]', 'page');
  if (what.news) {
    for (const list of NEWS_LIST_ROUTES) revalidatePath(`/[locale]${list}/page/[n]`, 'page');
    // A route handler's cache entry is tagged with the address it was asked
    // at (the public one), not the rewritten one as a page's is.
    for (const locale of locales) revalidatePath(feedPath(locale));
  }
  // The sitemaps are rendered on every request (a CDN may keep them for five minutes).
}
