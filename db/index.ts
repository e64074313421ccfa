import 'server-only';
import { env } from '@/lib/env';
import { type DB, migrateDatabase, openDatabase } from './client';
import { seedDatabase } from './seed';

const globalForDb = globalThis as unknown as { iomDb?: DB };

/**
 * The process's one SQLite connection. Opening it also brings the schema up
 * to date and imports the seed into an empty database (both idempotent), so
 * whichever part of the server touches the database first finds it ready.
 */
export function getDb(): DB {
  if (!globalForDb.iomDb) {
    const db = openDatabase(env().dataDir);
    migrateDatabase(db);
    seedDatabase(db);
    globalForDb.iomDb = db;
  }
  return globalForDb.iomDb;
}
