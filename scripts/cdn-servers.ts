import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * varnishd and redis-server started for a while, each in a throw-away folder
 * on a free loopback port: for the CDN tests (tests/e2e) and
 * `npm run bench -- --via-cdn`. Never the system's own services.
 */

const ROOT = path.resolve(import.meta.dirname, '..');

/** A program on PATH or in the sbin folders (Debian puts varnishd in /usr/sbin). */
export function findProgram(name: string): string | null {
  const dirs = [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/usr/local/sbin', '/sbin'];
  for (const dir of dirs) {
    const file = path.join(dir, name);
    if (dir && fs.existsSync(file)) return file;
  }
  return null;
}

export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const makeTempDir = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

export type RunningVarnish = { url: string; port: number; stop: () => Promise<void> };

async function untilAnswers(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`exited (${child.exitCode}):\n${output()}`);
    try {
      await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(2000) }).then((r) => r.arrayBuffer());
      return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`no answer within 30 s:\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function stopper(child: ChildProcess, dir: string): () => Promise<void> {
  const exited = new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
  return async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
}

/**
 * Starts varnishd in the foreground with the repository's VCL
 * (deploy/varnish/default.vcl) in front of the origin on `originPort`, in a
 * work folder of its own, on `port` (a free one unless given).
 */
export async function startVarnish(originPort: number, port?: number): Promise<RunningVarnish> {
  const dir = makeTempDir('iom-varnish-');
  const listen = port ?? (await freeLoopbackPort());
  // The repository's backend.vcl names port 3000; this one comes first in vcl_path.
  fs.writeFileSync(
    path.join(dir, 'backend.vcl'),
    `backend origin {\n  .host = "127.0.0.1";\n  .port = "${originPort}";\n  .connect_timeout = 1s;\n  .probe = { .url = "/api/health"; .interval = 1s; .timeout = 1s; .window = 3; .threshold = 2; .initial = 2; }\n}\n`,
  );
  let output = '';
  const child = spawn(
    findProgram('varnishd')!,
    [
      '-F',
      '-j', 'none',
      '-n', path.join(dir, 'work'),
      '-a', `127.0.0.1:${listen}`,
      '-T', 'none',
      '-f', path.join(ROOT, 'deploy/varnish/default.vcl'),
      '-p', `vcl_path=${dir}:${path.join(ROOT, 'deploy/varnish')}`,
      '-s', 'malloc,64m',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${listen}`;
  const stop = stopper(child, dir);
  try {
    await untilAnswers(`${url}/robots.txt`, child, () => output);
  } catch (error) {
    await stop();
    throw new Error(`varnishd: ${(error as Error).message}`);
  }
  return { url, port: listen, stop };
}

export type RunningRedis = { url: string; stop: () => Promise<void> };

/** Starts redis-server on a free port, nothing saved to disk, in a folder of its own. */
export async function startRedis(): Promise<RunningRedis> {
  const dir = makeTempDir('iom-redis-');
  const port = await freeLoopbackPort();
  let output = '';
  const child = spawn(findProgram('redis-server')!, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const stop = stopper(child, dir);
  const deadline = Date.now() + 15_000;
  while (!output.includes('Ready to accept connections')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`redis-server did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url: `redis://127.0.0.1:${port}`, stop };
}
