// npm run db:backup — a consistent online backup of DATA_DIR (database and
// uploads) into DATA_DIR/backups/<time>/, while the server keeps running.
// Exits with 1 when the backup could not be written, or was written without
// files the database uses (already missing from DATA_DIR/uploads), so that
// cron reports it.
import { createBackup } from '@/db/backup';
import { readEnv } from '@/lib/env';
import { keepDataDirPrivate } from '@/lib/private-files';

const { dataDir } = readEnv();
keepDataDirPrivate(dataDir);
createBackup(dataDir).then(
  ({ dir, missingFiles, warnings }) => {
    console.log(`Backup written to ${dir}`);
    for (const warning of warnings) console.warn(`Warning: ${warning}`);
    if (missingFiles.length) {
      console.error(`${missingFiles.length} file(s) the database uses were already missing from the uploads folder; the backup has everything else:`);
      for (const file of missingFiles) console.error(`- ${file}`);
      process.exit(1);
    }
  },
  (error) => {
    console.error(`Backup failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
