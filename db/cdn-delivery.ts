import type { DB } from './client';
import { claimDuePurges, markPurgeFailed, markPurgeSent, pruneSentPurges } from './cdn-outbox';
import { logError } from '@/lib/log';
import { sendPurge } from '@/lib/cdn/send';
import { type CdnTarget, readCdnTargets } from '@/lib/cdn/targets';

/**
 * Sends the purges of the outbox (db/cdn-outbox.ts) that are due: right
 * after a change commits (kickPurgeDelivery, from lib/revalidate.ts) and
 * every few seconds (retries, scheduled items reaching their time, rows a
 * stopped process had claimed). A CDN that refuses or does not answer gets
 * the row again later (retryDelayMs), however long it stays down.
 */

export type DeliveryOptions = { now?: Date; targets?: CdnTarget[]; fetchImpl?: typeof fetch };

/** One pass over what is due; returns how many rows were sent and how many failed. */
export async function deliverDuePurges(db: DB, options: DeliveryOptions = {}): Promise<{ sent: number; failed: number }> {
  const targets = options.targets ?? readCdnTargets();
  const now = options.now ?? new Date();
  let sent = 0;
  let failed = 0;
  for (const row of claimDuePurges(db, now)) {
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

/** One round of the delivery loop (lib/cdn/deliver.ts): what is due, then the sent rows past keeping. */
export async function deliverAndPrune(db: DB): Promise<void> {
  await deliverDuePurges(db);
  pruneSentPurges(db, new Date());
}
