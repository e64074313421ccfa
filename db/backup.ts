import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from './client';

/**
 * Online backups of DATA_DIR: the database through SQLite's backup API (a
 * consistent copy while the server keeps writing) and the uploads folder,
 * with a manifest of checksums; and the checked restore into a stopped
 * instance.
 */

export const BACKUPS_DIR = 'backups';
export const UPLOADS_DIR = 'uploads';
export const SERVER_PID_FILE = 'server.pid';

type ManifestFile = { path: string; size: number; sha256: string };
export type Manifest = { format: 1; createdAt: string; database: ManifestFile; uploads: ManifestFile[] };

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

/** Writes DATA_DIR/backups/<time>/ and returns its path. Safe while the server runs. */
export async function createBackup(dataDir: string, now = new Date()): Promise<string> {
  const source = path.join(dataDir, DATABASE_FILE);
  if (!fs.existsSync(source)) throw new Error(`No database at ${source}`);
  const dir = path.join(dataDir, BACKUPS_DIR, now.toISOString().replace(/[:.]/g, '-'));
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, DATABASE_FILE);
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(target);
  } finally {
    db.close();
  }
  if (!integrityOk(target)) throw new Error('The backup copy failed its integrity check');
  const uploadsFrom = path.join(dataDir, UPLOADS_DIR);
  if (fs.existsSync(uploadsFrom)) fs.cpSync(uploadsFrom, path.join(dir, UPLOADS_DIR), { recursive: true });
  const manifest: Manifest = {
    format: 1,
    createdAt: now.toISOString(),
    database: describe(dir, target),
    uploads: [...walk(path.join(dir, UPLOADS_DIR))].map((f) => describe(dir, f)),
  };
  fs.writeFileSync(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return dir;
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
  if (!problems.length && !integrityOk(path.join(dir, manifest.database.path))) problems.push('database: integrity check failed');
  return problems;
}

/** The pid in DATA_DIR/server.pid when that process is alive. */
export function runningServerPid(dataDir: string): number | null {
  const file = path.join(dataDir, SERVER_PID_FILE);
  if (!fs.existsSync(file)) return null;
  const pid = Number(fs.readFileSync(file, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

/** Replaces the database and uploads of a stopped instance with a checked backup. */
export function restoreBackup(dir: string, dataDir: string): void {
  const problems = checkBackup(dir);
  if (problems.length) throw new Error(`The backup cannot be restored:\n- ${problems.join('\n- ')}`);
  const pid = runningServerPid(dataDir);
  if (pid !== null) throw new Error(`The server is running (pid ${pid}); stop it before restoring.`);
  fs.mkdirSync(dataDir, { recursive: true });
  const live = path.join(dataDir, DATABASE_FILE);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${live}${suffix}`, { force: true });
  fs.copyFileSync(path.join(dir, DATABASE_FILE), `${live}.restoring`);
  fs.renameSync(`${live}.restoring`, live);
  const uploads = path.join(dataDir, UPLOADS_DIR);
  fs.rmSync(uploads, { recursive: true, force: true });
  if (fs.existsSync(path.join(dir, UPLOADS_DIR))) fs.cpSync(path.join(dir, UPLOADS_DIR), uploads, { recursive: true });
}
