import 'server-only';
import { env } from '@/lib/env';
import { type DB, migrateDatabase, openDatabase } from './client';
import { sealClearTotpSecrets, totpKey } from './auth/two-factor';
import { seedDatabase } from './seed';

const globalForDb = globalThis as unknown as { iomDb?: DB };

/**
 * The process's one SQLite connection. Opening it also brings the schema up
 * to date, encrypts two-factor secrets still in clear text, and imports the
 * seed into an empty database (all idempotent), so
 * whichever part of the server touches the database first finds it ready.
 */
export function getDb(): DB {
  if (!globalForDb.iomDb) {
    const db = openDatabase(env().dataDir);
    migrateDatabase(db);
    // Two-factor secrets from before they were encrypted: encrypted now, with the server's key.
    const sealed = sealClearTotpSecrets(db, totpKey());
    if (sealed > 0) console.log(`[auth] encrypted the two-factor secrets of ${sealed} user(s), stored in clear text until now`);
    seedDatabase(db);
    globalForDb.iomDb = db;
  }
  return globalForDb.iomDb;
}
