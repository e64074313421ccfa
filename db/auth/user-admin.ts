import { and, eq, ne, sql } from 'drizzle-orm';
import { hashPassword } from '@/lib/auth/password';
import type { DB, Queryable } from '../client';
import { type Role, users } from '../schema';
import { type Actor, isActiveAdmin } from './actor';
import { recordAudit } from './audit-log';
import { insertUserRow, type NewUser } from './users-core';

/**
 * An administrator manages other staff accounts. The rules hold here, below
 * the session (db/admin/users.ts only takes the actor from it): only an
 * active admin may act; there stays at least one active admin; an admin does
 * not change their own role, active state or password through this path; the
 * changed user's sessions end; each change is audit-logged with its actor.
 * Every check runs in the write's own IMMEDIATE transaction, so two admins
 * acting at once (on two connections or processes) are serialized.
 */

export type UserChangeError = 'forbidden' | 'notFound' | 'cannotChangeSelf' | 'lastAdmin';
export type UserChangeResult = { ok: true; id: number } | { ok: false; error: UserChangeError | 'emailTaken' };

const refuse = (error: UserChangeError) => ({ ok: false, error }) as const;

/** Creates a staff account; an active admin only. */
export async function createUser(db: DB, actor: Actor, input: NewUser): Promise<UserChangeResult> {
  if (!isActiveAdmin(db, actor)) return refuse('forbidden');
  return insertUserRow(db, input, { id: actor.userId, ip: actor.ip });
}

function activeAdminsOtherThan(db: Queryable, id: number): number {
  const row = db
    .select({ n: sql<number>`count(*)` })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true), ne(users.id, id)))
    .get();
  return row?.n ?? 0;
}

/** Role or active flag of another user. Their sessions end (they sign in again with their new rights, or not at all). */
export function changeUserAccess(db: DB, actor: Actor, id: number, change: { role?: Role; active?: boolean }): UserChangeResult {
  return db.transaction(
    (tx): UserChangeResult => {
      if (!isActiveAdmin(tx, actor)) return refuse('forbidden');
      const target = tx.select({ role: users.role, active: users.active }).from(users).where(eq(users.id, id)).get();
      if (!target) return refuse('notFound');
      // The actor is an active admin, so only their own account can be the last one: the invariant is said first.
      const losesAdmin = target.role === 'admin' && target.active && (change.role === 'editor' || change.active === false);
      if (losesAdmin && activeAdminsOtherThan(tx, id) === 0) return refuse('lastAdmin');
      if (id === actor.userId) return refuse('cannotChangeSelf');
      const roleChanges = change.role !== undefined && change.role !== target.role;
      const activeChanges = change.active !== undefined && change.active !== target.active;
      if (!roleChanges && !activeChanges) return { ok: true, id };
      tx.update(users)
        .set({
          ...(roleChanges ? { role: change.role } : {}),
          ...(activeChanges ? { active: change.active } : {}),
          sessionVersion: sql`${users.sessionVersion} + 1`,
          updatedAt: new Date(),
        })
        .where(eq(users.id, id))
        .run();
      if (roleChanges) {
        recordAudit(tx, {
          userId: actor.userId,
          action: 'user.role',
          entityType: 'user',
          entityId: id,
          details: { from: target.role, to: change.role ?? target.role },
          ip: actor.ip,
        });
      }
      if (activeChanges) {
        recordAudit(tx, { userId: actor.userId, action: change.active ? 'user.reactivate' : 'user.deactivate', entityType: 'user', entityId: id, ip: actor.ip });
      }
      return { ok: true, id };
    },
    { behavior: 'immediate' },
  );
}

/** Sets another user's password (one's own is changed in My account, knowing the current one); their sessions end. */
export async function setUserPassword(db: DB, actor: Actor, id: number, password: string): Promise<UserChangeResult> {
  const passwordHash = await hashPassword(password);
  return db.transaction(
    (tx): UserChangeResult => {
      if (!isActiveAdmin(tx, actor)) return refuse('forbidden');
      if (id === actor.userId) return refuse('cannotChangeSelf');
      if (!tx.select({ id: users.id }).from(users).where(eq(users.id, id)).get()) return refuse('notFound');
      tx.update(users)
        .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
        .where(eq(users.id, id))
        .run();
      recordAudit(tx, { userId: actor.userId, action: 'user.password_set', entityType: 'user', entityId: id, ip: actor.ip });
      return { ok: true, id };
    },
    { behavior: 'immediate' },
  );
}
