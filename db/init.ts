import fs from 'node:fs';
import path from 'node:path';
import { env } from '@/lib/env';
import { keepDataDirPrivate, PRIVATE_FILE_MODE } from '@/lib/private-files';
import { SERVER_PID_FILE } from './backup';
import { issueSetupToken } from './auth/setup';
import { totpKey, unreadableTotpSecrets } from './auth/two-factor';
import { getDb } from './index';
import { sweepMediaFiles } from './media/library';
import { seedImports } from './schema';

/**
 * Opens, migrates and seeds the database; clears what an interrupted media
 * upload left in the uploads folder; logs where it is. With no user yet,
 * prints — once, at this start — the one-time address that creates the first
 * administrator (valid 24 hours).
 */
export function initDatabase(): void {
  // Before anything is opened: what this server creates is its own, and an
  // older installation's modes are tightened (lib/private-files.ts).
  keepDataDirPrivate(env().dataDir);
  const db = getDb();
  // Lets `npm run db:restore` see that this instance is running.
  const pidFile = path.join(env().dataDir, SERVER_PID_FILE);
  fs.writeFileSync(pidFile, String(process.pid), { mode: PRIVATE_FILE_MODE });
  process.once('exit', () => {
    try {
      if (fs.readFileSync(pidFile, 'utf8') === String(process.pid)) fs.rmSync(pidFile);
    } catch {
      // already gone
    }
  });
  // Files an interrupted upload or deletion left behind (never a row without its files).
  const swept = sweepMediaFiles(db, env().dataDir);
  if (swept.length > 0) console.log(`[media] removed ${swept.length} file(s) left by an interrupted upload or deletion`);
  const seeded = db.select().from(seedImports).all().length > 0;
  console.log(`[db] ready in ${env().dataDir}${seeded ? '' : ' (no seed imported)'}`);
  const unreadable = unreadableTotpSecrets(db, totpKey());
  if (unreadable.length > 0) {
    console.error(
      `[auth] The two-factor secrets of ${unreadable.length} user(s) were encrypted with another server secret (AUTH_SECRET or DATA_DIR/auth-secret) and cannot be read: ${unreadable.map((u) => u.email).join(', ')}. They can sign in only with a recovery code until the original secret is back, or an administrator resets their two-factor sign-in.`,
    );
  }
  const token = issueSetupToken(db);
  if (token) {
    console.log(
      `[setup] No staff account exists yet. Create the first administrator at:\n[setup]   ${env().siteUrl}/admin/setup/${token}\n[setup] This address works once, for 24 hours. Or run: npm run user:create -- --email E --name N --role admin`,
    );
  }
}
