/**
 * Runs once when the server starts:
 * - unless TRUST_PROXY is set, drops any X-Forwarded-For a client sends (see
 *   lib/forwarded-for.ts), so throttling cannot be dodged by naming an address;
 * - opens the database in DATA_DIR, applies the committed migrations and
 *   imports the seed into an empty database, so the first request finds
 *   everything ready (and a broken database stops the start, not a visitor);
 *   with no user yet, prints the one-time first-administrator address.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    const { trustProxy } = await import('./lib/client-address');
    if (!trustProxy()) (await import('./lib/forwarded-for')).dropClientForwardedFor();
    const { initDatabase } = await import('./db/init');
    initDatabase();
  }
}
