import 'server-only';
import { eq } from 'drizzle-orm';
import { requireUser } from '@/lib/auth/session';
import { verifyPassword } from '@/lib/auth/password';
import { generateRecoveryCodes, generateTotpSecret, hashRecoveryCode, normalizeRecoveryCode, totpQrSvg, totpUri, verifyTotp } from '@/lib/auth/totp';
import { recordAudit } from '../auth/audit-log';
import { getDb } from '../index';
import { recoveryCodes, settings, users } from '../schema';

/** Two-factor sign-in for the signed-in user, and the admin's site-wide requirement. */

export const REQUIRE_TWO_FACTOR = 'require_two_factor';

export async function getTwoFactorRequired(): Promise<boolean> {
  await requireUser('admin');
  return getDb().select({ value: settings.value }).from(settings).where(eq(settings.key, REQUIRE_TWO_FACTOR)).get()?.value === 'true';
}

export async function setTwoFactorRequired(required: boolean, ip: string | null): Promise<void> {
  const admin = await requireUser('admin');
  const db = getDb();
  db.transaction((tx) => {
    tx.insert(settings)
      .values({ key: REQUIRE_TWO_FACTOR, value: String(required) })
      .onConflictDoUpdate({ target: settings.key, set: { value: String(required), updatedAt: new Date() } })
      .run();
    recordAudit(tx, { userId: admin.id, action: 'settings.require_two_factor', details: { required }, ip });
  });
}

/** A new secret to scan; it counts only once a code from it is confirmed. */
export async function startTwoFactorEnrolment(): Promise<{ secret: string; qrSvg: string }> {
  const me = await requireUser(undefined, { allowWithoutTwoFactor: true });
  const secret = generateTotpSecret();
  getDb().update(users).set({ totpPendingSecret: secret }).where(eq(users.id, me.id)).run();
  return { secret, qrSvg: await totpQrSvg(totpUri(secret, me.email)) };
}

/** Confirms the pending secret with a code; returns the recovery codes, shown once. */
export async function confirmTwoFactor(code: string, ip: string | null): Promise<string[] | null> {
  const me = await requireUser(undefined, { allowWithoutTwoFactor: true });
  const db = getDb();
  const pending = db.select({ secret: users.totpPendingSecret }).from(users).where(eq(users.id, me.id)).get()?.secret;
  if (!pending || !verifyTotp(pending, code)) return null;
  const codes = generateRecoveryCodes();
  db.transaction((tx) => {
    tx.update(users).set({ totpSecret: pending, totpPendingSecret: null, updatedAt: new Date() }).where(eq(users.id, me.id)).run();
    tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, me.id)).run();
    for (const c of codes) tx.insert(recoveryCodes).values({ userId: me.id, codeHash: hashRecoveryCode(normalizeRecoveryCode(c)) }).run();
    recordAudit(tx, { userId: me.id, action: 'user.two_factor_on', entityType: 'user', entityId: me.id, ip });
  });
  return codes;
}

/** Turns two-factor sign-in off (the password is asked again). */
export async function disableTwoFactor(password: string, ip: string | null): Promise<boolean> {
  const me = await requireUser(undefined, { allowWithoutTwoFactor: true });
  const db = getDb();
  const row = db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, me.id)).get();
  if (!row || !(await verifyPassword(row.hash, password))) return false;
  db.transaction((tx) => {
    tx.update(users).set({ totpSecret: null, totpPendingSecret: null, updatedAt: new Date() }).where(eq(users.id, me.id)).run();
    tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, me.id)).run();
    recordAudit(tx, { userId: me.id, action: 'user.two_factor_off', entityType: 'user', entityId: me.id, ip });
  });
  return true;
}
