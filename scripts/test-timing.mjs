// With IOM_TEST_TIMING set to a file, the test helpers append one line per
// costly step there (a `next build`, a `next start`, an axe run) with its
// duration: how docs/performance.md ("Test suite") splits the suite's time.
import fs from 'node:fs';

/** Appends `end time (ISO)<TAB>kind<TAB>milliseconds<TAB>detail` to $IOM_TEST_TIMING, if set. */
export function recordTiming(kind, ms, detail = '') {
  const file = process.env.IOM_TEST_TIMING;
  if (file) fs.appendFileSync(file, `${new Date().toISOString()}\t${kind}\t${Math.round(ms)}\t${detail}\n`);
}
