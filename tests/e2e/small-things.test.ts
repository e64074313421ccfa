import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toTiranaFields } from '@/lib/dates';
import { axeViolations } from '../helpers/axe';
import { launchBrowser, clickAndAwaitPost } from '../helpers/browser';
import { type RunningServer, startServer } from '../helpers/server';
import { addStaff, signIn as signInAs } from '../helpers/staff';

/**
 * The smaller things staff noticed in the news editor, in a real Chromium
 * against `next start`: an empty title is the only field marked, the shared
 * block folds to one line once chosen, a live language links to its public
 * page, a refused save says so once, and the history says what each save
 * did and offers no restore of the text already current.
 */

const EDITOR = { name: 'Arta Editore', email: 'arta@iom.int', password: 'Kalaja e Gjirokastrës në shi', role: 'editor' as const };

let server: RunningServer;
let browser: Browser;
let articleId = 0;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await addStaff(server.dataDir, [EDITOR]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function signIn(context: BrowserContext): Promise<Page> {
  return signInAs(context, server.url, EDITOR);
}

function panel(page: Page, locale: 'en' | 'sq'): Locator {
  return page.locator(`#panel-${locale}`);
}

/** Clicks one of a language's buttons and waits for the form's answer. */
async function submit(page: Page, locale: 'en' | 'sq', button: string): Promise<string> {
  const p = panel(page, locale);
  await clickAndAwaitPost(page, p.getByRole('button', { name: button, exact: true }), '/admin/news');
  await expect.poll(() => p.getByRole('button', { name: /Save/ }).first().isEnabled(), { timeout: 15_000 }).toBe(true);
  return (await p.getByTestId('form-message').textContent()) ?? '';
}

describe('the news editor', () => {
  it('marks only the title when it is empty, not the address made from it', async () => {
    const context = await browser.newContext();
    const page = await signIn(context);
    await page.goto(`${server.url}/admin/news/new`);
    const en = panel(page, 'en');
    await en.getByRole('textbox', { name: 'Text', exact: true }).click();
    await page.keyboard.type('Families in Shkodër open a bakery.');
    await submit(page, 'en', 'Save draft');
    expect(await en.getByLabel('Title', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await en.getByLabel('Address (slug)', { exact: true }).getAttribute('aria-invalid')).toBeNull();

    await en.getByLabel('Title', { exact: true }).fill('A bakery opens in Shkodër');
    await en.getByRole('button', { name: 'Save draft', exact: true }).click();
    await page.waitForURL(/\/admin\/news\/\d+\?created=en$/);
    articleId = Number(/\/admin\/news\/(\d+)/.exec(page.url())![1]);
    await context.close();
  });

  it('folds the shared fields to one line once chosen, so the title is in view', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await signIn(context);
    await page.goto(`${server.url}/admin/news/${articleId}`);
    const shared = page.getByTestId('shared-fields');
    // Nothing chosen yet: open.
    expect(await shared.evaluate((d: HTMLDetailsElement) => d.open)).toBe(true);
    await shared.getByRole('group', { name: 'Themes (Our Work areas)' }).getByRole('checkbox').first().check();
    await page.getByRole('button', { name: 'Save shared fields' }).click();
    await expect.poll(() => shared.getByTestId('form-message').textContent()).toBe('Saved.');

    await page.reload();
    expect(await shared.evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
    expect(await page.getByTestId('shared-summary').textContent()).toBe('News · 1 theme · no main image');
    expect(await page.getByLabel('Kind').isVisible()).toBe(false);
    const title = await panel(page, 'en').getByLabel('Title', { exact: true }).boundingBox();
    expect(title!.y + title!.height).toBeLessThan(800);
    // Opened by keyboard, like any disclosure.
    await shared.locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await page.getByLabel('Kind').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('links a live language to its public page, and only that language', async () => {
    const context = await browser.newContext();
    const page = await signIn(context);
    await page.goto(`${server.url}/admin/news/${articleId}`);
    expect(await page.getByRole('link', { name: /View on site/ }).count()).toBe(0);
    expect(await submit(page, 'en', 'Publish now')).toContain('Published');
    const link = panel(page, 'en').getByRole('link', { name: /View on site/ });
    await link.waitFor();
    expect(await panel(page, 'sq').getByRole('link', { name: /View on site/ }).count()).toBe(0);
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/\/news\/a-bakery-opens-in-shkoder$/);
    const res = await fetch(server.url + href);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('A bakery opens in Shkodër');
    await context.close();
  });

  it('says a refused save once, in the box with the newer text', async () => {
    const [a, b] = await Promise.all([browser.newContext(), browser.newContext()]);
    const [pageA, pageB] = await Promise.all([signIn(a), signIn(b)]);
    await pageA.goto(`${server.url}/admin/news/${articleId}`);
    await pageB.goto(`${server.url}/admin/news/${articleId}`);
    // Saving under a new address.
    await panel(pageA, 'en').getByLabel('Address (slug)', { exact: true }).fill('bakery-shkoder');
    expect(await submit(pageA, 'en', 'Save and update the site')).toBe('Saved.');

    await panel(pageB, 'en').getByLabel('Summary', { exact: true }).fill('Bread every morning.');
    await panel(pageB, 'en').getByRole('button', { name: 'Save and update the site', exact: true }).click();
    const conflict = pageB.getByTestId('conflict-en');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Your save was refused');
    expect(await panel(pageB, 'en').getByTestId('form-message').count()).toBe(0);
    await a.close();
    await b.close();
  });

  it('history: says what each save did, and offers no restore of the text already current', async () => {
    const context = await browser.newContext();
    const page = await signIn(context);
    await page.goto(`${server.url}/admin/news/${articleId}`);
    await panel(page, 'en').getByLabel('Summary', { exact: true }).fill('Bread every morning.');
    expect(await submit(page, 'en', 'Save and update the site')).toBe('Saved.');
    expect(await submit(page, 'en', 'Unpublish')).toContain('Unpublished');
    const later = toTiranaFields(new Date(Date.now() + 7 * 86_400_000));
    await panel(page, 'en').getByLabel('Publication date', { exact: true }).fill(later.date);
    await panel(page, 'en').getByLabel('Publication time', { exact: true }).fill(later.time);
    expect(await submit(page, 'en', 'Schedule')).toContain('Scheduled');

    await page.goto(`${server.url}/admin/news/${articleId}/history/en`);
    const changes = async (version: number) => page.getByTestId(`revision-changes-${version}`).textContent();
    expect(await changes(1)).toBe('Text saved');
    expect(await changes(2)).toBe('Published');
    expect(await changes(3)).toBe('Address changed');
    expect(await changes(4)).toBe('Text saved');
    expect(await changes(5)).toBe('Unpublished');
    expect(await changes(6)).toBe('Scheduled');

    // The current version has nothing to restore.
    await page.getByRole('link', { name: /^Version 6/ }).click();
    await page.waitForURL(/\?rev=\d+$/);
    await page.getByTestId('history-is-current').waitFor();
    expect(await page.getByRole('button', { name: /^Restore version/ }).count()).toBe(0);

    // Version 3 (before the summary) is brought back as version 7…
    await page.getByRole('link', { name: /^Version 3/ }).click();
    await page.waitForURL(/\?rev=\d+$/);
    await page.getByRole('button', { name: 'Restore version 3' }).click();
    // The page refreshes after the restore: version 3's text is now the current text.
    await page.getByRole('link', { name: /^Version 7/ }).waitFor();
    // The answer stays on screen once the page has refreshed, naming the new version.
    await expect.poll(() => page.getByTestId('form-message').textContent()).toBe('Restored as version 7.');
    await page.getByTestId('history-is-current').waitFor();
    // …and is then the current text: no second offer, and the history says what happened.
    await page.reload();
    await page.getByTestId('history-is-current').waitFor();
    expect(await page.getByRole('button', { name: /^Restore version/ }).count()).toBe(0);
    expect(await changes(7)).toBe('Restored version 3');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  }, 180_000);
});
