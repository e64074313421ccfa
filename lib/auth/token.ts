import type { JWT } from 'next-auth/jwt';
import { mac, macMatches } from './secret-box';

/** Sessions end after 8 hours without activity (the cookie's max age, renewed as the user works)… */
export const SESSION_IDLE_SECONDS = 8 * 60 * 60;
/** …and 7 days after signing in, whatever the activity. */
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * What lets the server move the current session to a new session version
 * (after ending the user's other sessions): a MAC of the user and version
 * with a key derived from the server's secret. The session endpoint accepts
 * updates from the browser too, so a version without it is ignored.
 */
export type SessionRenewal = { sv: number; renewal: string };

export function sessionRenewal(key: Buffer, uid: number, sessionVersion: number): SessionRenewal {
  return { sv: sessionVersion, renewal: mac(key, `${uid}:${sessionVersion}`) };
}

/**
 * The session token's contents: at sign-in, the user's id, session version
 * and the time; afterwards the token is kept as it is until the absolute
 * limit, then dropped (which signs the user out). An update carrying a valid
 * renewal for this token's user moves it to that session version.
 */
export function nextSessionToken(
  token: JWT,
  user: { id?: string; sessionVersion?: number } | undefined,
  now = Date.now(),
  update?: { key: Buffer; data: unknown },
): JWT | null {
  if (user) return { ...token, uid: Number(user.id), sv: user.sessionVersion, authAt: now };
  if (typeof token.authAt !== 'number' || now - token.authAt > SESSION_ABSOLUTE_MS) return null;
  if (update && typeof update.data === 'object' && update.data !== null) {
    const { sv, renewal } = update.data as Partial<SessionRenewal>;
    if (Number.isInteger(sv) && macMatches(update.key, `${token.uid}:${sv}`, renewal)) return { ...token, sv };
  }
  return token;
}
