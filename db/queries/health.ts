import 'server-only';
import path from 'node:path';
import Database from 'better-sqlite3';
import { env } from '@/lib/env';
import { DATABASE_FILE } from '../client';
import { getDb } from '../index';

/**
 * Reads the database file now, through a fresh read-only connection (so the
 * server's page cache cannot hide a damaged file), and returns how many
 * migrations it has. Throws when the file cannot be opened or read.
 */
export function databaseHealth(): { migrations: number } {
  getDb(); // migrated and seeded
  const probe = new Database(path.join(env().dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
  try {
    probe.pragma('busy_timeout = 2000');
    const migrations = (probe.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n;
    probe.prepare('SELECT count(*) FROM pages').get();
    return { migrations };
  } finally {
    probe.close();
  }
}
