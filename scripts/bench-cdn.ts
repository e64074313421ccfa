// npm run bench -- --via-cdn: the same pages through Varnish (the
// repository's VCL, deploy/varnish/) and from the origin, in the same run;
// the time from a publish's response to the new page through Varnish; and
// two processes sharing Redis against one. Loopback only, bounded in time.
import os from 'node:os';
import autocannon from 'autocannon';
import type { Page } from 'playwright-core';
import { insertUserRow } from '@/db/auth/users-core';
import { openDatabase } from '@/db/client';
import { localizedPath } from '@/i18n/paths';
import { articleHref, newsHref, searchHref } from '@/lib/hrefs';
import { launchBrowser } from '../tests/helpers/browser';
import { signIn } from '../tests/helpers/staff';
import { freeLoopbackPort, startRedis, startVarnish } from './cdn-servers';
import { startSampleServer, startToolServer } from './server-for-tools';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 2000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 20;
const PUBLISHES = Number(process.env.BENCH_PUBLISHES ?? 10);
const STAFF = { name: 'Bench Admin', email: 'bench.admin@iom.int', password: 'Kalaja e Rozafës mbi Bunë 1907', role: 'admin' as const };

type Figure = { rps: number; p50: number; p99: number; errors: number };

async function load(url: string | string[], connections = CONNECTIONS): Promise<Figure> {
  const urls = Array.isArray(url) ? url : [url];
  // Several URLs (one per process): the connections split between them, run at once.
  const results = await Promise.all(urls.map((u) => autocannon({ url: u, connections: Math.round(connections / urls.length), duration: DURATION })));
  return {
    rps: results.reduce((n, r) => n + r.requests.average, 0),
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    errors: results.reduce((n, r) => n + r.errors + r.non2xx, 0),
  };
}

/** An English sample article (as the main bench takes it). */
function sampleSlug(dataDir: string): string {
  const db = openDatabase(dataDir);
  try {
    return (db.$client.prepare("SELECT slug FROM news_translations WHERE locale = 'en' AND slug LIKE 'sample-%' ORDER BY id LIMIT 1 OFFSET 500").get() as { slug: string }).slug;
  } finally {
    db.$client.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

/** Clicks a form button (the page hydrated: signIn's goto waits for it) and waits for the server action's answer. */
async function post(page: Page, click: () => Promise<void>): Promise<void> {
  await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/admin/news'), { timeout: 60_000 }), click()]);
}

/** Publishes new articles in the editor at the origin; for each, ms from the publish's response until /news through Varnish shows it. */
async function publishToVisible(origin: string, cdn: string, dataDir: string): Promise<number[]> {
  const db = openDatabase(dataDir);
  try {
    await insertUserRow(db, STAFF, { id: null });
  } finally {
    db.$client.close();
  }
  const browser = await launchBrowser();
  const times: number[] = [];
  try {
    const page = await signIn(await browser.newContext({ locale: 'en-GB' }), origin, STAFF);
    const list = localizedPath(newsHref(), 'en');
    for (let i = 0; i < PUBLISHES; i++) {
      const title = `Through the CDN ${i} ${Date.now()}`;
      await page.goto(`${origin}/admin/news/new`);
      const en = page.locator('#panel-en');
      await en.getByLabel('Title', { exact: true }).fill(title);
      await en.getByLabel('Summary', { exact: true }).fill('A summary.');
      await en.getByRole('textbox', { name: 'Text', exact: true }).click();
      await page.keyboard.type('Some text. ');
      await post(page, () => en.getByRole('button', { name: 'Save draft', exact: true }).click());
      await page.waitForURL(/\/admin\/news\/\d+/, { timeout: 60_000 });
      await page.goto(page.url());
      // The list through Varnish, cached before the publish.
      for (let k = 0; k < 2; k++) await (await fetch(cdn + list)).arrayBuffer();
      await post(page, () => page.locator('#panel-en').getByRole('button', { name: 'Publish now', exact: true }).click());
      const start = performance.now();
      for (;;) {
        if ((await (await fetch(cdn + list)).text()).includes(title)) break;
        if (performance.now() - start > 30_000) throw new Error('the publish did not show through Varnish within 30 s');
      }
      times.push(performance.now() - start);
    }
  } finally {
    await browser.close();
  }
  return times;
}

export async function benchViaCdn(): Promise<void> {
  const cdnPort = await freeLoopbackPort();
  const origin = await startSampleServer(ARTICLES, { env: { CDN_VARNISH_URLS: `http://127.0.0.1:${cdnPort}` } });
  const varnish = await startVarnish(Number(new URL(origin.base).port), cdnPort);
  try {
    const targets = [
      ['home', '/'],
      ['news page 1', localizedPath(newsHref(), 'en')],
      ['news page 100', localizedPath(newsHref(100), 'en')],
      ['article', localizedPath(articleHref(sampleSlug(origin.dataDir)), 'en')],
      ['search', localizedPath(searchHref('migration border'), 'en')],
    ] as const;
    const rows: { name: string; origin: Figure; cdn: Figure }[] = [];
    for (const [name, p] of targets) {
      for (const base of [origin.base, varnish.url]) for (let k = 0; k < 3; k++) await (await fetch(base + p)).arrayBuffer();
      await load(origin.base + p); // warm-up
      rows.push({ name, origin: await load(origin.base + p), cdn: await load(varnish.url + p) });
    }
    console.log(`\nIOM Albania bench via CDN — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`);
    console.log(`Varnish (deploy/varnish/default.vcl) in front of one next start; ${CONNECTIONS} connections, ${DURATION} s a URL each way\n`);
    console.log('| page | origin req/s | origin p99 ms | Varnish req/s | Varnish p50 ms | Varnish p99 ms | × origin | errors |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of rows) {
      console.log(`| ${r.name} | ${r.origin.rps.toFixed(0)} | ${r.origin.p99} | ${r.cdn.rps.toFixed(0)} | ${r.cdn.p50} | ${r.cdn.p99} | ${(r.cdn.rps / r.origin.rps).toFixed(1)} | ${r.origin.errors + r.cdn.errors} |`);
    }
    const times = await publishToVisible(origin.base, varnish.url, origin.dataDir);
    console.log(`\nPublish → new page through Varnish (${times.length} publishes): median ${median(times).toFixed(0)} ms, worst ${Math.max(...times).toFixed(0)} ms (target ≤ 1,000 ms)`);
  } finally {
    await varnish.stop();
    origin.stop();
  }

  // Two processes on one data folder sharing Redis, against one.
  const redis = await startRedis();
  const first = await startSampleServer(ARTICLES, { env: { REDIS_URL: redis.url } });
  const second = await startToolServer(first.dataDir, { REDIS_URL: redis.url });
  try {
    const pages = [['news page 1', localizedPath(newsHref(), 'en')], ['article', localizedPath(articleHref(sampleSlug(first.dataDir)), 'en')]] as const;
    console.log('\n| page (Redis cache) | one process req/s | one p99 ms | two processes req/s | two p99 ms |');
    console.log('|---|---:|---:|---:|---:|');
    for (const [name, p] of pages) {
      for (let k = 0; k < 3; k++) await (await fetch(first.base + p)).arrayBuffer();
      await load(first.base + p);
      const one = await load(first.base + p);
      const two = await load([first.base + p, second.base + p]);
      console.log(`| ${name} | ${one.rps.toFixed(0)} | ${one.p99} | ${two.rps.toFixed(0)} | ${two.p99} |`);
    }
  } finally {
    second.stop();
    first.stop();
    await redis.stop();
  }
}

