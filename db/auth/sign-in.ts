import { eq, sql } from 'drizzle-orm';
import { verifyDummyPassword, verifyPassword } from '@/lib/auth/password';
import { MAX_EMAIL_LENGTH, MAX_PASSWORD_INPUT } from '@/lib/auth/validation';
import { recordAudit } from './audit-log';
import type { DB, Queryable } from '../client';
import { users } from '../schema';
import { beginLoginAttempt, normalizeEmail, settleLoginAttempt } from './throttle';
import { acceptTotpCode, openTotpSecret, totpKey, useRecoveryCode } from './two-factor';

export { normalizeEmail };

export type SignInUser = { id: number; role: 'admin' | 'editor'; sessionVersion: number; preferredLocale: 'en' | 'sq' };

export type SignInResult =
  | { ok: true; user: SignInUser }
  | { ok: false; reason: 'invalid' | 'two_factor_required' | 'two_factor_invalid' }
  | { ok: false; reason: 'throttled'; retryAfterMinutes: number };

/** Finds an active user by email, case-insensitively (the unique index is on lower(email)). */
export function findUserByEmail(db: Queryable, email: string) {
  return db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${normalizeEmail(email)}`)
    .get();
}

/**
 * Checks a sign-in: throttle first (before any hashing), then the password
 * — against a dummy hash when the email is unknown or the account inactive,
 * so every refusal looks and takes the same — then the second factor when
 * the user has one. Records the attempt and an audit event. `shownLocale` is
 * the sign-in page's language, which a user who never chose one keeps.
 */
export async function verifyCredentials(
  db: DB,
  input: { email: string; password: string; code?: string; ip: string; shownLocale?: 'en' | 'sq' },
): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  const { password, ip } = input;
  if (!email || email.length > MAX_EMAIL_LENGTH || !password || password.length > MAX_PASSWORD_INPUT) {
    return { ok: false, reason: 'invalid' };
  }

  // Refused attempts are not written to the audit log one by one: a flood of
  // them must not be able to grow it without bound.
  const attempt = beginLoginAttempt(db, { email, ip });
  if (!attempt.allowed) return { ok: false, reason: 'throttled', retryAfterMinutes: attempt.retryAfterMinutes };

  const user = findUserByEmail(db, email);
  const passwordOk = user && user.active ? await verifyPassword(user.passwordHash, password) : await verifyDummyPassword(password);
  if (!user || !passwordOk) {
    recordAudit(db, { userId: user?.id ?? null, action: 'auth.sign_in_failed', details: { email }, ip });
    return { ok: false, reason: 'invalid' };
  }

  const totpSecret = user.totpSecret;
  const code = input.code?.trim() ?? '';
  if (totpSecret && !code) {
    settleLoginAttempt(db, attempt.attemptId, 'withdrawn');
    return { ok: false, reason: 'two_factor_required' };
  }
  // The code is spent in the same transaction as the sign-in is recorded:
  // a TOTP code's time step (refused once it or a later one was accepted), or
  // a recovery code. A secret that does not open with this server's key (a
  // backup restored without it) accepts no code; recovery codes still work.
  // A user who never chose a language keeps the one the sign-in page was shown in.
  const preferredLocale = !user.localeChosen && input.shownLocale ? input.shownLocale : user.preferredLocale;
  const signedIn = db.transaction((tx) => {
    if (totpSecret) {
      const secret = openTotpSecret(totpKey(), user.id, totpSecret);
      const codeOk = /^\d[\d ]*$/.test(code)
        ? secret !== null && acceptTotpCode(tx, user.id, secret, code)
        : useRecoveryCode(tx, user.id, code);
      if (!codeOk) return false;
    }
    settleLoginAttempt(tx, attempt.attemptId, 'succeeded');
    tx.update(users).set({ lastSignInAt: new Date(), preferredLocale }).where(eq(users.id, user.id)).run();
    recordAudit(tx, { userId: user.id, action: 'auth.sign_in', ip });
    return true;
  });
  if (!signedIn) {
    recordAudit(db, { userId: user.id, action: 'auth.two_factor_failed', ip });
    return { ok: false, reason: 'two_factor_invalid' };
  }
  return {
    ok: true,
    user: { id: user.id, role: user.role, sessionVersion: user.sessionVersion, preferredLocale },
  };
}
