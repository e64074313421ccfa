import { describe, expect, it } from 'vitest';
import { nextSessionToken, SESSION_ABSOLUTE_MS } from '@/lib/auth/token';

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
