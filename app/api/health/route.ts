import { databaseHealth } from '@/db/queries/health';
import { logError } from '@/lib/log';
import pkg from '@/package.json';

// Answered for every request: a health check must look at the database now.
export const dynamic = 'force-dynamic';

/**
 * For load balancers and monitoring: 200 when the database file can be opened
 * and read now (db/queries/health.ts), 503 when not. Says nothing private.
 */
export function GET() {
  const headers = { 'Cache-Control': 'no-store' };
  try {
    const { migrations } = databaseHealth();
    return Response.json({ status: 'ok', version: pkg.version, database: 'ok', migrations }, { headers });
  } catch (error) {
    logError('health check failed', { error: error instanceof Error ? error.message : String(error) });
    return Response.json({ status: 'error', version: pkg.version, database: 'unavailable' }, { status: 503, headers });
  }
}
