import { type SQL, and, desc, eq, gt, lt } from 'drizzle-orm';
import type { DB, Queryable } from '@/db/client';
import { loginAttempts } from '@/db/schema';

/*
 * Sign-in throttling. Callers check the throttle before any password hashing,
 * so a refused attempt costs one indexed query, not an argon2 run. Nothing here
 * looks at the users table: an unknown email is throttled exactly like a known
 * one, so the answer reveals nothing about which accounts exist.
 */

export const WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
/** Higher than per account: several people may share an office address. */
export const MAX_FAILURES_PER_ADDRESS = 20;
/** Attempts older than this are deleted; throttling never looks back that far. */
export const RETENTION_MS = 24 * 60 * 60 * 1000;

/** Far beyond any real email or IP address; keeps hostile input from filling the table. */
const MAX_KEY_LENGTH = 320;

export type ThrottleResult = { allowed: true } | { allowed: false; retryAfterMinutes: number };

/** The email as the throttle keys it: trimmed and lower-cased, like users.email. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase().slice(0, MAX_KEY_LENGTH);
}

function normalizeIp(ip: string): string {
  return ip.trim().slice(0, MAX_KEY_LENGTH);
}

/** When the account last signed in successfully, if ever; failures before it are forgiven. */
function lastSuccessAt(db: DB, email: string): number | undefined {
  const row = db
    .select({ createdAt: loginAttempts.createdAt })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.succeeded, true)))
    .orderBy(desc(loginAttempts.createdAt))
    .limit(1)
    .get();
  return row?.createdAt.getTime();
}

/**
 * Milliseconds until fewer than `limit` of these failures are inside the
 * window, or 0 when that is already so. Only the `limit` most recent failures
 * matter: once the oldest of them leaves the window, an attempt is allowed.
 */
function waitFor(recentFirst: { createdAt: Date }[], limit: number, now: number): number {
  const oldestThatMustLeave = recentFirst[limit - 1];
  if (!oldestThatMustLeave) return 0;
  return Math.max(0, oldestThatMustLeave.createdAt.getTime() + WINDOW_MS - now);
}

/** The most recent failed attempts matching `who` after `since`, at most `limit` of them. */
function recentFailures(db: DB, who: SQL, since: number, limit: number): { createdAt: Date }[] {
  return db
    .select({ createdAt: loginAttempts.createdAt })
    .from(loginAttempts)
    .where(and(who, eq(loginAttempts.succeeded, false), gt(loginAttempts.createdAt, new Date(since))))
    .orderBy(desc(loginAttempts.createdAt))
    .limit(limit)
    .all();
}

/**
 * Whether a sign-in attempt for this email from this address may go ahead.
 * Refused when, within the last 15 minutes, the account has 5 failures since
 * its last successful sign-in, or the address has 20 failures (a success does
 * not clear those: an attacker could sign in to an account of their own).
 */
export function checkThrottle(db: DB, input: { email: string; ip: string; now?: number }): ThrottleResult {
  const now = input.now ?? Date.now();
  const email = normalizeEmail(input.email);
  const windowStart = now - WINDOW_MS;
  const accountSince = Math.max(windowStart, lastSuccessAt(db, email) ?? windowStart);

  const byAccount = recentFailures(db, eq(loginAttempts.email, email), accountSince, MAX_FAILURES_PER_ACCOUNT);
  const byAddress = recentFailures(db, eq(loginAttempts.ip, normalizeIp(input.ip)), windowStart, MAX_FAILURES_PER_ADDRESS);
  const waitMs = Math.max(
    waitFor(byAccount, MAX_FAILURES_PER_ACCOUNT, now),
    waitFor(byAddress, MAX_FAILURES_PER_ADDRESS, now),
  );
  if (waitMs === 0) return { allowed: true };
  return { allowed: false, retryAfterMinutes: Math.max(1, Math.ceil(waitMs / 60_000)) };
}

/** Records one sign-in attempt and deletes those older than a day, so the table stays small. */
export function recordLoginAttempt(
  db: DB,
  input: { email: string; ip: string; succeeded: boolean; now?: number },
): number {
  const now = input.now ?? Date.now();
  const row = db
    .insert(loginAttempts)
    .values({
      email: normalizeEmail(input.email),
      ip: normalizeIp(input.ip),
      succeeded: input.succeeded,
      createdAt: new Date(now),
    })
    .returning({ id: loginAttempts.id })
    .get();
  db.delete(loginAttempts).where(lt(loginAttempts.createdAt, new Date(now - RETENTION_MS))).run();
  return row.id;
}

/**
 * Checks the throttle and, if allowed, records the attempt as a failure in
 * the same synchronous step — before any password hashing yields the event
 * loop — so that parallel attempts cannot all pass the check. The caller
 * settles it with settleLoginAttempt once the outcome is known.
 */
export function beginLoginAttempt(
  db: DB,
  input: { email: string; ip: string; now?: number },
): { allowed: true; attemptId: number } | { allowed: false; retryAfterMinutes: number } {
  const result = checkThrottle(db, input);
  if (!result.allowed) return result;
  return { allowed: true, attemptId: recordLoginAttempt(db, { ...input, succeeded: false }) };
}

/** 'succeeded' marks the attempt good; 'withdrawn' removes it (e.g. the right password, waiting for its second factor). */
export function settleLoginAttempt(db: Queryable, attemptId: number, outcome: 'succeeded' | 'withdrawn'): void {
  if (outcome === 'succeeded') db.update(loginAttempts).set({ succeeded: true }).where(eq(loginAttempts.id, attemptId)).run();
  else db.delete(loginAttempts).where(eq(loginAttempts.id, attemptId)).run();
}
