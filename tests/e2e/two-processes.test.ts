import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { saveNewsTranslation } from '@/db/content/news-writes';
import { users } from '@/db/schema';
import { clickAndAwaitPost, launchBrowser } from '../helpers/browser';
import { describeWith, type RunningRedis, startRedis } from '../helpers/cdn';
import { addNews } from '../helpers/content';
import { withDatabase } from '../helpers/db';
import { type RunningServer, startServer } from '../helpers/server';
import { addStaff, signIn } from '../helpers/staff';

/**
 * Issue 20, point 4: two server processes on one data folder share Next's
 * cache through Redis (REDIS_URL, lib/cache-handler.mjs). Without it each
 * keeps its own copy of a page, and the process that did not handle a
 * publish would serve the old one until its copy expires. Both send their
 * CDN purges to a stand-in that takes them all.
 */

const EDITOR = { name: 'Erion Editor', email: 'erion@iom.int', password: 'Ura e Tabakëve në Tiranë', role: 'editor' as const };
const TITLE = 'Mobile teams reach families in Kukës';

let redis: RunningRedis;
let first: RunningServer;
let second: RunningServer;
let browser: Browser;
let editor: Page;
let id = 0;
let cdn: http.Server;
const purged: string[] = [];

describeWith(['redis-server'], 'two processes, one cache in Redis', () => {
  beforeAll(async () => {
    cdn = http.createServer((req, res) => {
      purged.push(String(req.headers.xkey));
      res.writeHead(200).end();
    });
    await new Promise<void>((resolve) => cdn.listen(0, '127.0.0.1', resolve));
    [redis, browser] = await Promise.all([startRedis(), launchBrowser()]);
    const env = { REDIS_URL: redis.url, CDN_VARNISH_URLS: `http://127.0.0.1:${(cdn.address() as AddressInfo).port}` };
    first = await startServer({ env });
    await addStaff(first.dataDir, [EDITOR]);
    id = withDatabase(first.dataDir, (db) => addNews(db, { en: { title: TITLE, status: 'draft' }, publishedAt: new Date(Date.now() - 60_000) }));
    second = await startServer({ dataDir: first.dataDir, env });
    editor = await signIn(await browser.newContext(), first.url, EDITOR);
  });

  afterAll(async () => {
    await browser?.close();
    // The second shares the first's data folder, which the first's stop removes.
    await second?.crash();
    await first?.stop();
    await redis?.stop();
    cdn?.closeAllConnections();
    await new Promise((resolve) => cdn?.close(resolve));
  });

  /** Fetches `path` from `server` until it answers from the cache (a render may finish in the background), and returns that answer's text. */
  async function cachedText(server: RunningServer, path: string): Promise<string> {
    let text = '';
    const cache = async () => {
      const res = await fetch(server.url + path);
      text = await res.text();
      return res.headers.get('x-nextjs-cache');
    };
    await expect.poll(cache, { timeout: 15_000, interval: 100 }).toBe('HIT');
    return text;
  }

  it('shows a publish handled by one process on the other’s next request', async () => {
    for (const path of ['/news', '/']) expect(await cachedText(second, path), path).not.toContain(TITLE);
    await editor.goto(`${first.url}/admin/news/${id}`);
    await clickAndAwaitPost(editor, editor.locator('#panel-en').getByRole('button', { name: 'Publish now', exact: true }), '/admin/news');
    await expect.poll(() => editor.locator('#panel-en').getByTestId('form-message').textContent(), { timeout: 15_000 }).toContain('Published');
    for (const path of ['/news', '/']) expect(await (await fetch(second.url + path)).text(), path).toContain(TITLE);
  });

  it('shows an item scheduled for later on both at its time, whichever sent its purge', async () => {
    const title = 'Border officials trained in Durrës';
    // Both processes' copies of the list, in Redis, would last 60 s.
    for (const server of [first, second]) expect(await cachedText(server, '/news')).not.toContain(title);
    const at = new Date(Date.now() + 6_000);
    // The purge is queued for the CDN the test process is told of too.
    vi.stubEnv('CDN_VARNISH_URLS', `http://127.0.0.1:${(cdn.address() as AddressInfo).port}`);
    try {
      withDatabase(first.dataDir, (db) => {
        const userId = db.select({ id: users.id }).from(users).where(eq(users.email, EDITOR.email)).get()!.id;
        const fields = { title, slug: 'border-officials-trained-in-durres', summary: 'Officials met.', body: '<p>Officials met.</p>', dateline: null, seoTitle: null, seoDescription: null };
        const publication = { action: 'schedule' as const, at };
        expect(saveNewsTranslation(db, { userId, ip: null }, { itemId: null, locale: 'en', baseVersion: null, fields, publication })).toMatchObject({ ok: true });
      });
    } finally {
      vi.unstubAllEnvs();
    }
    const deadline = at.getTime() + 2_000;
    for (const server of [first, second]) {
      const visible = async () => (await (await fetch(server.url + '/news')).text()).includes(title);
      await expect.poll(visible, { timeout: Math.max(100, deadline - Date.now()), interval: 50 }).toBe(true);
    }
    expect(purged.some((keys) => keys.includes('addr/news/border-officials-trained-in-durres'))).toBe(true);
  });

  it('has nothing from the build that a change could make stale, so nothing to copy into Redis', () => {
    // The build prerenders only Next's own error pages and the icons
    // (revalidate: false); every public page is rendered on its first
    // request (generateStaticParams returns none), into Redis. Were a public
    // page prerendered, each process would start from the build's copy,
    // which Redis does not hold (and @fortedigital/nextjs-cache-handler
    // 3.3's registerInitialCache writes it under keys that Next 16.4 never
    // reads: docs/operations.md).
    const manifest = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../../.next/prerender-manifest.json'), 'utf8')) as {
      routes: Record<string, { initialRevalidateSeconds: number | false }>;
    };
    const changing = Object.entries(manifest.routes).filter(([route, r]) => r.initialRevalidateSeconds !== false || /^\/(en|sq)(\/|$)/.test(route));
    expect(changing.map(([route]) => route)).toEqual([]);
    expect(Object.keys(manifest.routes)).toContain('/apple-icon.png');
  });

  it('renders a route prerendered at build once for both processes', async () => {
    // Not read from the build by either: the first to be asked renders it into Redis.
    await fetch(second.url + '/apple-icon.png').then((r) => r.arrayBuffer());
    const res = await fetch(first.url + '/apple-icon.png');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-nextjs-cache')).toBe('HIT');
  });

  it('serves a page rendered by one process from the cache in the other', async () => {
    // A search result is rendered on its first request (never at build time).
    const path = '/search?q=judges';
    await fetch(first.url + path).then((r) => r.arrayBuffer());
    const res = await fetch(second.url + path);
    expect(res.headers.get('x-nextjs-cache')).toBe('HIT');
  });
});
