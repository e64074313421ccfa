import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase } from '@/db/client';
import { newsTranslations, pages, pageTranslations } from '@/db/schema';
import { CORRECTED_PAGE_TITLES, seedDatabase } from '@/db/seed';
import { launchBrowser } from '../helpers/browser';
import { makeTempDir } from '../helpers/db';
import { avoidedTermsIn } from '../helpers/glossary';
import { insertMediaRow } from '../helpers/media-rows';
import { type RunningServer, startServer } from '../helpers/server';
import { addStaff, signIn } from '../helpers/staff';

/**
 * Issue 16, point 9: the editor's screens in Albanian and the public site
 * use the terms of docs/glossary.md, in a real Chromium against `next start`.
 * The server starts from a database the seed imported before its
 * corrections, as an existing install has it: the Albanian titles are
 * corrected at start, at the same addresses.
 */

const ADMIN = { name: 'Ana Admin', email: 'ana@iom.int', password: 'Lumi i Drinit rrjedh ngadalë', role: 'admin' as const, preferredLocale: 'sq' as const };
const SEED_SQ_SLUG = 'iom-trajnon-gjyqtare-dhe-prokurore-nga-vendet-e-ballkanit-perendimor-qe-te';
const OLD_ARTICLE_TITLE =
  'IOM trajnon gjyqtarë dhe prokurorë nga vendet e Ballkanit Perëndimor që të trajtojnë më me efektivitet cështjet e migrantëve';

let server: RunningServer;
let browser: Browser;
let articleId = 0;

beforeAll(async () => {
  const dataDir = makeTempDir('iom-e2e-');
  const db = openDatabase(dataDir);
  migrateDatabase(db);
  seedDatabase(db);
  // What the seed imported before its corrections.
  for (const [key, before] of CORRECTED_PAGE_TITLES) {
    const page = db.select().from(pages).where(eq(pages.key, key)).get()!;
    db.update(pageTranslations).set({ title: before }).where(and(eq(pageTranslations.pageId, page.id), eq(pageTranslations.locale, 'sq'))).run();
  }
  db.update(newsTranslations).set({ title: OLD_ARTICLE_TITLE }).where(eq(newsTranslations.locale, 'sq')).run();
  const sqArticle = db.select().from(newsTranslations).where(eq(newsTranslations.locale, 'sq')).get()!;
  articleId = sqArticle.newsItemId;
  // The Albanian marked as checked against English text that has changed since: "may be out of date".
  db.update(newsTranslations).set({ sourceFingerprint: 'an older English text' }).where(eq(newsTranslations.id, sqArticle.id)).run();
  // A page whose Albanian was unpublished.
  db.update(pageTranslations).set({ status: 'unpublished' }).where(and(eq(pageTranslations.locale, 'sq'), eq(pageTranslations.path, 'agjenda-2030'))).run();
  // Images with alt text in one language only.
  insertMediaRow(db, 1, { en: 'Judges at the training in Durrës' });
  insertMediaRow(db, 2, { sq: 'Gjyqtarët në trajnimin në Durrës' });
  db.$client.close();
  await addStaff(dataDir, [ADMIN]);
  [server, browser] = await Promise.all([startServer({ dataDir }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The page's visible text without the text of content fields (titles, bodies: staff's words, not the interface's). */
function interfaceText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const copy = document.body.cloneNode(true) as HTMLElement;
    for (const el of copy.querySelectorAll('input, textarea, [contenteditable], script, style')) el.remove();
    return copy.innerText;
  });
}

function options(select: Locator): Promise<string[]> {
  return select.locator('option').allTextContents();
}

describe('the editor area in Albanian', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext();
    page = await signIn(context, server.url, ADMIN);
  });
  afterAll(() => context?.close());

  it('the dashboard and the news list use the glossary’s terms', async () => {
    expect(await page.locator('html').getAttribute('lang')).toBe('sq');
    expect(await page.getByRole('heading', { level: 2, name: 'Të planifikuara për publikim' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Asnjë skicë në pritje' }).count()).toBe(1);
    expect(avoidedTermsIn(await interfaceText(page))).toEqual([]);

    await page.goto(`${server.url}/admin/news`);
    const languages = await options(page.getByLabel('Gjuhët'));
    expect(languages[0]).toBe('Të gjitha gjuhët');
    expect(languages).not.toContain('Çdo gjendje');
    expect(await options(page.getByLabel('Gjendja'))).toEqual(['Çdo gjendje', 'Skicë', 'I planifikuar', 'I publikuar', 'I hequr nga publikimi']);
    expect(avoidedTermsIn(await interfaceText(page))).toEqual([]);
  });

  it('a new article: Ende pa tekst, Ruaje si skicë, Adresa në internet (URL), the headings of the toolbar', async () => {
    await page.goto(`${server.url}/admin/news/new`);
    const sq = page.locator('#panel-sq');
    expect(await page.getByTestId('status-sq').textContent()).toBe('Ende pa tekst');
    expect(await sq.getByRole('button', { name: 'Ruaje si skicë', exact: true }).count()).toBe(1);
    expect(await sq.getByLabel('Adresa në internet (URL)', { exact: true }).count()).toBe(1);
    expect(await sq.getByText('Motorët e kërkimit dhe rrjetet sociale', { exact: true }).count()).toBe(1);
    expect(await sq.getByLabel('Përshkrimi për motorët e kërkimit dhe rrjetet sociale').count()).toBe(1);
    for (const name of ['Nëntitull', 'Nëntitull i vogël', 'Nëntitull më i vogël']) {
      expect(await sq.getByRole('button', { name, exact: true }).count(), name).toBe(1);
    }
    expect(avoidedTermsIn(await interfaceText(page))).toEqual([]);
  });

  it('the seed article: the corrected title, language names in lower case, and Ky përkthim është ende i saktë for a stale translation', async () => {
    await page.goto(`${server.url}/admin/news/${articleId}`);
    const sq = page.locator('#panel-sq');
    expect(await sq.getByLabel('Titulli', { exact: true }).inputValue()).toContain('efektivitet çështjet e migrantëve');
    expect(await sq.getByLabel('Adresa në internet (URL)', { exact: true }).inputValue()).toBe(SEED_SQ_SLUG);
    // The image dialog names the languages as inside a sentence (the shared fields are folded: the seed article has a main image).
    await page.getByTestId('shared-fields').locator('summary').click();
    await page.getByTestId('hero-picker').getByRole('button', { name: 'Zgjidh imazhin' }).click();
    const dialog = page.getByRole('dialog', { name: 'Zgjidhni një imazh nga biblioteka e mediave' });
    await expect.poll(() => dialog.getByTestId('image-dialog-status').textContent(), { timeout: 15_000 }).toBe('2 imazhe');
    const pickerText = await dialog.innerText();
    expect(avoidedTermsIn(pickerText)).toEqual([]);
    await page.keyboard.press('Escape');
    expect(pickerText).toContain('Pa tekst alternativ në anglisht');
    expect(pickerText).toContain('Pa tekst alternativ në shqip');
    expect(pickerText).not.toMatch(/në (Anglisht|Shqip)/);
    const notice = page.getByTestId('stale-notice-sq');
    await notice.getByRole('button', { name: 'Ky përkthim është ende i saktë' }).click();
    await expect.poll(() => sq.getByText('U shënua si i përditësuar.').count(), { timeout: 15_000 }).toBe(1);
  });

  it('the pages: E hequr nga publikimi, and a page’s address field', async () => {
    await page.goto(`${server.url}/admin/pages`);
    const list = await interfaceText(page);
    expect(list).toContain('E hequr nga publikimi');
    expect(list).toContain('Na kontaktoni');
    expect(list).toContain('Angazhohuni');
    expect(list).toContain('Çështje ndërsektoriale (globale)');
    expect(list).not.toMatch(/Ende i pashkruar|E çpublikuar|Draft/);
    // Sub-pages are folded at first.
    await page.getByRole('button', { name: 'Hapi të gjitha' }).click();
    await page.getByRole('link', { name: 'Na kontaktoni' }).first().click();
    await page.waitForURL(/\/admin\/pages\/\d+$/);
    const sq = page.locator('#panel-sq');
    expect(await sq.getByLabel('Titulli', { exact: true }).inputValue()).toBe('Na kontaktoni');
    expect(await sq.getByLabel('Adresa në internet (URL)', { exact: true }).inputValue()).toBe('kontakt');
  });

  it('text kept on the device: Fshije, and at sign-out Fshijeni dhe dilni', async () => {
    await page.goto(`${server.url}/admin/news/${articleId}`);
    const kept = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('iom-draft:')).length);
    await page.locator('#panel-sq').getByLabel('Përmbledhja', { exact: true }).fill('Një përmbledhje e paruajtur');
    await expect.poll(kept, { timeout: 10_000 }).toBe(1);
    await page.reload();
    const banner = page.getByTestId('local-draft').filter({ hasText: 'Tekst i paruajtur' });
    await banner.getByRole('button', { name: 'Fshije', exact: true }).waitFor();
    expect(await banner.getByRole('button', { name: 'Rikthe tekstin', exact: true }).count()).toBe(1);

    await page.getByRole('button', { name: 'Dilni', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Tekst i paruajtur në këtë pajisje' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('Në një kompjuter të përbashkët, fshijeni.');
    await dialog.getByRole('button', { name: 'Fshijeni dhe dilni', exact: true }).click();
    await page.waitForURL(/signedOut=1/);
    expect(await kept()).toBe(0);
  });
});

describe('the public site in Albanian', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext();
    page = await context.newPage();
  });
  afterAll(() => context?.close());

  it('the breadcrumb is labelled Ku ndodheni; the menu says Na kontaktoni and Angazhohuni at the old addresses', async () => {
    const res = await page.goto(`${server.url}/sq/kontakt`);
    expect(res?.status()).toBe(200);
    expect(await page.locator('h1').textContent()).toBe('Na kontaktoni');
    expect(await page.getByRole('navigation', { name: 'Ku ndodheni' }).count()).toBe(1);
    expect(await page.getByRole('navigation', { name: 'Vendndodhja në faqe' }).count()).toBe(0);
    expect(await page.locator('a[href="/sq/angazhohu"]').first().textContent()).toBe('Angazhohuni');
    expect(await page.locator('footer').innerText()).toContain('Na kontaktoni');
    const area = await page.goto(`${server.url}/sq/ceshtje-nderfushore-globale`);
    expect(area?.status()).toBe(200);
    expect(await page.locator('h1').textContent()).toBe('Çështje ndërsektoriale (globale)');
  });

  it('the seed article reads "çështjet" at its unchanged address', async () => {
    const res = await page.goto(`${server.url}/sq/lajme/${SEED_SQ_SLUG}`);
    expect(res?.status()).toBe(200);
    const title = await page.locator('h1').textContent();
    expect(title).toContain('efektivitet çështjet e migrantëve');
    expect(await page.title()).toContain('çështjet');
    expect(await page.content()).not.toContain('cështjet');
  });

  it('search results quote the query with „…“', async () => {
    await page.goto(`${server.url}/sq/kerko?q=ceshtjet`);
    expect(await page.getByTestId('search-summary').textContent()).toBe('1 rezultat për „ceshtjet“');
    await page.goto(`${server.url}/sq/kerko?q=zzzz`);
    expect(await page.locator('main').innerText()).toContain('Asgjë në shqip nuk përputhet me „zzzz“.');
  });
});
