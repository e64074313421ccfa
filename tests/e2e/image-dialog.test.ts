import { eq, ne } from 'drizzle-orm';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '@/db/client';
import { media, mediaTranslations, pages } from '@/db/schema';
import { axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { withDatabase } from '../helpers/db';
import { phonePhoto } from '../helpers/media';
import { insertMediaRow } from '../helpers/media-rows';
import { type RunningServer, startServer } from '../helpers/server';
import { addStaff, signIn } from '../helpers/staff';

/**
 * The image dialog (main image and "Insert image") in a real Chromium against
 * `next start`: an upload that asks for alt text before the image can be
 * used, a case- and accent-insensitive search over the whole library in both
 * languages, paging, missing-alt badges, and keyboard use of a modal dialog.
 */

const EDITOR = { name: 'Erion Editor', email: 'erion@iom.int', password: 'Ura e Tabakëve në Tiranë', role: 'editor' as const };
const ALBANIAN = { name: 'Besa Editore', email: 'besa@iom.int', password: 'Liqeni i Ohrit në mëngjes', role: 'editor' as const, preferredLocale: 'sq' as const };
const PHOTO = 'Punishte në Berat.jpg';
const OLD = 'Korçë 2019 arkivi.jpg';
const MARKET = 'Tregu.jpg';

let server: RunningServer;
let browser: Browser;
let page: Page;
let pageId = 0;

function withDb<T>(run: (db: DB) => T): T {
  return withDatabase(server.dataDir, run);
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await addStaff(server.dataDir, [EDITOR, ALBANIAN]);
  pageId = withDb((db) => db.select({ id: pages.id }).from(pages).where(eq(pages.key, 'who-we-are')).get()!.id);
  // Older than the 12 a page of the dialog shows: the oldest is on page 2 only.
  withDb((db) => {
    for (let n = 2; n <= 15; n++) {
      const texts = n === 2 ? { en: 'Archive photo of a street' } : n === 3 ? { sq: 'Çadra në tregun e Shkodrës' } : { en: `Tirana view ${n}`, sq: `Pamje e Tiranës ${n}` };
      const id = insertMediaRow(db, n, texts);
      const fileName = n === 2 ? OLD : n === 3 ? MARKET : `Tirana-${n}.jpg`;
      db.update(media).set({ fileName, createdAt: new Date(Date.UTC(2019 + n, 0, 1)) }).where(eq(media.id, id)).run();
    }
  });
  page = await signIn(await browser.newContext(), server.url, EDITOR);
  page.setDefaultTimeout(20_000);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const dialogOf = (p: Page) => p.getByRole('dialog', { name: /^(Choose an image from the media library|Zgjidhni një imazh nga biblioteka e mediave)$/ });
const focusedText = (p: Page) => p.evaluate(() => document.activeElement?.textContent ?? '');

async function waitForCount(dialog: Locator, text: string) {
  await expect.poll(() => dialog.getByTestId('image-dialog-status').textContent(), { timeout: 15_000 }).toBe(text);
}

describe('the image dialog', () => {
  it('uploads a main image right there, and asks for its alt text before it can be used', async () => {
    await page.goto(`${server.url}/admin/pages/${pageId}`);
    const form = page.getByTestId('hero-form');
    const opener = form.getByRole('button', { name: 'Choose image' });
    await opener.click();
    const dialog = dialogOf(page);
    await dialog.waitFor();
    // Focus starts in the search field.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('search');
    await waitForCount(dialog, '14 images');
    await dialog.getByLabel('Upload a new image').setInputFiles({ name: PHOTO, mimeType: 'image/jpeg', buffer: await phonePhoto(1600, 1200) });
    const altForm = dialog.getByTestId('image-dialog-alt');
    await altForm.waitFor({ timeout: 40_000 });
    await waitForCount(dialog, '15 images');
    const use = dialog.getByRole('button', { name: 'Use this image' });
    expect(await use.isDisabled()).toBe(true);
    // Saving without alt text is refused, per language.
    await altForm.getByRole('button', { name: 'Save alt text' }).click();
    await expect.poll(() => altForm.getByRole('alert').textContent()).toBe('The alt text is missing.');
    expect(await altForm.textContent()).toContain('Write the alt text in Albanian, or mark the image decorative.');
    expect(await use.isDisabled()).toBe(true);
    await altForm.getByLabel('Alt text in English').fill('Carpenters at a workshop in Berat');
    await altForm.getByLabel('Alt text in Albanian').fill('Marangozë në një punishte në Berat');
    await altForm.getByRole('button', { name: 'Save alt text' }).click();
    await expect.poll(() => use.isEnabled()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await use.click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    // Focus is back on the button that opened the dialog.
    expect(await focusedText(page)).toBe('Choose image');
    expect(await form.getByTestId('hero-chosen').textContent()).toContain(PHOTO);
    await form.getByRole('button', { name: 'Save main image' }).click();
    await expect.poll(() => form.getByTestId('form-message').textContent()).toBe('Saved.');
    const photo = withDb((db) => db.select().from(media).where(eq(media.fileName, PHOTO)).get()!);
    expect(withDb((db) => db.select({ hero: pages.heroMediaId }).from(pages).where(eq(pages.id, pageId)).get()!.hero)).toBe(photo.id);
    expect(withDb((db) => db.select({ locale: mediaTranslations.locale, alt: mediaTranslations.alt }).from(mediaTranslations).where(eq(mediaTranslations.mediaId, photo.id)).all())).toEqual([
      { locale: 'en', alt: 'Carpenters at a workshop in Berat' },
      { locale: 'sq', alt: 'Marangozë në një punishte në Berat' },
    ]);
    // The seeded rows have no files: let them show this photo's thumbnails (for the screenshots below).
    withDb((db) => db.update(media).set({ variants: photo.variants }).where(ne(media.id, photo.id)).run());
  });

  it('pages through the whole library and searches it, ignoring case and accents, in either language (keyboard only)', async () => {
    await page.goto(`${server.url}/admin/pages/${pageId}`);
    const en = page.locator('#panel-en');
    await en.getByRole('textbox', { name: 'Text', exact: true }).click();
    await page.keyboard.press('Control+End');
    await en.getByRole('button', { name: 'Insert image' }).focus();
    await page.keyboard.press('Enter');
    const dialog = dialogOf(page);
    await dialog.waitFor();
    await waitForCount(dialog, '15 images');
    const grid = dialog.getByTestId('image-dialog-grid');
    expect(await grid.getByRole('button').count()).toBe(12);
    expect(await grid.textContent()).not.toContain(OLD);
    await dialog.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => grid.getByRole('button').count()).toBe(3);
    expect(await dialog.getByRole('navigation').textContent()).toContain('Page 2 of 2');
    expect(await grid.getByRole('button', { name: new RegExp(OLD) }).count()).toBe(1);

    // "korce" finds "Korçë" in a file name; "CADRA" finds "Çadra" in an Albanian alt text.
    await dialog.getByLabel('Search by file name or alt text').focus();
    await page.keyboard.type('korce');
    await waitForCount(dialog, '1 image');
    expect(await grid.getByRole('button').first().textContent()).toBe(`${OLD}Archive photo of a streetNo alt text in Albanian`);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('CADRA');
    await waitForCount(dialog, '1 image');
    const market = grid.getByRole('button', { name: new RegExp(MARKET) });
    expect(await market.getByTestId('lacks-alt').allTextContents()).toEqual(['No alt text in English']);
    await page.keyboard.type('zzz');
    await waitForCount(dialog, 'No images found.');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('cadra');
    await waitForCount(dialog, '1 image');

    // Without English alt text it cannot go into the English text until some is written.
    await page.keyboard.press('Tab'); // the upload button
    await page.keyboard.press('Tab'); // the image
    expect(await focusedText(page)).toBe(`${MARKET}Çadra në tregun e ShkodrësNo alt text in English`);
    await page.keyboard.press('Enter');
    const use = dialog.getByRole('button', { name: 'Use this image' });
    const altForm = dialog.getByTestId('image-dialog-alt');
    await altForm.waitFor();
    expect(await use.isDisabled()).toBe(true);
    await altForm.getByLabel('Alt text in English').fill('Umbrellas at the Shkodër market');
    await altForm.getByRole('button', { name: 'Save alt text' }).click();
    await expect.poll(() => use.isEnabled()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await use.click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    const body = en.getByRole('textbox', { name: 'Text', exact: true });
    await expect.poll(() => body.locator('img').getAttribute('alt')).toBe('Umbrellas at the Shkodër market');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('textbox');

    // Escape closes the dialog and gives the focus back to its opener.
    await en.getByRole('button', { name: 'Insert image' }).focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible(), { timeout: 10_000 }).toBe(false);
    expect(await focusedText(page)).toBe('Insert image');
  });

  it('is laid out for a desktop and a phone, in both languages (screenshots)', async () => {
    const albanian = await signIn(await browser.newContext(), server.url, ALBANIAN);
    for (const [locale, p] of [
      ['en', page],
      ['sq', albanian],
    ] as const) {
      for (const width of [1280, 390]) {
        await p.setViewportSize({ width, height: width === 1280 ? 900 : 844 });
        await p.goto(`${server.url}/admin/pages/${pageId}`);
        await p.getByTestId('hero-form').getByRole('button', { name: locale === 'en' ? 'Choose image' : 'Zgjidh imazhin' }).click();
        const dialog = dialogOf(p);
        await dialog.waitFor();
        await waitForCount(dialog, locale === 'en' ? '15 images' : '15 imazhe');
        await dialog.getByTestId('image-dialog-grid').getByRole('button', { name: new RegExp(MARKET) }).isVisible();
        await p.evaluate(() => Promise.all(Array.from(document.querySelectorAll('dialog img')).map((i) => (i as HTMLImageElement).decode().catch(() => undefined))));
        await p.screenshot({ path: `/tmp/shots/image-dialog-${locale}-${width}.png` });
        expect(await axeViolations(p)).toEqual([]);
      }
    }
  });
});
