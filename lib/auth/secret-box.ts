import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Encryption of small secrets kept in the database (two-factor secrets), with
 * a key derived from the server's secret (AUTH_SECRET or DATA_DIR/auth-secret),
 * which is never in the database or its backups: a copy of the database alone
 * does not reveal them.
 *
 * Format: `v1:<iv>:<tag>:<ciphertext>`, each base64url; AES-256-GCM with a
 * random 12-byte IV. `context` (e.g. the user's id) is authenticated with it,
 * so a value copied onto another row does not open.
 */

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Purposes of the keys derived from the server's secret (HKDF's info). */
export type KeyPurpose = 'totp-secret' | 'session-version';

const keys = new Map<string, Buffer>();

/** A 256-bit key for one purpose, derived with HKDF-SHA256 from the server's secret. */
export function deriveKey(serverSecret: string, purpose: KeyPurpose): Buffer {
  const id = `${purpose}\0${serverSecret}`;
  let key = keys.get(id);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', serverSecret, 'iom-albania', `iom-albania/${purpose}/v1`, 32));
    keys.set(id, key);
  }
  return key;
}

/** True when `value` is in the sealed format (rather than older clear text). */
export function isSealed(value: string): boolean {
  return value.startsWith(`${VERSION}:`);
}

export function seal(key: Buffer, plain: string, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context));
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join(':');
}

/** The clear text, or null when `sealed` is malformed, was sealed with another key or for another context. Never throws. */
export function open(key: Buffer, sealed: string, context: string): string | null {
  const parts = sealed.split(':');
  if (parts.length !== 4 || parts[0] !== VERSION) return null;
  const [iv, tag, ciphertext] = parts.slice(1).map((p) => Buffer.from(p, 'base64url')) as [Buffer, Buffer, Buffer];
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/** An HMAC-SHA256 of `message` (base64url), and its constant-time check. */
export function mac(key: Buffer, message: string): string {
  return createHmac('sha256', key).update(message).digest('base64url');
}

export function macMatches(key: Buffer, message: string, candidate: unknown): boolean {
  if (typeof candidate !== 'string') return false;
  const expected = Buffer.from(mac(key, message));
  const given = Buffer.from(candidate);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
