// Builds the production bundle when the sources changed since the last build.
// Used by `npm start` and by the end-to-end tests; plain JavaScript so that it
// runs on Node without a TypeScript step.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { recordTiming } from './test-timing.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const INPUTS = ['app', 'components', 'db', 'i18n', 'lib', 'messages', 'public'];
const ROOT_FILES = ['auth.ts', 'proxy.ts', 'instrumentation.ts', 'next.config.ts', 'postcss.config.mjs', 'tsconfig.json', 'package-lock.json'];
const STAMP = path.join(ROOT, '.next', 'source-fingerprint');

function* files(dir) {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (entry.isFile()) yield full;
  }
}

/** Every file the build reads from the project, as absolute paths. */
export function buildInputs() {
  return [...INPUTS.flatMap((d) => [...files(path.join(ROOT, d))]), ...ROOT_FILES.map((f) => path.join(ROOT, f))]
    .filter((f) => fs.existsSync(f))
    .sort();
}

/** A hash of every file the build reads from the project. */
export function sourceFingerprint() {
  const hash = createHash('sha256');
  for (const file of buildInputs()) {
    hash.update(path.relative(ROOT, file));
    hash.update('\0');
    hash.update(fs.readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** True when .next holds a build of the current sources. */
export function isBuildCurrent() {
  return (
    fs.existsSync(path.join(ROOT, '.next', 'BUILD_ID')) &&
    fs.existsSync(STAMP) &&
    fs.readFileSync(STAMP, 'utf8') === sourceFingerprint()
  );
}

/**
 * Runs `next build` unless the existing build is current. Resolves to whether
 * it built.
 * - typeCheck: false skips Next's own TypeScript pass (next.config.ts reads
 *   IOM_BUILD_TYPES_CHECKED): for the tests, whose `npm test` has type-checked
 *   the same project with `tsc --noEmit` before (the pass is about half the build).
 * - quiet: the build's output is kept, and shown only if it fails (the tests
 *   build while other tests report).
 * - background: the build runs at a lower priority (nice 10, its threads and
 *   workers too), so that tests running meanwhile keep their pace.
 * - signal: aborting it stops the build (and nothing is stamped).
 */
export async function ensureBuild({ log = console.log, typeCheck = true, quiet = false, background = false, signal } = {}) {
  if (isBuildCurrent()) return false;
  log(`[build] building the production bundle (next build${typeCheck ? '' : ', types already checked'})…`);
  const started = Date.now();
  const fingerprint = sourceFingerprint();
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    cwd: ROOT,
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...(typeCheck ? {} : { IOM_BUILD_TYPES_CHECKED: '1' }) },
    signal,
  });
  if (background && child.pid) os.setPriority(child.pid, 10);
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const status = await new Promise((resolve) => {
    child.once('error', (error) => resolve(error.message));
    child.once('close', (code, killedBy) => resolve(code ?? killedBy));
  });
  if (status !== 0) throw new Error(`next build failed (${status})${output ? `:\n${output}` : ''}`);
  fs.writeFileSync(STAMP, fingerprint);
  recordTiming('build', Date.now() - started);
  log(`[build] built in ${Math.round((Date.now() - started) / 1000)} s`);
  return true;
}
