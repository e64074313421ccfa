import { env } from '@/lib/env';
import { issueSetupToken } from './auth/setup';
import { getDb } from './index';
import { seedImports } from './schema';

/**
 * Opens, migrates and seeds the database; logs where it is. With no user yet,
 * prints — once, at this start — the one-time address that creates the first
 * administrator (valid 24 hours).
 */
export function initDatabase(): void {
  const db = getDb();
  const seeded = db.select().from(seedImports).all().length > 0;
  console.log(`[db] ready in ${env().dataDir}${seeded ? '' : ' (no seed imported)'}`);
  const token = issueSetupToken(db);
  if (token) {
    console.log(
      `[setup] No staff account exists yet. Create the first administrator at:\n[setup]   ${env().siteUrl}/admin/setup/${token}\n[setup] This address works once, for 24 hours. Or run: npm run user:create -- --email E --name N --role admin`,
    );
  }
}
