import 'server-only';
import { requireUser } from '@/lib/auth/session';
import type { Actor } from '../auth/actor';

/**
 * The signed-in user as the actor of a change, once their session (and, with
 * 'admin', their role) is checked: every write of db/admin starts here.
 */
export async function signedInActor(ip: string | null, role?: 'admin'): Promise<Actor> {
  const user = await requireUser(role);
  return { userId: user.id, ip };
}
