// npm run db:backup — a consistent online backup of DATA_DIR (database and
// uploads) into DATA_DIR/backups/<time>/, while the server keeps running.
import { createBackup } from '@/db/backup';
import { readEnv } from '@/lib/env';

createBackup(readEnv().dataDir).then(
  (dir) => console.log(`Backup written to ${dir}`),
  (error) => {
    console.error(`Backup failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
