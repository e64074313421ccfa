/**
 * Runs once when the server starts: opens the database in DATA_DIR, applies
 * the committed migrations and imports the seed into an empty database, so
 * the first request finds everything ready (and a broken database stops the
 * start instead of the first visitor).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { initDatabase } = await import('./db/init');
  initDatabase();
}
