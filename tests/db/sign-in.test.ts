import { eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { createFirstAdmin, isSetupTokenValid, issueSetupToken, SETUP_TOKEN_TTL_MS } from '@/db/auth/setup';
import { verifyCredentials } from '@/db/auth/sign-in';
import { sealTotpSecret, totpKey } from '@/db/auth/two-factor';
import { insertUserRow } from '@/db/auth/users-core';
import { auditEvents, recoveryCodes, setupTokens, users } from '@/db/schema';
import { generateTotpSecret, hashRecoveryCode, normalizeRecoveryCode } from '@/lib/auth/totp';
import { useAuthTestDatabase } from '../helpers/db';

const t = useAuthTestDatabase();

const PASSWORD = 'Lumi i Drinit rrjedh ngadalë';
const IP = '198.51.100.4';

async function addUser(email = 'Ana@IOM.int') {
  const result = await insertUserRow(t.db, { email, name: 'Ana', role: 'editor', password: PASSWORD }, { id: null });
  if (!result.ok) throw new Error(result.error);
  return result.id;
}

function actions() {
  return t.db.select().from(auditEvents).all().map((e) => e.action);
}

describe('verifyCredentials', () => {
  it('accepts the right password, whatever the case of the email', async () => {
    const id = await addUser();
    const result = await verifyCredentials(t.db, { email: ' ana@iom.INT ', password: PASSWORD, ip: IP });
    expect(result).toEqual({ ok: true, user: { id, role: 'editor', sessionVersion: 1, preferredLocale: 'en' } });
    expect(t.db.select().from(users).where(eq(users.id, id)).get()!.lastSignInAt).toBeInstanceOf(Date);
    expect(actions()).toContain('auth.sign_in');
  });

  it('gives a user who never chose a language the sign-in page’s, and keeps a chosen one', async () => {
    const id = await addUser();
    const first = await verifyCredentials(t.db, { email: 'ana@iom.int', password: PASSWORD, ip: IP, shownLocale: 'sq' });
    expect(first).toMatchObject({ ok: true, user: { preferredLocale: 'sq' } });
    expect(t.db.select().from(users).where(eq(users.id, id)).get()).toMatchObject({ preferredLocale: 'sq', localeChosen: false });
    // Still not a choice: the next sign-in page's language wins again.
    expect(await verifyCredentials(t.db, { email: 'ana@iom.int', password: PASSWORD, ip: IP, shownLocale: 'en' })).toMatchObject({ user: { preferredLocale: 'en' } });

    t.db.update(users).set({ preferredLocale: 'sq', localeChosen: true }).where(eq(users.id, id)).run();
    expect(await verifyCredentials(t.db, { email: 'ana@iom.int', password: PASSWORD, ip: IP, shownLocale: 'en' })).toMatchObject({ user: { preferredLocale: 'sq' } });
    expect(t.db.select().from(users).where(eq(users.id, id)).get()!.preferredLocale).toBe('sq');
  });

  it('refuses a wrong password, an unknown email and an inactive account alike', async () => {
    const id = await addUser();
    expect(await verifyCredentials(t.db, { email: 'ana@iom.int', password: 'wrong password!', ip: IP })).toEqual({ ok: false, reason: 'invalid' });
    expect(await verifyCredentials(t.db, { email: 'nobody@iom.int', password: PASSWORD, ip: IP })).toEqual({ ok: false, reason: 'invalid' });
    t.db.update(users).set({ active: false }).where(eq(users.id, id)).run();
    expect(await verifyCredentials(t.db, { email: 'ana@iom.int', password: PASSWORD, ip: IP })).toEqual({ ok: false, reason: 'invalid' });
    expect(actions().filter((a) => a === 'auth.sign_in_failed')).toHaveLength(3);
  });

  it('refuses empty and overlong input without looking further', async () => {
    await addUser();
    for (const input of [
      { email: '', password: PASSWORD },
      { email: 'ana@iom.int', password: '' },
      { email: `${'a'.repeat(10_000)}@iom.int`, password: PASSWORD },
      { email: 'ana@iom.int', password: 'x'.repeat(10_000) },
    ]) {
      expect(await verifyCredentials(t.db, { ...input, ip: IP })).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('throttles before checking the password, even the right one', async () => {
    await addUser();
    for (let i = 0; i < 5; i++) await verifyCredentials(t.db, { email: 'ana@iom.int', password: `wrong ${i}`, ip: IP });
    const result = await verifyCredentials(t.db, { email: 'ana@iom.int', password: PASSWORD, ip: IP });
    expect(result).toEqual({ ok: false, reason: 'throttled', retryAfterMinutes: 15 });
    // A flood of refused attempts does not grow the audit log.
    expect(actions().filter((a) => a === 'auth.sign_in_failed')).toHaveLength(5);
    expect(actions()).toHaveLength(6); // user.create and the five failures
  });

  it('cannot be raced: parallel attempts are counted before any password is hashed', async () => {
    await addUser();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => verifyCredentials(t.db, { email: 'ana@iom.int', password: `wrong ${i}`, ip: IP })),
    );
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.reason === 'throttled')).toHaveLength(7);
  });

  it('asks for the second factor and accepts a current code or an unused recovery code', async () => {
    const id = await addUser();
    const secret = generateTotpSecret();
    t.db.update(users).set({ totpSecret: sealTotpSecret(totpKey(), id, secret) }).where(eq(users.id, id)).run();
    t.db.insert(recoveryCodes).values({ userId: id, codeHash: hashRecoveryCode(normalizeRecoveryCode('abcde-fghjk')) }).run();
    const base = { email: 'ana@iom.int', password: PASSWORD, ip: IP };

    expect(await verifyCredentials(t.db, base)).toEqual({ ok: false, reason: 'two_factor_required' });
    // Waiting for the second factor is no failure: it does not count towards the throttle.
    for (let i = 0; i < 6; i++) expect(await verifyCredentials(t.db, base)).toEqual({ ok: false, reason: 'two_factor_required' });
    expect(await verifyCredentials(t.db, { ...base, code: '000000' === code(secret) ? '111111' : '000000' })).toEqual({ ok: false, reason: 'two_factor_invalid' });
    expect((await verifyCredentials(t.db, { ...base, code: code(secret) })).ok).toBe(true);
    expect((await verifyCredentials(t.db, { ...base, code: 'ABCDE FGHJK' })).ok).toBe(true);
    expect(await verifyCredentials(t.db, { ...base, code: 'abcde-fghjk' })).toEqual({ ok: false, reason: 'two_factor_invalid' });
  });

  it('never writes the password or the code into the audit log', async () => {
    await addUser();
    await verifyCredentials(t.db, { email: 'ana@iom.int', password: 'a secret wrong password', ip: IP });
    await verifyCredentials(t.db, { email: 'ana@iom.int', password: PASSWORD, ip: IP });
    const log = JSON.stringify(t.db.select().from(auditEvents).all());
    expect(log).not.toContain('a secret wrong password');
    expect(log).not.toContain(PASSWORD);
  });
});

function code(secret: string): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate();
}

describe('first administrator setup', () => {
  it('issues a token only while there is no user, and keeps only its hash', async () => {
    const token = issueSetupToken(t.db)!;
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(JSON.stringify(t.db.select().from(setupTokens).all())).not.toContain(token);
    expect(isSetupTokenValid(t.db, token)).toBe(true);
    await addUser();
    expect(issueSetupToken(t.db)).toBeNull();
    expect(isSetupTokenValid(t.db, token)).toBe(false);
  });

  it('creates the administrator once; the token cannot be used again', async () => {
    const token = issueSetupToken(t.db)!;
    const created = await createFirstAdmin(t.db, token, { email: 'Admin@IOM.int', name: 'Admin', password: PASSWORD }, IP);
    expect(created.ok).toBe(true);
    const admin = t.db.select().from(users).get()!;
    expect(admin).toMatchObject({ email: 'admin@iom.int', role: 'admin', active: true });
    expect(await createFirstAdmin(t.db, token, { email: 'other@iom.int', name: 'Other', password: PASSWORD }, IP)).toEqual({ ok: false, error: 'invalidToken' });
    expect(t.db.select().from(users).all()).toHaveLength(1);
  });

  it('refuses an expired token, a replaced one and garbage', async () => {
    const now = Date.now();
    const old = issueSetupToken(t.db, now - SETUP_TOKEN_TTL_MS - 1000)!;
    expect(isSetupTokenValid(t.db, old, now)).toBe(false);
    const first = issueSetupToken(t.db)!;
    const second = issueSetupToken(t.db)!;
    expect(isSetupTokenValid(t.db, first)).toBe(false);
    expect(isSetupTokenValid(t.db, second)).toBe(true);
    for (const bad of ['', 'x', '../../etc/passwd', 'a'.repeat(10_000), "' OR 1=1 --"]) {
      expect(isSetupTokenValid(t.db, bad)).toBe(false);
    }
  });
});
