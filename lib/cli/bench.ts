// npm run bench — loads the production build with realistic data and prints
// throughput, latency, errors, server memory and first-load JavaScript.
// Traffic goes to 127.0.0.1 only, bounded in time (10 s a URL).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { migrateDatabase, openDatabase } from '@/db/client';
import { generateSample } from '@/db/sample';
import { seedDatabase } from '@/db/seed';
import { ensureBuild } from './build.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 2000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 20;

async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

function rssKb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

async function firstLoadJsKb(base: string, pagePath: string): Promise<number> {
  const html = await (await fetch(base + pagePath)).text();
  const scripts = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!))];
  let total = 0;
  for (const src of scripts) total += gzipSync(Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer())).length;
  return total / 1024;
}

async function main() {
  ensureBuild();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iom-bench-'));
  const db = openDatabase(dataDir);
  migrateDatabase(db);
  seedDatabase(db);
  generateSample(db, ARTICLES);
  db.$client.close();
  const ro = new Database(path.join(dataDir, 'iom-albania.sqlite'), { readonly: true });
  const slug = (ro.prepare("SELECT slug FROM news_translations WHERE locale = 'en' AND slug LIKE 'sample-%' ORDER BY id LIMIT 1 OFFSET 500").get() as { slug: string }).slug;
  ro.close();

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'start', '--port', String(port)], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', DATA_DIR: dataDir, SITE_URL: base, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore',
  });
  let peakKb = 0;
  const sampler = setInterval(() => (peakKb = Math.max(peakKb, rssKb(server.pid!))), 100);
  try {
    for (let i = 0; i < 300; i++) {
      try {
        if ((await fetch(`${base}/news`)).status === 200) break;
      } catch {
        // starting
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    const targets = [
      ['static file', '/og-default.png'],
      ['home', '/'],
      ['news page 1', '/news'],
      ['news page 100', '/news?page=100'],
      ['article', `/news/${slug}`],
      ['search', '/search?q=migration%20border'],
    ] as const;
    const rows: { name: string; path: string; rps: number; p50: number; p99: number; errors: number }[] = [];
    for (const [name, p] of targets) {
      for (let i = 0; i < 5; i++) await (await fetch(base + p)).arrayBuffer(); // rendered once, then cached
      const result = await autocannon({ url: base + p, connections: CONNECTIONS, duration: DURATION });
      rows.push({ name, path: p, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx });
    }
    const staticRps = rows[0]!.rps;
    const js: [string, number][] = [];
    for (const p of ['/', '/sq', '/news', `/news/${slug}`, '/who-we-are', '/search?q=migration']) js.push([p, await firstLoadJsKb(base, p)]);

    console.log(`\nIOM Albania bench — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`);
    console.log(`${ARTICLES} sample articles in each language, ${CONNECTIONS} connections, ${DURATION} s a URL\n`);
    console.log('| page | requests/s | p50 ms | p99 ms | errors | vs static |');
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const r of rows) {
      console.log(`| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${(r.rps / staticRps).toFixed(2)} |`);
    }
    console.log(`\nServer peak memory (RSS): ${(peakKb / 1024).toFixed(0)} MB`);
    console.log('\n| page | first-load JS (kB gzip) |\n|---|---:|');
    for (const [p, kb] of js) console.log(`| ${p} | ${kb.toFixed(1)} |`);
  } finally {
    clearInterval(sampler);
    server.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
