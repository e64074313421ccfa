import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db';
import { verifyCredentials } from '@/db/auth/sign-in';
import { authSecret } from '@/lib/auth/secret';
import { secureSessionCookies } from '@/lib/auth/session-cookie';
import { nextSessionToken, SESSION_IDLE_SECONDS } from '@/lib/auth/token';
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

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: authSecret(),
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
      credentials: { email: {}, password: {}, code: {} },
      async authorize(credentials, request) {
        const result = await verifyCredentials(getDb(), {
          email: field(credentials.email),
          password: field(credentials.password),
          code: field(credentials.code) || undefined,
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
    jwt({ token, user }) {
      return nextSessionToken(token, user);
    },
    session({ session, token }) {
      session.uid = Number(token.uid);
      session.sv = Number(token.sv);
      return session;
    },
  },
});
