import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { eq, inArray } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import type { Actor } from '@/db/auth/actor';
import { verifyCredentials } from '@/db/auth/sign-in';
import {
  enableTwoFactor,
  isTwoFactorRequiredIn,
  resetTwoFactor,
  sealTotpSecret,
  setPendingTotpSecret,
  setTwoFactorRequirement,
  totpKey,
} from '@/db/auth/two-factor';
import { changeUserAccess, createUser, setUserPassword, type UserChangeResult } from '@/db/auth/user-admin';
import { insertUserRow } from '@/db/auth/users-core';
import { auditEvents, recoveryCodes, type Role, users } from '@/db/schema';
import { generateTotpSecret } from '@/lib/auth/totp';
import { useAuthTestDatabase } from '../helpers/db';

/**
 * The rules of one staff member changing another's account, called as the
 * session layer calls them (db/admin/users.ts, db/admin/two-factor.ts) but
 * with the actor given: on a real database file with the real migrations.
 */

const PASSWORD = 'Lumi i Drinit rrjedh ngadalë';
const NEW_PASSWORD = 'Mali i Tomorrit në mëngjes';
const IP = '203.0.113.9';

const t = useAuthTestDatabase();

async function addUser(email: string, role: Role): Promise<number> {
  const result = await insertUserRow(t.db, { email, name: email.split('@')[0]!, role, password: PASSWORD }, { id: null });
  if (!result.ok) throw new Error(result.error);
  return result.id;
}

const as = (userId: number): Actor => ({ userId, ip: IP });
const row = (id: number) => t.db.select().from(users).where(eq(users.id, id)).get()!;
/** The audit events of account changes (not the accounts' creation, nor the sign-ins). */
const changes = () =>
  t.db
    .select()
    .from(auditEvents)
    .all()
    .filter((e) => e.action !== 'user.create' && !e.action.startsWith('auth.'))
    .map(({ userId, action, entityType, entityId, details, ip }) => ({ userId, action, entityType, entityId, details, ip }));

function withTwoFactor(id: number): string {
  const secret = generateTotpSecret();
  t.db.update(users).set({ totpSecret: sealTotpSecret(totpKey(), id, secret) }).where(eq(users.id, id)).run();
  t.db.insert(recoveryCodes).values({ userId: id, codeHash: `code-of-${id}` }).run();
  return secret;
}

const codeFor = (secret: string) => TOTP.generate({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });

describe('an admin changes another user’s role or active state', () => {
  it('demotes, deactivates and reactivates; each change ends the user’s sessions and names actor and target in the audit log', async () => {
    const ana = await addUser('ana@iom.int', 'admin');
    const besa = await addUser('besa@iom.int', 'admin');

    expect(changeUserAccess(t.db, as(ana), besa, { role: 'editor' })).toEqual({ ok: true, id: besa });
    expect(row(besa)).toMatchObject({ role: 'editor', active: true, sessionVersion: 2 });
    expect(changeUserAccess(t.db, as(ana), besa, { active: false })).toEqual({ ok: true, id: besa });
    expect(row(besa)).toMatchObject({ role: 'editor', active: false, sessionVersion: 3 });
    expect(changeUserAccess(t.db, as(ana), besa, { role: 'admin', active: true })).toEqual({ ok: true, id: besa });
    expect(row(besa)).toMatchObject({ role: 'admin', active: true, sessionVersion: 4 });
    // Nothing to change: no new session version, no event.
    expect(changeUserAccess(t.db, as(ana), besa, { role: 'admin' })).toEqual({ ok: true, id: besa });
    expect(row(besa).sessionVersion).toBe(4);

    const event = { userId: ana, entityType: 'user', entityId: String(besa), ip: IP };
    expect(changes()).toEqual([
      { ...event, action: 'user.role', details: JSON.stringify({ from: 'admin', to: 'editor' }) },
      { ...event, action: 'user.deactivate', details: null },
      { ...event, action: 'user.role', details: JSON.stringify({ from: 'editor', to: 'admin' }) },
      { ...event, action: 'user.reactivate', details: null },
    ]);
    // The admin's own sessions are not touched.
    expect(row(ana).sessionVersion).toBe(1);
  });

  it('keeps the last active admin: they can be neither demoted nor deactivated', async () => {
    const ana = await addUser('ana@iom.int', 'admin');
    const besa = await addUser('besa@iom.int', 'admin');
    await addUser('edi@iom.int', 'editor');
    // An inactive admin does not count.
    expect(changeUserAccess(t.db, as(ana), besa, { active: false })).toMatchObject({ ok: true });

    expect(changeUserAccess(t.db, as(ana), ana, { role: 'editor' })).toEqual({ ok: false, error: 'lastAdmin' });
    expect(changeUserAccess(t.db, as(ana), ana, { active: false })).toEqual({ ok: false, error: 'lastAdmin' });
    expect(changeUserAccess(t.db, as(ana), ana, { role: 'editor', active: false })).toEqual({ ok: false, error: 'lastAdmin' });
    expect(row(ana)).toMatchObject({ role: 'admin', active: true, sessionVersion: 1 });
    expect(changes().map((e) => e.action)).toEqual(['user.deactivate']);
  });

  it('refuses an admin’s change of their own role or active state, with another admin there', async () => {
    const ana = await addUser('ana@iom.int', 'admin');
    await addUser('besa@iom.int', 'admin');

    expect(changeUserAccess(t.db, as(ana), ana, { role: 'editor' })).toEqual({ ok: false, error: 'cannotChangeSelf' });
    expect(changeUserAccess(t.db, as(ana), ana, { active: false })).toEqual({ ok: false, error: 'cannotChangeSelf' });
    expect(row(ana)).toMatchObject({ role: 'admin', active: true, sessionVersion: 1 });
    expect(changes()).toEqual([]);
  });

  it('answers notFound for an unknown user', async () => {
    const ana = await addUser('ana@iom.int', 'admin');
    expect(changeUserAccess(t.db, as(ana), 999, { active: false })).toEqual({ ok: false, error: 'notFound' });
  });
});

describe('two admins demoting each other at the same moment', () => {
  it('lets exactly one through, every time: one in a worker thread, one here, each on its own connection', { timeout: 60_000 }, async () => {
    const ana = await addUser('ana@iom.int', 'admin');
    const besa = await addUser('besa@iom.int', 'admin');
    const gate = new SharedArrayBuffer(4);
    const opened = new Int32Array(gate);
    // Ana demotes Besa in the worker; Besa demotes Ana here.
    const worker = new Worker(new URL('../helpers/ts-worker.mjs', import.meta.url), {
      workerData: { script: new URL('../helpers/access-worker.ts', import.meta.url).href, dataDir: t.dataDir, actorId: ana, targetId: besa, gate },
    });
    const nextMessage = async () => (await once(worker, 'message'))[0] as { result: UserChangeResult };
    try {
      for (let round = 1; round <= 25; round++) {
        t.db.update(users).set({ role: 'admin' }).where(inArray(users.id, [ana, besa])).run();
        const ready = nextMessage();
        worker.postMessage(round);
        await ready;
        const done = nextMessage();
        Atomics.store(opened, 0, round);
        Atomics.notify(opened, 0);
        const here = changeUserAccess(t.db, as(besa), ana, { role: 'editor' });
        const there = (await done).result;
        // Whichever ran second found its actor no longer an admin.
        expect([here, there].filter((r) => r.ok)).toHaveLength(1);
        expect([here, there]).toContainEqual({ ok: false, error: 'forbidden' });
        expect(t.db.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).all()).toHaveLength(1);
      }
    } finally {
      const exited = once(worker, 'exit');
      worker.postMessage(0);
      await exited;
    }
  });
});

describe('an admin sets another user’s password', () => {
  it('changes it, ends that user’s sessions and logs it; not for the admin’s own account', async () => {
    const ana = await addUser('ana@iom.int', 'admin');
    const edi = await addUser('edi@iom.int', 'editor');

    expect(await setUserPassword(t.db, as(ana), ana, NEW_PASSWORD)).toEqual({ ok: false, error: 'cannotChangeSelf' });
    expect(await setUserPassword(t.db, as(ana), 999, NEW_PASSWORD)).toEqual({ ok: false, error: 'notFound' });
    expect((await verifyCredentials(t.db, { email: 'ana@iom.int', password: NEW_PASSWORD, ip: IP })).ok).toBe(false);
    expect(row(ana).sessionVersion).toBe(1);

    expect(await setUserPassword(t.db, as(ana), edi, NEW_PASSWORD)).toEqual({ ok: true, id: edi });
    expect(row(edi).sessionVersion).toBe(2);
    expect((await verifyCredentials(t.db, { email: 'edi@iom.int', password: NEW_PASSWORD, ip: IP })).ok).toBe(true);
    expect(changes()).toEqual([{ userId: ana, action: 'user.password_set', entityType: 'user', entityId: String(edi), details: null, ip: IP }]);
  });
});

describe('an admin resets another user’s two-factor sign-in', () => {
  it('removes the secret and recovery codes, ends the user’s sessions and logs it; the user enrols again', async () => {
    const ana = await addUser('ana@iom.int', 'admin');
    const edi = await addUser('edi@iom.int', 'editor');
    withTwoFactor(edi);
    t.db.update(users).set({ totpLastStep: 5 }).where(eq(users.id, edi)).run();
    // While it is on, no new authenticator can be slipped in (turning it off asks for the password).
    expect(setPendingTotpSecret(t.db, totpKey(), edi, generateTotpSecret())).toBe(false);
    expect(row(edi).totpPendingSecret).toBeNull();

    expect(resetTwoFactor(t.db, as(ana), 999)).toEqual({ ok: false, error: 'notFound' });
    expect(resetTwoFactor(t.db, as(ana), edi)).toEqual({ ok: true });
    expect(row(edi)).toMatchObject({ totpSecret: null, totpPendingSecret: null, totpLastStep: null, sessionVersion: 2 });
    expect(t.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, edi)).all()).toEqual([]);
    expect(changes()).toEqual([{ userId: ana, action: 'user.two_factor_reset', entityType: 'user', entityId: String(edi), details: null, ip: IP }]);
    // The password alone signs in now, and the user sets up a new authenticator.
    expect((await verifyCredentials(t.db, { email: 'edi@iom.int', password: PASSWORD, ip: IP })).ok).toBe(true);
    const secret = generateTotpSecret();
    expect(setPendingTotpSecret(t.db, totpKey(), edi, secret)).toBe(true);
    expect(enableTwoFactor(t.db, totpKey(), edi, codeFor(secret), IP)).toMatchObject({ ok: true, sessionVersion: 3 });
  });

  it('refuses an admin’s reset of their own two-factor sign-in', async () => {
    const ana = await addUser('ana@iom.int', 'admin');
    await addUser('besa@iom.int', 'admin');
    withTwoFactor(ana);
    expect(resetTwoFactor(t.db, as(ana), ana)).toEqual({ ok: false, error: 'cannotChangeSelf' });
    expect(row(ana).totpSecret).not.toBeNull();
    expect(row(ana).sessionVersion).toBe(1);
    expect(t.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, ana)).all()).toHaveLength(1);
    expect(changes()).toEqual([]);
  });
});

describe('requiring two-factor sign-in for everyone', () => {
  it('is refused to an admin without it, and set and lifted by an admin with it, audit-logged', async () => {
    const ana = await addUser('ana@iom.int', 'admin');
    expect(setTwoFactorRequirement(t.db, as(ana), true)).toEqual({ ok: false, error: 'enrolYourselfFirst' });
    expect(isTwoFactorRequiredIn(t.db)).toBe(false);
    // Lifting it needs no second factor.
    expect(setTwoFactorRequirement(t.db, as(ana), false)).toEqual({ ok: true });

    withTwoFactor(ana);
    expect(setTwoFactorRequirement(t.db, as(ana), true)).toEqual({ ok: true });
    expect(isTwoFactorRequiredIn(t.db)).toBe(true);
    expect(setTwoFactorRequirement(t.db, as(ana), false)).toEqual({ ok: true });
    expect(isTwoFactorRequiredIn(t.db)).toBe(false);
    const event = { userId: ana, action: 'settings.require_two_factor', entityType: null, entityId: null, ip: IP };
    expect(changes()).toEqual([
      { ...event, details: JSON.stringify({ required: false }) },
      { ...event, details: JSON.stringify({ required: true }) },
      { ...event, details: JSON.stringify({ required: false }) },
    ]);
  });
});

describe('who may manage accounts', () => {
  it('refuses an editor, and an admin deactivated since their session began, every one of these changes', async () => {
    const ana = await addUser('ana@iom.int', 'admin');
    const besa = await addUser('besa@iom.int', 'admin');
    const edi = await addUser('edi@iom.int', 'editor');
    const other = await addUser('other@iom.int', 'editor');
    withTwoFactor(edi);
    withTwoFactor(besa);
    withTwoFactor(other);
    expect(changeUserAccess(t.db, as(ana), besa, { active: false })).toMatchObject({ ok: true });
    const before = { users: t.db.select().from(users).all(), events: changes() };

    for (const actor of [as(edi), as(besa)]) {
      const forbidden = { ok: false, error: 'forbidden' };
      expect(changeUserAccess(t.db, actor, ana, { role: 'editor' })).toEqual(forbidden);
      expect(changeUserAccess(t.db, actor, ana, { active: false })).toEqual(forbidden);
      expect(changeUserAccess(t.db, actor, other, { role: 'admin' })).toEqual(forbidden);
      expect(changeUserAccess(t.db, actor, actor.userId, { role: 'admin', active: true })).toEqual(forbidden);
      expect(await setUserPassword(t.db, actor, other, NEW_PASSWORD)).toEqual(forbidden);
      expect(resetTwoFactor(t.db, actor, other)).toEqual(forbidden);
      expect(setTwoFactorRequirement(t.db, actor, true)).toEqual(forbidden);
      expect(await createUser(t.db, actor, { email: 'new@iom.int', name: 'New', role: 'admin', password: NEW_PASSWORD })).toEqual(forbidden);
    }
    expect({ users: t.db.select().from(users).all(), events: changes() }).toEqual(before);
    expect(isTwoFactorRequiredIn(t.db)).toBe(false);
  });

  it('lets an active admin create an account, logged with the admin as its actor', async () => {
    const ana = await addUser('ana@iom.int', 'admin');
    const result = await createUser(t.db, as(ana), { email: 'New@IOM.int', name: 'New', role: 'editor', password: NEW_PASSWORD });
    expect(result).toMatchObject({ ok: true });
    const id = (result as { id: number }).id;
    expect(row(id)).toMatchObject({ email: 'new@iom.int', role: 'editor', active: true });
    const event = t.db.select().from(auditEvents).where(eq(auditEvents.entityId, String(id))).get();
    expect(event).toMatchObject({ userId: ana, action: 'user.create', entityType: 'user', ip: IP });
  });
});
