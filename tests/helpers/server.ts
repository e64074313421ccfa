import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freeLoopbackPort as freePort } from '../../scripts/cdn-servers';
import { expect } from 'vitest';
import { nextStartArgs } from '../../scripts/next-start.mjs';
import { cpuMs } from '../../scripts/proc';
import { recordTiming } from '../../scripts/test-timing.mjs';
import { makeTempDir } from './db';
import { e2eSetup } from './e2e-setup';

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
 * DATA_DIR, and resolves once it answers HTTP. The build must exist: in an
 * e2e file this waits until the global setup has made it.
 */
export async function startServer(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<RunningServer> {
  await e2eSetup()?.ready();
  const started = performance.now();
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

  // Next prints "Ready in …" once it listens; requests from then on wait
  // until the app is loaded (instrumentation.ts has prepared the database),
  // so the first answer to a page tells it is ready.
  const failed = (why: string) => {
    child.kill('SIGKILL');
    return new Error(`next start ${why}:\n${output}`);
  };
  const listening = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(failed('did not listen within 60 s')), 60_000);
    child.stdout!.on('data', () => {
      if (output.includes('Ready in')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`next start exited (${code}):\n${output}`));
    });
  });
  await listening;
  const res = await fetch(`${url}/news`, { redirect: 'manual', signal: AbortSignal.timeout(60_000) }).catch((error: Error) => {
    throw failed(`did not answer within 60 s (${error.message})`);
  });
  await res.arrayBuffer();
  if (res.status >= 500) throw failed(`answered ${res.status}`);
  // The test file that asked (none in the global setup, where expect has no state).
  const file = process.env.VITEST_WORKER_ID ? path.basename(expect.getState().testPath ?? '') : 'global setup';
  // Wall time, and the server's CPU time (a shared machine stretches the first, not the second).
  recordTiming('start', performance.now() - started, `${file}\tcpu ${cpuMs(child.pid!)}`);

  return {
    url,
    port,
    pid: child.pid!,
    dataDir,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        recordTiming('server', cpuMs(child.pid!), `${file}: CPU time in all`);
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
