import { logError } from '../log';
import { readCdnTargets } from './targets';

/**
 * The loop that sends the outbox's purges (db/cdn-delivery.ts): right after
 * a change commits (kickPurgeDelivery, from lib/revalidate.ts), at the time
 * the next purge queued for later falls due (a scheduled item's), and every
 * few seconds (retries, rows queued by another process, rows a stopped
 * process had claimed).
 */

/**
 * One round of delivery: db/cdn-delivery.ts deliverAndPrune, given at start
 * (lib/ does not reach the database); it returns when the next purge queued
 * for later falls due.
 */
type Round = () => Promise<Date | null>;
type Loop = { running: boolean; again: boolean; timer?: NodeJS.Timeout; dueTimer?: NodeJS.Timeout; round: Round };
// The instrumentation hook and the server actions are bundled apart: the
// loop lives on globalThis so both see the same one.
const KEY = Symbol.for('iom.cdnPurgeLoop');
const holder = globalThis as unknown as { [KEY]?: Loop };

/** How often the outbox is looked at besides right after a change and at a due time. */
const INTERVAL_MS = 2_000;

/** Wakes the loop when `due` comes, if that is before its next regular look. */
function wakeAt(loop: Loop, due: Date | null): void {
  clearTimeout(loop.dueTimer);
  loop.dueTimer = undefined;
  if (!due) return;
  const wait = due.getTime() - Date.now();
  if (wait >= INTERVAL_MS) return;
  loop.dueTimer = setTimeout(() => void tick(loop), Math.max(0, wait));
  loop.dueTimer.unref();
}

async function tick(loop: Loop): Promise<void> {
  if (loop.running) {
    loop.again = true;
    return;
  }
  loop.running = true;
  try {
    let due: Date | null = null;
    do {
      loop.again = false;
      due = await loop.round();
    } while (loop.again);
    wakeAt(loop, due);
  } catch (error) {
    logError('CDN purge delivery failed', { error: error instanceof Error ? error.message : String(error) });
  } finally {
    loop.running = false;
  }
}

/** At server start (instrumentation.ts), when a CDN is configured; throws on a bad configuration. */
export function startPurgeDelivery(round: Round): void {
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
