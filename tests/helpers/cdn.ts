import fs from 'node:fs';
import path from 'node:path';
import { describe } from 'vitest';
import { findProgram } from '../../scripts/cdn-servers';

export { type RunningRedis, type RunningVarnish, startRedis, startVarnish } from '../../scripts/cdn-servers';

/** varnishd counts as there only with the xkey module of varnish-modules beside it (the VCL imports it). */
function available(name: string): boolean {
  if (!findProgram(name)) return false;
  if (name !== 'varnishd') return true;
  const lib = '/usr/lib';
  const dirs = fs.existsSync(lib) ? fs.readdirSync(lib).map((d) => path.join(lib, d, 'varnish/vmods')) : [];
  return [path.join(lib, 'varnish/vmods'), ...dirs].some((d) => fs.existsSync(path.join(d, 'libvmod_xkey.so')));
}

const PACKAGES: Record<string, string> = { varnishd: 'varnish varnish-modules', 'redis-server': 'redis-server' };

/**
 * `describe` for tests that need outside programs (Varnish, Redis). On a
 * machine without them the tests are skipped with one loud line naming what
 * was not run and how to get it; with REQUIRE_CDN_TESTS=1 (.ci/run sets it
 * after installing them) a missing program fails instead.
 */
export function describeWith(programs: string[], name: string, body: () => void): void {
  const missing = programs.filter((p) => !available(p));
  if (missing.length > 0 && process.env.REQUIRE_CDN_TESTS !== '1') {
    const install = [...new Set(missing.map((p) => PACKAGES[p] ?? p))].join(' ');
    console.warn(`\n!!! NOT RUN: "${name}" needs ${missing.join(' and ')}: apt-get install -y ${install}\n`);
    describe.skip(name, body);
    return;
  }
  if (missing.length > 0) throw new Error(`REQUIRE_CDN_TESTS=1 but ${missing.join(' and ')} not found`);
  describe(name, body);
}

