// How every production server of this project is started — `npm start`, the
// end-to-end tests, bench, lighthouse and soak — so that what is measured
// and tested is what runs.
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * V8's old space is capped (NODE_MAX_OLD_SPACE_MB, default 192 MB): left to
 * itself on a machine with a lot of memory, V8 lets garbage pile up to
 * several hundred MB under load before collecting (a crawl of 1,700 article
 * pages took the server to 690 MB; capped, 350 MB at the same speed). The
 * rendered-page cache lives outside that heap (see cacheMaxMemorySize in
 * next.config.ts).
 */
export function nextStartArgs(port) {
  const heapMb = Number(process.env.NODE_MAX_OLD_SPACE_MB) || 192;
  return [`--max-old-space-size=${heapMb}`, path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '--port', String(port)];
}
