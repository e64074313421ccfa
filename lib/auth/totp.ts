import { createHash, randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

const ISSUER = 'IOM Albania';
/** The settings every authenticator app understands; other values are silently ignored by some. */
const TOTP_SETTINGS = { algorithm: 'SHA1', digits: 6, period: 30 } as const;
/** Accept the previous and next period too, for clocks a little off and slow typing. */
const TOTP_WINDOW = 1;

/** A new random TOTP secret (20 bytes, as RFC 4226 recommends), base32-encoded. */
export function generateTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function makeTotp(secret: string, account = ''): TOTP {
  return new TOTP({ issuer: ISSUER, label: account, secret: Secret.fromBase32(secret), ...TOTP_SETTINGS });
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function totpUri(secret: string, account: string): string {
  return makeTotp(secret, account).toString();
}

/** The otpauth address as an SVG QR code, to show inline on the enrolment page. */
export function totpQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
}

/**
 * The time step (30-second period since the epoch) whose code `code` is —
 * spaces allowed, as apps show '123 456' — if it is the current code for the
 * secret or the one just before or after; null for anything else, including
 * malformed input or a broken secret; never throws. Callers refuse a step at
 * or before the last one accepted, so each code works once (RFC 6238 §5.2).
 */
export function totpStep(secret: string, code: string, now: number = Date.now()): number | null {
  if (code.length > 32) return null;
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  try {
    const delta = makeTotp(secret).validate({ token, timestamp: now, window: TOTP_WINDOW });
    return delta === null ? null : Math.floor(now / 1000 / TOTP_SETTINGS.period) + delta;
  } catch {
    return null;
  }
}

/** Lower case letters and digits without the look-alikes 0/o, 1/l/i, so codes read back without doubt. */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const RECOVERY_GROUP_LENGTH = 5;

function randomGroup(): string {
  let group = '';
  for (let i = 0; i < RECOVERY_GROUP_LENGTH; i++) group += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  return group;
}

/** `count` distinct one-time recovery codes like 'k7fqz-3mh9w' (about 49 random bits each). */
export function generateRecoveryCodes(count = 10): string[] {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(`${randomGroup()}-${randomGroup()}`);
  return [...codes];
}

/** The code as stored: lower case, without the spaces and hyphens people type or leave out. */
export function normalizeRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]+/g, '');
}

/**
 * SHA-256 (hex) of the normalized code. Recovery codes are random with ~49
 * bits of entropy, not chosen by people, so a fast hash is enough: there is
 * no dictionary to try, unlike passwords, which need argon2.
 */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normalizeRecoveryCode(code)).digest('hex');
}
