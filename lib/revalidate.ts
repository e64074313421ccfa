import 'server-only';
import { revalidatePath } from 'next/cache';
import { after } from 'next/server';
import { kickPurgeDelivery } from '@/lib/cdn/deliver';
import { nextCacheRevalidations } from '@/lib/next-cache';

/**
 * Tells Next which cached public pages a change touched, so the next visitor
 * gets a fresh render and everything else stays cached: the paths of
 * lib/next-cache.ts, from the public addresses the content functions
 * return. A CDN in front is told the same change as tags (lib/cache-tags.ts
 * purgeTags, sent through the purge outbox, lib/cdn/).
 */

export function revalidatePublic(changedPaths: string[], what: { news?: boolean; menu?: boolean } = {}): void {
  // The change is committed: the CDN purges it queued go once the response
  // is sent, when Next's own cache has dropped the pages (else the CDN could
  // fetch the old page again in between).
  after(kickPurgeDelivery);
  for (const { path, type } of nextCacheRevalidations({ paths: changedPaths, ...what })) revalidatePath(path, type);
}
