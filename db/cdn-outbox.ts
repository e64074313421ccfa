import { and, asc, desc, eq, gt, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { type PublicChange, purgeTags } from '@/lib/cache-tags';
import { type CdnName, configuredCdns } from '@/lib/cdn/targets';
import type { DB, Queryable, Tx } from './client';
import { cdnPurges } from './schema';

/**
 * The CDN purge outbox. A change the public sees queues its purge in its
 * own transaction (so a purge exists exactly when the change does), one row
 * per configured CDN; lib/cdn/deliver.ts sends it after the commit and
 * retries it with backoff until the CDN takes it.
 */

/**
 * Queues the purge of what `change` (made at `now`) touched, for each CDN,
 * due at once or at `dueAt` (a scheduled item's time).
 */
export function queuePurge(tx: Tx, change: PublicChange, now: Date, dueAt: Date = now, cdns: CdnName[] = configuredCdns()): void {
  if (cdns.length === 0) return;
  const tags = purgeTags(change);
  if (tags.length === 0) return;
  tx.insert(cdnPurges)
    .values(cdns.map((target) => ({ target, tags: tags.join(' '), createdAt: now, dueAt })))
    .run();
}

export type PurgeRow = typeof cdnPurges.$inferSelect;

/**
 * Whether `row` is a purge queued for later (a scheduled item reaching its
 * time) on its first try: no request revalidated Next's own cache at that
 * time, so the sender makes it drop the pages first (db/cdn-delivery.ts). A
 * purge sent at once has a due time equal to its change's; a retry moves the
 * due time but counts an attempt.
 */
export function waitedForItsTime(row: PurgeRow): boolean {
  return row.attempts === 0 && row.dueAt.getTime() > row.createdAt.getTime();
}

/** How long a claimed row is left to the process that claimed it before another may send it. */
const CLAIM_MS = 60_000;

/**
 * Claims up to `limit` rows that are due, in one statement, so two
 * processes never send the same row at once.
 */
export function claimDuePurges(db: DB, now: Date, limit = 20): PurgeRow[] {
  const due = db
    .select({ id: cdnPurges.id })
    .from(cdnPurges)
    .where(and(isNull(cdnPurges.sentAt), lte(cdnPurges.dueAt, now), or(isNull(cdnPurges.claimedUntil), lt(cdnPurges.claimedUntil, now))))
    .orderBy(asc(cdnPurges.dueAt))
    .limit(limit);
  return db
    .update(cdnPurges)
    .set({ claimedUntil: new Date(now.getTime() + CLAIM_MS) })
    .where(inArray(cdnPurges.id, due))
    .returning()
    .all();
}

export function markPurgeSent(db: DB, id: number, now: Date): void {
  db.update(cdnPurges).set({ sentAt: now, claimedUntil: null, lastError: null, attempts: sql`${cdnPurges.attempts} + 1` }).where(eq(cdnPurges.id, id)).run();
}

/** The first retry after 5 s, then twice as long each time, at most every 10 minutes: a purge is never given up. */
export function retryDelayMs(attempts: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 10 * 60_000);
}

export function markPurgeFailed(db: DB, row: PurgeRow, error: string, now: Date): void {
  const attempts = row.attempts + 1;
  db.update(cdnPurges)
    .set({ attempts, claimedUntil: null, lastError: error.slice(0, 300), dueAt: new Date(now.getTime() + retryDelayMs(attempts)) })
    .where(eq(cdnPurges.id, row.id))
    .run();
}

/** Gives a claimed row back unsent and unchanged, for the next round (or another process). */
export function releasePurge(db: DB, id: number): void {
  db.update(cdnPurges).set({ claimedUntil: null }).where(eq(cdnPurges.id, id)).run();
}

/** The earliest time after `now` that a row not yet sent falls due (to look again then), or null. */
export function nextPurgeDue(q: Queryable, now: Date): Date | null {
  return (
    q
      .select({ dueAt: cdnPurges.dueAt })
      .from(cdnPurges)
      .where(and(isNull(cdnPurges.sentAt), gt(cdnPurges.dueAt, now)))
      .orderBy(asc(cdnPurges.dueAt))
      .limit(1)
      .get()?.dueAt ?? null
  );
}

/** The outbox for the administrators' page: what is waiting (soonest first), then the latest sent. */
export function listPurges(q: Queryable, limit = 100): { waiting: PurgeRow[]; sent: PurgeRow[] } {
  const waiting = q.select().from(cdnPurges).where(isNull(cdnPurges.sentAt)).orderBy(asc(cdnPurges.dueAt)).limit(limit).all();
  const sent = q
    .select()
    .from(cdnPurges)
    .where(sql`${cdnPurges.sentAt} is not null`)
    .orderBy(desc(cdnPurges.sentAt))
    .limit(limit)
    .all();
  return { waiting, sent };
}

/** Sent rows are kept 30 days for the administrators' page, then deleted. */
export function pruneSentPurges(db: DB, now: Date): void {
  db.delete(cdnPurges).where(lt(cdnPurges.sentAt, new Date(now.getTime() - 30 * 24 * 3600_000))).run();
}
