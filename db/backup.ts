import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { type BackupLock, removeUnusedStored, takeBackupLock, UPLOADS_DIR } from '@/lib/media/storage';
import { existingAuthSecret } from '@/lib/auth/secret';
import { createPrivateFile, makePrivateDir, PRIVATE_FILE_MODE, tightenModes } from '@/lib/private-files';
import { recordAudit } from './auth/audit-log';
import { clearTwoFactor, totpKey, unreadableTotpSecrets } from './auth/two-factor';
import { DATABASE_FILE, migrateDatabase, openDatabase } from './client';
import { knownHashes, usedFileNames } from './media/stored';
import * as schema from './schema';

/**
 * Online backups of DATA_DIR: the database through SQLite's backup API (a
 * consistent copy while the server keeps writing) and the uploads folder,
 * with a manifest of checksums; and the checked restore into a stopped
 * instance.
 */

export const BACKUPS_DIR = 'backups';
export const SERVER_PID_FILE = 'server.pid';

type ManifestFile = { path: string; size: number; sha256: string };
export type Manifest = {
  format: 1;
  createdAt: string;
  database: ManifestFile;
  uploads: ManifestFile[];
  /** Files the database uses that were already missing from DATA_DIR/uploads when the backup was made. */
  missingFiles?: string[];
};

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function describe(root: string, file: string): ManifestFile {
  return { path: path.relative(root, file), size: fs.statSync(file).size, sha256: sha256(file) };
}

function* walk(dir: string): Generator<string> {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}

function integrityOk(file: string): boolean {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('integrity_check', { simple: true }) === 'ok';
  } finally {
    db.close();
  }
}

/**
 * The files of DATA_DIR/uploads that the database in `file` uses, as paths
 * relative to the backup folder. A database from before the media library
 * uses none.
 */
function usedUploads(file: string): string[] {
  const client = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const db = drizzle({ client, schema, casing: 'snake_case' });
    return [...usedFileNames(db)].map((name) => path.join(UPLOADS_DIR, name));
  } catch (error) {
    if (error instanceof Error && /no such table: media/.test(error.message)) return [];
    throw error;
  } finally {
    client.close();
  }
}

/**
 * Copies every file of the uploads folder, and returns the files the copied
 * database uses that are not there. While the backup lock is held none
 * disappears (lib/media/storage.ts), so these were already missing from the
 * live folder: the backup records them and goes on — one lost file must not
 * stop every backup after it. Any other file that disappears meanwhile is
 * skipped.
 */
function copyUploads(dataDir: string, dir: string, used: ReadonlySet<string>): string[] {
  const from = path.join(dataDir, UPLOADS_DIR);
  for (const file of walk(from)) {
    const relative = path.join(UPLOADS_DIR, path.relative(from, file));
    const target = path.join(dir, relative);
    makePrivateDir(path.dirname(target));
    try {
      fs.copyFileSync(file, target);
      // The copy has the original's mode, which an older version made 0644.
      fs.chmodSync(target, PRIVATE_FILE_MODE);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return [...used].filter((f) => !fs.existsSync(path.join(dir, f))).sort();
}

/**
 * Releases the lock, then does the deletions it held back: removes the files
 * no media row uses any more, holding the database's write lock so that no
 * upload is between moving its files and committing its row. Returns a
 * warning if that fails (the files then stay until the server's next start
 * sweeps them; the backup is not affected).
 */
function endBackup(dataDir: string, lock: BackupLock): string | null {
  lock.release();
  try {
    const db = openDatabase(dataDir);
    try {
      db.transaction((tx) => void removeUnusedStored(dataDir, knownHashes(tx)), { behavior: 'immediate' });
    } finally {
      db.$client.close();
    }
    return null;
  } catch (error) {
    return `Files deleted during the backup stay in ${path.join(dataDir, UPLOADS_DIR)} until the server's next start: ${error instanceof Error ? error.message : String(error)}`;
  }
}

type BackupOptions = { now?: Date; /** For tests: runs between the copy of the database and that of the uploads. */ afterDatabase?: () => void };

export type BackupResult = {
  dir: string;
  /** Files the database uses that were already missing from DATA_DIR/uploads (also in the manifest). */
  missingFiles: string[];
  /** What went wrong after the backup was written. */
  warnings: string[];
};

/**
 * Writes DATA_DIR/backups/<time>/. Safe while the server runs: files deleted
 * for good meanwhile stay until the uploads are copied. A backup that fails
 * removes its folder (one killed midway leaves a folder without
 * manifest.json, which checkBackup refuses).
 */
export async function createBackup(dataDir: string, { now = new Date(), afterDatabase }: BackupOptions = {}): Promise<BackupResult> {
  const source = path.join(dataDir, DATABASE_FILE);
  if (!fs.existsSync(source)) throw new Error(`No database at ${source}`);
  const dir = path.join(dataDir, BACKUPS_DIR, now.toISOString().replace(/[:.]/g, '-'));
  const lock = takeBackupLock(dataDir);
  let result: Omit<BackupResult, 'warnings'>;
  try {
    makePrivateDir(dir);
    const target = path.join(dir, DATABASE_FILE);
    createPrivateFile(target);
    const db = new Database(source, { fileMustExist: true });
    try {
      db.pragma('busy_timeout = 5000');
      await db.backup(target);
    } finally {
      db.close();
    }
    if (!integrityOk(target)) throw new Error('The backup copy failed its integrity check');
    afterDatabase?.();
    const missingFiles = copyUploads(dataDir, dir, new Set(usedUploads(target)));
    const manifest: Manifest = {
      format: 1,
      createdAt: now.toISOString(),
      database: describe(dir, target),
      uploads: [...walk(path.join(dir, UPLOADS_DIR))].map((f) => describe(dir, f)),
      ...(missingFiles.length ? { missingFiles } : {}),
    };
    fs.writeFileSync(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, { mode: PRIVATE_FILE_MODE });
    result = { dir, missingFiles };
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    endBackup(dataDir, lock);
    throw error;
  }
  const warning = endBackup(dataDir, lock);
  return { ...result, warnings: warning ? [warning] : [] };
}

/** Problems with a backup folder; empty when it can be restored. */
export function checkBackup(dir: string): string[] {
  const file = path.join(dir, 'manifest.json');
  if (!fs.existsSync(file)) return ['no manifest.json: not a backup folder'];
  let manifest: Manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  } catch {
    return ['manifest.json is not readable'];
  }
  const problems: string[] = [];
  for (const entry of [manifest.database, ...manifest.uploads]) {
    const full = path.join(dir, entry.path);
    if (!full.startsWith(path.resolve(dir) + path.sep)) problems.push(`${entry.path}: outside the backup`);
    else if (!fs.existsSync(full)) problems.push(`${entry.path}: missing`);
    else if (sha256(full) !== entry.sha256) problems.push(`${entry.path}: checksum differs`);
  }
  if (problems.length) return problems;
  const database = path.join(dir, manifest.database.path);
  if (!integrityOk(database)) return ['database: integrity check failed'];
  // Files already missing from the live folder when the backup was made are
  // listed as such: the backup restores what there was.
  const present = new Set([...manifest.uploads.map((f) => f.path), ...(manifest.missingFiles ?? [])]);
  for (const used of usedUploads(database)) if (!present.has(used)) problems.push(`${used}: used by the database, not in the backup`);
  return problems;
}

/** The pid in DATA_DIR/server.pid when that process is alive. */
export function runningServerPid(dataDir: string): number | null {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(path.join(dataDir, SERVER_PID_FILE), 'utf8').trim());
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: alive, but another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}

/**
 * The users of the backup's database whose two-factor secret the server of
 * `dataDir` could not read: the secrets are encrypted with a key derived
 * from the server's secret (AUTH_SECRET, else DATA_DIR/auth-secret), which
 * backups never hold.
 */
function unreadableInBackup(database: string, dataDir: string): { id: number; email: string }[] {
  const client = new Database(database, { readonly: true, fileMustExist: true });
  try {
    const secret = existingAuthSecret(dataDir);
    return unreadableTotpSecrets(drizzle({ client, schema, casing: 'snake_case' }), secret ? totpKey(secret) : null);
  } finally {
    client.close();
  }
}

export type RestoreOptions = {
  /** Restore even if some two-factor secrets cannot be read here: those users' second factor is removed (audit-logged). */
  withoutTwoFactor?: boolean;
};

/**
 * Replaces the database and uploads of a stopped instance with a checked
 * backup; returns the files it lacked when it was made, and the users whose
 * second factor was removed because it could not be read here.
 */
export function restoreBackup(
  dir: string,
  dataDir: string,
  { withoutTwoFactor = false }: RestoreOptions = {},
): { missingFiles: string[]; twoFactorRemoved: string[] } {
  const problems = checkBackup(dir);
  if (problems.length) throw new Error(`The backup cannot be restored:\n- ${problems.join('\n- ')}`);
  const pid = runningServerPid(dataDir);
  if (pid !== null) throw new Error(`The server is running (pid ${pid}); stop it before restoring.`);
  const unreadable = unreadableInBackup(path.join(dir, DATABASE_FILE), dataDir);
  if (unreadable.length > 0 && !withoutTwoFactor) {
    throw new Error(
      `The two-factor secrets of ${unreadable.length} user(s) in this backup (${unreadable.map((u) => u.email).join(', ')}) are encrypted with the original server's secret, which ${existingAuthSecret(dataDir) ? 'differs from the one here' : 'is not here'}. ` +
        `Run the restore with AUTH_SECRET set to the original server's secret (and start the server with it), or copy the original DATA_DIR/auth-secret to ${path.join(dataDir, 'auth-secret')}. ` +
        'Or restore with --without-two-factor: those users then sign in with their password alone and set up two-factor sign-in again.',
    );
  }
  makePrivateDir(dataDir);
  const live = path.join(dataDir, DATABASE_FILE);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${live}${suffix}`, { force: true });
  fs.copyFileSync(path.join(dir, DATABASE_FILE), `${live}.restoring`);
  fs.renameSync(`${live}.restoring`, live);
  if (unreadable.length > 0) removeTwoFactor(dataDir, unreadable);
  const uploads = path.join(dataDir, UPLOADS_DIR);
  fs.rmSync(uploads, { recursive: true, force: true });
  if (fs.existsSync(path.join(dir, UPLOADS_DIR))) fs.cpSync(path.join(dir, UPLOADS_DIR), uploads, { recursive: true });
  // The copies keep the backup's modes, which an older version made 0644.
  tightenModes(dataDir);
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  return { missingFiles: manifest.missingFiles ?? [], twoFactorRemoved: unreadable.map((u) => u.email) };
}

/** Removes the second factor of `users` in the restored database (brought up to date first), and ends their sessions. */
function removeTwoFactor(dataDir: string, users: { id: number }[]): void {
  const db = openDatabase(dataDir);
  try {
    migrateDatabase(db);
    db.transaction((tx) => {
      for (const { id } of users) {
        clearTwoFactor(tx, id, { endSessions: true });
        recordAudit(tx, { userId: null, action: 'user.two_factor_reset', entityType: 'user', entityId: id, details: { reason: 'restored_without_key' } });
      }
    });
  } finally {
    db.$client.close();
  }
}
