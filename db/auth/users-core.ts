import { hashPassword } from '@/lib/auth/password';
import type { DB } from '../client';
import { type Role, users } from '../schema';
import { recordAudit } from './audit-log';
import { findUserByEmail, normalizeEmail } from './sign-in';

export type NewUser = { email: string; name: string; role: Role; password: string; preferredLocale?: 'en' | 'sq' };

/**
 * Inserts a user (password hashed, email lower-cased) and its audit event.
 * No access check here: the callers are the admin's action (which checks the
 * session), the first-administrator setup (which checks its one-time token)
 * and the command line (which needs access to the server's files).
 */
export async function insertUserRow(
  db: DB,
  input: NewUser,
  actor: { id: number | null; ip?: string | null; via?: string },
): Promise<{ ok: true; id: number } | { ok: false; error: 'emailTaken' }> {
  const email = normalizeEmail(input.email);
  if (findUserByEmail(db, email)) return { ok: false, error: 'emailTaken' };
  const passwordHash = await hashPassword(input.password);
  return db.transaction((tx) => {
    if (findUserByEmail(tx, email)) return { ok: false, error: 'emailTaken' } as const;
    const row = tx
      .insert(users)
      .values({
        email,
        name: input.name.trim(),
        role: input.role,
        passwordHash,
        // A language given when the account is made is a choice; without one, the first sign-in page's is taken.
        preferredLocale: input.preferredLocale ?? 'en',
        localeChosen: input.preferredLocale !== undefined,
      })
      .returning({ id: users.id })
      .get();
    recordAudit(tx, {
      userId: actor.id,
      action: 'user.create',
      entityType: 'user',
      entityId: row.id,
      details: { email, role: input.role, ...(actor.via ? { via: actor.via } : {}) },
      ip: actor.ip ?? null,
    });
    return { ok: true, id: row.id } as const;
  });
}
