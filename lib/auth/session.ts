import 'server-only';
import { eq } from 'drizzle-orm';
import { cookies } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { currentSession } from '@/auth';
import { getDb } from '@/db';
import { isTwoFactorRequiredIn } from '@/db/auth/two-factor';
import { type Role, users } from '@/db/schema';

export type StaffUser = {
  id: number;
  email: string;
  name: string;
  role: Role;
  preferredLocale: 'en' | 'sq';
  twoFactor: boolean;
};

/** Whether an admin requires two-factor sign-in for all staff (settings table). */
export function isTwoFactorRequired(): boolean {
  return isTwoFactorRequiredIn(getDb());
}

/** Refusal of an entry point; `status` is what a route handler answers. */
export class AuthorizationError extends Error {
  constructor(readonly status: 401 | 403) {
    super(status === 401 ? 'Not signed in' : 'Not allowed');
    this.name = 'AuthorizationError';
  }
}

/**
 * The signed-in user, or null. One indexed read per request: the session is
 * only good while its user is active and its session version is the user's
 * current one (signing out, a password change or deactivation bumps it).
 */
export const getCurrentUser = cache(async (): Promise<StaffUser | null> => {
  const session = await currentSession();
  if (!session || !Number.isInteger(session.uid)) return null;
  const row = getDb()
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      active: users.active,
      sessionVersion: users.sessionVersion,
      preferredLocale: users.preferredLocale,
      totpSecret: users.totpSecret,
    })
    .from(users)
    .where(eq(users.id, session.uid))
    .get();
  if (!row || !row.active || row.sessionVersion !== session.sv) return null;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    preferredLocale: row.preferredLocale,
    twoFactor: row.totpSecret !== null,
  };
});

/**
 * THE check at the top of every server action, route handler and staff data
 * function: throws AuthorizationError(401) without a valid session and (403)
 * when `role` is 'admin' and the user is an editor.
 */
export async function requireUser(role?: Role, options: { allowWithoutTwoFactor?: boolean } = {}): Promise<StaffUser> {
  const user = await getCurrentUser();
  if (!user) throw new AuthorizationError(401);
  if (role === 'admin' && user.role !== 'admin') throw new AuthorizationError(403);
  if (!options.allowWithoutTwoFactor && mustEnrolTwoFactor(user)) throw new AuthorizationError(403);
  return user;
}

/** When an admin requires two-factor sign-in, a user without it can only reach My account to turn it on. */
export function mustEnrolTwoFactor(user: StaffUser): boolean {
  return !user.twoFactor && isTwoFactorRequired();
}

/** The same check for pages: sends the anonymous to sign in, answers 403 to the wrong role. */
export async function requireUserForPage(
  role?: Role,
  returnTo = '/admin',
  options: { allowWithoutTwoFactor?: boolean } = {},
): Promise<StaffUser> {
  const user = await getCurrentUser();
  if (!user) {
    // A session cookie that no longer works: say the session ended, not just "sign in".
    const stale = (await cookies()).getAll().some((c) => c.name.endsWith('authjs.session-token'));
    redirect(`/admin/sign-in?next=${encodeURIComponent(returnTo)}${stale ? '&expired=1' : ''}`);
  }
  if (!options.allowWithoutTwoFactor && mustEnrolTwoFactor(user)) redirect('/admin/account?twoFactorRequired=1');
  if (role === 'admin' && user.role !== 'admin') forbidden();
  return user;
}

