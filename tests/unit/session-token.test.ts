import { describe, expect, it } from 'vitest';
import { deriveKey } from '@/lib/auth/secret-box';
import { nextSessionToken, SESSION_ABSOLUTE_MS, sessionRenewal } from '@/lib/auth/token';

describe('session token', () => {
  const signedInAt = Date.UTC(2026, 10, 30, 9);

  it('records the user, the session version and the time at sign-in', () => {
    expect(nextSessionToken({}, { id: '7', sessionVersion: 3 }, signedInAt)).toEqual({ uid: 7, sv: 3, authAt: signedInAt });
  });

  it('lasts at most seven days after signing in, however active the user', () => {
    const token = nextSessionToken({}, { id: '7', sessionVersion: 3 }, signedInAt)!;
    expect(nextSessionToken(token, undefined, signedInAt + SESSION_ABSOLUTE_MS - 1000)).toEqual(token);
    expect(nextSessionToken(token, undefined, signedInAt + SESSION_ABSOLUTE_MS + 1000)).toBeNull();
  });

  it('refuses a token without a sign-in time', () => {
    expect(nextSessionToken({ uid: 7, sv: 3 }, undefined, signedInAt)).toBeNull();
  });
});

describe('session renewal', () => {
  const signedInAt = Date.UTC(2026, 10, 30, 9);
  const key = deriveKey('a server secret of at least thirty-two characters', 'session-version');
  const token = nextSessionToken({}, { id: '7', sessionVersion: 3 }, signedInAt)!;

  it('moves the session to a new version only with the server’s renewal for this user', () => {
    expect(nextSessionToken(token, undefined, signedInAt, { key, data: sessionRenewal(key, 7, 4) })).toEqual({ ...token, sv: 4 });
    // What a browser can send to the session endpoint: no renewal, a forged one, another user's, another key's.
    for (const data of [
      { sv: 4 },
      { sv: 4, renewal: 'x'.repeat(43) },
      { ...sessionRenewal(key, 7, 4), sv: 5 },
      sessionRenewal(key, 8, 4),
      sessionRenewal(deriveKey('another server secret, also long enough', 'session-version'), 7, 4),
      null,
      'sv=4',
    ]) {
      expect(nextSessionToken(token, undefined, signedInAt, { key, data })).toEqual(token);
    }
  });
});
