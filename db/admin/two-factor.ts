import 'server-only';
import { eq } from 'drizzle-orm';
import { isTwoFactorRequired, REQUIRE_TWO_FACTOR_SETTING, requireUser } from '@/lib/auth/session';
import { generateRecoveryCodes, generateTotpSecret, hashRecoveryCode, totpQrSvg, totpUri, verifyTotp } from '@/lib/auth/totp';
import { recordAudit } from '../auth/audit-log';
import { checkCurrentPassword } from './users';
import { getDb } from '../index';
import { recoveryCodes, settings, users } from '../schema';

/** Two-factor sign-in for the signed-in user, and the admin's site-wide requirement. */

export async function getTwoFactorRequired(): Promise<boolean> {
  await requireUser('admin');
  return isTwoFactorRequired();
}

/** Requiring it is refused to an admin who has not turned it on: they would lock themselves out. */
export async function setTwoFactorRequired(required: boolean, ip: string | null): Promise<{ ok: boolean }> {
  const admin = await requireUser('admin');
  if (required && !admin.twoFactor) return { ok: false };
  const db = getDb();
  db.transaction((tx) => {
    tx.insert(settings)
      .values({ key: REQUIRE_TWO_FACTOR_SETTING, value: String(required) })
      .onConflictDoUpdate({ target: settings.key, set: { value: String(required), updatedAt: new Date() } })
      .run();
    recordAudit(tx, { userId: admin.id, action: 'settings.require_two_factor', details: { required }, ip });
  });
  return { ok: true };
}

/** A new secret to scan; it counts only once a code from it is confirmed. */
export async function startTwoFactorEnrolment(): Promise<{ secret: string; qrSvg: string } | null> {
  const me = await requireUser(undefined, { allowWithoutTwoFactor: true });
  // While it is on, the authenticator is only replaced by turning it off first (which asks for the password).
  if (me.twoFactor) return null;
  const secret = generateTotpSecret();
  getDb().update(users).set({ totpPendingSecret: secret }).where(eq(users.id, me.id)).run();
  return { secret, qrSvg: await totpQrSvg(totpUri(secret, me.email)) };
}

/** Confirms the pending secret with a code; returns the recovery codes, shown once. */
export async function confirmTwoFactor(code: string, ip: string | null): Promise<string[] | null> {
  const me = await requireUser(undefined, { allowWithoutTwoFactor: true });
  if (me.twoFactor) return null;
  const db = getDb();
  const pending = db.select({ secret: users.totpPendingSecret }).from(users).where(eq(users.id, me.id)).get()?.secret;
  if (!pending || !verifyTotp(pending, code)) return null;
  const codes = generateRecoveryCodes();
  db.transaction((tx) => {
    tx.update(users).set({ totpSecret: pending, totpPendingSecret: null, updatedAt: new Date() }).where(eq(users.id, me.id)).run();
    tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, me.id)).run();
    for (const c of codes) tx.insert(recoveryCodes).values({ userId: me.id, codeHash: hashRecoveryCode(c) }).run();
    recordAudit(tx, { userId: me.id, action: 'user.two_factor_on', entityType: 'user', entityId: me.id, ip });
  });
  return codes;
}

/** Turns two-factor sign-in off (the password is asked again). */
export async function disableTwoFactor(password: string, ip: string): Promise<boolean> {
  const me = await requireUser(undefined, { allowWithoutTwoFactor: true });
  const db = getDb();
  if (!(await checkCurrentPassword(me, password, ip)).ok) return false;
  db.transaction((tx) => {
    tx.update(users).set({ totpSecret: null, totpPendingSecret: null, updatedAt: new Date() }).where(eq(users.id, me.id)).run();
    tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, me.id)).run();
    recordAudit(tx, { userId: me.id, action: 'user.two_factor_off', entityType: 'user', entityId: me.id, ip });
  });
  return true;
}
