import type { JWT } from 'next-auth/jwt';

/** Sessions end after 8 hours without activity (the cookie's max age, renewed as the user works)… */
export const SESSION_IDLE_SECONDS = 8 * 60 * 60;
/** …and 7 days after signing in, whatever the activity. */
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The session token's contents: at sign-in, the user's id, session version
 * and the time; afterwards the token is kept as it is until the absolute
 * limit, then dropped (which signs the user out).
 */
export function nextSessionToken(
  token: JWT,
  user: { id?: string; sessionVersion?: number } | undefined,
  now = Date.now(),
): JWT | null {
  if (user) return { ...token, uid: Number(user.id), sv: user.sessionVersion, authAt: now };
  if (typeof token.authAt !== 'number' || now - token.authAt > SESSION_ABSOLUTE_MS) return null;
  return token;
}
