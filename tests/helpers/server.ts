import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freeLoopbackPort as freePort } from '../../scripts/cdn-servers';
import { nextStartArgs } from '../../scripts/next-start.mjs';
import { makeTempDir } from './db';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export type RunningServer = {
  url: string;
  port: number;
  /** The server process's id (for its CPU time in /proc). */
  pid: number;
  dataDir: string;
  /** Everything the server printed so far. */
  output: () => string;
  /** Stops the server and removes its data folder. */
  stop: () => Promise<void>;
  /** Kills the server at once (SIGKILL), as a power cut would; the data folder stays. */
  crash: () => Promise<void>;
};

/** A free loopback port (scripts/cdn-servers.ts). */
export { freePort };

/**
 * Starts the production build (`next start`) on a free port with its own
 * DATA_DIR, and resolves once it answers HTTP. The build must exist (the e2e
 * global setup makes it).
 */
export async function startServer(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<RunningServer> {
  const dataDir = options.dataDir ?? makeTempDir('iom-e2e-');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child: ChildProcess = spawn(
    process.execPath,
    nextStartArgs(port),
    {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production', DATA_DIR: dataDir, SITE_URL: url, NEXT_TELEMETRY_DISABLED: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${url}/news`, { redirect: 'manual', signal: AbortSignal.timeout(5000) });
      if (res.status < 500) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`next start did not answer within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }

  return {
    url,
    port,
    pid: child.pid!,
    dataDir,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
    crash: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}
