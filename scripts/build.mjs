// Builds the production bundle when the sources changed since the last build.
// Used by `npm start` and by the end-to-end tests; plain JavaScript so that it
// runs on Node without a TypeScript step.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

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

/** Runs `next build` unless the existing build is current. Returns whether it built. */
export function ensureBuild({ log = console.log } = {}) {
  if (isBuildCurrent()) return false;
  log('[build] building the production bundle (next build)…');
  const fingerprint = sourceFingerprint();
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status ?? result.signal})`);
  fs.writeFileSync(STAMP, fingerprint);
  return true;
}
