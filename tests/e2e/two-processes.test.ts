import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
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
 * publish would serve the old one until its copy expires.
 */

const EDITOR = { name: 'Erion Editor', email: 'erion@iom.int', password: 'Ura e Tabakëve në Tiranë', role: 'editor' as const };
const TITLE = 'Mobile teams reach families in Kukës';

let redis: RunningRedis;
let first: RunningServer;
let second: RunningServer;
let browser: Browser;
let editor: Page;
let id = 0;

describeWith(['redis-server'], 'two processes, one cache in Redis', () => {
  beforeAll(async () => {
    [redis, browser] = await Promise.all([startRedis(), launchBrowser()]);
    first = await startServer({ env: { REDIS_URL: redis.url } });
    await addStaff(first.dataDir, [EDITOR]);
    id = withDatabase(first.dataDir, (db) => addNews(db, { en: { title: TITLE, status: 'draft' }, publishedAt: new Date(Date.now() - 60_000) }));
    second = await startServer({ dataDir: first.dataDir, env: { REDIS_URL: redis.url } });
    editor = await signIn(await browser.newContext(), first.url, EDITOR);
  });

  afterAll(async () => {
    await browser?.close();
    // The second shares the first's data folder, which the first's stop removes.
    await second?.crash();
    await first?.stop();
    await redis?.stop();
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

  it('serves a page rendered by one process from the cache in the other', async () => {
    // A search result is rendered on its first request (never at build time).
    const path = '/search?q=judges';
    await fetch(first.url + path).then((r) => r.arrayBuffer());
    const res = await fetch(second.url + path);
    expect(res.headers.get('x-nextjs-cache')).toBe('HIT');
  });
});
