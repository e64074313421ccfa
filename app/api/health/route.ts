import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '@/db/client';
import { getDb } from '@/db';
import { env } from '@/lib/env';
import { logError } from '@/lib/log';
import pkg from '@/package.json';

// Answered for every request: a health check must look at the database now.
export const dynamic = 'force-dynamic';

/**
 * For load balancers and monitoring: 200 when the database file can be opened
 * and read now (a fresh read-only connection, so the server's page cache
 * cannot hide a damaged file), 503 when not. Says nothing private.
 */
export function GET() {
  const headers = { 'Cache-Control': 'no-store' };
  try {
    getDb(); // migrated and seeded
    const probe = new Database(path.join(env().dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
    try {
      probe.pragma('busy_timeout = 2000');
      const migrations = (probe.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n;
      probe.prepare('SELECT count(*) FROM pages').get();
      return Response.json({ status: 'ok', version: pkg.version, database: 'ok', migrations }, { headers });
    } finally {
      probe.close();
    }
  } catch (error) {
    logError('health check failed', { error: error instanceof Error ? error.message : String(error) });
    return Response.json({ status: 'error', version: pkg.version, database: 'unavailable' }, { status: 503, headers });
  }
}
