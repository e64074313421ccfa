import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { SEED_EN, SEED_SQ } from '../helpers/content';
import { SHARED_MEDIA_HASH as MEDIA_HASH, type SharedServer, sharedServer } from '../helpers/shared-server';

/**
 * A response a CDN may cache never sets a cookie: a shared cache would store
 * the cookie with the page and hand it to every later reader. Every public
 * response type is asked for with the cookies and browser languages that
 * change what the site does, twice (rendered, then from the cache), and any
 * Set-Cookie must come with Cache-Control private or no-store.
 */

let server: SharedServer;
let browser: Browser;

// Only reads: the shared server, whose data (tests/helpers/shared-server.ts)
// has the seed, two pages of news in both languages, an address that moved
// (/news/old-address-of-the-training) and a media file (MEDIA_HASH).
beforeAll(async () => {
  [server, browser] = await Promise.all([sharedServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Whether a shared cache (a CDN) may store the response: anything not marked private or no-store (without Cache-Control a cache may still store it by heuristics). */
function sharedCacheMayStore(cacheControl: string | null): boolean {
  const directives = (cacheControl ?? '').toLowerCase().split(',').map((d) => d.trim().split('=')[0]);
  return !directives.includes('private') && !directives.includes('no-store');
}

// Every public response type: home in both languages, news lists and a later
// page, articles, pages of the catch-all route, search (simple and routed by
// the proxy), feeds, sitemap, robots.txt, 404s, a moved address (308), the
// proxy's redirects, a media file, a malformed address, and the language switch.
const PATHS = [
  '/',
  '/sq',
  '/news',
  '/sq/lajme',
  '/news?page=2',
  '/sq/lajme?page=2',
  '/news?page=1',
  SEED_EN,
  SEED_SQ,
  '/who-we-are',
  '/sq/kush-jemi',
  '/search',
  '/search?q=border',
  '/sq/kerko?q=kufiri',
  '/search?q=%22border%22%20%20story',
  '/news/feed.xml',
  '/sq/lajme/feed.xml',
  '/sitemap.xml',
  '/robots.txt',
  '/no-such-page',
  '/sq/nuk-ekziston',
  '/news/no-such-article',
  '/news/old-address-of-the-training',
  '/en/who-we-are',
  '/sq/news',
  `/media/${MEDIA_HASH}-320.webp`,
  '/who-we-are/%E0%A4%A',
  '/api/locale?to=sq&next=%2Fsq%2Flajme',
  '/api/locale?to=en&next=%2F',
];

// The request headers the proxy decides by: browser languages, the locale
// cookie (each value), and a click from one of the site's own pages.
const VARIANTS: Record<string, string>[] = [
  {},
  { 'accept-language': 'sq-AL,sq;q=0.9,en;q=0.5' },
  { 'accept-language': 'de-DE,de;q=0.9' },
  { 'accept-language': 'en;q=0.5,sq;q=0.8' },
  { cookie: 'NEXT_LOCALE=en', 'accept-language': 'sq' },
  { cookie: 'NEXT_LOCALE=sq', 'accept-language': 'en' },
  { cookie: 'NEXT_LOCALE=xx', 'accept-language': 'sq' },
  { cookie: 'NEXT_LOCALE=sq', 'sec-fetch-site': 'same-origin', 'sec-fetch-dest': 'document', 'accept-language': 'en' },
];

describe('responses a shared cache may store', () => {
  it('never set a cookie, on any public address, whatever the reader’s cookies and languages', async () => {
    const offenders: string[] = [];
    const seen = { storable: 0, cookies: 0 };
    for (let round = 0; round < 2; round++) {
      for (const headers of VARIANTS) {
        for (const address of PATHS) {
          const res = await fetch(server.url + address, { redirect: 'manual', headers });
          await res.arrayBuffer();
          expect(res.status, address).toBeLessThan(500);
          const cacheControl = res.headers.get('cache-control');
          const cookies = res.headers.getSetCookie();
          if (sharedCacheMayStore(cacheControl)) seen.storable++;
          if (cookies.length > 0) seen.cookies++;
          if (cookies.length > 0 && sharedCacheMayStore(cacheControl)) {
            offenders.push(`${address} ${JSON.stringify(headers)} → ${res.status}, Cache-Control: ${cacheControl}, Set-Cookie: ${cookies.join(' | ')}`);
          }
        }
      }
    }
    expect(offenders).toEqual([]);
    // The scan saw both kinds: pages a CDN may keep, and the cookie (set by the language switch).
    expect(seen.storable).toBeGreaterThan(PATHS.length);
    expect(seen.cookies).toBeGreaterThan(0);
  });
});

describe('the language switch', () => {
  it('remembers the choice on its own redirect, which no cache may store', async () => {
    const res = await fetch(`${server.url}/api/locale?to=sq&next=${encodeURIComponent('/sq/lajme?page=2')}`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/sq/lajme?page=2');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const [cookie, ...more] = res.headers.getSetCookie();
    expect(more).toEqual([]);
    expect(cookie).toMatch(/^NEXT_LOCALE=sq; Path=\/; Expires=[^;]+; Max-Age=31536000; HttpOnly; SameSite=lax$/);
  });

  it('leads only to this site’s public pages in that language, else to its home', async () => {
    for (const next of ['//evil.example', 'https://evil.example/', '/\\evil.example', '/\t/evil.example', '/admin/users', '/news', '/api/locale?to=en']) {
      const res = await fetch(`${server.url}/api/locale?to=sq&next=${encodeURIComponent(next)}`, { redirect: 'manual' });
      expect(res.status, next).toBe(303);
      expect(res.headers.get('location'), next).toBe('/sq');
    }
  });

  it('answers a language the site does not have with 400, in both languages, and sets nothing', async () => {
    const res = await fetch(`${server.url}/api/locale?to=de&next=%2F`, { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(await res.text()).toBe('Unknown language. This website is in English and Albanian.\nGjuhë e panjohur. Kjo faqe interneti është në anglisht dhe në shqip.\n');
  });

  it('works without JavaScript: the choice leads a later first visit to / to that language, reading alone does not', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
    const page = await context.newPage();
    // An English browser reads an Albanian page: nothing remembered.
    await page.goto(`${server.url}/sq/lajme`);
    expect(await context.cookies()).toEqual([]);
    await page.goto(`${server.url}/`);
    expect(page.url()).toBe(`${server.url}/`);

    // It chooses Albanian on an English article: the Albanian article, and the choice is kept.
    await page.goto(server.url + SEED_EN);
    await page.getByTestId('language-switch').click();
    await page.waitForURL(server.url + SEED_SQ);
    expect((await context.cookies()).map((c) => `${c.name}=${c.value}`)).toEqual(['NEXT_LOCALE=sq']);
    const later = await context.newPage();
    await later.goto(`${server.url}/`);
    expect(later.url()).toBe(`${server.url}/sq`);

    // And back to English from there: the English home, and it stays.
    await later.getByTestId('language-switch').click();
    await later.waitForURL(`${server.url}/`);
    expect((await context.cookies()).map((c) => `${c.name}=${c.value}`)).toEqual(['NEXT_LOCALE=en']);
    await later.goto(`${server.url}/`);
    expect(later.url()).toBe(`${server.url}/`);
    await context.close();
  });
});
