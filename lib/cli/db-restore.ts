// npm run db:restore -- <backup folder> — checks the backup (checksums,
// integrity) and that the server of DATA_DIR is stopped, then restores it.
import path from 'node:path';
import { restoreBackup } from '@/db/backup';
import { readEnv } from '@/lib/env';

const dir = process.argv[2];
if (!dir) {
  console.error('Usage: npm run db:restore -- <backup folder, e.g. data/backups/2026-11-30T02-00-00-000Z>');
  process.exit(2);
}
try {
  const { dataDir } = readEnv();
  restoreBackup(path.resolve(dir), dataDir);
  console.log(`Restored ${path.resolve(dir)} into ${dataDir}. Start the server again.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
