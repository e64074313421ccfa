import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newsItems } from '@/db/schema';
import { axeViolations } from '../helpers/axe';
import { hydrated, launchBrowser } from '../helpers/browser';
import { addNews } from '../helpers/content';
import { makeSeededDataDir } from '../helpers/db';
import { type RunningServer, startServer } from '../helpers/server';
import { addStaff, signIn } from '../helpers/staff';

/**
 * Press releases and stories next to news (issue 18, point 5): each kind's
 * own list in both languages, with pagination, canonical, hreflang and the
 * sitemap; /news keeps everything; a press release's media contact block,
 * set in the editor; axe's WCAG 2.2 AA rules on the new pages.
 */

const ADMIN = { name: 'Ana', email: 'ana@iom.int', password: 'Lumi i Shkumbinit në pranverë', role: 'admin' as const };
const LISTS = { en: { releases: '/press-releases', stories: '/stories' }, sq: { releases: '/sq/njoftime-per-shtyp', stories: '/sq/histori' } };

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let releaseId: number;

beforeAll(async () => {
  const { db, dataDir } = makeSeededDataDir();
  const kind = (id: number, k: 'press_release' | 'story') => db.update(newsItems).set({ kind: k }).where(eq(newsItems.id, id)).run();
  // Eleven press releases in both languages: two pages of the list (ten a page).
  for (let i = 1; i <= 11; i++) {
    const id = addNews(db, { publishedAt: new Date(Date.UTC(2024, 0, i, 9)), en: { title: `Release ${i}` }, sq: { title: `Njoftimi ${i}` } });
    kind(id, 'press_release');
    if (i === 11) releaseId = id;
  }
  // A story in English only.
  kind(addNews(db, { publishedAt: new Date(Date.UTC(2024, 1, 1, 9)), en: { title: 'A story from Shkodër' } }), 'story');
  db.$client.close();
  await addStaff(dataDir, [ADMIN]);
  [server, browser] = await Promise.all([startServer({ dataDir }), launchBrowser()]);
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
}, 600_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
});

async function open(path: string): Promise<void> {
  const response = await page.goto(server.url + path);
  expect(response?.status(), path).toBe(200);
}

const cardTitles = () => page.getByTestId('news-card').locator('h2').allTextContents();
const cardKinds = () => page.getByTestId('news-card').locator('p span.uppercase').allTextContents();
const linkHref = (selector: string) => page.locator(selector).getAttribute('href');

describe('the lists of one kind', () => {
  it('press releases: English, ten a page, the kind on every card, canonical and hreflang', async () => {
    await open(LISTS.en.releases);
    expect(await page.locator('h1').textContent()).toBe('Press releases');
    expect(await page.title()).toContain('Press releases');
    expect(await cardTitles()).toEqual(['Release 11', 'Release 10', 'Release 9', 'Release 8', 'Release 7', 'Release 6', 'Release 5', 'Release 4', 'Release 3', 'Release 2']);
    expect(new Set(await cardKinds())).toEqual(new Set(['Press release']));
    expect(await linkHref('link[rel=canonical]')).toBe(`${server.url}/press-releases`);
    expect(await linkHref('link[rel=alternate][hreflang=sq]')).toBe(`${server.url}/sq/njoftime-per-shtyp`);
    // The links between the lists, the current one marked.
    const kinds = page.getByTestId('news-kinds');
    expect(await kinds.getByRole('link').allTextContents()).toEqual(['All news', 'Press releases', 'Stories']);
    expect(await kinds.locator('[aria-current=page]').textContent()).toBe('Press releases');

    await page.getByRole('link', { name: /Next page/ }).click();
    await page.waitForURL(`${server.url}/press-releases?page=2`);
    expect(await page.locator('h1').textContent()).toBe('Press releases – page 2');
    expect(await cardTitles()).toEqual(['Release 1']);
    expect(await linkHref('link[rel=canonical]')).toBe(`${server.url}/press-releases?page=2`);
    expect((await page.goto(`${server.url}/press-releases?page=3`))?.status()).toBe(404);
    // ?page=1 and the internal route are the list's own address.
    await open('/press-releases?page=1');
    expect(page.url()).toBe(`${server.url}/press-releases`);
  });

  it('press releases and stories in Albanian, and an empty list says so', async () => {
    await open(LISTS.sq.releases);
    expect(await page.locator('h1').textContent()).toBe('Njoftime për shtyp');
    expect(await cardTitles()).toHaveLength(10);
    expect(new Set(await cardKinds())).toEqual(new Set(['Njoftim për shtyp']));
    expect(await page.getByTestId('news-kinds').getByRole('link').allTextContents()).toEqual(['Të gjitha lajmet', 'Njoftime për shtyp', 'Histori']);
    expect(await linkHref('link[rel=alternate][hreflang=en]')).toBe(`${server.url}/press-releases`);
    await open('/sq/njoftime-per-shtyp?page=2');
    expect(await page.locator('h1').textContent()).toBe('Njoftime për shtyp – faqja 2');
    expect(await cardTitles()).toEqual(['Njoftimi 1']);

    await open(LISTS.en.stories);
    expect(await page.locator('h1').textContent()).toBe('Stories');
    expect(await cardTitles()).toEqual(['A story from Shkodër']);
    expect(await cardKinds()).toEqual(['Story']);
    await open(LISTS.sq.stories);
    expect(await page.locator('h1').textContent()).toBe('Histori');
    expect(await page.locator('main').textContent()).toContain('Ende nuk ka histori në shqip.');
    // Each language's section name in the other's prefix leads to its own.
    await open('/sq/stories');
    expect(page.url()).toBe(`${server.url}/sq/histori`);
  });

  it('/news keeps every kind', async () => {
    await open('/news');
    const kinds = new Set(await cardKinds());
    expect(kinds.has('Story')).toBe(true);
    expect(kinds.has('Press release')).toBe(true);
    expect(await page.getByTestId('news-kinds').locator('[aria-current=page]').textContent()).toBe('All news');
  });

  it('the sitemap lists each kind’s list with its other language', async () => {
    const xml = await (await fetch(`${server.url}/sitemap.xml`)).text();
    const index = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    const files = await Promise.all(index.map(async (loc) => (await fetch(loc.replace(/^https?:\/\/[^/]+/, server.url))).text()));
    const all = [xml, ...files].join('\n');
    expect(all).toContain(`/press-releases</loc>`);
    expect(all).toMatch(/<loc>[^<]*\/sq\/njoftime-per-shtyp<\/loc>/);
    expect(all).toMatch(/hreflang="sq" href="[^"]*\/sq\/histori"/);
  });

  it('axe finds no violation of the wcag22aa rules on the lists, at 390 and 1280 px', async () => {
    const found: Record<string, unknown> = {};
    for (const viewport of [{ width: 390, height: 844 }, { width: 1280, height: 800 }]) {
      await page.setViewportSize(viewport);
      for (const path of [LISTS.en.releases, LISTS.sq.releases, LISTS.en.stories, LISTS.sq.stories, '/press-releases?page=2']) {
        await open(path);
        const violations = await axeViolations(page, { wcag22: true });
        if (violations.length > 0) found[`${viewport.width} ${path}`] = violations;
      }
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(found).toEqual({});
  });
});

describe('a press release’s media contact', () => {
  it('is set in the editor (a bad e-mail refused with a message), shown on the release in both languages, and on no other kind', async () => {
    const staff = await signIn(context, server.url, ADMIN);
    await staff.goto(`${server.url}/admin/news/${releaseId}`);
    // Open whether or not it opened folded.
    await staff.getByTestId('shared-fields').evaluate((el) => ((el as HTMLDetailsElement).open = true));
    const fields = staff.getByTestId('media-contact-fields');
    await fields.getByLabel('Name').fill('Ana Hoxha');
    await fields.getByLabel('Phone').fill('+355 4 225 7836');
    await fields.getByLabel('E-mail').fill('ahoxha at iom.int');
    const form = staff.getByRole('form', { name: 'Shared by both languages' });
    const save = form.getByRole('button', { name: 'Save shared fields' });
    // The browser itself stops a malformed e-mail address (type="email")…
    expect(await fields.getByLabel('E-mail').evaluate((el: HTMLInputElement) => el.validity.typeMismatch)).toBe(true);
    // …and so does the server, for a browser that does not check it.
    await form.evaluate((f: HTMLFormElement) => (f.noValidate = true));
    await hydrated(save);
    await save.click();
    await expect.poll(() => form.getByTestId('form-message').textContent(), { timeout: 60_000 }).toContain('Check the media contact');
    await fields.getByLabel('E-mail').fill('ahoxha@iom.int');
    await save.click();
    await expect.poll(() => form.getByTestId('form-message').textContent(), { timeout: 60_000 }).toBe('Saved.');
    await staff.close();

    for (const [path, title, phone, email] of [
      ['/news/release-11', 'Media contact', 'Phone', 'E-mail'],
      ['/sq/lajme/njoftimi-11', 'Kontakti për mediat', 'Telefon', 'E-mail'],
    ] as const) {
      await open(path);
      const block = page.getByTestId('media-contact');
      expect(await block.getByRole('heading').textContent()).toBe(title);
      expect(await block.textContent()).toContain('Ana Hoxha');
      expect(await block.locator('dt').allTextContents()).toEqual([phone, email]);
      expect(await block.getByRole('link', { name: '+355 4 225 7836' }).getAttribute('href')).toBe('tel:+35542257836');
      expect(await block.getByRole('link', { name: 'ahoxha@iom.int' }).getAttribute('href')).toBe('mailto:ahoxha@iom.int');
      // The kind links to its list.
      expect(await page.locator('article header a').getAttribute('href')).toBe(path.startsWith('/sq') ? '/sq/njoftime-per-shtyp' : '/press-releases');
      expect(await axeViolations(page, { wcag22: true })).toEqual([]);
    }
    // A press release without a contact of its own, and a story: no block (no office default yet).
    await open('/news/release-10');
    expect(await page.getByTestId('media-contact').count()).toBe(0);
    await open('/news/a-story-from-shkoder');
    expect(await page.getByTestId('media-contact').count()).toBe(0);
  });
});
