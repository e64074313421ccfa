import { and, eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadMedia } from '@/db/media/library';
import { mediaTranslations, newsItems, newsItemThemes, newsTranslations, pages, users } from '@/db/schema';
import { axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { addNews, SEED_EN, SEED_SQ } from '../helpers/content';
import { makeSeededDataDir } from '../helpers/db';
import { picture } from '../helpers/media';
import { type RunningServer, startServer } from '../helpers/server';
import { addStaff } from '../helpers/staff';

/**
 * The public site's layout and WCAG 2.2 AA in a real Chromium, at a phone's
 * 390 px and a laptop's 1280 px, in both languages (issue 19, points 2, 4
 * and 5): axe's wcag22aa rules on every kind of public page, and what axe
 * cannot check — target sizes, focus never hidden, help in the same place,
 * sign-in that accepts paste and password managers.
 */

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };
const LIST_ARTICLE = { en: '/news/a-list-of-what-changed', sq: '/sq/lajme/nje-liste-e-asaj-qe-ndryshoi' };

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  const { db, dataDir } = makeSeededDataDir();
  // Two list pages of news, one sharing the seed article's theme, one with a bulleted list.
  for (let i = 1; i <= 11; i++) addNews(db, { publishedAt: new Date(Date.UTC(2021, 0, i, 9)), en: { title: `Story ${i}` }, sq: { title: `Histori ${i}` } });
  const listed = addNews(db, { publishedAt: new Date(Date.UTC(2022, 0, 1, 9)), en: { title: 'A list of what changed' }, sq: { title: 'Një listë e asaj që ndryshoi' } });
  for (const [locale, items] of [['en', ['Shelters', 'Training']], ['sq', ['Strehëzat', 'Trajnimi']]] as const) {
    db.update(newsTranslations).set({ body: `<p>What changed:</p><ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` }).where(and(eq(newsTranslations.newsItemId, listed), eq(newsTranslations.locale, locale))).run();
  }
  const trafficking = db.select({ id: pages.id }).from(pages).where(eq(pages.key, 'counter-human-trafficking')).get()!.id;
  db.insert(newsItemThemes).values({ newsItemId: listed, pageId: trafficking }).run();
  // The seed article gets a main image, as an office photo would be.
  await addStaff(dataDir, [{ name: 'Ana', email: 'ana@iom.int', password: 'Lumi i Shkumbinit në pranverë', role: 'admin' }]);
  const userId = db.select({ id: users.id }).from(users).get()!.id;
  const photo = await (await picture(1600, 1067)).jpeg({ quality: 70 }).toBuffer();
  const upload = await uploadMedia(db, dataDir, { userId, ip: null }, { bytes: photo, fileName: 'trajnim.jpg' });
  if (!upload.ok) throw new Error(`upload failed: ${upload.error}`);
  for (const [locale, alt] of [['en', 'Judges and prosecutors at the training in Durrës'], ['sq', 'Gjyqtarë dhe prokurorë në trajnimin në Durrës']] as const) {
    db.insert(mediaTranslations).values({ mediaId: upload.id, locale, alt }).run();
  }
  const seedItem = db.select({ id: newsTranslations.newsItemId }).from(newsTranslations).where(eq(newsTranslations.slug, SEED_EN.split('/').at(-1)!)).get()!.id;
  db.update(newsItems).set({ heroMediaId: upload.id }).where(eq(newsItems.id, seedItem)).run();
  db.$client.close();
  [server, browser] = await Promise.all([startServer({ dataDir }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function tab(viewport: { width: number; height: number }, javaScriptEnabled = true): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, javaScriptEnabled });
  return { context, page: await context.newPage() };
}

/** Every kind of public page, in both languages. */
const PUBLIC_PAGES = [
  '/', '/sq',
  '/news', '/sq/lajme', '/news?page=2', '/sq/lajme?page=2',
  SEED_EN, SEED_SQ, LIST_ARTICLE.en, LIST_ARTICLE.sq,
  '/who-we-are', '/sq/kush-jemi', '/our-work', '/sq/puna-jone', '/governance', '/sq/qeverisja-e-migracionit',
  '/contact', '/sq/kontakt',
  '/search', '/sq/kerko', '/search?q=judges', '/sq/kerko?q=gjyqtar%C3%AB', '/search?q=zzzz',
  '/no-such-page', '/sq/nuk-ka-faqe',
];

describe('WCAG 2.2 AA', () => {
  it.each([PHONE, LAPTOP])('axe finds no violation of the wcag22aa rules on any public page at %o', async (viewport) => {
    const { context, page } = await tab(viewport);
    const found: Record<string, unknown> = {};
    for (const path of PUBLIC_PAGES) {
      await page.goto(server.url + path);
      const violations = await axeViolations(page, { wcag22: true });
      if (violations.length > 0) found[path] = violations;
    }
    // Its menu and search opened too (the phone's panels).
    if (viewport === PHONE) {
      await page.goto(server.url + '/sq');
      await page.getByTestId('menu-toggle').locator('summary').click();
      const violations = await axeViolations(page, { wcag22: true });
      if (violations.length > 0) found['/sq, menu open'] = violations;
    }
    await context.close();
    expect(found).toEqual({});
  }, 240_000);

  it('gives the language switch, pagination, share links and the header’s buttons targets of at least 24 × 24 px', async () => {
    for (const viewport of [PHONE, LAPTOP]) {
      const { context, page } = await tab(viewport);
      const sizes: Record<string, { width: number; height: number }> = {};
      await page.goto(server.url + '/news?page=2');
      sizes['language switch'] = (await page.getByTestId('language-switch').boundingBox())!;
      sizes['previous page'] = (await page.getByRole('link', { name: /Previous page/ }).boundingBox())!;
      await page.goto(server.url + '/news');
      sizes['next page'] = (await page.getByRole('link', { name: /Next page/ }).boundingBox())!;
      await page.goto(server.url + SEED_EN);
      const share = page.getByTestId('share').getByRole('link');
      expect(await share.count()).toBe(5);
      for (let i = 0; i < 5; i++) sizes[`share ${i}`] = (await share.nth(i).boundingBox())!;
      sizes['copy link'] = (await page.getByTestId('copy-link').boundingBox())!;
      if (viewport === PHONE) {
        sizes['search button'] = (await page.getByTestId('search-toggle').locator('summary').boundingBox())!;
        sizes['menu button'] = (await page.getByTestId('menu-toggle').locator('summary').boundingBox())!;
      }
      for (const [name, box] of Object.entries(sizes)) {
        expect([name, box.width >= 24 && box.height >= 24]).toEqual([name, true]);
      }
      await context.close();
    }
  });

  it('never hides the focused element (2.4.11): every stop of the keyboard is on screen and on top', async () => {
    for (const viewport of [PHONE, LAPTOP]) {
      const { context, page } = await tab(viewport);
      await page.goto(server.url + SEED_SQ);
      const seen: string[] = [];
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        const where = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          const r = el.getClientRects()[0] ?? el.getBoundingClientRect();
          const x = r.left + Math.min(r.width / 2, 8);
          const y = r.top + Math.min(r.height / 2, 8);
          const top = document.elementFromPoint(x, y);
          return { name: el.textContent?.trim().slice(0, 30) ?? el.tagName, visible: r.bottom > 0 && r.top < innerHeight, onTop: !!top && (top === el || el.contains(top)) };
        });
        if (!where) break;
        seen.push(where.name);
        expect(where).toEqual({ ...where, visible: true, onTop: true });
      }
      expect(seen.length).toBeGreaterThan(15);
      await context.close();
    }
  });

  it('keeps help in the same place on every page (3.2.6): the contact link and the office’s e-mail in the footer', async () => {
    const { context, page } = await tab(LAPTOP);
    const places = new Set<string>();
    for (const path of ['/', '/news', SEED_EN, '/who-we-are', '/search?q=judges', '/no-such-page']) {
      await page.goto(server.url + path);
      const footer = page.locator('footer');
      const links = await footer.getByRole('link').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
      places.add(JSON.stringify([links.indexOf('/contact'), links.findIndex((h) => h?.startsWith('mailto:'))]));
      expect(links).toContain('/contact');
    }
    expect(places.size).toBe(1);
    await context.close();
  });

  it('lets staff paste their password and use a password manager at sign-in (3.3.8)', async () => {
    const { context, page } = await tab(LAPTOP);
    await page.goto(`${server.url}/admin/sign-in`);
    const email = page.getByLabel('Email');
    const password = page.getByLabel('Password');
    expect([await email.getAttribute('autocomplete'), await password.getAttribute('autocomplete')]).toEqual(['username', 'current-password']);
    // A paste event that the page does not cancel, and no attribute that stops autofill.
    const pasted = await password.evaluate((el) => {
      const data = new DataTransfer();
      data.setData('text/plain', 'pasted secret');
      const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
      el.dispatchEvent(event);
      return !event.defaultPrevented;
    });
    expect(pasted).toBe(true);
    expect(await page.locator('form [onpaste], form [autocomplete="off"]').count()).toBe(0);
    await context.close();
  });

  it('draws list bullets at AA contrast', async () => {
    const { context, page } = await tab(PHONE);
    await page.goto(server.url + LIST_ARTICLE.en);
    const ratio = await page.locator('.prose li').first().evaluate((li) => {
      const rgb = (c: string) => c.match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number);
      const lum = ([r, g, b]: number[]) => {
        const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
      };
      const marker = lum(rgb(getComputedStyle(li, '::marker').color));
      return (1 + 0.05) / (marker + 0.05);
    });
    expect(ratio).toBeGreaterThanOrEqual(4.5);
    await context.close();
  });
});

describe('the layout at a phone’s and a laptop’s width', () => {
  it('on a phone: a compact header, the breadcrumb’s parents only, and the article’s picture within the first screen', async () => {
    for (const path of [SEED_EN, SEED_SQ]) {
      const { context, page } = await tab(PHONE);
      await page.goto(server.url + path);
      expect((await page.locator('header').first().boundingBox())!.height).toBeLessThanOrEqual(140);
      // The search box waits behind its button; the button has an icon and a visible label.
      expect(await page.locator('#header-search-small').isVisible()).toBe(false);
      const summary = page.getByTestId('search-toggle').locator('summary');
      expect(await summary.locator('svg').count()).toBe(1);
      expect((await summary.innerText()).trim()).toMatch(/^(Search|Kërkimi)$/);
      expect((await page.getByTestId('menu-toggle').locator('summary').innerText()).trim()).toMatch(/^(Menu|Menyja)$/);
      // The title is not repeated in the breadcrumb.
      expect(await page.locator('nav[aria-label] [aria-current="page"]').isVisible()).toBe(false);
      const hero = (await page.getByTestId('hero').locator('img').boundingBox())!;
      expect(hero.y).toBeLessThan(PHONE.height);
      expect(hero.y).toBeLessThan((await page.getByTestId('article-meta').boundingBox())!.y);
      await context.close();
    }
  });

  it('on a laptop: the article’s text column with the aside beside it (dateline, sharing, related news)', async () => {
    const { context, page } = await tab(LAPTOP);
    await page.goto(server.url + SEED_EN);
    const text = (await page.locator('.prose').first().boundingBox())!;
    const aside = (await page.getByTestId('article-aside').boundingBox())!;
    const meta = (await page.getByTestId('article-meta').boundingBox())!;
    expect(text.width).toBeLessThanOrEqual(800);
    expect(aside.x).toBeGreaterThanOrEqual(text.x + text.width);
    expect(meta.x).toBeGreaterThanOrEqual(text.x + text.width);
    expect(aside.y).toBeLessThan(text.y + text.height);
    expect(await page.getByTestId('related').getByRole('link').allInnerTexts()).toEqual(['A list of what changed']);
    // Lists are grids of cards: three in a row.
    await page.goto(server.url + '/news');
    const cards = page.getByTestId('news-card');
    const ys = await Promise.all([0, 1, 2].map(async (i) => (await cards.nth(i).boundingBox())!.y));
    expect(new Set(ys).size).toBe(1);
    await context.close();
  });

  it('opens the phone’s search and menu without JavaScript', async () => {
    const { context, page } = await tab(PHONE, false);
    await page.goto(server.url + '/sq');
    await page.getByTestId('search-toggle').locator('summary').click();
    const input = page.locator('#header-search-small');
    expect(await input.isVisible()).toBe(true);
    await input.fill('gjyqtarë');
    await input.press('Enter');
    await page.waitForURL(/\/sq\/kerko\?q=/);
    await page.getByTestId('menu-toggle').locator('summary').click();
    expect(await page.getByTestId('menu-toggle').getByRole('link', { name: 'Kush jemi' }).isVisible()).toBe(true);
    await context.close();
  });
});

describe('sharing without trackers', () => {
  it('offers plain share links, loads nothing from another site, and shows “copy link” only with JavaScript', async () => {
    const { context, page } = await tab(LAPTOP);
    const foreign: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) foreign.push(r.url());
    });
    await page.goto(server.url + SEED_EN);
    const hrefs = await page.getByTestId('share').getByRole('link').evaluateAll((els) => els.map((e) => e.getAttribute('href')!));
    const url = encodeURIComponent(server.url + SEED_EN);
    expect(hrefs.map((h) => h.replace(/[?].*/, ''))).toEqual([
      'mailto:',
      'https://wa.me/',
      'https://www.facebook.com/sharer/sharer.php',
      'https://x.com/intent/post',
      'https://www.linkedin.com/sharing/share-offsite/',
    ]);
    for (const href of hrefs) expect(href).toContain(url.slice(0, 30));
    expect(await page.locator('script[src]').evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).src).filter((s) => !s.startsWith(location.origin)))).toEqual([]);
    expect(foreign).toEqual([]);

    // With JavaScript, "copy link" puts the address on the clipboard.
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByTestId('copy-link').click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Link copied.' }).count()).toBe(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(server.url + SEED_EN);
    await context.close();

    const noScript = await tab(LAPTOP, false);
    await noScript.page.goto(server.url + SEED_SQ);
    expect(await noScript.page.getByTestId('share').getByRole('link').count()).toBe(5);
    expect(await noScript.page.getByTestId('copy-link').count()).toBe(0);
    expect(await noScript.page.getByText('Kopjoni lidhjen').count()).toBe(0);
    await noScript.context.close();
  });
});
