import fs from 'node:fs';
import path from 'node:path';

/**
 * Files at rest are the server's alone: DATA_DIR and every folder in it
 * (uploads, backups) mode 0700, every file in them 0600 — the database and
 * its -wal and -shm, the uploads and their image variants, the backups, the
 * session key. Other local users read nothing, whatever the umask of the
 * shell that started the server.
 *
 * Three layers: what our code creates gets these modes explicitly; the
 * server and every command set the umask to 077, so that what a library
 * creates later (SQLite's files, anything else) is private too; and at
 * start the modes of what an older version left are tightened.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;
const PRIVATE_UMASK = 0o077;

/** Creates `dir` (and its missing parents) with mode 0700. */
export function makePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/**
 * Creates `file` empty with mode 0600 unless it exists. Used before SQLite
 * opens a new database file: an empty file is an empty database, and SQLite
 * creates the database's -wal and -shm with the database file's own mode.
 */
export function createPrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', PRIVATE_FILE_MODE));
}

/**
 * Takes the group's and others' permissions off `dir` and everything in it
 * (symbolic links are neither followed nor changed). Returns the paths it
 * could not change (another user's files).
 */
export function tightenModes(dir: string): string[] {
  const refused: string[] = [];
  const visit = (file: string) => {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(file);
    } catch {
      return; // gone meanwhile
    }
    if (!stat.isDirectory() && !stat.isFile()) return;
    if ((stat.mode & 0o077) !== 0) {
      try {
        fs.chmodSync(file, stat.mode & 0o700);
      } catch {
        refused.push(file);
      }
    }
    if (stat.isDirectory()) for (const entry of fs.readdirSync(file)) visit(path.join(file, entry));
  };
  visit(dir);
  return refused;
}

/**
 * At the start of the server and of every command that writes into
 * DATA_DIR: the umask 077 for everything this process creates from now on,
 * DATA_DIR created 0700, and what an older version left tightened.
 */
export function keepDataDirPrivate(dataDir: string): void {
  process.umask(PRIVATE_UMASK);
  makePrivateDir(dataDir);
  const refused = tightenModes(dataDir);
  if (refused.length > 0) {
    console.warn(
      `[files] ${refused.length} file(s) in ${dataDir} stay readable by other local users: they belong to another user (${refused.slice(0, 3).join(', ')}${refused.length > 3 ? ', …' : ''}). Give them to the server's user.`,
    );
  }
}
