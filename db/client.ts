import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { foldForSearch } from '@/lib/fold';
import { htmlToText } from '@/lib/html';
import { createPrivateFile, makePrivateDir } from '@/lib/private-files';
import { textFingerprint } from '@/lib/text-fingerprint';
import * as schema from './schema';

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** A transaction handle, usable wherever a query takes the database. */
export type Tx = Parameters<Parameters<DB['transaction']>[0]>[0];
/** The database or a transaction on it. */
export type Queryable = DB | Tx;

export const DATABASE_FILE = 'iom-albania.sqlite';

/** Where the committed migrations live; resolved from the project root. */
export function migrationsFolder(): string {
  return path.join(process.cwd(), 'db', 'migrations');
}

/**
 * Opens (creating if needed) the SQLite database in `dataDir` with the
 * settings every connection must have. Callers keep one per process.
 */
export function openDatabase(dataDir: string): DB {
  makePrivateDir(dataDir);
  const file = path.join(dataDir, DATABASE_FILE);
  // A new database is created 0600; SQLite gives its -wal and -shm the same mode.
  createPrivateFile(file);
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  // FULL: a commit is on disk before the editor is told "saved", even if the
  // machine loses power (NORMAL would only survive a crash of the process).
  // Writes are a few a minute here, so the extra fsync costs nothing visible.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Used by the search index's triggers (migration 0002_search).
  sqlite.function('strip_html', { deterministic: true }, (html: unknown) => (typeof html === 'string' ? htmlToText(html) : ''));
  // Staff searches (lists of news and media): case and accents ignored in any language.
  sqlite.function('fold', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? foldForSearch(text) : null));
  // Used by the translations' triggers (migration 0008) to keep text_fingerprint up to date.
  sqlite.function('text_fingerprint', { deterministic: true }, (title: unknown, summary: unknown, body: unknown) =>
    textFingerprint({ title: String(title ?? ''), summary: String(summary ?? ''), body: String(body ?? '') }),
  );
  return drizzle({ client: sqlite, schema, casing: 'snake_case' }) as DB;
}

/** Applies pending migrations; running it again is a no-op. */
export function migrateDatabase(db: DB): void {
  migrate(db, { migrationsFolder: migrationsFolder() });
}
