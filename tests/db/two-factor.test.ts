import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { verifyCredentials } from '@/db/auth/sign-in';
import {
  enableTwoFactor,
  openTotpSecret,
  sealClearTotpSecrets,
  sealTotpSecret,
  setPendingTotpSecret,
  totpKey,
  unreadableTotpSecrets,
} from '@/db/auth/two-factor';
import { insertUserRow } from '@/db/auth/users-core';
import { createBackup, restoreBackup } from '@/db/backup';
import { DATABASE_FILE, type DB } from '@/db/client';
import { auditEvents, recoveryCodes, users } from '@/db/schema';
import { AUTH_SECRET_FILE, authSecret } from '@/lib/auth/secret';
import { generateTotpSecret } from '@/lib/auth/totp';
import { makeTempDir, useAuthTestDatabase, withDatabase } from '../helpers/db';

const PASSWORD = 'Lumi i Drinit rrjedh ngadalë';
const IP = '198.51.100.4';
const PERIOD = 30_000;

const t = useAuthTestDatabase();

function codeAt(secret: string, timestamp = Date.now()): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30, timestamp });
}

async function addUser(db: DB = t.db, email = 'ana@iom.int'): Promise<number> {
  const result = await insertUserRow(db, { email, name: 'Ana', role: 'editor', password: PASSWORD }, { id: null });
  if (!result.ok) throw new Error(result.error);
  return result.id;
}

/** A user with two-factor sign-in on, as enrolment leaves it. */
async function addTwoFactorUser(db: DB = t.db, key = totpKey()): Promise<{ id: number; secret: string }> {
  const id = await addUser(db);
  const secret = generateTotpSecret();
  db.update(users).set({ totpSecret: sealTotpSecret(key, id, secret) }).where(eq(users.id, id)).run();
  return { id, secret };
}

const row = (id: number, db: DB = t.db) => db.select().from(users).where(eq(users.id, id)).get()!;
const actions = (db: DB = t.db) => db.select().from(auditEvents).all().map((e) => e.action);
const signIn = (code: string) => verifyCredentials(t.db, { email: 'ana@iom.int', password: PASSWORD, code, ip: IP });

describe('a two-factor code works once', () => {
  it('refuses a code already used to sign in, and the previous period’s code after it', async () => {
    const { secret } = await addTwoFactorUser();
    const now = Date.now();
    const current = codeAt(secret, now);
    expect((await signIn(current)).ok).toBe(true);
    // The same code again (the replay the test found: three times in a row), then the one before it.
    expect(await signIn(current)).toEqual({ ok: false, reason: 'two_factor_invalid' });
    expect(await signIn(current)).toEqual({ ok: false, reason: 'two_factor_invalid' });
    expect(await signIn(codeAt(secret, now - PERIOD))).toEqual({ ok: false, reason: 'two_factor_invalid' });
    // The next period's code is a new one: accepted once.
    const next = codeAt(secret, now + PERIOD);
    expect((await signIn(next)).ok).toBe(true);
    expect(await signIn(next)).toEqual({ ok: false, reason: 'two_factor_invalid' });
    expect(actions().filter((a) => a === 'auth.sign_in')).toHaveLength(2);
    expect(actions().filter((a) => a === 'auth.two_factor_failed')).toHaveLength(4);
  });

  it('lets only one of two simultaneous sign-ins with the same code through', async () => {
    const { secret } = await addTwoFactorUser();
    const code = codeAt(secret);
    const results = await Promise.all([signIn(code), signIn(code), signIn(code)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === 'two_factor_invalid')).toHaveLength(2);
  });

  it('records the step with the sign-in, and nothing when the code is refused', async () => {
    const { id, secret } = await addTwoFactorUser();
    const now = Date.now();
    expect(await signIn(codeAt(secret, now - 3 * PERIOD))).toEqual({ ok: false, reason: 'two_factor_invalid' });
    expect(row(id).totpLastStep).toBeNull();
    expect(row(id).lastSignInAt).toBeNull();
    expect((await signIn(codeAt(secret, now + PERIOD))).ok).toBe(true);
    expect(row(id).totpLastStep).toBe(Math.floor(now / PERIOD) + 1);
    expect(row(id).lastSignInAt).toBeInstanceOf(Date);
  });

  it('keeps recovery codes single use', async () => {
    const id = await addUser();
    const secret = generateTotpSecret();
    setPendingTotpSecret(t.db, totpKey(), id, secret);
    const enabled = enableTwoFactor(t.db, totpKey(), id, codeAt(secret), IP);
    if (!enabled.ok) throw new Error('not enabled');
    const [first] = enabled.codes as [string];
    expect((await signIn(first.toUpperCase())).ok).toBe(true);
    expect(await signIn(first)).toEqual({ ok: false, reason: 'two_factor_invalid' });
  });
});

describe('turning two-factor sign-in on', () => {
  it('spends the confirming code, ends the user’s sessions and writes the audit log', async () => {
    const id = await addUser();
    const secret = generateTotpSecret();
    setPendingTotpSecret(t.db, totpKey(), id, secret);
    expect(row(id).totpPendingSecret).not.toContain(secret);
    const now = Date.now();
    const wrong = codeAt(secret, now + 3 * PERIOD);
    expect(enableTwoFactor(t.db, totpKey(), id, wrong, IP)).toEqual({ ok: false });
    expect(row(id).totpSecret).toBeNull();

    const code = codeAt(secret, now);
    const result = enableTwoFactor(t.db, totpKey(), id, code, IP);
    expect(result).toMatchObject({ ok: true, sessionVersion: 2 });
    expect(result.ok && result.codes).toHaveLength(10);
    const user = row(id);
    expect(user.sessionVersion).toBe(2);
    expect(user.totpPendingSecret).toBeNull();
    expect(user.totpSecret).toMatch(/^v1:/);
    expect(openTotpSecret(totpKey(), id, user.totpSecret!)).toBe(secret);
    expect(t.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, id)).all()).toHaveLength(10);
    expect(actions()).toContain('user.two_factor_on');

    // The code that confirmed enrolment does not sign in afterwards, nor confirm again.
    expect(await signIn(code)).toEqual({ ok: false, reason: 'two_factor_invalid' });
    expect(enableTwoFactor(t.db, totpKey(), id, codeAt(secret, now + PERIOD), IP)).toEqual({ ok: false });
    expect((await signIn(codeAt(secret, now + PERIOD))).ok).toBe(true);
  });
});

describe('two-factor secrets at rest', () => {
  it('encrypts the secrets stored in clear text before, once, and they keep working', async () => {
    const id = await addUser();
    const other = await addUser(t.db, 'erion@iom.int');
    const secret = generateTotpSecret();
    const pending = generateTotpSecret();
    // As the previous version stored them.
    t.db.update(users).set({ totpSecret: secret }).where(eq(users.id, id)).run();
    t.db.update(users).set({ totpPendingSecret: pending }).where(eq(users.id, other)).run();

    expect(sealClearTotpSecrets(t.db, totpKey())).toBe(2);
    // Not in the file any more, free space and write-ahead log included.
    for (const file of [DATABASE_FILE, `${DATABASE_FILE}-wal`].map((f) => path.join(t.dataDir, f)).filter((f) => fs.existsSync(f))) {
      const bytes = fs.readFileSync(file);
      expect(bytes.includes(secret)).toBe(false);
      expect(bytes.includes(pending)).toBe(false);
    }
    expect(openTotpSecret(totpKey(), id, row(id).totpSecret!)).toBe(secret);
    expect(openTotpSecret(totpKey(), other, row(other).totpPendingSecret!)).toBe(pending);
    const sealed = row(id).totpSecret;
    expect(sealClearTotpSecrets(t.db, totpKey())).toBe(0);
    expect(row(id).totpSecret).toBe(sealed);
    expect((await signIn(codeAt(secret))).ok).toBe(true);
  });

  it('does not open a secret copied onto another user, or with another server secret', async () => {
    const { id, secret } = await addTwoFactorUser();
    const other = await addUser(t.db, 'erion@iom.int');
    t.db.update(users).set({ totpSecret: row(id).totpSecret }).where(eq(users.id, other)).run();
    expect(unreadableTotpSecrets(t.db, totpKey()).map((u) => u.email)).toEqual(['erion@iom.int']);
    expect(await verifyCredentials(t.db, { email: 'erion@iom.int', password: PASSWORD, code: codeAt(secret), ip: IP })).toEqual({
      ok: false,
      reason: 'two_factor_invalid',
    });

    vi.stubEnv('AUTH_SECRET', 'another server secret, also at least 32 characters');
    expect(unreadableTotpSecrets(t.db, totpKey()).map((u) => u.email).sort()).toEqual(['ana@iom.int', 'erion@iom.int']);
    expect(await signIn(codeAt(secret))).toEqual({ ok: false, reason: 'two_factor_invalid' });
  });
});

describe('backups and two-factor secrets', () => {
  /** A data folder with its own auth-secret file (no AUTH_SECRET), a two-factor user and a backup. */
  async function backedUp(): Promise<{ dir: string; secret: string; id: number }> {
    vi.stubEnv('AUTH_SECRET', '');
    const key = totpKey(authSecret(t.dataDir));
    const { id, secret } = await addTwoFactorUser(t.db, key);
    const { dir } = await createBackup(t.dataDir);
    return { dir, secret, id };
  }
  const others: string[] = [];
  afterEach(() => {
    for (const dir of others.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  const otherMachine = () => {
    const dir = makeTempDir('iom-restore-');
    others.push(dir);
    return dir;
  };

  it('holds neither the server secret nor a secret in clear text', async () => {
    const { dir, secret } = await backedUp();
    expect(fs.readdirSync(dir, { recursive: true })).not.toContain(AUTH_SECRET_FILE);
    const file = fs.readFileSync(path.join(dir, DATABASE_FILE));
    expect(file.includes(secret)).toBe(false);
    expect(file.includes(fs.readFileSync(path.join(t.dataDir, AUTH_SECRET_FILE), 'utf8'))).toBe(false);
  });

  it('is refused on a machine without the original server secret, saying what is needed', async () => {
    const { dir } = await backedUp();
    const target = otherMachine();
    expect(() => restoreBackup(dir, target)).toThrow(/1 user\(s\) in this backup \(ana@iom\.int\).*is not here.*AUTH_SECRET.*auth-secret.*--without-two-factor/s);
    expect(fs.existsSync(path.join(target, DATABASE_FILE))).toBe(false);
    // Another secret there: refused as well.
    fs.writeFileSync(path.join(target, AUTH_SECRET_FILE), 'a different secret of that other machine, long');
    expect(() => restoreBackup(dir, target)).toThrow(/differs from the one here/);
    expect(fs.existsSync(path.join(target, DATABASE_FILE))).toBe(false);
  });

  it('restores on another machine given the original secret, as AUTH_SECRET or as the auth-secret file', async () => {
    const { dir, secret, id } = await backedUp();
    const original = fs.readFileSync(path.join(t.dataDir, AUTH_SECRET_FILE), 'utf8');

    const withFile = otherMachine();
    fs.copyFileSync(path.join(t.dataDir, AUTH_SECRET_FILE), path.join(withFile, AUTH_SECRET_FILE));
    restoreBackup(dir, withFile);
    withDatabase(withFile, (db) => expect(openTotpSecret(totpKey(authSecret(withFile)), id, row(id, db).totpSecret!)).toBe(secret));

    const withEnv = otherMachine();
    vi.stubEnv('AUTH_SECRET', original);
    expect(restoreBackup(dir, withEnv).twoFactorRemoved).toEqual([]);
    withDatabase(withEnv, (db) => expect(unreadableTotpSecrets(db, totpKey())).toEqual([]));
  });

  it('restores without the secret only when told to, removing those users’ second factor', async () => {
    const { dir, id } = await backedUp();
    const target = otherMachine();
    expect(restoreBackup(dir, target, { withoutTwoFactor: true }).twoFactorRemoved).toEqual(['ana@iom.int']);
    withDatabase(target, (db) => {
      expect(row(id, db)).toMatchObject({ totpSecret: null, sessionVersion: 2 });
      expect(actions(db)).toContain('user.two_factor_reset');
    });
  });
});
