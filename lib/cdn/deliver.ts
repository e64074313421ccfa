import type { DB } from '@/db/client';
import { claimDuePurges, markPurgeFailed, markPurgeSent, pruneSentPurges } from '@/db/cdn-outbox';
import { logError } from '../log';
import { sendPurge } from './send';
import { type CdnTarget, readCdnTargets } from './targets';

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

type Loop = { running: boolean; again: boolean; timer?: NodeJS.Timeout; db: () => DB };
// The instrumentation hook and the server actions are bundled apart: the
// loop lives on globalThis so both see the same one.
const KEY = Symbol.for('iom.cdnPurgeLoop');
const holder = globalThis as unknown as { [KEY]?: Loop };

async function tick(loop: Loop): Promise<void> {
  if (loop.running) {
    loop.again = true;
    return;
  }
  loop.running = true;
  try {
    do {
      loop.again = false;
      const db = loop.db();
      await deliverDuePurges(db);
      pruneSentPurges(db, new Date());
    } while (loop.again);
  } catch (error) {
    logError('CDN purge delivery failed', { error: error instanceof Error ? error.message : String(error) });
  } finally {
    loop.running = false;
  }
}

/** How often the outbox is looked at besides right after a change. */
const INTERVAL_MS = 2_000;

/** At server start (instrumentation.ts), when a CDN is configured; throws on a bad configuration. */
export function startPurgeDelivery(db: () => DB): void {
  if (readCdnTargets().length === 0 || holder[KEY]) return;
  const loop: Loop = { running: false, again: false, db };
  loop.timer = setInterval(() => void tick(loop), INTERVAL_MS);
  loop.timer.unref();
  holder[KEY] = loop;
}

/** Sends what a change just queued, without waiting for the next round (after its commit). */
export function kickPurgeDelivery(): void {
  const loop = holder[KEY];
  if (loop) void tick(loop);
}
