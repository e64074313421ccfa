import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, isNull } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { saveNewsTranslation } from '@/db/content/news-writes';
import { cdnPurges, users } from '@/db/schema';
import { clickAndAwaitPost, launchBrowser } from '../helpers/browser';
import { describeWith, type RunningVarnish, startVarnish } from '../helpers/cdn';
import { addNews, SEED_EN, SEED_SQ } from '../helpers/content';
import { withDatabase } from '../helpers/db';
import { freePort, type RunningServer, startServer } from '../helpers/server';
import { addStaff, signIn } from '../helpers/staff';

/**
 * Issue 20, point 3: the repository's VCL (deploy/varnish/) with a real
 * varnishd in front of `next start`, which sends its purges to it
 * (CDN_VARNISH_URLS). The editor works at the origin; readers come
 * through Varnish. Its X-Cache header says whether Varnish answered from
 * its cache (HIT), fetched (MISS) or passed the request through (PASS).
 */

const EDITOR = { name: 'Erion Editor', email: 'erion@iom.int', password: 'Ura e Tabakëve në Tiranë', role: 'editor' as const };
const ADMIN = { name: 'Arta Admin', email: 'arta@iom.int', password: 'Kalaja e Gjirokastrës', role: 'admin' as const };
const TITLE = 'Mobile teams reach families in Kukës';
const ARTICLE = '/news/mobile-teams-reach-families-in-kukes';

let origin: RunningServer;
let varnish: RunningVarnish;
let browser: Browser;
let editorContext: BrowserContext;
let editor: Page;
let id = 0;

describeWith(['varnishd'], 'Varnish in front of the site', () => {
  beforeAll(async () => {
    const port = await freePort();
    [origin, browser] = await Promise.all([startServer({ env: { CDN_VARNISH_URLS: `http://127.0.0.1:${port}` } }), launchBrowser()]);
    varnish = await startVarnish(origin.port, port);
    await addStaff(origin.dataDir, [EDITOR, ADMIN]);
    id = withDatabase(origin.dataDir, (db) => addNews(db, { en: { title: TITLE, status: 'draft' }, publishedAt: new Date(Date.now() - 60_000) }));
    editorContext = await browser.newContext();
    editor = await signIn(editorContext, origin.url, EDITOR);
  });

  afterAll(async () => {
    await browser?.close();
    await varnish?.stop();
    await origin?.stop();
  });

  const viaCdn = (path: string, headers: Record<string, string> = {}) => fetch(varnish.url + path, { redirect: 'manual', headers });

  /** Fetches `path` through Varnish until it answers from its cache, and returns that answer. */
  async function cachedViaCdn(path: string): Promise<Response> {
    await viaCdn(path).then((r) => r.arrayBuffer());
    const res = await viaCdn(path);
    expect(res.headers.get('x-cache'), path).toBe('HIT');
    expect(res.headers.get('set-cookie'), path).toBeNull();
    return res;
  }

  /** Waits until the origin has sent Varnish every purge it queued (the outbox in its database). */
  async function purgesDelivered(): Promise<void> {
    const waiting = () => withDatabase(origin.dataDir, (db) => db.select().from(cdnPurges).where(isNull(cdnPurges.sentAt)).all().length);
    await expect.poll(waiting, { timeout: 15_000, interval: 50 }).toBe(0);
  }

  async function press(button: string): Promise<void> {
    await editor.goto(`${origin.url}/admin/news/${id}`);
    await clickAndAwaitPost(editor, editor.locator('#panel-en').getByRole('button', { name: button, exact: true }), '/admin/news');
    await expect.poll(() => editor.locator('#panel-en').getByTestId('form-message').textContent(), { timeout: 15_000 }).not.toBe('');
  }

  it('caches public pages, tagged with what they show', async () => {
    const res = await cachedViaCdn('/news');
    expect(res.headers.get('surrogate-key')).toBe('site lang-en news-list addr/news');
    expect(res.headers.get('cache-control')).toMatch(/s-maxage=\d+/);
  });

  it('shows an article published in the editor on the next request', async () => {
    for (const path of ['/news', '/']) expect(await (await cachedViaCdn(path)).text(), path).not.toContain(TITLE);
    await press('Publish now');
    await purgesDelivered();
    for (const path of ['/news', '/', ARTICLE]) {
      const res = await viaCdn(path);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toContain(TITLE);
    }
  });

  it('drops an unpublished article on the next request', async () => {
    for (const path of ['/news', ARTICLE]) expect(await (await cachedViaCdn(path)).text(), path).toContain(TITLE);
    await press('Unpublish');
    await purgesDelivered();
    expect((await viaCdn(ARTICLE)).status).toBe(404);
    expect(await (await viaCdn('/news')).text()).not.toContain(TITLE);
  });

  it('never answers the editor area from its cache, and keeps each reader’s session to them', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await viaCdn('/admin/sign-in');
      expect(res.headers.get('x-cache')).toBe('PASS');
      expect(res.headers.get('cache-control')).toBe('no-store');
      // The API and uploaded files pass through too.
      for (const path of ['/api/health', '/media/missing.jpg']) expect((await viaCdn(path)).headers.get('x-cache'), path).toBe('PASS');
    }
    // The editor's session cookie (the browser sends it to any port of 127.0.0.1) reaches the editor area through Varnish…
    const tab = await editorContext.newPage();
    await tab.goto(`${varnish.url}/admin`);
    expect(await tab.getByTestId('signed-in-as').textContent()).toBe(EDITOR.name);
    await tab.goto(`${varnish.url}/sq`);
    await tab.close();
    // …and nobody else gets their page.
    const anonymous = await viaCdn('/admin');
    expect(anonymous.status).toBeGreaterThanOrEqual(300);
    expect(anonymous.status).toBeLessThan(400);
    expect(await anonymous.text()).not.toContain(EDITOR.name);
  });

  it('never carries one reader’s cookie, or the answer it chose, to another', async () => {
    // A reader whose language cookie says Albanian is sent to /sq by the origin, uncached…
    const chosen = await viaCdn('/', { cookie: 'NEXT_LOCALE=sq; other=private-value' });
    expect(chosen.headers.get('x-cache')).toBe('PASS');
    expect(chosen.headers.get('location')).toMatch(/\/sq$/);
    // …and a reader without one gets the English home page.
    const home = await cachedViaCdn('/');
    expect(home.status).toBe(200);
    // A public page asked with a session cookie is the anonymous page, with no cookie set.
    const withSession = await viaCdn('/sq/lajme', { cookie: 'authjs.session-token=someone-elses; other=private-value' });
    expect(withSession.headers.get('set-cookie')).toBeNull();
    expect(await withSession.text()).not.toContain('private-value');
  });

  it('lets administrators, and only them, see the purges', async () => {
    const admin = await signIn(await browser.newContext(), origin.url, ADMIN);
    await admin.goto(`${origin.url}/admin/purges`);
    expect(await admin.getByTestId('cdns').textContent()).toBe('Configured: varnish');
    const sent = await admin.getByTestId('purges-sent').textContent();
    expect(sent).toContain(`addr${ARTICLE}`);
    const refused = await editor.goto(`${origin.url}/admin/purges`);
    expect(refused?.status()).toBe(403);
  });

  it('shows an item scheduled for later through Varnish at its time', async () => {
    const title = 'Border officials trained in Durrës';
    const article = '/news/border-officials-trained-in-durres';
    // Cached by Varnish and by Next (whose own copy would last 60 s, the article's 404 10 s).
    for (const path of ['/news', '/']) expect(await (await cachedViaCdn(path)).text(), path).not.toContain(title);
    await viaCdn(article).then((r) => r.arrayBuffer());
    expect((await viaCdn(article)).headers.get('x-cache')).toBe('HIT');
    // Scheduled a few seconds ahead through the same write as the editor's
    // (the editor's form takes whole minutes); the purge it queues is due then.
    const at = new Date(Date.now() + 6_000);
    vi.stubEnv('CDN_VARNISH_URLS', varnish.url);
    try {
      withDatabase(origin.dataDir, (db) => {
        const userId = db.select({ id: users.id }).from(users).where(eq(users.email, EDITOR.email)).get()!.id;
        const fields = { title, slug: article.split('/').pop()!, summary: 'Officials met.', body: '<p>Officials met.</p>', dateline: null, seoTitle: null, seoDescription: null };
        const saved = saveNewsTranslation(db, { userId, ip: null }, { itemId: null, locale: 'en', baseVersion: null, fields, publication: { action: 'schedule', at } });
        expect(saved).toMatchObject({ ok: true, status: 'scheduled' });
      });
    } finally {
      vi.unstubAllEnvs();
    }
    // Varnish keeps the pages as they were until the item's time…
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, at.getTime() - 1_000 - Date.now())));
    expect(await (await viaCdn('/news')).text()).not.toContain(title);
    // …and shows it on every page it belongs to at most a moment after.
    const deadline = at.getTime() + 2_000;
    for (const path of ['/news', '/', article]) {
      const visible = async () => {
        const res = await viaCdn(path);
        return res.status === 200 && (await res.text()).includes(title);
      };
      await expect.poll(visible, { timeout: Math.max(100, deadline - Date.now()), interval: 50 }).toBe(true);
    }
    console.log(`scheduled item through Varnish: visible ${Date.now() - at.getTime()} ms after its time`);
  });

  it('keeps answering every cached public page with the origin stopped', async () => {
    const paths = ['/', '/sq', '/news', '/sq/lajme', SEED_EN, SEED_SQ, '/news/feed.xml', '/sq/lajme/feed.xml', '/search', '/sitemap.xml'];
    for (const path of paths) expect((await cachedViaCdn(path)).status, path).toBe(200);
    await origin.crash();
    for (const path of paths) {
      const res = await viaCdn(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('x-cache'), path).toBe('HIT');
    }
  });
});

/**
 * stale-while-revalidate and stale-if-error, each in its place: the VCL
 * against an origin whose answers the test sets (Next's pages say
 * `stale-while-revalidate` of a day and no `stale-if-error`), with short
 * times so that each window can be passed.
 */
describeWith(['varnishd'], 'Varnish’s stale copies', () => {
  const CACHE_CONTROL = 'public, s-maxage=1, stale-while-revalidate=3, stale-if-error=3600';
  /** up: answers; failing: 500 for the page, its health still 200; the server closed: down. */
  let mode: 'up' | 'failing' = 'up';
  let version = 0;
  let lastFetch = 0;
  let stub: http.Server;
  let cdn: RunningVarnish;

  beforeAll(async () => {
    stub = http.createServer((req, res) => {
      if (req.url === '/api/health') return void res.writeHead(200).end('ok');
      if (mode === 'failing') return void res.writeHead(500, { 'cache-control': 'no-store' }).end('origin error');
      if (req.url !== '/page') return void res.writeHead(404, { 'cache-control': 'no-store' }).end();
      version++;
      lastFetch = Date.now();
      res.writeHead(200, { 'content-type': 'text/plain', 'cache-control': CACHE_CONTROL }).end(`version ${version}`);
    });
    await new Promise<void>((resolve) => stub.listen(0, '127.0.0.1', resolve));
    cdn = await startVarnish((stub.address() as AddressInfo).port);
  });

  afterAll(async () => {
    await cdn?.stop();
    stub?.closeAllConnections();
    await new Promise((resolve) => stub?.close(resolve));
  });

  const get = async (path: string) => {
    const res = await fetch(cdn.url + path);
    return { status: res.status, body: await res.text(), cache: res.headers.get('x-cache') };
  };
  /** Waits until `ms` after the origin's last answer (an object's age in Varnish counts from it). */
  const untilAged = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, lastFetch + ms - Date.now())));

  it('answers a stale copy within stale-while-revalidate, and fetches anew past it while the origin is up', async () => {
    expect(await get('/page')).toMatchObject({ status: 200, body: 'version 1', cache: 'MISS' });
    // Past s-maxage (1 s), within stale-while-revalidate (3 s more): the stale copy, refreshed behind it.
    await untilAged(1_500);
    expect(await get('/page')).toMatchObject({ status: 200, body: 'version 1', cache: 'HIT' });
    await expect.poll(() => version, { timeout: 5_000, interval: 20 }).toBe(2);
    // Past both, with the origin up: never the stale copy (stale-if-error is for failures).
    await untilAged(4_500);
    expect(await get('/page')).toMatchObject({ status: 200, body: 'version 3', cache: 'MISS' });
  });

  it('answers the stale copy past stale-while-revalidate when the origin fails, and when it is down', async () => {
    mode = 'failing';
    await untilAged(4_500);
    expect(await get('/page')).toMatchObject({ status: 200, body: 'version 3', cache: 'HIT' });
    // A page it never had: the origin's error.
    expect((await get('/other')).status).toBe(500);
    mode = 'up';
    stub.closeAllConnections();
    await new Promise((resolve) => stub.close(resolve));
    expect(await get('/page')).toMatchObject({ status: 200, body: 'version 3', cache: 'HIT' });
  });
});
