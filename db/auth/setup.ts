import { createHash, randomBytes } from 'node:crypto';
import { and, count, eq, gt, isNull } from 'drizzle-orm';
import type { DB } from '../client';
import { setupTokens, users } from '../schema';
import { insertUserRow, type NewUser } from './users-core';

export const SETUP_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function hasUsers(db: DB): boolean {
  return (db.select({ n: count() }).from(users).get()?.n ?? 0) > 0;
}

/**
 * On a start with no users: a new one-time token (the old unused ones are
 * dropped). Only its hash is stored; the caller prints the address once.
 * Returns null when there are users already.
 */
export function issueSetupToken(db: DB, now = Date.now()): string | null {
  if (hasUsers(db)) return null;
  const token = randomBytes(32).toString('base64url');
  db.transaction((tx) => {
    tx.delete(setupTokens).where(isNull(setupTokens.usedAt)).run();
    tx.insert(setupTokens).values({ tokenHash: hashToken(token), expiresAt: new Date(now + SETUP_TOKEN_TTL_MS) }).run();
  });
  return token;
}

/** Whether a token can still create the first administrator. */
export function isSetupTokenValid(db: DB, token: string, now = Date.now()): boolean {
  if (!/^[\w-]{20,100}$/.test(token) || hasUsers(db)) return false;
  return Boolean(
    db
      .select({ id: setupTokens.id })
      .from(setupTokens)
      .where(and(eq(setupTokens.tokenHash, hashToken(token)), isNull(setupTokens.usedAt), gt(setupTokens.expiresAt, new Date(now))))
      .get(),
  );
}

/**
 * Creates the first administrator with a valid token and spends the token.
 * Refused once any user exists, so a leaked address is worth nothing later.
 */
export async function createFirstAdmin(
  db: DB,
  token: string,
  input: Omit<NewUser, 'role'>,
  ip: string | null,
): Promise<{ ok: true; id: number } | { ok: false; error: 'invalidToken' | 'emailTaken' }> {
  if (!isSetupTokenValid(db, token)) return { ok: false, error: 'invalidToken' };
  const spent = db
    .update(setupTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(setupTokens.tokenHash, hashToken(token)), isNull(setupTokens.usedAt)))
    .run();
  if (spent.changes !== 1) return { ok: false, error: 'invalidToken' };
  return insertUserRow(db, { ...input, role: 'admin' }, { id: null, ip, via: 'setup' });
}
