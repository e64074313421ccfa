import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';
import { DATABASE_FILE, type DB, migrateDatabase, openDatabase } from '@/db/client';
import { eq } from 'drizzle-orm';
import { insertUserRow } from '@/db/auth/users-core';
import { publicNewsIn, publicPageIn } from '@/db/queries/visibility';
import { newsItems, newsTranslations, pages, pageTranslations } from '@/db/schema';
import type { Locale } from '@/i18n/routing';
import { seedDatabase } from '@/db/seed';

/** A fresh data folder in the system's temp directory. */
export function makeTempDir(prefix = 'iom-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

const templates = new Map<'migrated' | 'seeded', string>();

/**
 * A new data folder holding a copy of a database made once per test process
 * by the real migrations (and, for 'seeded', the real seed). Copying the file
 * takes a few milliseconds where migrating, with its fsyncs, takes over a
 * hundred; every test still gets a database of its own.
 */
function copyOfTemplate(kind: 'migrated' | 'seeded', prefix: string): string {
  let template = templates.get(kind);
  if (!template) {
    const dir = makeTempDir(`iom-template-${kind}-`);
    const db = openDatabase(dir);
    migrateDatabase(db);
    if (kind === 'seeded') seedDatabase(db);
    // Closing the only connection folds the WAL into the file: one file to copy.
    db.$client.close();
    template = path.join(dir, DATABASE_FILE);
    templates.set(kind, template);
    process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  }
  const dataDir = makeTempDir(prefix);
  fs.copyFileSync(template, path.join(dataDir, DATABASE_FILE));
  return dataDir;
}

/** A real SQLite file in a temp folder with the real migrations applied. */
export function makeTestDatabase(): { db: DB; dataDir: string; close: () => void } {
  const dataDir = copyOfTemplate('migrated', 'iom-test-');
  const db = openDatabase(dataDir);
  // Nothing left to apply: this checks that the copy is at the latest migration.
  migrateDatabase(db);
  return {
    db,
    dataDir,
    close: () => {
      db.$client.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The server secret of the db/auth tests (two-factor secrets are encrypted with a key derived from it). */
export const TEST_SERVER_SECRET = 'the server secret of this test, 32+ characters long';

/**
 * For the tests of db/auth: each test gets a fresh database from
 * makeTestDatabase and AUTH_SECRET set to TEST_SERVER_SECRET; both go
 * afterwards. Call at the top of a test file.
 */
export function useAuthTestDatabase(): { readonly db: DB; readonly dataDir: string } {
  let current: ReturnType<typeof makeTestDatabase> | undefined;
  beforeEach(() => {
    current = makeTestDatabase();
    vi.stubEnv('AUTH_SECRET', TEST_SERVER_SECRET);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    current?.close();
  });
  return {
    get db() {
      return current!.db;
    },
    get dataDir() {
      return current!.dataDir;
    },
  };
}

/** A fresh data folder with the real migrations and the seed, for a server to start from; the connection is the caller's to close. */
export function makeSeededDataDir(prefix = 'iom-e2e-'): { db: DB; dataDir: string } {
  const dataDir = copyOfTemplate('seeded', prefix);
  const db = openDatabase(dataDir);
  migrateDatabase(db);
  return { db, dataDir };
}

/** Runs `run` on a connection of its own to a (running server's) data folder, closed afterwards. */
export function withDatabase<T>(dataDir: string, run: (db: DB) => T): T {
  const db = openDatabase(dataDir);
  try {
    return run(db);
  } finally {
    db.$client.close();
  }
}

/**
 * For the tests of the content and media writes: each test gets a fresh
 * database from makeTestDatabase with one staff member in it, `actor` (from
 * 127.0.0.1), whose writes they are. Call at the top of a test file.
 */
export function useStaffTestDatabase(staff: { email: string; name: string; role: 'admin' | 'editor' }): {
  readonly db: DB;
  readonly dataDir: string;
  readonly actor: { userId: number; ip: string };
} {
  let current: (ReturnType<typeof makeTestDatabase> & { actor: { userId: number; ip: string } }) | undefined;
  beforeEach(async () => {
    const t = makeTestDatabase();
    const user = await insertUserRow(t.db, { ...staff, password: 'Lumi i Drinit rrjedh ngadalë' }, { id: null });
    current = { ...t, actor: { userId: (user as { id: number }).id, ip: '127.0.0.1' } };
  });
  afterEach(() => current?.close());
  return {
    get db() {
      return current!.db;
    },
    get dataDir() {
      return current!.dataDir;
    },
    get actor() {
      return current!.actor;
    },
  };
}

/** The translations of a type the public sees in a language at `now` (the rule every public query uses): item id and address. */
export function publicTranslations(db: DB, type: 'news' | 'pages', locale: Locale, now = new Date()): { id: number; address: string | null }[] {
  if (type === 'news') {
    const join = eq(newsItems.id, newsTranslations.newsItemId);
    return db.select({ id: newsItems.id, address: newsTranslations.slug }).from(newsTranslations).innerJoin(newsItems, join).where(publicNewsIn(locale, now)).all();
  }
  const join = eq(pages.id, pageTranslations.pageId);
  return db.select({ id: pages.id, address: pageTranslations.path }).from(pageTranslations).innerJoin(pages, join).where(publicPageIn(locale, now)).all();
}
