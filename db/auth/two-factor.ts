import { and, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { authSecret } from '@/lib/auth/secret';
import { deriveKey, isSealed, open, seal } from '@/lib/auth/secret-box';
import { generateRecoveryCodes, hashRecoveryCode, totpStep } from '@/lib/auth/totp';
import type { DB, Queryable } from '../client';
import { recoveryCodes, settings, users } from '../schema';
import { type Actor, isActiveAdmin } from './actor';
import { recordAudit } from './audit-log';

/**
 * Two-factor secrets at rest and the codes made from them, below the
 * session checks (db/admin/two-factor.ts) and the sign-in (./sign-in.ts).
 * Secrets are stored encrypted with a key derived from the server's secret
 * (never in the database or its backups); each code is accepted once.
 */

/** The key for two-factor secrets, derived from the server's secret (AUTH_SECRET or DATA_DIR/auth-secret). */
export function totpKey(serverSecret: string = authSecret()): Buffer {
  return deriveKey(serverSecret, 'totp-secret');
}

/** The user's id is authenticated with the secret: a value copied onto another user's row does not open. */
const context = (userId: number) => `users.totp:${userId}`;

export function sealTotpSecret(key: Buffer, userId: number, secret: string): string {
  return seal(key, secret, context(userId));
}

/** The base32 secret, or null when the stored value does not open with this key. */
export function openTotpSecret(key: Buffer, userId: number, stored: string): string | null {
  return open(key, stored, context(userId));
}

/**
 * Accepts `code` for the user once (RFC 6238 §5.2): records the time step it
 * belongs to, unless that step or a later one was accepted before. One
 * conditional UPDATE, so two requests with the same code cannot both pass.
 */
export function acceptTotpCode(db: Queryable, userId: number, secret: string, code: string, now = Date.now()): boolean {
  const step = totpStep(secret, code, now);
  if (step === null) return false;
  const result = db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .run();
  return result.changes === 1;
}

/** Marks an unused recovery code as used; false when it is unknown or was used already. */
export function useRecoveryCode(db: Queryable, userId: number, input: string): boolean {
  const result = db
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hashRecoveryCode(input)), isNull(recoveryCodes.usedAt)))
    .run();
  return result.changes === 1;
}

/**
 * Stores a new secret to scan; it counts only once a code from it is
 * confirmed. Refused (false) while two-factor sign-in is on: the
 * authenticator is replaced only by turning it off first, which asks for the
 * password, or after an admin's reset.
 */
export function setPendingTotpSecret(db: Queryable, key: Buffer, userId: number, secret: string): boolean {
  const result = db
    .update(users)
    .set({ totpPendingSecret: sealTotpSecret(key, userId, secret) })
    .where(and(eq(users.id, userId), isNull(users.totpSecret)))
    .run();
  return result.changes === 1;
}

export type EnableResult = { ok: true; codes: string[]; sessionVersion: number } | { ok: false };

/**
 * Turns two-factor sign-in on with a code from the pending secret (which
 * then counts as used, like a sign-in's): new recovery codes, every session
 * of the user ends (the caller renews the current one with the returned
 * version), and the audit log says so. The caller has checked the password.
 */
export function enableTwoFactor(db: DB, key: Buffer, userId: number, code: string, ip: string | null, now = Date.now()): EnableResult {
  return db.transaction(
    (tx): EnableResult => {
      const row = tx
        .select({ secret: users.totpSecret, pending: users.totpPendingSecret, sessionVersion: users.sessionVersion })
        .from(users)
        .where(eq(users.id, userId))
        .get();
      if (!row || row.secret || !row.pending) return { ok: false };
      const pending = openTotpSecret(key, userId, row.pending);
      if (!pending || !acceptTotpCode(tx, userId, pending, code, now)) return { ok: false };
      const codes = generateRecoveryCodes();
      tx.update(users)
        .set({ totpSecret: row.pending, totpPendingSecret: null, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
        .where(eq(users.id, userId))
        .run();
      tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
      for (const c of codes) tx.insert(recoveryCodes).values({ userId, codeHash: hashRecoveryCode(c) }).run();
      recordAudit(tx, { userId, action: 'user.two_factor_on', entityType: 'user', entityId: userId, ip });
      return { ok: true, codes, sessionVersion: row.sessionVersion + 1 };
    },
    { behavior: 'immediate' },
  );
}

/** Removes the user's second factor (secret, pending secret, last step, recovery codes); `endSessions` bumps the session version. */
export function clearTwoFactor(tx: Queryable, userId: number, { endSessions }: { endSessions: boolean }): void {
  tx.update(users)
    .set({
      totpSecret: null,
      totpPendingSecret: null,
      totpLastStep: null,
      ...(endSessions ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}),
      updatedAt: new Date(),
    })
    .where(eq(users.id, userId))
    .run();
  tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
}

export type ResetResult = { ok: true } | { ok: false; error: 'forbidden' | 'cannotChangeSelf' | 'notFound' };

/**
 * An active administrator removes another user's second factor (a lost
 * phone): the user's sessions end, and if two-factor sign-in is required for
 * everyone they set it up again at their next sign-in. Not for one's own
 * account (that is turned off in My account, with the password).
 */
export function resetTwoFactor(db: DB, actor: Actor, userId: number): ResetResult {
  return db.transaction(
    (tx): ResetResult => {
      if (!isActiveAdmin(tx, actor)) return { ok: false, error: 'forbidden' };
      if (userId === actor.userId) return { ok: false, error: 'cannotChangeSelf' };
      if (!tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).get()) return { ok: false, error: 'notFound' };
      clearTwoFactor(tx, userId, { endSessions: true });
      recordAudit(tx, { userId: actor.userId, action: 'user.two_factor_reset', entityType: 'user', entityId: userId, ip: actor.ip });
      return { ok: true };
    },
    { behavior: 'immediate' },
  );
}

/** The settings row that says an admin requires two-factor sign-in for all staff. */
export const REQUIRE_TWO_FACTOR_SETTING = 'require_two_factor';

export function isTwoFactorRequiredIn(db: Queryable): boolean {
  return db.select({ value: settings.value }).from(settings).where(eq(settings.key, REQUIRE_TWO_FACTOR_SETTING)).get()?.value === 'true';
}

/**
 * An active admin requires two-factor sign-in for everyone, or stops
 * requiring it. Requiring it is refused to an admin who has not turned it on
 * for themselves: they would lock themselves out.
 */
export function setTwoFactorRequirement(db: DB, actor: Actor, required: boolean): { ok: true } | { ok: false; error: 'forbidden' | 'enrolYourselfFirst' } {
  return db.transaction(
    (tx) => {
      if (!isActiveAdmin(tx, actor)) return { ok: false, error: 'forbidden' } as const;
      if (required && !tx.select({ id: users.id }).from(users).where(and(eq(users.id, actor.userId), isNotNull(users.totpSecret))).get()) {
        return { ok: false, error: 'enrolYourselfFirst' } as const;
      }
      tx.insert(settings)
        .values({ key: REQUIRE_TWO_FACTOR_SETTING, value: String(required) })
        .onConflictDoUpdate({ target: settings.key, set: { value: String(required), updatedAt: new Date() } })
        .run();
      recordAudit(tx, { userId: actor.userId, action: 'settings.require_two_factor', details: { required }, ip: actor.ip });
      return { ok: true } as const;
    },
    { behavior: 'immediate' },
  );
}

/**
 * Encrypts the secrets stored in clear text before encryption existed; run
 * by the server when it opens the database (it has the key; a command-line
 * tool might not be given the server's AUTH_SECRET). Idempotent: returns how
 * many users it changed.
 */
export function sealClearTotpSecrets(db: DB, key: Buffer): number {
  const rows = db
    .select({ id: users.id, secret: users.totpSecret, pending: users.totpPendingSecret })
    .from(users)
    .where(or(isNotNull(users.totpSecret), isNotNull(users.totpPendingSecret)))
    .all()
    .filter((u) => (u.secret !== null && !isSealed(u.secret)) || (u.pending !== null && !isSealed(u.pending)));
  if (rows.length === 0) return 0;
  // The clear text must not stay behind in the file's free space or the WAL.
  const secureDelete = db.$client.pragma('secure_delete', { simple: true });
  db.$client.pragma('secure_delete = ON');
  try {
    db.transaction(
      (tx) => {
        for (const { id, secret, pending } of rows) {
          tx.update(users)
            .set({
              ...(secret !== null && !isSealed(secret) ? { totpSecret: sealTotpSecret(key, id, secret) } : {}),
              ...(pending !== null && !isSealed(pending) ? { totpPendingSecret: sealTotpSecret(key, id, pending) } : {}),
            })
            .where(eq(users.id, id))
            .run();
        }
      },
      { behavior: 'immediate' },
    );
    db.$client.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.$client.pragma(`secure_delete = ${Number(secureDelete)}`);
  }
  return rows.length;
}

/**
 * Users whose (encrypted) two-factor secret does not open with `key` — made
 * with another server secret — or, with no key at all, every user with one.
 */
export function unreadableTotpSecrets(db: Queryable, key: Buffer | null): { id: number; email: string }[] {
  return db
    .select({ id: users.id, email: users.email, secret: users.totpSecret })
    .from(users)
    .where(isNotNull(users.totpSecret))
    .all()
    .filter((u) => isSealed(u.secret!) && (key === null || openTotpSecret(key, u.id, u.secret!) === null))
    .map(({ id, email }) => ({ id, email }));
}
