import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createPrivateFile, makePrivateDir, PRIVATE_FILE_MODE } from '@/lib/private-files';
import { STORED_NAME } from './files';

/**
 * Where the media library's files live: DATA_DIR/uploads (copied by the
 * backups), written through DATA_DIR/uploads-incoming so that a file appears
 * under its real name only whole (temporary file, fsync, rename).
 */
export const UPLOADS_DIR = 'uploads';
export const INCOMING_DIR = 'uploads-incoming';

export function uploadsDir(dataDir: string): string {
  return path.join(dataDir, UPLOADS_DIR);
}

/**
 * The path of a stored file. `name` must be one of our stored names (checked
 * again here): a name from a request is never joined into a path unchecked.
 */
export function storedPath(dataDir: string, name: string): string {
  if (!STORED_NAME.test(name)) throw new Error('Not a stored media name');
  return path.join(uploadsDir(dataDir), name);
}

export type StagedFile = { name: string; temp: string; final: string };

/** Writes each file under a temporary name, flushed to disk. On failure nothing is left. */
export async function stageFiles(dataDir: string, files: readonly { name: string; data: Uint8Array }[]): Promise<StagedFile[]> {
  const incoming = path.join(dataDir, INCOMING_DIR);
  makePrivateDir(incoming);
  makePrivateDir(uploadsDir(dataDir));
  const staged: StagedFile[] = [];
  try {
    for (const file of files) {
      const temp = path.join(incoming, `${randomUUID()}.part`);
      staged.push({ name: file.name, temp, final: storedPath(dataDir, file.name) });
      const handle = await fs.promises.open(temp, 'wx', PRIVATE_FILE_MODE);
      try {
        await handle.writeFile(file.data);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    return staged;
  } catch (error) {
    discardStaged(staged, []);
    throw error;
  }
}

/** Moves staged files to their real names; synchronous, to run inside a database transaction. Returns the finals written so far on failure via `done`. */
export function publishStaged(staged: readonly StagedFile[], done: string[]): void {
  for (const file of staged) {
    fs.renameSync(file.temp, file.final);
    done.push(file.final);
  }
}

/** Removes temporary files and any finals already moved (after a failed step). */
export function discardStaged(staged: readonly StagedFile[], finals: readonly string[]): void {
  for (const file of [...staged.map((s) => s.temp), ...finals]) {
    try {
      fs.unlinkSync(file);
    } catch {
      // already gone (or never written)
    }
  }
}

/** Makes the renames in a folder durable. */
export function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Not supported on every file system; the data itself was synced.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * DATA_DIR/backup.lock: an empty SQLite file that a running backup
 * (db/backup.ts) holds an exclusive lock on. Between its copy of the database
 * and its copy of the uploads, a file deleted for good must stay, or the
 * backup would lack a file its database uses: while the lock is held,
 * deletions leave their files, and the backup removes them when it ends. The
 * operating system drops the lock when the process ends, however it ends, so
 * a killed backup leaves nothing that blocks the next one or the deletions.
 */
export const BACKUP_LOCK_FILE = 'backup.lock';

function isBusy(error: unknown): boolean {
  return error instanceof Error && (error as { code?: string }).code === 'SQLITE_BUSY';
}

/**
 * Whether a backup holds the lock (asked without waiting). If the lock file
 * cannot be asked at all (unreadable, not a database), the answer is yes:
 * it is asked after a deletion has committed, which must not fail then, and
 * the files it keeps are swept at the next start.
 */
export function backupRunning(dataDir: string): boolean {
  const file = path.join(dataDir, BACKUP_LOCK_FILE);
  if (!fs.existsSync(file)) return false;
  let probe: Database.Database | undefined;
  try {
    probe = new Database(file, { fileMustExist: true, timeout: 0 });
    probe.exec('BEGIN IMMEDIATE');
    probe.exec('ROLLBACK');
    return false;
  } catch {
    return true;
  } finally {
    probe?.close();
  }
}

export type BackupLock = { release: () => void };

/** Takes the lock; refused while another backup holds it. */
export function takeBackupLock(dataDir: string): BackupLock {
  const file = path.join(dataDir, BACKUP_LOCK_FILE);
  createPrivateFile(file);
  // A deletion's look at the lock holds it for a moment: wait that long.
  const lock = new Database(file, { timeout: 2000 });
  try {
    lock.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    lock.close();
    throw isBusy(error) ? new Error('Another backup is running') : error;
  }
  return {
    release: () => {
      lock.exec('ROLLBACK');
      lock.close();
    },
  };
}

/**
 * Deletes stored files by name; returns how many were removed. While a backup
 * runs, none: they are left for the backup to remove when it ends (or for the
 * sweep at the next start).
 */
export function removeStored(dataDir: string, names: readonly string[]): number {
  if (backupRunning(dataDir)) return 0;
  let removed = 0;
  for (const name of names) {
    try {
      fs.unlinkSync(storedPath(dataDir, name));
      removed++;
    } catch {
      // already gone
    }
  }
  return removed;
}

/**
 * Stored files whose content hash no media row has. The caller either holds
 * the database's write lock (so that no upload is between moving its files
 * into place and committing its row) or runs before the server takes
 * requests. Left alone while a backup runs.
 */
export function removeUnusedStored(dataDir: string, knownHashes: ReadonlySet<string>): string[] {
  const removed: string[] = [];
  const dir = uploadsDir(dataDir);
  if (!fs.existsSync(dir) || backupRunning(dataDir)) return removed;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const m = entry.isFile() ? STORED_NAME.exec(entry.name) : null;
    if (m && !knownHashes.has(m[1]!)) {
      fs.rmSync(path.join(dir, entry.name), { force: true });
      removed.push(path.join(UPLOADS_DIR, entry.name));
    }
  }
  return removed;
}

/**
 * After a crash: temporary files, and stored files whose content hash no
 * media row has (an upload stopped between its files and its commit, or a
 * deletion between its commit and its files). Run at start, before requests.
 */
export function sweepUploads(dataDir: string, knownHashes: ReadonlySet<string>): string[] {
  const removed: string[] = [];
  const incoming = path.join(dataDir, INCOMING_DIR);
  if (fs.existsSync(incoming)) {
    for (const entry of fs.readdirSync(incoming)) {
      fs.rmSync(path.join(incoming, entry), { force: true, recursive: true });
      removed.push(path.join(INCOMING_DIR, entry));
    }
  }
  return [...removed, ...removeUnusedStored(dataDir, knownHashes)];
}
