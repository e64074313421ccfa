// npm run db:restore -- <backup folder> — checks the backup (checksums,
// integrity) and that the server of DATA_DIR is stopped, then restores it.
import path from 'node:path';
import { restoreBackup } from '@/db/backup';
import { readEnv } from '@/lib/env';
import { keepDataDirPrivate } from '@/lib/private-files';

const dir = process.argv[2];
if (!dir) {
  console.error('Usage: npm run db:restore -- <backup folder, e.g. data/backups/2026-11-30T02-00-00-000Z>');
  process.exit(2);
}
try {
  const { dataDir } = readEnv();
  keepDataDirPrivate(dataDir);
  const { missingFiles } = restoreBackup(path.resolve(dir), dataDir);
  console.log(`Restored ${path.resolve(dir)} into ${dataDir}. Start the server again.`);
  if (missingFiles.length) {
    console.warn(`When this backup was made, ${missingFiles.length} file(s) the database uses were already missing; they are missing now too:`);
    for (const file of missingFiles) console.warn(`- ${file}`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
