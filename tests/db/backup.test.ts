import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { insertUserRow } from '@/db/auth/users-core';
import { DATABASE_FILE, openDatabase } from '@/db/client';
import { checkBackup, createBackup, restoreBackup, SERVER_PID_FILE } from '@/db/backup';
import { deleteMediaForever, mediaItem, trashMedia, uploadMedia } from '@/db/media/library';
import { storedNames } from '@/db/media/stored';
import { media, pages } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import { BACKUP_LOCK_FILE, backupRunning, uploadsDir } from '@/lib/media/storage';
import { makeTestDatabase } from '../helpers/db';
import { phonePhoto } from '../helpers/media';
import { modes, notPrivate } from '../helpers/modes';

// Images are really decoded and encoded by the uploads here.
vi.setConfig({ testTimeout: 60_000 });

let t: ReturnType<typeof makeTestDatabase>;
beforeEach(() => {
  t = makeTestDatabase();
  seedDatabase(t.db);
  fs.mkdirSync(path.join(t.dataDir, 'uploads', 'ab'), { recursive: true });
  fs.writeFileSync(path.join(t.dataDir, 'uploads', 'ab', 'photo.webp'), 'image bytes');
});
afterEach(() => t.close());

const require = createRequire(import.meta.url);

const pageCount = () => t.db.select().from(pages).all().length;

describe('backups', () => {
  it('copies the database and the uploads while the database is open and being written', async () => {
    const writing = setInterval(() => t.db.insert(pages).values({ key: null }).run(), 1);
    const { dir } = await createBackup(t.dataDir, { now: new Date('2026-11-30T02:00:00Z') });
    clearInterval(writing);
    expect(path.basename(dir)).toBe('2026-11-30T02-00-00-000Z');
    expect(checkBackup(dir)).toEqual([]);
    expect(fs.readFileSync(path.join(dir, 'uploads', 'ab', 'photo.webp'), 'utf8')).toBe('image bytes');
    const copy = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
    expect((copy.prepare('select count(*) as n from pages').get() as { n: number }).n).toBeGreaterThanOrEqual(16);
    copy.close();
  });

  it('restores into a stopped instance: the database and the uploads as they were', async () => {
    const before = pageCount();
    const { dir } = await createBackup(t.dataDir);
    t.db.insert(pages).values({ key: 'after-backup' }).run();
    fs.rmSync(path.join(t.dataDir, 'uploads'), { recursive: true });
    t.db.$client.close();

    restoreBackup(dir, t.dataDir);
    const restored = new Database(path.join(t.dataDir, DATABASE_FILE), { readonly: true });
    expect((restored.prepare('select count(*) as n from pages').get() as { n: number }).n).toBe(before);
    restored.close();
    expect(fs.existsSync(path.join(t.dataDir, 'uploads', 'ab', 'photo.webp'))).toBe(true);
  });

  it('refuses to restore while the server runs', async () => {
    const { dir } = await createBackup(t.dataDir);
    fs.writeFileSync(path.join(t.dataDir, SERVER_PID_FILE), String(process.pid));
    expect(() => restoreBackup(dir, t.dataDir)).toThrow(/server is running/);
  });

  it('refuses a damaged or incomplete backup', async () => {
    const { dir } = await createBackup(t.dataDir);
    fs.appendFileSync(path.join(dir, 'uploads', 'ab', 'photo.webp'), 'changed');
    expect(checkBackup(dir)).toEqual(['uploads/ab/photo.webp: checksum differs']);
    fs.rmSync(path.join(dir, DATABASE_FILE));
    expect(checkBackup(dir)).toContain(`${DATABASE_FILE}: missing`);
    expect(() => restoreBackup(dir, t.dataDir)).toThrow(/cannot be restored/);
    expect(checkBackup(t.dataDir)).toEqual(['no manifest.json: not a backup folder']);
  });

  it('refuses a backup whose database uses a file it lacks', async () => {
    const photo = await uploadPhoto();
    const { dir } = await createBackup(t.dataDir);
    const name = path.join('uploads', storedNames(photo)[0]!);
    const manifestFile = path.join(dir, 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { uploads: { path: string }[] };
    fs.rmSync(path.join(dir, name));
    fs.writeFileSync(manifestFile, JSON.stringify({ ...manifest, uploads: manifest.uploads.filter((f) => f.path !== name) }));
    expect(checkBackup(dir)).toEqual([`${name}: used by the database, not in the backup`]);
  });
});

async function uploadPhoto() {
  const user = await insertUserRow(t.db, { email: 'e@iom.int', name: 'Erion Editor', role: 'editor', password: 'Lumi i Drinit rrjedh ngadalë' }, { id: null });
  const actor = { userId: (user as { id: number }).id, ip: '127.0.0.1' };
  const result = await uploadMedia(t.db, t.dataDir, actor, { bytes: await phonePhoto(700, 500), fileName: 'photo.jpg' });
  if (!result.ok) throw new Error(`upload refused: ${result.error}`);
  return { ...t.db.select().from(media).where(eq(media.id, result.id)).get()!, actor };
}

describe('files at rest are the server’s alone', () => {
  it('makes the database, its -wal and -shm, the uploads and their variants 0600 in 0700 folders, whatever the umask', async () => {
    expect(process.umask() & 0o077).not.toBe(0o077); // (the test runner's umask lets others read)
    const photo = await uploadPhoto();
    const live = modes(t.dataDir);
    expect(live).toMatchObject({ [DATABASE_FILE]: '600', [`${DATABASE_FILE}-wal`]: '600', [`${DATABASE_FILE}-shm`]: '600', 'uploads-incoming': '700' });
    for (const name of storedNames(photo)) expect(live[path.join('uploads', name)]).toBe('600');
  });

  it('writes a backup private, even of files an older version left readable, and restores one private', async () => {
    // beforeEach left uploads/ab/photo.webp 0644 in a 0755 folder, as an older version would have.
    expect(modes(t.dataDir)).toMatchObject({ uploads: '755', 'uploads/ab/photo.webp': '644' });
    const { dir } = await createBackup(t.dataDir);
    expect(Object.keys(modes(dir))).toEqual(expect.arrayContaining([DATABASE_FILE, 'manifest.json', 'uploads/ab/photo.webp']));
    expect(notPrivate(path.dirname(dir))).toEqual([]);
    expect(modes(t.dataDir)[BACKUP_LOCK_FILE]).toBe('600');

    // A backup an older version wrote, restored: the restored files are private all the same.
    for (const [file, mode] of Object.entries(modes(dir))) fs.chmodSync(path.join(dir, file), mode === '700' ? 0o755 : 0o644);
    t.db.$client.close();
    restoreBackup(dir, t.dataDir);
    expect(modes(t.dataDir)).toMatchObject({ [DATABASE_FILE]: '600', uploads: '700', 'uploads/ab': '700', 'uploads/ab/photo.webp': '600' });
    expect(notPrivate(t.dataDir)).toEqual([]);
    t = { ...t, db: openDatabase(t.dataDir) };
  });
});

describe('backups while files are deleted', () => {
  it('keeps a file deleted for good after the database was copied, and removes it when the backup ends', async () => {
    const photo = await uploadPhoto();
    const names = storedNames(photo);
    expect(trashMedia(t.db, photo.actor, photo.id)).toEqual({ ok: true });
    let deletedDuringBackup = false;
    const { dir } = await createBackup(t.dataDir, {
      // The server deletes it for good between the copy of the database (which still has it) and that of the uploads.
      afterDatabase: () => {
        expect(deleteMediaForever(t.db, t.dataDir, photo.actor, photo.id)).toEqual({ ok: true });
        deletedDuringBackup = names.every((n) => fs.existsSync(path.join(uploadsDir(t.dataDir), n)));
      },
    });
    expect(deletedDuringBackup).toBe(true);
    expect(checkBackup(dir)).toEqual([]);
    for (const n of names) expect(fs.existsSync(path.join(dir, 'uploads', n))).toBe(true);
    // Once the backup ends, the deletion is done, and the lock is free.
    for (const n of names) expect(fs.existsSync(path.join(uploadsDir(t.dataDir), n))).toBe(false);
    expect(backupRunning(t.dataDir)).toBe(false);

    // Restored, the file is back with its row.
    t.db.$client.close();
    restoreBackup(dir, t.dataDir);
    const restored = openDatabase(t.dataDir);
    t = { ...t, db: restored };
    expect(mediaItem(restored, photo.id)?.fileName).toBe(photo.fileName);
    for (const n of names) expect(fs.existsSync(path.join(uploadsDir(t.dataDir), n))).toBe(true);
  });

  it('deletes files at once when no backup runs, and refuses a second backup while one runs', async () => {
    const photo = await uploadPhoto();
    trashMedia(t.db, photo.actor, photo.id);
    let second: unknown;
    await createBackup(t.dataDir, {
      afterDatabase: () => {
        second = createBackup(t.dataDir, { now: new Date('2000-01-01T00:00:00Z') }).catch((error: Error) => error.message);
      },
    });
    expect(await second).toBe('Another backup is running');
    expect(fs.existsSync(path.join(t.dataDir, 'backups', '2000-01-01T00-00-00-000Z'))).toBe(false);
    expect(deleteMediaForever(t.db, t.dataDir, photo.actor, photo.id)).toEqual({ ok: true });
    expect(fs.readdirSync(uploadsDir(t.dataDir))).toEqual(['ab']);
  });

  it('sees the lock of a backup in another process, and not once that process is killed', async () => {
    const photo = await uploadPhoto();
    trashMedia(t.db, photo.actor, photo.id);
    const holder = spawn(process.execPath, ['-e', HOLD_LOCK, path.join(t.dataDir, BACKUP_LOCK_FILE)], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise((resolve) => holder.once('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      holder.stdout!.once('data', () => resolve());
      holder.once('exit', () => reject(new Error('the lock holder ended early')));
    });
    expect(backupRunning(t.dataDir)).toBe(true);
    await expect(createBackup(t.dataDir)).rejects.toThrow('Another backup is running');
    // A deletion meanwhile leaves the files for that backup.
    expect(deleteMediaForever(t.db, t.dataDir, photo.actor, photo.id)).toEqual({ ok: true });
    expect(fs.readdirSync(uploadsDir(t.dataDir)).length).toBeGreaterThan(1);

    holder.kill('SIGKILL');
    await exited;
    expect(backupRunning(t.dataDir)).toBe(false);
    const { dir } = await createBackup(t.dataDir);
    expect(checkBackup(dir)).toEqual([]);
    // The backup's end did the deletion the killed one never finished.
    expect(fs.readdirSync(uploadsDir(t.dataDir))).toEqual(['ab']);
  });

  it('keeps the files of a deletion when the lock cannot be asked, and the deletion still succeeds', async () => {
    const photo = await uploadPhoto();
    trashMedia(t.db, photo.actor, photo.id);
    fs.writeFileSync(path.join(t.dataDir, BACKUP_LOCK_FILE), 'not a database, but long enough to have a header of sorts: '.repeat(4));
    expect(deleteMediaForever(t.db, t.dataDir, photo.actor, photo.id)).toEqual({ ok: true });
    for (const n of storedNames(photo)) expect(fs.existsSync(path.join(uploadsDir(t.dataDir), n))).toBe(true);
  });

  it('leaves no folder when it fails, and frees the lock', async () => {
    const { dir } = await createBackup(t.dataDir);
    await expect(
      createBackup(t.dataDir, {
        now: new Date('2000-01-01T00:00:00Z'),
        afterDatabase: () => {
          throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');
    expect(fs.readdirSync(path.join(t.dataDir, 'backups'))).toEqual([path.basename(dir)]);
    expect(backupRunning(t.dataDir)).toBe(false);
  });

  it('is still written when a file the database uses was already lost, and says which', async () => {
    const photo = await uploadPhoto();
    const [lost, ...kept] = storedNames(photo);
    fs.rmSync(path.join(uploadsDir(t.dataDir), lost!));
    const { dir, missingFiles } = await createBackup(t.dataDir);
    expect(missingFiles).toEqual([path.join('uploads', lost!)]);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')).missingFiles).toEqual(missingFiles);
    for (const n of kept) expect(fs.existsSync(path.join(dir, 'uploads', n))).toBe(true);
    // It restores what there was, and says what was lost.
    expect(checkBackup(dir)).toEqual([]);
    t.db.$client.close();
    expect(restoreBackup(dir, t.dataDir)).toEqual({ missingFiles, twoFactorRemoved: [] });
    for (const n of kept) expect(fs.existsSync(path.join(uploadsDir(t.dataDir), n))).toBe(true);
    t = { ...t, db: openDatabase(t.dataDir) };
  });
});

/** A process that holds the backup lock as a backup does, and says so on stdout. */
const HOLD_LOCK = `
const Database = require(${JSON.stringify(require.resolve('better-sqlite3'))});
const lock = new Database(process.argv[1]);
lock.exec('BEGIN EXCLUSIVE');
process.stdout.write('held');
setInterval(() => {}, 1000);
`;
