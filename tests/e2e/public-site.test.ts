import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBackup } from '@/db/backup';
import { DATABASE_FILE, openDatabase } from '@/db/client';
import { redirects } from '@/db/schema';
import { axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { addNews, SEED_EN, SEED_SQ } from '../helpers/content';
import { makeSeededDataDir } from '../helpers/db';
import { type RunningServer, startServer } from '../helpers/server';


let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  // The data the server starts from: real migrations, the seed, and enough
  // news for three list pages, with one-language, draft and future items.
  const { db, dataDir } = makeSeededDataDir();
  for (let i = 1; i <= 22; i++) {
    addNews(db, {
      publishedAt: new Date(Date.UTC(2020, 0, i, 9)),
      en: { title: `Sample story ${i}` },
      sq: { title: `Histori shembull ${i}` },
    });
  }
  addNews(db, { publishedAt: new Date(Date.UTC(2024, 5, 1, 9)), en: { title: 'English only briefing' } });
  addNews(db, { publishedAt: new Date(Date.UTC(2024, 4, 1, 9)), sq: { title: 'Vetëm në shqip' } });
  addNews(db, { publishedAt: new Date(Date.UTC(2024, 6, 1, 9)), en: { title: 'Draft should not show', status: 'draft' } });
  addNews(db, {
    publishedAt: new Date(Date.UTC(2099, 0, 1, 9)),
    en: { title: 'Scheduled for the future', status: 'scheduled' },
  });
  // An address that moved: the office's old English address of the seed article.
  db.insert(redirects).values({ locale: 'en', fromPath: '/news/old-address-of-the-training', toPath: SEED_EN }).run();
  db.$client.close();

  [server, browser] = await Promise.all([startServer({ dataDir }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function get(path: string, init: RequestInit = {}) {
  const res = await fetch(server.url + path, { redirect: 'manual', ...init });
  return { res, html: res.status === 200 || res.status === 404 ? await res.text() : '' };
}

function h1(html: string): string | undefined {
  return html.match(/<h1[^>]*>(.*?)<\/h1>/s)?.[1]?.replace(/<[^>]+>/g, '');
}

describe('every section in both languages, server-rendered', () => {
  const pages: [string, 'en' | 'sq', string, string][] = [
    ['/', 'en', 'UN Migration in Albania', 'Latest news'],
    ['/sq', 'sq', 'Migracioni i OKB-së në Shqipëri', 'Lajmet më të fundit'],
    ['/who-we-are', 'en', 'Who We Are', 'IOM has had a presence in Albania since 1992.'],
    ['/sq/kush-jemi', 'sq', 'Kush jemi', 'IOM është e pranishme në Shqipëri që nga viti 1992.'],
    ['/iom-albania', 'en', 'About IOM in Albania', 'This text is provisional: IOM Albania has not yet published its own text for this page.'],
    ['/sq/iom-ne-shqiperi', 'sq', 'IOM në Shqipëri', 'Ky tekst është i përkohshëm: IOM Shqipëri nuk e ka publikuar ende tekstin e vet për këtë faqe.'],
    ['/contact', 'en', 'Contact', 'How to reach the IOM office in Tirana.'],
    ['/sq/kontakt', 'sq', 'Na kontaktoni', 'Si të kontaktoni zyrën e IOM-it në Tiranë.'],
    ['/our-work', 'en', 'Our Work', 'humanitarian assistance and sustainable development'],
    ['/sq/puna-jone', 'sq', 'Puna jonë', 'ndihmën humanitare me zhvillimin e qëndrueshëm'],
    ['/cross-cutting-global', 'en', 'Cross-cutting (Global)', 'Themes that run through'],
    ['/sq/ceshtje-nderfushore-globale', 'sq', 'Çështje ndërsektoriale (globale)', 'Tema që përshkojnë'],
    ['/governance', 'en', 'Migration Governance', 'managing migration'],
    ['/labour-and-migration', 'en', 'Labour and Migration', 'labour mobility'],
    ['/counter-human-trafficking', 'en', 'Counter Human Trafficking', 'trafficking in human beings'],
    ['/sq/kunder-trafikimit-te-qenieve-njerezore', 'sq', 'Kundër trafikimit të qenieve njerëzore', 'trafikimit'],
    ['/data-and-resources', 'en', 'Data and Resources', 'Reports, publications'],
    ['/sq/te-dhena-dhe-burime', 'sq', 'Të dhëna dhe burime', 'Raporte, botime'],
    ['/take-action', 'en', 'Take Action', 'Ways to support'],
    ['/sq/angazhohu', 'sq', 'Angazhohuni', 'Mënyra për të mbështetur'],
    ['/2030-agenda', 'en', '2030 Agenda', 'Sustainable Development Goals'],
    ['/sq/agjenda-2030', 'sq', 'Agjenda 2030', 'Objektivat e Zhvillimit të Qëndrueshëm'],
    ['/news', 'en', 'News', 'English only briefing'],
    ['/sq/lajme', 'sq', 'Lajme', 'Vetëm në shqip'],
    [SEED_EN, 'en', 'IOM trains judges and prosecutors in Western Balkans countries to deal more effectively with migrant issues', '18 judges, prosecutors and interpreters'],
    [SEED_SQ, 'sq', 'IOM trajnon gjyqtarë dhe prokurorë nga vendet e Ballkanit Perëndimor që të trajtojnë më me efektivitet çështjet e migrantëve', '18 gjyqtarë, prokurorë dhe përkthyes'],
  ];

  it.each(pages)('%s answers 200 in %s with its content in the HTML', async (path, lang, title, text) => {
    const { res, html } = await get(path);
    expect(res.status).toBe(200);
    expect(html).toContain(`<html lang="${lang}"`);
    expect(h1(html)).toBe(title);
    expect(html).toContain(text);
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    // Next's built-in 404/403/401 boundaries (English only, ~1.5 kB each in
    // every page's payload) are replaced by app/not-found.tsx and its siblings.
    expect(html).not.toMatch(/could not be found|could not be accessed|not authorized to access/);
  });

  it('builds the header menu from the page tree, with IOM Global as an external link', async () => {
    const { html } = await get('/sq');
    for (const href of ['/sq/kush-jemi', '/sq/puna-jone', '/sq/te-dhena-dhe-burime', '/sq/angazhohu', '/sq/agjenda-2030', '/sq/lajme']) {
      expect(html).toContain(`href="${href}"`);
    }
    expect(html).toContain('href="https://www.iom.int"');
    expect(html).toContain('IOM është pjesë e sistemit të Kombeve të Bashkuara.');
  });

  it('marks placeholder text once, quietly, after the text', async () => {
    const placeholders: [string, string][] = [
      ['/governance', 'Support to Albanian institutions in managing migration'],
      ['/sq/qeverisja-e-migracionit', 'Mbështetje për institucionet shqiptare'],
    ];
    for (const [path, summary] of placeholders) {
      const { html } = await get(path);
      const note = html.indexOf('data-testid="placeholder-note"');
      expect(note).toBeGreaterThan(html.indexOf(summary));
      expect(note).toBeGreaterThan(html.indexOf('</h1>'));
      expect(html.match(/data-testid="placeholder-note"/g)).toHaveLength(1);
      // No notice in the text itself, nor a box above it.
      expect(html).not.toMatch(/preparing the text|po e përgatit tekstin|role="note"/);
    }
    expect((await get('/who-we-are')).html).not.toContain('data-testid="placeholder-note"');
  });

  it('shows the dateline and the date in the reader’s language', async () => {
    const en = (await get(SEED_EN)).html;
    expect(en).toContain('Durres, 9-10 April 2019');
    expect(en).toMatch(/<time[^>]*>9 April 2019<\/time>/);
    const sq = (await get(SEED_SQ)).html;
    expect(sq).toContain('Durrës, 9-10 prill 2019');
    expect(sq).toMatch(/<time[^>]*>9 prill 2019<\/time>/);
    expect(sq).not.toContain('Versioni shqip më poshtë');
    expect(en).not.toContain('Versioni shqip më poshtë');
  });

  it('sends the security headers, with a policy that a cache can share', async () => {
    const { res } = await get('/who-we-are');
    const csp = res.headers.get('content-security-policy') ?? '';
    for (const directive of ["object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'"]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('nonce-');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('permissions-policy')).toContain('camera=()');
  });

  it('links a stylesheet of the public site’s own classes, not the editor area’s', async () => {
    const stylesheets = async (path: string) => {
      const { html } = await get(path);
      const hrefs = [...html.matchAll(/<link rel="stylesheet" href="([^"]+\.css)"/g)].map((m) => m[1]!);
      return (await Promise.all(hrefs.map(async (href) => (await fetch(server.url + href)).text()))).join('');
    };
    const [site, editor] = await Promise.all([stylesheets('/news'), stylesheets('/admin/sign-in')]);
    // The article text's styles are in both (the editor previews articles); the editor's own only in its area.
    for (const css of [site, editor]) expect(css).toContain('.prose-lg');
    expect(editor).toContain('.min-h-64');
    expect(site).not.toContain('.min-h-64');
    // Raw bytes of what a public page links (the font faces included): 43.7 kB
    // with the contact details, the news kinds' lists and the vacancies
    // (7.7 kB gzip); the budget keeps the editor's styles from leaking in.
    expect(site.length).toBeLessThan(46_000);
  });

  it('serves public pages from the cache after the first render', async () => {
    await get('/take-action');
    const { res } = await get('/take-action');
    expect(res.headers.get('x-nextjs-cache')).toBe('HIT');
    expect(res.headers.get('cache-control')).toMatch(/s-maxage=\d+/);
  });
});

describe('addresses and language choice', () => {
  it('redirects /en/... to the unprefixed address with 308', async () => {
    for (const [from, to] of [['/en', '/'], ['/en/who-we-are', '/who-we-are'], ['/en/news?page=2', '/news?page=2']]) {
      const { res } = await get(from!);
      expect(res.status).toBe(308);
      expect(new URL(res.headers.get('location')!, server.url).pathname + new URL(res.headers.get('location')!, server.url).search).toBe(to);
    }
  });

  it('sends a first visit to / from an Albanian browser to /sq, and an English one nowhere', async () => {
    const sq = await get('/', { headers: { 'accept-language': 'sq-AL,sq;q=0.9,en;q=0.5' } });
    expect(sq.res.status).toBe(307);
    expect(sq.res.headers.get('location')).toMatch(/\/sq$/);
    const en = await get('/', { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(en.res.status).toBe(200);
    expect(en.res.headers.get('set-cookie')).toBeNull();
    // Other addresses are served in their own language whatever the browser says.
    const page = await get('/who-we-are', { headers: { 'accept-language': 'sq' } });
    expect(page.res.status).toBe(200);
  });

  it('follows the remembered choice on a first visit to /, and never remembers by itself', async () => {
    // Reading an Albanian page is no choice: no cookie (the page may be in a CDN's cache).
    const visit = await get('/sq/lajme', { headers: { 'accept-language': 'en' } });
    expect(visit.res.status).toBe(200);
    expect(visit.res.headers.get('set-cookie')).toBeNull();
    // The cookie the language switch sets (tests/e2e/shared-cache-cookies.test.ts) leads / to /sq.
    const back = await get('/', { headers: { 'accept-language': 'en', cookie: 'NEXT_LOCALE=sq' } });
    expect(back.res.status).toBe(307);
    expect(back.res.headers.get('location')).toMatch(/\/sq$/);
    expect(back.res.headers.get('vary')).toMatch(/Cookie/);
    // A click on / from our own pages is honoured.
    const chosen = await get('/', { headers: { cookie: 'NEXT_LOCALE=sq', 'sec-fetch-site': 'same-origin' } });
    expect(chosen.res.status).toBe(200);
    expect(chosen.res.headers.get('set-cookie')).toBeNull();
  });

  // proxy.ts runs only for requests its matcher lets through (has/missing
  // conditions on the cookie and Accept-Language, for / only); these are the
  // cases where it must act, and some where it may be skipped. None sets a cookie.
  it.each([
    // [path, Accept-Language, cookie, status]
    ['/sq/lajme', 'sq-AL,sq;q=0.9', 'NEXT_LOCALE=en', 200],
    ['/sq/lajme', 'de-DE,de;q=0.9', '', 200],
    ['/who-we-are', 'en;q=0.5,sq;q=0.8', '', 200],
    ['/who-we-are', 'en', 'NEXT_LOCALE=sq', 200],
    ['/', 'en;q=0.5,sq-AL;q=0.8', '', 307],
    ['/', 'SQ', '', 307],
    ['/', 'en-US,en;q=0.9', '', 200],
    ['/', 'de', 'NEXT_LOCALE=sq', 307],
    ['/', 'sq', 'NEXT_LOCALE=en', 200],
    ['/', 'sq', 'NEXT_LOCALE=xx', 307],
    ['/', 'de', 'NEXT_LOCALE=xx', 200],
    ['/news?page=2', 'de', 'NEXT_LOCALE=sq', 200],
  ])('%s with Accept-Language %s and cookie “%s”: %i, no cookie set', async (path, language, cookie, status) => {
    const { res } = await get(path, { headers: { 'accept-language': language, ...(cookie ? { cookie } : {}) } });
    expect(res.status).toBe(status);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('sends an address that moved to where it lives now, with 308', async () => {
    for (let i = 0; i < 2; i++) {
      const { res } = await get('/news/old-address-of-the-training');
      expect(res.status).toBe(308);
      // Next 16.4 repeats the Location header when it first renders a redirect
      // (browsers accept the identical copies); fetch joins them with ", ".
      for (const location of res.headers.get('location')!.split(', ')) {
        expect(new URL(location, server.url).href).toBe(server.url + SEED_EN);
      }
    }
  });

  it('redirects the English section names under /sq to their Albanian addresses', async () => {
    const { res } = await get('/sq/news');
    expect([307, 308]).toContain(res.status);
    expect(res.headers.get('location')).toMatch(/\/sq\/lajme$/);
  });
});

describe('news lists', () => {
  it('lists ten a page, newest first, in the reader’s language only', async () => {
    const { html } = await get('/news');
    const titles = [...html.matchAll(/<h2 class="[^"]*"><a [^>]*>([^<]+)<\/a><\/h2>/g)].map((m) => m[1]);
    expect(titles).toHaveLength(10);
    expect(titles[0]).toBe('English only briefing');
    expect(titles[1]).toBe('Sample story 22');
    expect(html).not.toContain('Vetëm në shqip');
    expect(html).not.toContain('Draft should not show');
    expect(html).not.toContain('Scheduled for the future');
    expect(html).toContain('href="/news?page=2"');

    const sq = (await get('/sq/lajme')).html;
    expect(sq).not.toContain('English only briefing');
    expect(sq).toContain('href="/sq/lajme?page=2"');
  });

  it('pages with ?page=N and ends with the oldest article', async () => {
    const p3 = await get('/news?page=3');
    expect(p3.res.status).toBe(200);
    expect(p3.html).toContain('IOM trains judges and prosecutors');
    expect(p3.html).toContain('Page 3 of 3');
    const sq3 = await get('/sq/lajme?page=3');
    expect(sq3.html).toContain('Faqja 3 nga 3');
    expect(sq3.html).toContain('IOM trajnon gjyqtarë');
  });

  it.each([
    ['/news?page=abc', 308, '/news'],
    ['/news?page=-1', 308, '/news'],
    ['/news?page=0', 308, '/news'],
    ['/news?page=1', 308, '/news'],
    ['/news?page=2.5', 308, '/news'],
    ['/news?page=2&page=1', 308, '/news'],
    ['/sq/lajme?page=abc', 308, '/sq/lajme'],
    ['/news/page/2', 308, '/news?page=2'],
  ])('%s redirects (%i) to a valid list page', async (path, status, to) => {
    const { res } = await get(path);
    expect(res.status).toBe(status);
    const loc = new URL(res.headers.get('location')!, server.url);
    expect(loc.pathname + loc.search).toBe(to);
  });

  it('reads the last of repeated ?page= values, as Next’s router does', async () => {
    const { res, html } = await get('/news?page=1&page=2');
    expect(res.status).toBe(200);
    expect(html).toContain('Page 2 of 3');
  });

  it('ignores query parameters it does not know', async () => {
    const { res, html } = await get('/news?page[]=x');
    expect(res.status).toBe(200);
    expect(html).toContain('English only briefing');
  });

  it('answers 404 past the last page', async () => {
    expect((await get('/news?page=4')).res.status).toBe(404);
    expect((await get('/news?page=99999')).res.status).toBe(404);
    expect((await get('/sq/lajme?page=99999')).res.status).toBe(404);
  });
});

describe('bad addresses', () => {
  const longPath = `/${'a'.repeat(3000)}`;
  const cases: [string, string, 'en' | 'sq'][] = [
    ['/news/no-such-article', 'Page not found', 'en'],
    ['/sq/lajme/nuk-ekziston', 'Faqja nuk u gjet', 'sq'],
    ['/no-such-page', 'Page not found', 'en'],
    ['/sq/nuk-ekziston', 'Faqja nuk u gjet', 'sq'],
    ['/de/ueber-uns', 'Page not found', 'en'],
    ['/who-we-are/deeper/still', 'Page not found', 'en'],
    [longPath, 'Page not found', 'en'],
    ['/news/%00', 'Page not found', 'en'],
    ['/%00', 'Page not found', 'en'],
    ['/sq/lajme/%C3%AB', 'Faqja nuk u gjet', 'sq'],
    ['/api/no-such-thing', 'Page not found', 'en'],
    // Beside routes that are not pages (media files, sitemaps), or that Next keeps for itself elsewhere.
    ['/sitemaps/a/b', 'Page not found', 'en'],
    ['/_vercel/insights', 'Page not found', 'en'],
  ];
  it.each(cases.map(([path, title, lang]) => [path.length > 60 ? `/aaa… (${path.length} characters)` : path, path, title, lang]))(
    '%s is a localized 404',
    async (_label, path, title, lang) => {
    const { res, html } = await get(path);
    expect(res.status).toBe(404);
    expect(html).toContain(`<html lang="${lang}"`);
    expect(h1(html)).toBe(title);
  });

  it('answers an address with a malformed escape with the 404 page in both languages', async () => {
    for (const path of ['/sq/lajme/%E0%A4%A', '/news/%e0', '/%FF']) {
      const { res, html } = await get(path);
      expect(res.status).toBe(404);
      expect(h1(html)).toBe('Page not found');
      expect(html).toContain('Faqja nuk u gjet');
    }
  });

  it('caches a 404 like any page, and sends it without JavaScript doing anything', async () => {
    await get('/news/nothing-here-yet');
    const { res, html } = await get('/news/nothing-here-yet');
    expect(res.status).toBe(404);
    expect(res.headers.get('x-nextjs-cache')).toBe('HIT');
    expect(res.headers.get('cache-control')).toMatch(/s-maxage=10\b/);
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    expect(html).not.toContain('id="__next_error__"');
  });

  it('serves an article published while the server runs, without a restart', async () => {
    const path = '/news/published-while-running';
    expect((await get(path)).res.status).toBe(404);
    const db = openDatabase(server.dataDir);
    addNews(db, { publishedAt: new Date(Date.now() - 1000), en: { title: 'Published while running' } });
    db.$client.close();
    // Written behind the server's back (no revalidation, as for an item whose
    // scheduled time comes): the cached 404 above is served until it is 10 s
    // old (the route's revalidate), then rendered again.
    let status = 0;
    for (const deadline = Date.now() + 25_000; Date.now() < deadline; ) {
      status = (await get(path)).res.status;
      if (status === 200) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
  });

  it('does not show drafts or items scheduled for later', async () => {
    expect((await get('/news/draft-should-not-show')).res.status).toBe(404);
    expect((await get('/news/scheduled-for-the-future')).res.status).toBe(404);
  });
});

describe('in the browser', () => {
  it('switches an article between languages on its own slug, both ways', async () => {
    const page = await browser.newPage();
    await page.goto(server.url + SEED_EN);
    await page.getByTestId('language-switch').click();
    await page.waitForURL(server.url + SEED_SQ);
    expect(await page.locator('html').getAttribute('lang')).toBe('sq');
    expect(await page.locator('h1').textContent()).toMatch(/^IOM trajnon gjyqtarë/);
    expect(await page.getByTestId('published-date').textContent()).toBe('9 prill 2019');
    await page.getByTestId('language-switch').click();
    await page.waitForURL(server.url + SEED_EN);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByTestId('published-date').textContent()).toBe('9 April 2019');
    await page.close();
  });

  it('switches a section page to its Albanian address', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/who-we-are`);
    await page.getByTestId('language-switch').click();
    await page.waitForURL(`${server.url}/sq/kush-jemi`);
    expect(await page.locator('h1').textContent()).toBe('Kush jemi');
    await page.close();
  });

  it('says so when an article has no translation, and offers the other news index', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/news/english-only-briefing`);
    expect(await page.getByTestId('translation-missing').textContent()).toContain('Ky artikull nuk është i disponueshëm në shqip');
    await page.getByTestId('language-switch').click();
    await page.waitForURL(`${server.url}/sq/lajme`);
    expect(page.url()).toBe(`${server.url}/sq/lajme`);
    expect(await page.locator('h1').textContent()).toBe('Lajme');
    await page.close();
  });

  it('works without JavaScript on a phone: the menu opens and leads to a section', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/sq`);
    await page.getByText('Menyja', { exact: true }).click();
    const link = page.locator('details nav').getByRole('link', { name: 'Puna jonë' });
    expect(await link.isVisible()).toBe(true);
    await link.click();
    await page.waitForURL(`${server.url}/sq/puna-jone`);
    expect(await page.locator('h1').textContent()).toBe('Puna jonë');
    // Nothing is wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await context.close();
  });

  it.each([
    ['/', 1280],
    ['/sq', 360],
    ['/who-we-are', 1280],
    ['/sq/puna-jone', 360],
    ['/governance', 1280],
    ['/news', 360],
    ['/sq/lajme?page=2', 1280],
    [SEED_EN, 1280],
    [SEED_SQ, 360],
    ['/news/english-only-briefing', 1280],
    ['/sq/nuk-ekziston', 1280],
  ])('%s has no WCAG 2.1 A/AA violations (axe-core, %ipx wide)', async (path, width) => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(server.url + path);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('offers a skip link as the first stop of the keyboard', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/news`);
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    expect(await focused.textContent()).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.close();
  });

  it('keeps the localized 404 page as it is once React has hydrated it', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    // (Chromium reports the document's own 404 status in the console.)
    page.on('console', (m) => m.type() === 'error' && !m.text().includes('status of 404') && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    const res = await page.goto(`${server.url}/sq/lajme/nuk-ekziston`);
    expect(res!.status()).toBe(404);
    // React meets the page's notFound() signal (NotFoundView) once it has
    // hydrated; the boundary around it takes it away and leaves the page be.
    await page.waitForFunction(() => Object.keys(document.querySelector('main')!).some((k) => k.startsWith('__reactFiber')));
    await page.waitForFunction(() => document.querySelector('template[data-dgst]') === null);
    expect(await page.locator('html').getAttribute('lang')).toBe('sq');
    expect(await page.locator('h1').textContent()).toBe('Faqja nuk u gjet');
    expect(await page.getByTestId('not-found').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('loads the self-hosted font, and its italic file only once italic text is shown', async () => {
    const page = await browser.newPage();
    const fonts: string[] = [];
    page.on('requestfinished', (r) => {
      if (r.url().endsWith('.woff2')) fonts.push(new URL(r.url()).pathname);
    });
    await page.goto(`${server.url}/sq/kush-jemi`);
    await page.evaluate(() => document.fonts.ready);
    expect(fonts.some((f) => f.includes('normal'))).toBe(true);
    expect(fonts.some((f) => f.includes('italic'))).toBe(false);
    // Only once React has hydrated the page, or it would replace the added text.
    await page.waitForFunction(() => Object.keys(document.querySelector('main')!).some((k) => k.startsWith('__reactFiber')));
    await page.evaluate(() => {
      const em = document.createElement('em');
      em.textContent = 'Fëmijët dhe çështjet';
      document.querySelector('main')!.append(em);
    });
    await page.waitForFunction(() => [...document.fonts].some((f) => f.style === 'italic' && f.status === 'loaded'));
    expect(fonts.some((f) => f.includes('italic'))).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('main em')!).fontFamily)).toMatch(/^notoSansItalic/);
    await page.close();
  });
});

describe('operations', () => {
  it('backs up the running server’s data with npm run db:backup', () => {
    const run = spawnSync('npm', ['run', '-s', 'db:backup'], {
      cwd: path.resolve(import.meta.dirname, '..', '..'),
      env: { ...process.env, DATA_DIR: server.dataDir },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    const dir = run.stdout.match(/Backup written to (.+)/)![1]!.trim();
    expect(checkBackup(dir)).toEqual([]);
  });

  it('reports its health, and 503 when the database cannot be read', async () => {
    const ok = await fetch(`${server.url}/api/health`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: 'ok', database: 'ok', version: expect.any(String) });
    expect(ok.headers.get('cache-control')).toBe('no-store');

    // Last test of the file: the database file is destroyed under the running server.
    const file = path.join(server.dataDir, DATABASE_FILE);
    const size = fs.statSync(file).size;
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(size, 0x5a), 0, size, 0);
    fs.closeSync(fd);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
    const broken = await fetch(`${server.url}/api/health`);
    expect(broken.status).toBe(503);
    expect(await broken.json()).toMatchObject({ status: 'error', database: 'unavailable' });
    const line = server.output().split('\n').find((l) => l.includes('health check failed'))!;
    expect(JSON.parse(line)).toMatchObject({ level: 'error', msg: 'health check failed' });
  });
});
