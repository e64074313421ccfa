import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, clickAndAwaitPost } from '../helpers/browser';
import { addNews } from '../helpers/content';
import { withDatabase } from '../helpers/db';
import { type RunningServer, startServer } from '../helpers/server';
import { addStaff, signIn } from '../helpers/staff';

/**
 * (The sitemap is rendered on every request at the origin; a CDN keeps it.)
 *
 * Every cached response a change touches is refreshed by that change (issue
 * 16, point 10): each address below is cached (a HIT) before the change, and
 * must show the change on the very next request — well inside the 60 s that
 * the lists and feeds would otherwise keep their copy.
 */

const EDITOR = { name: 'Erion Editor', email: 'erion@iom.int', password: 'Ura e Tabakëve në Tiranë', role: 'editor' as const };
const TITLE = 'Mobile teams reach families in Kukës';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let id = 0;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await addStaff(server.dataDir, [EDITOR]);
  id = withDatabase(server.dataDir, (db) =>
    addNews(db, { en: { title: TITLE, status: 'draft' }, publishedAt: new Date(Date.now() - 60_000) }),
  );
  context = await browser.newContext();
  page = await signIn(context, server.url, EDITOR);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Fetches `path` until Next serves it from its cache, and returns that cached answer. */
async function cached(path: string): Promise<Response> {
  await fetch(server.url + path, { redirect: 'manual' }).then((r) => r.arrayBuffer());
  const res = await fetch(server.url + path, { redirect: 'manual' });
  expect(res.headers.get('x-nextjs-cache'), path).toBe('HIT');
  return res;
}

async function text(path: string): Promise<string> {
  return (await fetch(server.url + path)).text();
}

async function press(button: string): Promise<void> {
  const target = page.locator('#panel-en').getByRole('button', { name: button, exact: true });
  await clickAndAwaitPost(page, target, '/admin/news');
  await expect.poll(() => page.locator('#panel-en').getByTestId('form-message').textContent(), { timeout: 15_000 }).not.toBe('');
}

async function moveTo(slug: string): Promise<void> {
  await page.goto(`${server.url}/admin/news/${id}`);
  await page.locator('#panel-en').getByLabel('Address (slug)').fill(slug);
  await press('Save and update the site');
  expect(await page.locator('#panel-en').getByTestId('form-message').textContent()).toContain('Saved');
}

describe('a change refreshes every cached response it touches', () => {
  it('publishing adds the article to both feeds and the sitemap at once', async () => {
    for (const path of ['/news/feed.xml', '/sq/lajme/feed.xml']) {
      expect(await (await cached(path)).text()).not.toContain('mobile-teams-reach-families');
    }
    await page.goto(`${server.url}/admin/news/${id}`);
    await press('Publish now');
    expect(await text('/news/feed.xml')).toContain(TITLE);
    expect(await text('/sitemap.xml')).toContain('/news/mobile-teams-reach-families-in-kukes');
  });

  it('moving a published article twice sends its first address straight to the last one', async () => {
    const first = '/news/mobile-teams-reach-families-in-kukes';
    await moveTo('mobile-teams-in-kukes');
    // Readers and crawlers follow the first move: the redirect is cached.
    const redirect = await cached(first);
    expect(redirect.status).toBe(308);
    expect(redirect.headers.get('location')).toMatch(/\/news\/mobile-teams-in-kukes$/);
    expect((await cached('/news/mobile-teams-in-kukes')).status).toBe(200);

    await moveTo('kukes-mobile-teams');
    for (const old of [first, '/news/mobile-teams-in-kukes']) {
      const res = await fetch(server.url + old, { redirect: 'manual' });
      expect(res.status, old).toBe(308);
      expect(res.headers.get('location'), old).toMatch(/\/news\/kukes-mobile-teams$/);
    }
    expect(await text('/news/feed.xml')).toContain('/news/kukes-mobile-teams');
  });

  it('unpublishing takes the article out of the feed and the sitemap at once', async () => {
    expect(await (await cached('/news/feed.xml')).text()).toContain('kukes-mobile-teams');
    await page.goto(`${server.url}/admin/news/${id}`);
    await press('Unpublish');
    expect(await text('/news/feed.xml')).not.toContain(TITLE);
    expect(await text('/sitemap.xml')).not.toContain('kukes-mobile-teams');
    expect((await fetch(`${server.url}/news/kukes-mobile-teams`)).status).toBe(404);
    // Its old addresses still lead to the last one, as stored (and work again if it is published again).
    const old = await fetch(`${server.url}/news/mobile-teams-reach-families-in-kukes`, { redirect: 'manual' });
    expect(old.headers.get('location')).toMatch(/\/news\/kukes-mobile-teams$/);
  });
});
