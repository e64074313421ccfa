import 'server-only';
import type { Locale } from '@/i18n/routing';
import { createFirstAdmin, isSetupTokenValid } from '../auth/setup';
import { findUserByEmail } from '../auth/sign-in';
import type { NewUser } from '../auth/users-core';
import { getDb } from '../index';

/**
 * The editor area's two doors that open before there is a session, so the
 * only functions of db/admin that do not start with requireUser: each has its
 * own guard instead. The setup is guarded by its one-time token (and refused
 * once any user exists); the signed-in user's language is read only after
 * next-auth accepted their credentials (app/admin/sign-in/actions.ts).
 */

/** Whether the first administrator's setup address is still valid. */
export function setupTokenValid(token: string): boolean {
  return isSetupTokenValid(getDb(), token);
}

/** Creates the first administrator with a valid token and spends the token. */
export function setUpFirstAdmin(token: string, input: Omit<NewUser, 'role'>, ip: string | null): ReturnType<typeof createFirstAdmin> {
  return createFirstAdmin(getDb(), token, input, ip);
}

/** The interface language an active user chose, by their email; undefined for no such user. */
export function preferredLocaleOf(email: string): Locale | undefined {
  return findUserByEmail(getDb(), email)?.preferredLocale;
}
