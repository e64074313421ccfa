import type { GetServerSidePropsContext } from 'next';
import { cookies, headers } from 'next/headers';
import NextAuth, { CredentialsSignin, type Session } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db';
import { isLocale } from '@/i18n/routing';
import { verifyCredentials } from '@/db/auth/sign-in';
import { authSecret } from '@/lib/auth/secret';
import { deriveKey } from '@/lib/auth/secret-box';
import { secureSessionCookies } from '@/lib/auth/session-cookie';
import { nextSessionToken, SESSION_IDLE_SECONDS, sessionRenewal } from '@/lib/auth/token';
import { clientAddress } from '@/lib/client-address';
import { logError } from '@/lib/log';


declare module 'next-auth' {
  interface User {
    role?: 'admin' | 'editor';
    sessionVersion?: number;
    preferredLocale?: 'en' | 'sq';
  }
  interface Session {
    uid: number;
    sv: number;
  }
}

/** A refused sign-in; `code` says why, and the form turns it into a localized message. */
class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

function field(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

const secret = authSecret();
const renewalKey = deriveKey(secret, 'session-version');

export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth({
  secret,
  trustHost: true,
  useSecureCookies: secureSessionCookies(),
  pages: { signIn: '/admin/sign-in', error: '/admin/sign-in' },
  // The Credentials provider supports JWT sessions only; revocation comes
  // from the session version that requireUser() checks on every request.
  session: { strategy: 'jwt', maxAge: SESSION_IDLE_SECONDS, updateAge: 15 * 60 },
  // Refused sign-ins are expected (and audited): not errors. Anything else is
  // logged as one JSON line, without the request's credentials.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin) return;
      logError('auth error', { name: error.name, message: error.message });
    },
    warn(code) {
      logError('auth warning', { code });
    },
    debug() {},
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {}, code: {}, locale: {} },
      async authorize(credentials, request) {
        const result = await verifyCredentials(getDb(), {
          email: field(credentials.email),
          password: field(credentials.password),
          code: field(credentials.code) || undefined,
          shownLocale: isLocale(credentials.locale) ? credentials.locale : undefined,
          ip: clientAddress(request.headers),
        });
        if (!result.ok) {
          throw new SignInRefused(result.reason === 'throttled' ? `throttled:${result.retryAfterMinutes}` : result.reason);
        }
        return {
          id: String(result.user.id),
          role: result.user.role,
          sessionVersion: result.user.sessionVersion,
          preferredLocale: result.user.preferredLocale,
        };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user, trigger, session }) {
      return nextSessionToken(token, user, Date.now(), trigger === 'update' ? { key: renewalKey, data: session } : undefined);
    },
    session({ session, token }) {
      session.uid = Number(token.uid);
      session.sv = Number(token.sv);
      return session;
    },
  },
});

/**
 * Keeps the current session after the user's session version was bumped to
 * `sessionVersion` (which ended their other sessions). Server side only: the
 * renewal never reaches the browser.
 */
export async function keepCurrentSession(uid: number, sessionVersion: number): Promise<void> {
  await unstable_update(sessionRenewal(renewalKey, uid, sessionVersion));
}

/**
 * The session as this request's cookies() see it. auth() reads the request's
 * Cookie header, which Next does not update when a server action sets a
 * cookie: the page Next renders into the same response would still see the
 * session that keepCurrentSession just moved on, and take it for ended.
 */
export async function currentSession(): Promise<Session | null> {
  const requestHeaders = new Headers(await headers());
  requestHeaders.set('cookie', (await cookies()).toString());
  // next-auth's form for a request object of one's own (it only reads `req.headers`; cookies set on `res` are dropped).
  return auth({ req: { headers: requestHeaders }, res: { headers: new Headers() } } as unknown as GetServerSidePropsContext);
}
