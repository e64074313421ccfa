import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_ADDRESS,
  WINDOW_MS,
  checkThrottle,
  recordLoginAttempt,
} from '@/db/auth/throttle';
import { loginAttempts, users } from '@/db/schema';
import { makeTestDatabase } from '../helpers/db';

let t: ReturnType<typeof makeTestDatabase>;
beforeEach(() => {
  t = makeTestDatabase();
});
afterEach(() => t.close());

const T0 = Date.UTC(2025, 5, 1, 9, 0, 0);
const MINUTE = 60_000;
const IP = '203.0.113.7';

function fail(email: string, now: number, ip = IP) {
  recordLoginAttempt(t.db, { email, ip, succeeded: false, now });
}

function check(email: string, now: number, ip = IP) {
  return checkThrottle(t.db, { email, ip, now });
}

describe('sign-in throttle', () => {
  it('uses the agreed limits', () => {
    expect([WINDOW_MS, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS]).toEqual([15 * MINUTE, 5, 20]);
  });

  it('allows four failures for an account and refuses after the fifth', () => {
    expect(check('editor@iom.int', T0)).toEqual({ allowed: true });
    for (let i = 0; i < 4; i++) fail('editor@iom.int', T0 + i * 1000);
    expect(check('editor@iom.int', T0 + 5000)).toEqual({ allowed: true });
    fail('editor@iom.int', T0 + 5000);
    expect(check('editor@iom.int', T0 + 6000)).toEqual({ allowed: false, retryAfterMinutes: 15 });
    // From another address too: the account itself is being guessed.
    expect(check('editor@iom.int', T0 + 6000, '198.51.100.1').allowed).toBe(false);
    expect(check('other@iom.int', T0 + 6000)).toEqual({ allowed: true });
  });

  it('compares emails trimmed and lower-cased', () => {
    for (let i = 0; i < 5; i++) fail('  Editor@IOM.int ', T0 + i);
    expect(check('editor@iom.int', T0 + 10).allowed).toBe(false);
    expect(check('EDITOR@iom.INT', T0 + 10).allowed).toBe(false);
  });

  it('forgives failures before a successful sign-in', () => {
    for (let i = 0; i < 4; i++) fail('editor@iom.int', T0 + i * 1000);
    recordLoginAttempt(t.db, { email: 'editor@iom.int', ip: IP, succeeded: true, now: T0 + 10_000 });
    for (let i = 0; i < 4; i++) fail('editor@iom.int', T0 + 20_000 + i * 1000);
    expect(check('editor@iom.int', T0 + 30_000)).toEqual({ allowed: true });
    fail('editor@iom.int', T0 + 30_000);
    expect(check('editor@iom.int', T0 + 31_000).allowed).toBe(false);
  });

  it('refuses an address after twenty failures across emails, but not another address', () => {
    for (let i = 0; i < 20; i++) fail(`guess${i}@iom.int`, T0 + i * 1000);
    expect(check('new@iom.int', T0 + 30_000)).toEqual({ allowed: false, retryAfterMinutes: 15 });
    expect(check('new@iom.int', T0 + 30_000, '198.51.100.1')).toEqual({ allowed: true });
  });

  it('does not let a success clear the failures of an address', () => {
    for (let i = 0; i < 19; i++) fail(`guess${i}@iom.int`, T0 + i * 1000);
    recordLoginAttempt(t.db, { email: 'mine@iom.int', ip: IP, succeeded: true, now: T0 + 20_000 });
    fail('guess19@iom.int', T0 + 21_000);
    expect(check('new@iom.int', T0 + 22_000).allowed).toBe(false);
  });

  it('says how many whole minutes until enough failures have left the window', () => {
    for (let i = 0; i < 5; i++) fail('editor@iom.int', T0 + i * MINUTE);
    expect(check('editor@iom.int', T0 + 10 * MINUTE)).toEqual({ allowed: false, retryAfterMinutes: 5 });
    // 4 min 30 s left: rounded up.
    expect(check('editor@iom.int', T0 + 10 * MINUTE + 30_000)).toEqual({ allowed: false, retryAfterMinutes: 5 });
    // One second left: still at least one minute.
    expect(check('editor@iom.int', T0 + 15 * MINUTE - 1000)).toEqual({ allowed: false, retryAfterMinutes: 1 });
    // The first failure has left the window: four remain.
    expect(check('editor@iom.int', T0 + 15 * MINUTE)).toEqual({ allowed: true });
  });

  it('waits for the failure that brings the count under the limit, not the oldest', () => {
    // Seven failures: the fifth most recent (t0 + 2 min) has to leave, not the first.
    for (let i = 0; i < 7; i++) fail('editor@iom.int', T0 + i * MINUTE);
    expect(check('editor@iom.int', T0 + 10 * MINUTE)).toEqual({ allowed: false, retryAfterMinutes: 7 });
    expect(check('editor@iom.int', T0 + 17 * MINUTE)).toEqual({ allowed: true });
  });

  it('ignores attempts older than the window', () => {
    for (let i = 0; i < 30; i++) fail(`guess${i % 3}@iom.int`, T0 + i);
    expect(check('guess0@iom.int', T0 + WINDOW_MS + 30)).toEqual({ allowed: true });
    expect(check('guess0@iom.int', T0 + WINDOW_MS - 1).allowed).toBe(false);
  });

  it('throttles an unknown email exactly like a known one', () => {
    t.db.insert(users).values({ email: 'known@iom.int', name: 'Known Editor', passwordHash: 'not-a-real-hash' }).run();
    const known = [];
    const unknown = [];
    for (let i = 0; i < 6; i++) {
      known.push(check('known@iom.int', T0 + i * MINUTE, '198.51.100.1'));
      unknown.push(check('unknown@iom.int', T0 + i * MINUTE, '198.51.100.2'));
      fail('known@iom.int', T0 + i * MINUTE, '198.51.100.1');
      fail('unknown@iom.int', T0 + i * MINUTE, '198.51.100.2');
    }
    expect(unknown).toEqual(known);
    expect(known.slice(0, 5).every((r) => r.allowed)).toBe(true);
    // Five failures at t0..t0+4 min, checked at t0+5 min: the first leaves at t0+15 min.
    expect(known.at(-1)).toEqual({ allowed: false, retryAfterMinutes: 10 });
  });

  it('deletes attempts older than a day when recording a new one', () => {
    fail('old@iom.int', T0);
    fail('recent@iom.int', T0 + 2 * 60 * MINUTE);
    fail('now@iom.int', T0 + 25 * 60 * MINUTE);
    const left = t.db.select().from(loginAttempts).all().map((row) => row.email);
    expect(left.sort()).toEqual(['now@iom.int', 'recent@iom.int']);
  });
});
