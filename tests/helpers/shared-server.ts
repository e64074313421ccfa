import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '@/db/client';
import { redirects } from '@/db/schema';
import { addNews, SEED_EN } from './content';
import { makeSeededDataDir } from './db';
import { e2eSetup, type SharedServerInfo } from './e2e-setup';
import { insertMediaRow } from './media-rows';
import { type RunningServer, startServer } from './server';

/**
 * One production server for the e2e files that only read, started once by
 * tests/e2e/global-setup.ts (on the first file's ask) instead of one per file.
 *
 * Its users, and why they only read:
 * - seo.test.ts: metadata, structured data, sitemap, robots, feeds, search
 *   and the Nu HTML Checker: GET requests, and a browser that reads.
 * - shared-cache-cookies.test.ts: GET requests of every public response,
 *   and the language switch, whose cookie stays in the browser.
 *
 * A file that writes (signs in, saves, changes the data folder) starts a
 * server of its own with startServer. The guard: the server's data (every row
 * of its database and the list of its uploads) is fingerprinted once it has
 * started; each file checks it when it takes the server and when it lets it
 * go (stop), and the global setup once more at the end: a change fails them.
 */

/** The stored name's hash of insertMediaRow(db, 1): the shared server has its 320-pixel WebP. */
export const SHARED_MEDIA_HASH = '1'.padStart(64, '0');

/** The data folder of the shared server: the seed, and what its users look for. */
function sharedDataDir(): string {
  const { db, dataDir } = makeSeededDataDir('iom-e2e-shared-');
  // seo.test.ts: an article in English only, and a draft no list, feed or sitemap may show.
  addNews(db, { publishedAt: new Date(Date.now() - 86_400_000), en: { title: 'Only in English today' } });
  addNews(db, { publishedAt: new Date(Date.now() - 86_400_000), en: { title: 'Secret draft', status: 'draft' } });
  // shared-cache-cookies.test.ts: a second page of news in both languages, an address that moved, a media file.
  for (let i = 1; i <= 12; i++) {
    addNews(db, { publishedAt: new Date(Date.UTC(2020, 0, i, 9)), en: { title: `Border story ${i}` }, sq: { title: `Histori kufiri ${i}` } });
  }
  db.insert(redirects).values({ locale: 'en', fromPath: '/news/old-address-of-the-training', toPath: SEED_EN }).run();
  insertMediaRow(db, 1, { en: 'A photo', sq: 'Një foto' });
  db.$client.close();
  fs.mkdirSync(path.join(dataDir, 'uploads'), { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'uploads', `${SHARED_MEDIA_HASH}-320.webp`), 'RIFF....WEBP');
  return dataDir;
}

/** For the global setup: starts the shared server over its data, with the fingerprint of that data. */
export async function startSharedServer(): Promise<{ server: RunningServer; info: SharedServerInfo }> {
  const server = await startServer({ dataDir: sharedDataDir() });
  const { url, port, pid, dataDir } = server;
  return { server, info: { url, port, pid, dataDir, fingerprint: dataFingerprint(dataDir) } };
}

/**
 * A hash of everything a data folder holds that a page is made from: every
 * row of every table of the database (read through a read-only connection,
 * the running server's uncommitted work aside) and the names and sizes of the
 * uploaded files.
 */
export function dataFingerprint(dataDir: string): string {
  const hash = createHash('sha256');
  const sqlite = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
  try {
    // Virtual tables (the search index) keep their rows in tables of their own, read here.
    const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name").pluck().all() as string[];
    for (const table of tables) {
      hash.update(`${table}\0`);
      for (const row of sqlite.prepare(`SELECT * FROM "${table}"`).raw().iterate()) {
        hash.update(JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('base64') : typeof value === 'bigint' ? String(value) : value)));
      }
    }
  } finally {
    sqlite.close();
  }
  const uploads = path.join(dataDir, 'uploads');
  if (fs.existsSync(uploads)) {
    for (const name of fs.readdirSync(uploads).sort()) hash.update(`${name}:${fs.statSync(path.join(uploads, name)).size}\0`);
  }
  return hash.digest('hex');
}

/** Throws unless the shared server's data is still what it started with. */
export function checkSharedData(info: SharedServerInfo, when: string): void {
  if (dataFingerprint(info.dataDir) !== info.fingerprint) {
    throw new Error(
      `The shared server's data changed ${when}. It is for files that only read; a file that writes starts a server of its own (startServer, tests/helpers/shared-server.ts).`,
    );
  }
}

export type SharedServer = Pick<RunningServer, 'url' | 'port' | 'dataDir'> & {
  /** Lets the server go (it keeps running for other files), after checking that this file changed nothing. */
  stop: () => Promise<void>;
};

/** In an e2e file that only reads: the shared server, checked unchanged (see above). */
export async function sharedServer(): Promise<SharedServer> {
  const setup = e2eSetup();
  if (!setup) throw new Error('sharedServer() is for the e2e test files (tests/e2e), whose global setup starts it');
  const info = await setup.shared();
  checkSharedData(info, 'before this file took it');
  return {
    url: info.url,
    port: info.port,
    dataDir: info.dataDir,
    stop: async () => checkSharedData(info, 'while this file used it (or a file beside it)'),
  };
}
