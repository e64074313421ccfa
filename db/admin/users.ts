import 'server-only';
import { desc, eq, sql } from 'drizzle-orm';
import { requireUser } from '@/lib/auth/session';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { getDb } from '../index';
import { beginLoginAttempt, settleLoginAttempt } from '../auth/throttle';
import type { Actor } from '../auth/actor';
import * as accounts from '../auth/user-admin';
import type { UserChangeResult } from '../auth/user-admin';
import { type Role, users } from '../schema';
import { recordAudit } from '../auth/audit-log';

/**
 * Staff accounts. Every function checks the caller's session and role
 * itself, whoever calls it (page, action or another function); the rules of
 * one admin changing another user's account are in db/auth/user-admin.ts,
 * which takes the actor from here.
 */

export type UserRow = {
  id: number;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  twoFactor: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
};

export async function userList(): Promise<UserRow[]> {
  await requireUser('admin');
  return getDb()
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      active: users.active,
      twoFactor: sql<boolean>`${users.totpSecret} IS NOT NULL`,
      lastSignInAt: users.lastSignInAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .orderBy(desc(users.active), users.name)
    .all()
    .map((u) => ({ ...u, twoFactor: Boolean(u.twoFactor) }));
}

export type { UserChangeResult };

/** The signed-in admin, as the actor of a change; the rules themselves are in db/auth/user-admin.ts. */
export async function adminActor(ip: string | null): Promise<Actor> {
  const admin = await requireUser('admin');
  return { userId: admin.id, ip };
}

export async function createUser(input: { email: string; name: string; role: Role; password: string }, ip: string | null): Promise<UserChangeResult> {
  return accounts.createUser(getDb(), await adminActor(ip), input);
}

/** Role or active flag. Deactivating (or demoting) ends the user's sessions at their next request. */
export async function changeUserAccess(id: number, change: { role?: Role; active?: boolean }, ip: string | null): Promise<UserChangeResult> {
  return accounts.changeUserAccess(getDb(), await adminActor(ip), id, change);
}

/** A user's email and name, for checking a new password against them. Admins only. */
export async function userIdentity(id: number): Promise<{ email: string; name: string } | null> {
  await requireUser('admin');
  return getDb().select({ email: users.email, name: users.name }).from(users).where(eq(users.id, id)).get() ?? null;
}

/** An admin sets someone's password; that user's sessions end. */
export async function setUserPassword(id: number, password: string, ip: string | null): Promise<UserChangeResult> {
  return accounts.setUserPassword(getDb(), await adminActor(ip), id, password);
}

/**
 * The signed-in user changes their own password (knowing the current one);
 * every session of theirs ends, this one too. The current-password check is
 * throttled like a sign-in, so a stolen session cannot guess it.
 */
export async function changeOwnPassword(
  current: string,
  next: string,
  ip: string,
): Promise<{ ok: true } | { ok: false; retryAfterMinutes?: number }> {
  const me = await requireUser(undefined, { allowWithoutTwoFactor: true });
  const db = getDb();
  const check = await checkCurrentPassword(me, current, ip);
  if (!check.ok) return check;
  const passwordHash = await hashPassword(next);
  db.transaction((tx) => {
    tx.update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, me.id))
      .run();
    recordAudit(tx, { userId: me.id, action: 'user.password_change', entityType: 'user', entityId: me.id, ip });
  });
  return { ok: true };
}

export async function setOwnLocale(locale: 'en' | 'sq'): Promise<void> {
  const me = await requireUser(undefined, { allowWithoutTwoFactor: true });
  getDb().update(users).set({ preferredLocale: locale, localeChosen: true, updatedAt: new Date() }).where(eq(users.id, me.id)).run();
}

/** Verifies the signed-in user's password under the sign-in throttle. */
export async function checkCurrentPassword(
  me: { id: number; email: string },
  password: string,
  ip: string,
): Promise<{ ok: true } | { ok: false; retryAfterMinutes?: number }> {
  const db = getDb();
  const attempt = beginLoginAttempt(db, { email: me.email, ip });
  if (!attempt.allowed) return { ok: false, retryAfterMinutes: attempt.retryAfterMinutes };
  const row = db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, me.id)).get();
  if (!row || !(await verifyPassword(row.hash, password))) return { ok: false };
  settleLoginAttempt(db, attempt.attemptId, 'succeeded');
  return { ok: true };
}

/** Signing out ends every session of the user (a stolen cookie stops working too). */
export async function endOwnSessions(ip: string | null): Promise<void> {
  const me = await requireUser(undefined, { allowWithoutTwoFactor: true });
  const db = getDb();
  db.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, me.id)).run();
  recordAudit(db, { userId: me.id, action: 'auth.sign_out', ip });
}
