// Lighthouse A/B (mobile preset), interleaved on one machine: two builds of
// the project side by side, each served by its own `next start` over its own
// data folder, and Lighthouse run on each in turn (A,B then B,A, …), so that
// the machine's load weighs on both alike. Prints one line per run (side,
// page, run, load average, LCP, FCP, TBT, CLS, the four scores, the LCP
// element, console errors) and writes each report to AB_JSON (a folder).
//
// Each side: a directory holding a copy of the project at one commit
// (`git archive <commit> | tar -x -C <dir>`, node_modules hard-linked with
// `cp -al`), built there with `next build`, and a data folder filled by that
// commit's own code (migrate, seed, generateSample(200), and for a build
// with pictures scripts/sample-pictures.ts). docs/performance.md has the
// figures of issue 19, point 8, and the exact steps.
//
//   AB_A=/tmp/lh-a:/tmp/lh-data-a:lib/cli/next-start.mjs \
//   AB_B=/tmp/lh-b:/tmp/lh-data-b:scripts/next-start.mjs \
//   AB_RUNS=6 AB_PAGES=/ npx tsx scripts/lighthouse-ab.ts
import * as chromeLauncher from 'chrome-launcher';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import lighthouse from 'lighthouse';
import { chromiumExecutable } from '../tests/helpers/chromium';

const RUNS = Number(process.env.AB_RUNS ?? 6);
const PAGES = (process.env.AB_PAGES ?? '/').split(',');
const JSON_DIR = process.env.AB_JSON ?? fs.mkdtempSync(`${os.tmpdir()}/lh-ab-`);
fs.mkdirSync(JSON_DIR, { recursive: true });
const sides = (['A', 'B'] as const).map((name, i) => {
  const [dir, data, start] = (process.env[`AB_${name}`] ?? '').split(':');
  if (!dir || !data || !start) throw new Error(`AB_${name}=<project dir>:<data dir>:<its next-start.mjs, relative>`);
  return { name, dir, data, start, port: 47101 + i };
});

async function startServer(s: (typeof sides)[number]) {
  const { nextStartArgs } = await import(`${s.dir}/${s.start}`);
  const base = `http://127.0.0.1:${s.port}`;
  const child = spawn(process.execPath, nextStartArgs(s.port), { cwd: s.dir, env: { ...process.env, NODE_ENV: 'production', DATA_DIR: s.data, SITE_URL: base, NEXT_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr!.on('data', (d) => fs.appendFileSync(`${JSON_DIR}/server-${s.name}.log`, d));
  for (let i = 0; i < 600; i++) {
    try {
      // Home answers once the server is up (the sides may be commits whose section addresses differ).
      if ((await fetch(`${base}/`)).status === 200) break;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { base, child };
}

function launcherFlags(): string[] {
  return chromeLauncher.Launcher.defaultFlags().map((flag) => (flag.startsWith('--disable-features=') ? flag.replace(/,?\bRenderDocument\b/, '').replace('=,', '=') : flag));
}

const servers = await Promise.all(sides.map(startServer));
for (const [i, s] of servers.entries()) for (const p of PAGES) console.log(sides[i]!.name, p, (await fetch(s.base + p)).status);
const browser = await chromiumExecutable();
const chrome = await chromeLauncher.launch({ chromePath: browser.path, envVars: browser.env, ignoreDefaultFlags: true, chromeFlags: [...launcherFlags(), '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const rows: string[] = [];
try {
  for (let run = 0; run < RUNS; run++) {
    for (const p of PAGES) {
      // Alternate which side goes first in each round.
      const order = run % 2 === 0 ? [0, 1] : [1, 0];
      for (const i of order) {
        const load = os.loadavg()[0]!.toFixed(1);
        const r = await lighthouse(servers[i]!.base + p, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] });
        const lhr = r!.lhr;
        const a = lhr.audits;
        const cat = (c: string) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
        const lcpEl = (a['largest-contentful-paint-element']?.details as { items?: { items?: { node?: { nodeLabel?: string } }[] }[] } | undefined)?.items?.[0]?.items?.[0]?.node?.nodeLabel ?? '';
        const errors = ((a['errors-in-console']?.details as { items?: { description?: string; sourceLocation?: { url?: string } }[] })?.items ?? []).map((e) => `${e.description} ${e.sourceLocation?.url ?? ''}`);
        const row = [sides[i]!.name, p, run + 1, load, Math.round(a['largest-contentful-paint']!.numericValue!), Math.round(a['first-contentful-paint']!.numericValue!), Math.round(a['total-blocking-time']!.numericValue!), a['cumulative-layout-shift']!.numericValue!.toFixed(3), cat('performance'), cat('accessibility'), cat('best-practices'), cat('seo'), JSON.stringify(lcpEl.slice(0, 50)), errors.join(' | ')].join('\t');
        console.log(row);
        rows.push(row);
        fs.writeFileSync(`${JSON_DIR}/${sides[i]!.name}-${p === '/' ? 'home' : p.replaceAll('/', '_')}-${run + 1}.json`, JSON.stringify(lhr));
      }
    }
  }
} finally {
  await chrome.kill();
  for (const s of servers) s.child.kill('SIGTERM');
  fs.writeFileSync(`${JSON_DIR}/runs.tsv`, rows.join('\n') + '\n');
}
process.exit(0);
