import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup } from '@/db/backup';
import { type DB, DATABASE_FILE, openDatabase } from '@/db/client';
import { AUTH_SECRET_FILE } from '@/lib/auth/secret';
import { launchBrowser } from '../helpers/browser';
import { makeSeededDataDir, makeTempDir } from '../helpers/db';
import { phonePhoto } from '../helpers/media';
import { insertMediaRow } from '../helpers/media-rows';
import { modes, notPrivate } from '../helpers/modes';
import { type RunningServer, startServer } from '../helpers/server';
import { addStaff, signIn } from '../helpers/staff';

/**
 * Files at rest are the server's alone (lib/private-files.ts): an
 * installation an older version left readable by every local user (0755
 * folders, 0644 files) is tightened when the server starts, and what the
 * server and the commands write afterwards — the database's -wal and -shm,
 * uploads and their image variants, backups, a restore — is 0600 in 0700
 * folders, although the shell that starts them has the umask 022.
 */

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const ADMIN = { name: 'Ana Admin', email: 'ana@iom.int', password: 'Lumi i Drinit rrjedh ngadalë', role: 'admin' as const };
const OLD_BACKUP = path.join('backups', '2026-01-01T02-00-00-000Z');
/** The stored name's hash of insertMediaRow(db, 1). */
const OLD_HASH = '1'.padStart(64, '0');

let server: RunningServer;
let browser: Browser;
let dataDir: string;
/** A connection the test keeps open across the server's start, as a running old server would: its -wal and -shm exist. */
let old: DB;
const extraDirs: string[] = [];

function npm(args: string[], env: Record<string, string>, input?: string) {
  return spawnSync('npm', ['run', '-s', ...args], { cwd: ROOT, env: { ...process.env, ...env }, input, encoding: 'utf8' });
}

beforeAll(async () => {
  expect(process.umask() & 0o044).toBe(0); // what the files would get without the server's own care
  const seeded = makeSeededDataDir();
  dataDir = seeded.dataDir;
  insertMediaRow(seeded.db, 1, { en: 'A photo' });
  seeded.db.$client.close();
  await createBackup(dataDir, { now: new Date('2026-01-01T02:00:00Z') });
  fs.mkdirSync(path.join(dataDir, 'uploads'), { recursive: true });
  for (const name of [`${OLD_HASH}-320.webp`, `${OLD_HASH}-320.jpg`]) fs.writeFileSync(path.join(dataDir, 'uploads', name), 'image bytes');
  fs.writeFileSync(path.join(dataDir, AUTH_SECRET_FILE), 'x'.repeat(48));
  // As an older version left it: every folder 0755, every file 0644.
  for (const [file, mode] of Object.entries(modes(dataDir))) fs.chmodSync(path.join(dataDir, file), mode[0] === '7' ? 0o755 : 0o644);
  old = openDatabase(dataDir);
  old.$client.prepare('select count(*) from pages').get();
  expect(modes(dataDir)).toMatchObject({ '.': '755', [DATABASE_FILE]: '644', [`${DATABASE_FILE}-wal`]: '644', [`${DATABASE_FILE}-shm`]: '644', uploads: '755', [OLD_BACKUP]: '755' });

  [server, browser] = await Promise.all([startServer({ dataDir }), launchBrowser()]);
  await addStaff(dataDir, [ADMIN]);
});

afterAll(async () => {
  old?.$client.close();
  await browser?.close();
  await server?.stop();
  for (const dir of extraDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('files at rest', () => {
  it('tightens an installation an older version left readable when the server starts', () => {
    const now = modes(dataDir);
    expect(Object.keys(now)).toEqual(
      expect.arrayContaining([DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, AUTH_SECRET_FILE, 'server.pid', `${OLD_BACKUP}/${DATABASE_FILE}`, `${OLD_BACKUP}/manifest.json`]),
    );
    expect(notPrivate(dataDir)).toEqual([]);
  });

  it('keeps an upload and its image variants private', async () => {
    const context = await browser.newContext();
    await signIn(context, server.url, ADMIN);
    const cookie = (await context.cookies(server.url)).map((c) => `${c.name}=${c.value}`).join('; ');
    await context.close();
    const res = await fetch(`${server.url}/api/media/upload`, {
      method: 'POST',
      headers: { Origin: server.url, cookie, 'X-File-Name': 'photo.jpg' },
      body: new Uint8Array(await phonePhoto(1200, 900)),
    });
    expect(res.status).toBe(201);
    const variants = Object.keys(modes(path.join(dataDir, 'uploads'))).filter((f) => /^[0-9a-f]{64}-\d+\.(?:webp|jpg)$/.test(f) && !f.startsWith(OLD_HASH));
    expect(variants.length).toBeGreaterThanOrEqual(4); // 320 and 640 wide and more, in WebP and JPEG
    expect(modes(dataDir)['uploads-incoming']).toBe('700');
    expect(notPrivate(dataDir)).toEqual([]);
  });

  it('writes a backup with npm run db:backup private, and npm run db:restore restores it private', () => {
    const backup = npm(['db:backup'], { DATA_DIR: dataDir });
    expect(backup.status).toBe(0);
    const dir = backup.stdout.match(/Backup written to (.+)/)![1]!.trim();
    expect(Object.keys(modes(dir)).filter((f) => f.startsWith('uploads/')).length).toBeGreaterThanOrEqual(8);
    expect(notPrivate(dataDir)).toEqual([]);

    // Restored into a data folder that does not exist yet, by a shell with the umask 022.
    const target = path.join(makeTempDir('iom-restore-'), 'data');
    extraDirs.push(path.dirname(target));
    const restore = npm(['db:restore', '--', dir], { DATA_DIR: target });
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);
    expect(modes(target)).toMatchObject({ '.': '700', [DATABASE_FILE]: '600', uploads: '700' });
    expect(notPrivate(target)).toEqual([]);
  });

  it('creates a new data folder private with npm run user:create', () => {
    const target = path.join(makeTempDir('iom-cli-'), 'data');
    extraDirs.push(path.dirname(target));
    const created = npm(['user:create', '--', '--email', 'cli@iom.int', '--name', 'Cli User', '--role', 'editor'], { DATA_DIR: target }, 'Kalaja e Gjirokastrës 1336\n');
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    expect(modes(target)).toMatchObject({ '.': '700', [DATABASE_FILE]: '600' });
    expect(notPrivate(target)).toEqual([]);
  });
});
