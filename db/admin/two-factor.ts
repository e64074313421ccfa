import 'server-only';
import { isTwoFactorRequired, requireUser } from '@/lib/auth/session';
import { generateTotpSecret, totpQrSvg, totpUri } from '@/lib/auth/totp';
import { recordAudit } from '../auth/audit-log';
import { clearTwoFactor, type ResetResult, setPendingTotpSecret, totpKey } from '../auth/two-factor';
import * as twoFactor from '../auth/two-factor';
import { adminActor, checkCurrentPassword } from './users';
import { getDb } from '../index';

/** Two-factor sign-in for the signed-in user, and the admin's site-wide requirement. */

export async function twoFactorRequirement(): Promise<boolean> {
  await requireUser('admin');
  return isTwoFactorRequired();
}

/** Requiring it is refused to an admin who has not turned it on: they would lock themselves out. */
export async function setTwoFactorRequirement(required: boolean, ip: string | null): Promise<ReturnType<typeof twoFactor.setTwoFactorRequirement>> {
  return twoFactor.setTwoFactorRequirement(getDb(), await adminActor(ip), required);
}

/** A new secret to scan; it counts only once a code from it is confirmed. Stored encrypted. */
export async function startTwoFactorEnrolment(): Promise<{ secret: string; qrSvg: string } | null> {
  const me = await requireUser(undefined, { allowWithoutTwoFactor: true });
  // While it is on, the authenticator is only replaced by turning it off first (which asks for the password).
  if (me.twoFactor) return null;
  const secret = generateTotpSecret();
  if (!setPendingTotpSecret(getDb(), totpKey(), me.id, secret)) return null;
  return { secret, qrSvg: await totpQrSvg(totpUri(secret, me.email)) };
}

export type ConfirmResult =
  | { ok: true; codes: string[]; sessionVersion: number }
  | { ok: false; error: 'password' | 'code'; retryAfterMinutes?: number };

/**
 * Turns two-factor sign-in on: the current password (throttled like a
 * sign-in, so a stolen session cannot enrol its own authenticator), then a
 * code from the pending secret. Ends the user's sessions; the caller keeps
 * the current one with the returned version. Returns the recovery codes, shown once.
 */
export async function enableTwoFactor(password: string, code: string, ip: string): Promise<ConfirmResult> {
  const me = await requireUser(undefined, { allowWithoutTwoFactor: true });
  if (me.twoFactor) return { ok: false, error: 'code' };
  const check = await checkCurrentPassword(me, password, ip);
  if (!check.ok) return { ok: false, error: 'password', retryAfterMinutes: check.retryAfterMinutes };
  const result = twoFactor.enableTwoFactor(getDb(), totpKey(), me.id, code, ip);
  return result.ok ? result : { ok: false, error: 'code' };
}

/** Turns two-factor sign-in off (the password is asked again). */
export async function disableTwoFactor(password: string, ip: string): Promise<boolean> {
  const me = await requireUser(undefined, { allowWithoutTwoFactor: true });
  const db = getDb();
  if (!(await checkCurrentPassword(me, password, ip)).ok) return false;
  db.transaction((tx) => {
    clearTwoFactor(tx, me.id, { endSessions: false });
    recordAudit(tx, { userId: me.id, action: 'user.two_factor_off', entityType: 'user', entityId: me.id, ip });
  });
  return true;
}

/** An admin removes another user's second factor (a lost phone); that user's sessions end. Audit-logged. */
export async function resetTwoFactor(id: number, ip: string | null): Promise<ResetResult> {
  return twoFactor.resetTwoFactor(getDb(), await adminActor(ip), id);
}
