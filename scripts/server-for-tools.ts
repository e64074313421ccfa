import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { migrateDatabase, openDatabase } from '@/db/client';
import { generateSample } from '@/db/sample';
import { seedDatabase } from '@/db/seed';
import { ensureBuild } from './build.mjs';
import { addSamplePictures } from './sample-pictures';
import { nextStartArgs } from './next-start.mjs';
import { localizedPath } from '@/i18n/paths';
import { newsHref } from '@/lib/hrefs';

const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * For the on-demand tools (bench, lighthouse, screenshots): the production
 * build started on a free loopback port over a throw-away data folder filled
 * with sample articles (and, asked for, sample pictures). Never the real DATA_DIR.
 */
export async function startSampleServer(
  articles: number,
  options: { pictures?: boolean; env?: Record<string, string> } = {},
): Promise<{ base: string; dataDir: string; server: ChildProcess; stop: () => void }> {
  await ensureBuild();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iom-tool-'));
  const db = openDatabase(dataDir);
  migrateDatabase(db);
  seedDatabase(db);
  generateSample(db, articles);
  // Main images on every other article and two sections, as the office's site will have.
  if (options.pictures) await addSamplePictures(db, dataDir);
  db.$client.close();
  const started = await startToolServer(dataDir, options.env);
  return {
    ...started,
    dataDir,
    stop: () => {
      started.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Another production server on `dataDir` (a second process on the same data: bench --via-cdn); its stop leaves the folder. */
export async function startToolServer(dataDir: string, env: Record<string, string> = {}): Promise<{ base: string; server: ChildProcess; stop: () => void }> {
  const port = await new Promise<number>((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port: p } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(p));
    });
  });
  const base = `http://127.0.0.1:${port}`;
  // TOOL_SERVER_CPU_PROFILE=<folder>: V8 writes the server's CPU profile there when it stops (open it in Chrome's DevTools).
  const profile = process.env.TOOL_SERVER_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.TOOL_SERVER_CPU_PROFILE)}`] : [];
  const server = spawn(process.execPath, [...profile, ...nextStartArgs(port)], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', DATA_DIR: dataDir, SITE_URL: base, NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: process.env.TOOL_SERVER_LOG ? 'inherit' : 'ignore',
  });
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(base + localizedPath(newsHref(), 'en'))).status === 200) break;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { base, server, stop: () => void server.kill('SIGTERM') };
}
