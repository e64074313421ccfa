import { eq } from 'drizzle-orm';
import { getToken } from 'next-auth/jwt';
import { getDb } from '@/db';
import { users } from '@/db/schema';
import { env } from '@/lib/env';
import { authSecret } from './secret';
import { nextSessionToken } from './token';

/** Whether session cookies are `__Secure-` (auth.ts): when the site is served over https. */
export function secureSessionCookies(): boolean {
  return env().siteUrl.startsWith('https://');
}

/**
 * Whether a request's cookies hold a live session, outside Next's request
 * context (lib/request-guard.ts asks before Next reads a body): a session
 * cookie this site signed, not past its idle or absolute limit, of an active
 * user whose session version it carries — what getCurrentUser() accepts.
 * About 0.2 ms (a key derivation, a decryption, one indexed read).
 */
export async function hasLiveSession(cookie: string | undefined): Promise<boolean> {
  if (!cookie?.includes('authjs.session-token')) return false;
  const token = await getToken({ req: { headers: { cookie } }, secret: authSecret(), secureCookie: secureSessionCookies() });
  if (!token || typeof token.uid !== 'number' || nextSessionToken(token, undefined) === null) return false;
  const row = getDb().select({ active: users.active, sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, token.uid)).get();
  return Boolean(row?.active && row.sessionVersion === token.sv);
}
