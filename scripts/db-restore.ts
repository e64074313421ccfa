// npm run db:restore -- <backup folder> [--without-two-factor] — checks the
// backup (checksums, integrity), that the server of DATA_DIR is stopped and
// that its secret (AUTH_SECRET or DATA_DIR/auth-secret) reads the backup's
// two-factor secrets, then restores it. --without-two-factor restores anyway
// and removes the second factor of the users whose secret cannot be read.
import path from 'node:path';
import { restoreBackup } from '@/db/backup';
import { readEnv } from '@/lib/env';
import { keepDataDirPrivate } from '@/lib/private-files';

const args = process.argv.slice(2);
const withoutTwoFactor = args.includes('--without-two-factor');
const [dir, ...rest] = args.filter((a) => a !== '--without-two-factor');
if (!dir || rest.length > 0 || dir.startsWith('--')) {
  console.error('Usage: npm run db:restore -- <backup folder, e.g. data/backups/2026-11-30T02-00-00-000Z> [--without-two-factor]');
  process.exit(2);
}
try {
  const { dataDir } = readEnv();
  keepDataDirPrivate(dataDir);
  const { missingFiles, twoFactorRemoved } = restoreBackup(path.resolve(dir), dataDir, { withoutTwoFactor });
  console.log(`Restored ${path.resolve(dir)} into ${dataDir}. Start the server again.`);
  if (twoFactorRemoved.length) {
    console.warn(`Two-factor sign-in was removed for ${twoFactorRemoved.length} user(s) whose secret this server cannot read: ${twoFactorRemoved.join(', ')}`);
  }
  if (missingFiles.length) {
    console.warn(`When this backup was made, ${missingFiles.length} file(s) the database uses were already missing; they are missing now too:`);
    for (const file of missingFiles) console.warn(`- ${file}`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
