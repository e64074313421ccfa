// `npm start`: build if the sources changed, then serve the production build.
// The server itself migrates and seeds the database in DATA_DIR at start-up
// (instrumentation.ts), so this is all a fresh clone needs.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureBuild } from './build.mjs';
import { nextStartArgs } from './next-start.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');

try {
  await ensureBuild();
} catch (error) {
  console.error(String(error instanceof Error ? error.message : error));
  process.exit(1);
}

const port = process.env.PORT || '3000';
const server = spawn(process.execPath, nextStartArgs(port), {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
