import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '@/db/client';
import { checkBackup, createBackup, restoreBackup, SERVER_PID_FILE } from '@/db/backup';
import { pages } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import { makeTestDatabase } from '../helpers/db';

let t: ReturnType<typeof makeTestDatabase>;
beforeEach(() => {
  t = makeTestDatabase();
  seedDatabase(t.db);
  fs.mkdirSync(path.join(t.dataDir, 'uploads', 'ab'), { recursive: true });
  fs.writeFileSync(path.join(t.dataDir, 'uploads', 'ab', 'photo.webp'), 'image bytes');
});
afterEach(() => t.close());

const pageCount = () => t.db.select().from(pages).all().length;

describe('backups', () => {
  it('copies the database and the uploads while the database is open and being written', async () => {
    const writing = setInterval(() => t.db.insert(pages).values({ key: null }).run(), 1);
    const dir = await createBackup(t.dataDir, new Date('2026-11-30T02:00:00Z'));
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
    const dir = await createBackup(t.dataDir);
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
    const dir = await createBackup(t.dataDir);
    fs.writeFileSync(path.join(t.dataDir, SERVER_PID_FILE), String(process.pid));
    expect(() => restoreBackup(dir, t.dataDir)).toThrow(/server is running/);
  });

  it('refuses a damaged or incomplete backup', async () => {
    const dir = await createBackup(t.dataDir);
    fs.appendFileSync(path.join(dir, 'uploads', 'ab', 'photo.webp'), 'changed');
    expect(checkBackup(dir)).toEqual(['uploads/ab/photo.webp: checksum differs']);
    fs.rmSync(path.join(dir, DATABASE_FILE));
    expect(checkBackup(dir)).toContain(`${DATABASE_FILE}: missing`);
    expect(() => restoreBackup(dir, t.dataDir)).toThrow(/cannot be restored/);
    expect(checkBackup(t.dataDir)).toEqual(['no manifest.json: not a backup folder']);
  });
});
