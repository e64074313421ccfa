import type { DB } from './client';
import { claimDuePurges, markPurgeFailed, markPurgeSent, nextPurgeDue, pruneSentPurges, releasePurge, waitedForItsTime } from './cdn-outbox';
import { logError } from '@/lib/log';
import { sendPurge } from '@/lib/cdn/send';
import { type CdnTarget, readCdnTargets } from '@/lib/cdn/targets';

/**
 * Sends the purges of the outbox (db/cdn-outbox.ts) that are due: right
 * after a change commits (kickPurgeDelivery, from lib/revalidate.ts), at the
 * time of the next one queued for later, and every few seconds (retries,
 * rows a stopped process had claimed). A CDN that refuses or does not answer
 * gets the row again later (retryDelayMs), however long it stays down.
 */

export type DeliveryOptions = {
  now?: Date;
  targets?: CdnTarget[];
  fetchImpl?: typeof fetch;
  /**
   * Makes the origin's own cache drop what a purge's tags name
   * (lib/next-cache.ts expireNextCache), before a purge queued for later is
   * sent: at a scheduled item's time no request told Next's cache, and the
   * CDN would fetch the page rendered before that time again. False when it
   * cannot yet: the row waits for the next round.
   */
  expireOrigin?: (tags: string[]) => Promise<boolean>;
};

/** One pass over what is due; returns how many rows were sent and how many failed. */
export async function deliverDuePurges(db: DB, options: DeliveryOptions = {}): Promise<{ sent: number; failed: number }> {
  const targets = options.targets ?? readCdnTargets();
  const now = options.now ?? new Date();
  let sent = 0;
  let failed = 0;
  // One row per CDN carries the same tags: the origin drops them once.
  const expired = new Map<string, boolean>();
  for (const row of claimDuePurges(db, now)) {
    if (options.expireOrigin && waitedForItsTime(row)) {
      let done = expired.get(row.tags);
      if (done === undefined) {
        try {
          done = await options.expireOrigin(row.tags.split(' '));
        } catch (error) {
          // The CDN is purged all the same: the page then appears by Next's own revalidate.
          logError('could not expire the origin’s cache before a scheduled purge', { purge: row.id, error: error instanceof Error ? error.message : String(error) });
          done = true;
        }
        expired.set(row.tags, done);
      }
      if (!done) {
        releasePurge(db, row.id);
        continue;
      }
    }
    const target = targets.find((t) => t.name === row.target);
    try {
      // A CDN no longer configured keeps its rows waiting (visible to administrators).
      if (!target) throw new Error(`${row.target}: not configured`);
      await sendPurge(target, row.tags.split(' '), options.fetchImpl);
      markPurgeSent(db, row.id, options.now ?? new Date());
      sent++;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      markPurgeFailed(db, row, reason, options.now ?? new Date());
      if (row.attempts === 0) logError('CDN purge failed; it will be retried', { target: row.target, purge: row.id, reason });
      failed++;
    }
  }
  return { sent, failed };
}

/**
 * One round of the delivery loop (lib/cdn/deliver.ts): what is due, then the
 * sent rows past keeping. Returns when the next row queued for later falls
 * due, for the loop to wake then.
 */
export async function deliverAndPrune(db: DB, options: Pick<DeliveryOptions, 'expireOrigin'> = {}): Promise<Date | null> {
  await deliverDuePurges(db, options);
  const now = new Date();
  pruneSentPurges(db, now);
  return nextPurgeDue(db, now);
}
