import { logError } from '../log';
import { readCdnTargets } from './targets';

/**
 * The loop that sends the outbox's purges (db/cdn-delivery.ts): right after
 * a change commits (kickPurgeDelivery, from lib/revalidate.ts) and every few
 * seconds (retries, scheduled items reaching their time, rows a stopped
 * process had claimed).
 */

/** One round of delivery: db/cdn-delivery.ts deliverAndPrune, given at start (lib/ does not reach the database). */
type Loop = { running: boolean; again: boolean; timer?: NodeJS.Timeout; round: () => Promise<void> };
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
      await loop.round();
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
export function startPurgeDelivery(round: () => Promise<void>): void {
  if (readCdnTargets().length === 0 || holder[KEY]) return;
  const loop: Loop = { running: false, again: false, round };
  loop.timer = setInterval(() => void tick(loop), INTERVAL_MS);
  loop.timer.unref();
  holder[KEY] = loop;
}

/** Sends what a change just queued, without waiting for the next round (after its commit). */
export function kickPurgeDelivery(): void {
  const loop = holder[KEY];
  if (loop) void tick(loop);
}
