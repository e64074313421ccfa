import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '@/db/client';
import { withDatabase } from '../helpers/db';
import { media, mediaUsages, newsItems, pages } from '@/db/schema';
import { axeViolations } from '../helpers/axe';
import { launchBrowser, clickAndAwaitPost } from '../helpers/browser';
import { cleanPdf, phonePhoto } from '../helpers/media';
import { type RunningServer, startServer } from '../helpers/server';
import { addStaff, signIn } from '../helpers/staff';

/**
 * A main image end to end, in a real Chromium against `next start`: a photo
 * uploaded through the media library, alt text in both languages, chosen as
 * an article's main image in the news editor, and the responsive image and
 * its Open Graph card on the public page in each language.
 */

const EDITOR = { name: 'Erion Editor', email: 'erion@iom.int', password: 'Ura e Tabakëve në Tiranë', role: 'editor' as const };
const PHOTO_NAME = 'Punishte në Korçë.jpg';
const EN_ALT = 'A woman sews at a workshop in Korçë';
const SQ_ALT = 'Një grua qep në një punishte në Korçë';

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let articleId = 0;
let photoId = 0;

function withDb<T>(run: (db: DB) => T): T {
  return withDatabase(server.dataDir, run);
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await addStaff(server.dataDir, [EDITOR]);
  context = await browser.newContext();
  page = await signIn(context, server.url, EDITOR);
  page.setDefaultTimeout(20_000);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function panel(locale: 'en' | 'sq'): Locator {
  return page.locator(`#panel-${locale}`);
}

async function write(locale: 'en' | 'sq', fields: { title: string; summary: string; body: string }) {
  const p = panel(locale);
  await p.getByLabel('Title', { exact: true }).fill(fields.title);
  await p.getByLabel('Summary', { exact: true }).fill(fields.summary);
  await p.getByRole('textbox', { name: 'Text', exact: true }).click();
  await page.keyboard.type(fields.body);
}

/** Clicks one of a language's buttons and waits for the form's answer. */
async function submit(locale: 'en' | 'sq', button: string): Promise<string> {
  const p = panel(locale);
  await clickAndAwaitPost(page, p.getByRole('button', { name: button, exact: true }), '/admin/news');
  await expect.poll(() => p.getByRole('button', { name: /Save/ }).first().isEnabled(), { timeout: 15_000 }).toBe(true);
  return (await p.getByTestId('form-message').textContent()) ?? '';
}

async function saveAltTexts(texts: { en?: string; sq?: string }) {
  await page.goto(`${server.url}/admin/media/${photoId}`);
  if (texts.en !== undefined) await page.getByTestId('texts-en').getByLabel('Alt text', { exact: true }).fill(texts.en);
  if (texts.sq !== undefined) await page.getByTestId('texts-sq').getByLabel('Alt text', { exact: true }).fill(texts.sq);
  await page.getByRole('button', { name: 'Save texts' }).click();
  await expect.poll(() => page.getByTestId('form-message').first().textContent()).toBe('The texts have been saved.');
}

/** Chooses the photo as main image through the image dialog. */
async function chooseHero(form: Locator) {
  await form.getByRole('button', { name: 'Choose image' }).click();
  const dialog = page.getByRole('dialog', { name: 'Choose an image from the media library' });
  await dialog.getByRole('button', { name: new RegExp(PHOTO_NAME) }).click();
  await dialog.getByRole('button', { name: 'Use this image' }).click();
  await expect.poll(() => form.getByTestId('hero-chosen').textContent()).toContain(PHOTO_NAME);
}

/** The page shows the main image as a responsive image loaded first, and shares it as its card. */
async function expectHero(reader: Page, alt: string) {
  const img = reader.getByTestId('hero').locator('img');
  expect(await img.getAttribute('alt')).toBe(alt);
  expect(await img.getAttribute('fetchpriority')).toBe('high');
  expect(await img.getAttribute('loading')).toBe('eager');
  const srcset = (await img.getAttribute('srcset'))!;
  expect(srcset.split(', ').map((c) => c.split(' ')[1])).toEqual(['320w', '640w', '1024w', '1600w']);
  for (const candidate of srcset.split(', ')) expect(candidate).toMatch(/^\/media\/[0-9a-f]{64}-\d+\.webp \d+w$/);
  // Upright (the phone's orientation applied): 1600 × 2133 at the widest.
  expect([await img.getAttribute('width'), await img.getAttribute('height')]).toEqual(['1600', '2133']);
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);

  const og = (await reader.locator('meta[property="og:image"]').getAttribute('content'))!;
  expect(og).toMatch(new RegExp(`^${server.url.replace(/[.]/g, '\\.')}/media/[0-9a-f]{64}-1600\\.jpg$`));
  expect(await reader.locator('meta[property="og:image:alt"]').getAttribute('content')).toBe(alt);
  expect(await reader.locator('meta[name="twitter:image"]').getAttribute('content')).toBe(og);
  const file = await fetch(og);
  expect([file.status, file.headers.get('content-type')]).toEqual([200, 'image/jpeg']);
}

describe('a main image', () => {
  it('is uploaded through the media library, with alt text in English only for now', async () => {
    await page.goto(`${server.url}/admin/media`);
    await page.getByLabel('Choose files to upload').setInputFiles({ name: PHOTO_NAME, mimeType: 'image/jpeg', buffer: await phonePhoto(2400, 1800) });
    const item = page.getByTestId('upload-list').locator('li').filter({ hasText: PHOTO_NAME });
    await expect.poll(() => item.getAttribute('data-status'), { timeout: 90_000 }).toBe('done');
    photoId = withDb((db) => db.select({ id: media.id }).from(media).where(eq(media.fileName, PHOTO_NAME)).get()!.id);
    await saveAltTexts({ en: EN_ALT });
  });

  it('is chosen in the news editor’s shared fields (an accessible list of the library’s images)', async () => {
    await page.goto(`${server.url}/admin/news/new`);
    await write('en', { title: 'Workshops open in Korçë', summary: 'Returnees run their own workshops.', body: 'Twelve families opened workshops.' });
    await panel('en').getByRole('button', { name: 'Save draft', exact: true }).click();
    await page.waitForURL(/\/admin\/news\/\d+\?created=en$/);
    articleId = Number(/\/admin\/news\/(\d+)/.exec(page.url())![1]);
    await write('sq', { title: 'Punishte hapen në Korçë', summary: 'Të kthyerit drejtojnë punishtet e tyre.', body: 'Dymbëdhjetë familje hapën punishte.' });
    expect(await submit('sq', 'Save draft')).toBe('Saved.');

    const picker = page.getByTestId('hero-picker');
    expect(await picker.getByTestId('hero-chosen').textContent()).toBe('No main image is chosen.');
    // The image dialog: the editor sees the file name, the alt text in their language and what is missing.
    await picker.getByRole('button', { name: 'Choose image' }).click();
    const dialog = page.getByRole('dialog', { name: 'Choose an image from the media library' });
    const choice = dialog.getByRole('button', { name: new RegExp(PHOTO_NAME) });
    expect(await choice.textContent()).toBe(`${PHOTO_NAME}${EN_ALT}No alt text in Albanian`);
    expect(await axeViolations(page)).toEqual([]);
    // Keyboard: Enter chooses the photo, then "Use this image".
    await choice.focus();
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: 'Use this image' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    const chosen = picker.getByTestId('hero-chosen');
    expect(await chosen.textContent()).toContain(EN_ALT);
    expect(await chosen.textContent()).toContain('No alt text in Albanian');
    const shared = page.getByRole('form', { name: 'Shared by both languages' });
    await shared.getByRole('button', { name: 'Save shared fields' }).click();
    await expect.poll(() => shared.getByTestId('form-message').textContent()).toBe('Saved.');
    expect(withDb((db) => db.select({ hero: newsItems.heroMediaId }).from(newsItems).where(eq(newsItems.id, articleId)).get()!.hero)).toBe(photoId);
  });

  it('without Albanian alt text, stops the Albanian from being published, with a clear message', async () => {
    await page.reload();
    expect(await submit('en', 'Publish now')).toContain('Published');
    const answer = await submit('sq', 'Publish now');
    expect(answer).not.toContain('Published');
    expect(await page.getByTestId('hero-error-sq').textContent()).toBe(
      'The main image has no alt text in this language. Add it in the media library (or mark the image decorative) before publishing.',
    );
    expect(await page.getByTestId('status-sq').textContent()).toContain('Draft');
    expect(await axeViolations(page)).toEqual([]);

    // Nor can it become the main image of a page already live in Albanian.
    const whoWeAre = withDb((db) => db.select({ id: pages.id }).from(pages).where(eq(pages.key, 'who-we-are')).get()!.id);
    await page.goto(`${server.url}/admin/pages/${whoWeAre}`);
    const form = page.getByTestId('hero-form');
    await chooseHero(form);
    await form.getByRole('button', { name: 'Save main image' }).click();
    await expect
      .poll(() => form.getByTestId('form-message').textContent())
      .toBe('This image has no alt text in Albanian, where this is already published. Add it in the media library (or mark the image decorative) first.');
    expect(withDb((db) => db.select({ hero: pages.heroMediaId }).from(pages).where(eq(pages.id, whoWeAre)).get()!.hero)).toBeNull();
  });

  it('once it has alt text in Albanian, the Albanian is published, and both public pages show the responsive image and its card', async () => {
    await saveAltTexts({ sq: SQ_ALT });
    await page.goto(`${server.url}/admin/news/${articleId}`);
    expect(await submit('sq', 'Publish now')).toContain('Published');

    const visitor = await browser.newContext();
    const reader = await visitor.newPage();
    for (const [path, alt] of [
      ['/news/workshops-open-in-korce', EN_ALT],
      ['/sq/lajme/punishte-hapen-ne-korce', SQ_ALT],
    ] as const) {
      const response = await reader.goto(server.url + path);
      expect(response!.status()).toBe(200);
      await expectHero(reader, alt);
    }
    expect(await axeViolations(reader)).toEqual([]);
    await visitor.close();
  });

  it('is set on a page of the tree too, and shown there in both languages', async () => {
    const whoWeAre = withDb((db) => db.select({ id: pages.id }).from(pages).where(eq(pages.key, 'who-we-are')).get()!.id);
    await page.goto(`${server.url}/admin/pages/${whoWeAre}`);
    const form = page.getByTestId('hero-form');
    await chooseHero(form);
    expect(await axeViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Save main image' }).click();
    await expect.poll(() => form.getByTestId('form-message').textContent()).toBe('Saved.');
    const visitor = await browser.newContext();
    const reader = await visitor.newPage();
    for (const [path, alt] of [
      ['/who-we-are', EN_ALT],
      ['/sq/kush-jemi', SQ_ALT],
    ] as const) {
      expect((await reader.goto(server.url + path))!.status()).toBe(200);
      await expectHero(reader, alt);
    }
    await visitor.close();
  });

  it('opens the home page with the newest story’s picture, and shows pictures on the cards (a calm panel where there is none)', async () => {
    const visitor = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const reader = await visitor.newPage();
    for (const [root, news, alt] of [
      ['/', '/news', EN_ALT],
      ['/sq', '/sq/lajme', SQ_ALT],
    ] as const) {
      await reader.goto(server.url + root);
      // The newest story (ours) opens the page, its picture loaded first and within the first screen.
      const lead = reader.getByTestId('in-focus').locator('img');
      expect(await lead.getAttribute('alt')).toBe(alt);
      expect([await lead.getAttribute('fetchpriority'), await lead.getAttribute('loading')]).toEqual(['high', 'eager']);
      expect([await lead.getAttribute('width'), await lead.getAttribute('height')]).toEqual(['1600', '2133']);
      expect((await lead.boundingBox())!.y).toBeLessThan(844);
      // The seed article has no picture: a calm panel, not an empty frame.
      const cards = reader.getByTestId('news-card');
      expect(await cards.count()).toBe(2);
      expect(await cards.nth(1).locator('img').count()).toBe(0);
      expect(await cards.nth(1).getByTestId('card-panel').count()).toBe(1);
      // "Who We Are" has its picture on its card, lazily (below the fold).
      const section = reader.getByTestId('page-card').first().locator('img');
      expect([await section.getAttribute('alt'), await section.getAttribute('loading')]).toEqual([alt, 'lazy']);
      expect(await section.getAttribute('width')).toBe('1600');

      await reader.goto(server.url + news);
      const first = reader.getByTestId('news-card').first().locator('img');
      expect([await first.getAttribute('alt'), await first.getAttribute('fetchpriority')]).toEqual([alt, 'high']);
      await expect.poll(() => first.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
      // Cut to 3:2 so a row of cards lines up.
      const box = (await first.boundingBox())!;
      expect(Math.abs(box.width / box.height - 1.5)).toBeLessThan(0.02);
      expect(await reader.getByTestId('news-card').nth(1).getByTestId('card-panel').count()).toBe(1);
    }
    await visitor.close();
  });

  it('is inserted into an article’s text from the editor’s toolbar, and shown there lazily', async () => {
    await page.goto(`${server.url}/admin/news/${articleId}`);
    const en = panel('en');
    await en.getByRole('textbox', { name: 'Text', exact: true }).click();
    await page.keyboard.press('Control+End');
    const tool = en.getByRole('button', { name: 'Insert image' });
    await tool.click();
    const picker = page.getByRole('dialog', { name: 'Choose an image from the media library' });
    await picker.getByRole('button', { name: new RegExp(PHOTO_NAME) }).click();
    expect(await axeViolations(page)).toEqual([]);
    await picker.getByRole('button', { name: 'Use this image' }).click();
    await expect.poll(() => picker.isVisible()).toBe(false);
    await expect.poll(() => en.getByRole('textbox', { name: 'Text', exact: true }).locator('img').count()).toBe(1);
    expect(await submit('en', 'Save and update the site')).toBe('Saved.');
    expect(withDb((db) => db.select({ mediaId: mediaUsages.mediaId, locale: mediaUsages.locale }).from(mediaUsages).all())).toEqual([{ mediaId: photoId, locale: 'en' }]);

    const res = await fetch(`${server.url}/news/workshops-open-in-korce`);
    const html = await res.text();
    const img = /<div class="prose[^"]*"[^>]*>.*?(<img [^>]*>)/s.exec(html)?.[1] ?? '';
    expect(img).toMatch(/src="\/media\/[0-9a-f]{64}-1600\.webp"/);
    expect(img).toMatch(/srcset="\/media\/[0-9a-f]{64}-320\.webp 320w, [^"]+ 1600w"/);
    expect(img).toContain(`alt="${EN_ALT}"`);
    expect(img).toContain('width="1600" height="2133"');
    expect(img).toContain('loading="lazy"');
  });
});

describe('publications', () => {
  it('a PDF uploaded to the library is listed on Data and Resources with its size, language and date', async () => {
    await page.goto(`${server.url}/admin/media`);
    const name = 'Raport vjetor 2025.pdf';
    await page.getByLabel('Choose files to upload').setInputFiles({ name, mimeType: 'application/pdf', buffer: cleanPdf() });
    const item = page.getByTestId('upload-list').locator('li').filter({ hasText: name });
    await expect.poll(() => item.getAttribute('data-status'), { timeout: 90_000 }).toBe('done');
    const pdf = withDb((db) => db.select({ id: media.id, hash: media.hash }).from(media).where(eq(media.fileName, name)).get()!);

    const dataPage = withDb((db) => db.select({ id: pages.id }).from(pages).where(eq(pages.key, 'data-and-resources')).get()!.id);
    await page.goto(`${server.url}/admin/pages/${dataPage}`);
    const form = page.getByTestId('publications-form');
    await form.getByRole('checkbox', { name: /Raport vjetor 2025\.pdf/ }).check();
    expect(await axeViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Save publications' }).click();
    await expect.poll(() => form.getByTestId('form-message').textContent()).toBe('Saved.');
    expect(withDb((db) => db.select({ mediaId: mediaUsages.mediaId, role: mediaUsages.role }).from(mediaUsages).where(eq(mediaUsages.mediaId, pdf.id)).all())).toEqual([
      { mediaId: pdf.id, role: 'publication' },
    ]);

    const visitor = await browser.newContext();
    const reader = await visitor.newPage();
    for (const [path, heading] of [
      ['/data-and-resources', 'Publications'],
      ['/sq/te-dhena-dhe-burime', 'Botime'],
    ] as const) {
      expect((await reader.goto(server.url + path))!.status()).toBe(200);
      const section = reader.getByTestId('publications');
      expect(await section.getByRole('heading', { level: 2 }).textContent()).toBe(heading);
      const link = section.getByRole('link', { name: name });
      expect(await link.getAttribute('href')).toBe(`/media/${pdf.hash}.pdf`);
      expect(await section.textContent()).toMatch(/PDF, [\d.,]+ (B|KB)/);
      expect(await section.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}/);
    }
    expect(await axeViolations(reader)).toEqual([]);
    await visitor.close();
  });
});
