import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../client';
import { users } from '../schema';

/**
 * Who makes a staff change: the signed-in user's id, which the caller takes
 * from the session, and their address for the audit log. The functions that
 * take an actor decide themselves what it may do, from the database.
 */
export type Actor = { userId: number; ip: string | null };

/**
 * Whether the actor is an active administrator now, read in the caller's
 * transaction: an admin demoted or deactivated a moment ago (their session
 * checked before that) is refused.
 */
export function isActiveAdmin(db: Queryable, actor: Actor): boolean {
  return (
    db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, actor.userId), eq(users.role, 'admin'), eq(users.active, true)))
      .get() !== undefined
  );
}
