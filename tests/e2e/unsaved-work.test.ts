import { eq } from 'drizzle-orm';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newsItems, newsItemThemes, newsTranslations, pages } from '@/db/schema';
import { axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { withDatabase } from '../helpers/db';
import { insertMediaRow } from '../helpers/media-rows';
import { type RunningServer, startServer } from '../helpers/server';
import { addStaff, signIn } from '../helpers/staff';

/**
 * Staff editing without surprises, in a real Chromium against `next start`:
 * the first save of a new article keeps everything typed (both languages and
 * the shared fields), leaving a page with unsaved changes asks first, and
 * text kept in the browser is offered back at the top of the form it was
 * typed into, on that item only.
 */

const EDITOR = { name: 'Erion Editor', email: 'erion@iom.int', password: 'Ura e Tabakëve në Tiranë', role: 'editor' as const };
const ALBANIAN = { name: 'Besa Editore', email: 'besa@iom.int', password: 'Liqeni i Ohrit në mëngjes', role: 'editor' as const, preferredLocale: 'sq' as const };

let server: RunningServer;
let browser: Browser;
let photoId = 0;
let articleId = 0;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await addStaff(server.dataDir, [EDITOR, ALBANIAN]);
  photoId = withDatabase(server.dataDir, (db) => insertMediaRow(db, 1, { en: 'Families at a workshop in Korçë', sq: 'Familje në një punishte në Korçë' }));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function panel(page: Page, locale: 'en' | 'sq'): Locator {
  return page.locator(`#panel-${locale}`);
}

/** Types like a person (keyboard events): a click into the field, then the keys. */
async function typeInto(page: Page, field: Locator, text: string) {
  await field.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

async function write(page: Page, locale: 'en' | 'sq', fields: { title?: string; summary?: string; body?: string }) {
  const p = panel(page, locale);
  if (fields.title !== undefined) await typeInto(page, p.getByLabel('Title', { exact: true }), fields.title);
  if (fields.summary !== undefined) await typeInto(page, p.getByLabel('Summary', { exact: true }), fields.summary);
  if (fields.body !== undefined) await typeInto(page, p.getByRole('textbox', { name: 'Text', exact: true }), fields.body);
}

/** The browser's kept drafts of news, as "itemId:locale". */
function keptNewsDrafts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('iom-draft:news:'))
      .map((k) => k.split(':').slice(3).join(':')),
  );
}

/** The local-draft offer of one language's form, if shown. */
function offer(page: Page, locale: 'en' | 'sq'): Locator {
  return page.locator(`#news-${locale}-local-draft`);
}

describe('the first save of a new article', () => {
  it('keeps both languages and the shared fields, whichever language’s button is pressed', async () => {
    const context = await browser.newContext();
    const page = await signIn(context, server.url, EDITOR);
    await page.goto(`${server.url}/admin/news`);
    await page.getByRole('link', { name: 'New article' }).click();
    await page.waitForURL(`${server.url}/admin/news/new`);

    // The shared fields are there before anything is saved: kind, a theme, the main image (through the image dialog).
    const shared = page.getByRole('form', { name: 'Shared by both languages' });
    await shared.getByLabel('Kind').selectOption({ label: 'Press release' });
    const theme = shared.getByRole('group', { name: 'Themes (Our Work areas)' }).getByRole('checkbox').first();
    const themeId = Number(await theme.getAttribute('value'));
    await theme.check();
    await shared.getByRole('button', { name: 'Choose image' }).click();
    const images = page.getByRole('dialog', { name: 'Choose an image from the media library' });
    await images.getByRole('button', { name: /file-1/ }).click();
    await images.getByRole('button', { name: 'Use this image' }).click();
    await expect.poll(() => shared.getByTestId('hero-chosen').textContent()).toContain('file-1');

    // English and Albanian typed side by side; "Save draft" under English.
    await write(page, 'en', { title: 'Side by side in Korçë', summary: 'Both languages written at once.', body: 'The English text.' });
    await write(page, 'sq', { title: 'Krah për krah në Korçë', body: 'Teksti shqip, i shkruar njëkohësisht.' });
    await panel(page, 'en').getByRole('button', { name: 'Save draft', exact: true }).click();
    await page.waitForURL(/\/admin\/news\/\d+\?created=en$/);
    articleId = Number(/\/admin\/news\/(\d+)/.exec(page.url())![1]);

    // Reloaded from the server: both languages and the shared fields are there.
    await page.reload();
    expect(await panel(page, 'en').getByLabel('Title', { exact: true }).inputValue()).toBe('Side by side in Korçë');
    expect(await panel(page, 'sq').getByLabel('Title', { exact: true }).inputValue()).toBe('Krah për krah në Korçë');
    expect(await panel(page, 'sq').getByRole('textbox', { name: 'Text', exact: true }).textContent()).toContain('Teksti shqip, i shkruar njëkohësisht.');
    expect(await page.getByTestId('status-sq').textContent()).toBe('Draft');
    const sharedForm = page.getByRole('form', { name: 'Shared by both languages' });
    // Set once, the shared block opens folded to a line: unfold it to read it.
    await page.getByTestId('shared-fields').locator('summary').click();
    expect(await sharedForm.getByLabel('Kind').inputValue()).toBe('press_release');
    expect(await sharedForm.locator(`input[name="themes"][value="${themeId}"]`).isChecked()).toBe(true);
    expect(await sharedForm.getByTestId('hero-chosen').textContent()).toContain('file-1');
    const rows = withDatabase(server.dataDir, (db) => ({
      item: db.select().from(newsItems).where(eq(newsItems.id, articleId)).get(),
      themes: db.select().from(newsItemThemes).where(eq(newsItemThemes.newsItemId, articleId)).all(),
      translations: db.select({ locale: newsTranslations.locale, status: newsTranslations.status }).from(newsTranslations).where(eq(newsTranslations.newsItemId, articleId)).all(),
    }));
    expect(rows.item).toMatchObject({ kind: 'press_release', heroMediaId: photoId });
    expect(rows.themes.map((t) => t.pageId)).toEqual([themeId]);
    expect(rows.translations.sort((a, b) => a.locale.localeCompare(b.locale))).toEqual([
      { locale: 'en', status: 'draft' },
      { locale: 'sq', status: 'draft' },
    ]);

    // Nothing is left in the browser to be offered on another article.
    expect(await keptNewsDrafts(page)).toEqual([]);
    expect(await offer(page, 'sq').count()).toBe(0);
    await page.goto(`${server.url}/admin/news/new`);
    await page.getByRole('form', { name: 'Shared by both languages' }).waitFor();
    expect(await offer(page, 'sq').count()).toBe(0);
    expect(await offer(page, 'en').count()).toBe(0);
    await context.close();
  });

  it('refuses the whole first save while the other language’s text cannot be saved, and says where', async () => {
    const context = await browser.newContext();
    const page = await signIn(context, server.url, EDITOR);
    await page.goto(`${server.url}/admin/news/new`);
    await write(page, 'en', { title: 'Published with its draft translation', body: 'Published at once.' });
    // Albanian text without a title cannot be kept as a draft.
    await write(page, 'sq', { body: 'Një tekst pa titull.' });
    await panel(page, 'en').getByRole('button', { name: 'Publish now', exact: true }).click();
    await expect.poll(() => panel(page, 'en').getByTestId('form-message').textContent(), { timeout: 15_000 }).toContain('Nothing has been saved yet.');
    expect(await panel(page, 'en').getByTestId('form-message').textContent()).toContain('including those in Albanian');
    expect(await panel(page, 'sq').getByTestId('carried-sq').isVisible()).toBe(true);
    expect(await panel(page, 'sq').getByLabel('Title', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await panel(page, 'sq').getByText('This field is required.').first().isVisible()).toBe(true);
    expect(page.url()).toBe(`${server.url}/admin/news/new`);
    expect(await panel(page, 'sq').getByRole('textbox', { name: 'Text', exact: true }).textContent()).toContain('Një tekst pa titull.');
    expect(await axeViolations(page)).toEqual([]);

    await write(page, 'sq', { title: 'Publikuar me përkthimin si skicë' });
    await panel(page, 'en').getByRole('button', { name: 'Publish now', exact: true }).click();
    await page.waitForURL(/\/admin\/news\/\d+\?created=en$/);
    expect(await page.getByTestId('status-en').textContent()).toContain('Published');
    expect(await page.getByTestId('status-sq').textContent()).toBe('Draft');
    expect(await panel(page, 'sq').getByLabel('Title', { exact: true }).inputValue()).toBe('Publikuar me përkthimin si skicë');
    expect((await fetch(`${server.url}/news/published-with-its-draft-translation`)).status).toBe(200);
    expect((await fetch(`${server.url}/sq/lajme/publikuar-me-perkthimin-si-skice`)).status).toBe(404);
    await context.close();
  });
});

describe('leaving with unsaved changes', () => {
  it('asks before a link of the area is followed, by mouse or keyboard, and not once the text is saved', async () => {
    const context = await browser.newContext();
    const page = await signIn(context, server.url, EDITOR);
    const article = `${server.url}/admin/news/${articleId}`;
    await page.goto(article);
    // Nothing changed: links simply work.
    await page.getByRole('navigation', { name: 'Editor area' }).getByRole('link', { name: 'Media', exact: true }).click();
    await page.waitForURL(`${server.url}/admin/media`);
    await page.goto(article);

    await write(page, 'en', { title: 'Side by side in Korçë and Berat' });
    const dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
    await page.getByRole('navigation', { name: 'Editor area' }).getByRole('link', { name: 'News', exact: true }).click();
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Changes on this page have not been saved.');
    expect(page.url()).toBe(article);
    expect(await axeViolations(page)).toEqual([]);
    // Escape stays, with the text as typed.
    await page.keyboard.press('Escape');
    expect(await dialog.isVisible()).toBe(false);
    expect(await panel(page, 'en').getByLabel('Title', { exact: true }).inputValue()).toBe('Side by side in Korçë and Berat');

    // By keyboard: Enter on a link opens the question with "Stay on this page" focused.
    await page.getByRole('link', { name: 'Back to the news list' }).focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    expect(await dialog.getByRole('button', { name: 'Stay on this page' }).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await dialog.isVisible()).toBe(false);
    expect(page.url()).toBe(article);

    // A link inside the form asks too (the history of a language), and leaving goes there.
    await panel(page, 'en').getByRole('link', { name: 'History' }).click();
    await dialog.getByRole('button', { name: 'Leave without saving' }).click();
    await page.waitForURL(`${article}/history/en`);

    // Saved: nothing to ask.
    await page.goto(article);
    await write(page, 'sq', { title: 'Krah për krah në Korçë dhe Berat' });
    await panel(page, 'sq').getByRole('button', { name: 'Save draft', exact: true }).click();
    await expect.poll(() => panel(page, 'sq').getByTestId('form-message').textContent(), { timeout: 15_000 }).toBe('Saved.');
    await page.getByRole('navigation', { name: 'Editor area' }).getByRole('link', { name: 'News', exact: true }).click();
    await page.waitForURL(`${server.url}/admin/news`);
    await context.close();
  });

  it('asks before the tab is reloaded or closed (the browser’s own question), and not once saved', async () => {
    const context = await browser.newContext();
    const page = await signIn(context, server.url, EDITOR);
    const asked: string[] = [];
    let answer: 'accept' | 'dismiss' = 'accept';
    page.on('dialog', (d) => {
      asked.push(d.type());
      void (answer === 'accept' ? d.accept() : d.dismiss());
    });
    await page.goto(`${server.url}/admin/news/${articleId}`);
    await page.reload();
    expect(asked).toEqual([]);

    await write(page, 'en', { summary: 'A summary typed and not saved.' });
    await page.reload();
    expect(asked).toEqual(['beforeunload']);

    // The typed text was kept in the browser; it is offered back at the top of its form, announced.
    const kept = offer(page, 'en');
    await kept.waitFor();
    expect(await kept.textContent()).toContain('Unsaved text');
    expect(await kept.evaluate((el) => el.closest('[role="status"]') !== null)).toBe(true);
    expect(await kept.evaluate((el) => el.closest('form')?.id)).toBe('news-en');
    const noticeBox = (await kept.boundingBox())!;
    const titleBox = (await panel(page, 'en').getByLabel('Title', { exact: true }).boundingBox())!;
    const buttonsBox = (await panel(page, 'en').getByRole('button', { name: 'Save draft', exact: true }).boundingBox())!;
    expect(noticeBox.y + noticeBox.height).toBeLessThanOrEqual(titleBox.y);
    expect(noticeBox.y).toBeLessThan(buttonsBox.y);
    await kept.getByRole('button', { name: 'Restore it' }).click();
    expect(await panel(page, 'en').getByLabel('Summary', { exact: true }).inputValue()).toBe('A summary typed and not saved.');

    // Closing the tab asks; "stay" keeps the page and its text.
    answer = 'dismiss';
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => asked.length).toBe(2);
    expect(asked[1]).toBe('beforeunload');
    expect(page.isClosed()).toBe(false);
    expect(await panel(page, 'en').getByLabel('Summary', { exact: true }).inputValue()).toBe('A summary typed and not saved.');

    // Once saved there is nothing to ask.
    answer = 'accept';
    await panel(page, 'en').getByRole('button', { name: 'Save draft', exact: true }).click();
    await expect.poll(() => panel(page, 'en').getByTestId('form-message').textContent(), { timeout: 15_000 }).toBe('Saved.');
    await page.reload();
    expect(asked.length).toBe(2);
    await context.close();
  });

  it('asks in the editor’s language, and offers text kept for a new article only on a new article', async () => {
    const context = await browser.newContext();
    const page = await signIn(context, server.url, ALBANIAN);
    await page.goto(`${server.url}/admin/news/new`);
    await typeInto(page, panel(page, 'sq').getByLabel('Titulli', { exact: true }), 'Një artikull i nisur e i lënë');
    await expect.poll(() => keptNewsDrafts(page)).toEqual(['new:sq']);
    await page.locator('nav a[href="/admin/news"]').click();
    const dialog = page.getByRole('dialog', { name: 'Të largoheni pa ruajtur?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Ndryshimet në këtë faqe nuk janë ruajtur.');
    await dialog.getByRole('button', { name: 'Largohuni pa ruajtur' }).click();
    await page.waitForURL(`${server.url}/admin/news`);

    // An existing article is not offered the new article's text.
    await page.goto(`${server.url}/admin/news/${articleId}`);
    await panel(page, 'sq').getByLabel('Titulli', { exact: true }).waitFor();
    expect(await offer(page, 'sq').count()).toBe(0);
    // A new article is.
    await page.goto(`${server.url}/admin/news/new`);
    await offer(page, 'sq').waitFor();
    expect(await offer(page, 'sq').textContent()).toContain('Tekst i paruajtur');
    await context.close();
  });

  it('asks in the page editor too, for a language form and for the main image', async () => {
    const ourWork = withDatabase(server.dataDir, (db) => db.select({ id: pages.id }).from(pages).where(eq(pages.key, 'our-work')).get()!.id);
    const context = await browser.newContext();
    const page = await signIn(context, server.url, EDITOR);
    const address = `${server.url}/admin/pages/${ourWork}`;
    await page.goto(address);
    const dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
    await page.getByTestId('hero-form').getByRole('button', { name: 'Choose image' }).click();
    const images = page.getByRole('dialog', { name: 'Choose an image from the media library' });
    await images.getByRole('button', { name: /file-1/ }).click();
    await images.getByRole('button', { name: 'Use this image' }).click();
    await expect.poll(() => images.isVisible()).toBe(false);
    await page.getByRole('navigation', { name: 'Editor area' }).getByRole('link', { name: 'Pages', exact: true }).click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Stay on this page' }).click();
    await page.getByTestId('hero-form').getByRole('button', { name: 'Remove main image' }).click();
    // Back as it was: nothing to ask.
    await page.getByRole('navigation', { name: 'Editor area' }).getByRole('link', { name: 'Pages', exact: true }).click();
    await page.waitForURL(`${server.url}/admin/pages`);
    await page.goto(address);
    await typeInto(page, panel(page, 'en').getByLabel('Summary', { exact: true }), 'A summary not saved.');
    await page.getByRole('navigation', { name: 'Editor area' }).getByRole('link', { name: 'Pages', exact: true }).click();
    await dialog.waitFor();
    expect(page.url()).toBe(address);
    await context.close();
  });
});
