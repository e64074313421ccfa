import { env } from '@/lib/env';
import { getDb } from './index';
import { seedImports } from './schema';

/** Opens, migrates and seeds the database; logs one line saying where it is. */
export function initDatabase(): void {
  const db = getDb();
  const seeded = db.select().from(seedImports).all().length > 0;
  console.log(`[db] ready in ${env().dataDir}${seeded ? '' : ' (no seed imported)'}`);
}
