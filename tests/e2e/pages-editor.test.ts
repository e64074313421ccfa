import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe';
import { hydrated } from '../helpers/browser';
import { moveToTrash, panel, useEditorServer, write } from '../helpers/editor';
import { signIn as signInAs } from '../helpers/staff';

/**
 * The pages editor end to end: admins shape the menu and staff write the
 * pages in a real Chromium against `next start`; visitors read the public
 * pages it serves, from Next's cache, which every change must refresh.
 */

const ADMIN = { name: 'Ana Admin', email: 'ana@iom.int', password: 'Lumi i Drinit rrjedh ngadalë', role: 'admin' as const };
const EDITOR = { name: 'Erion Editor', email: 'erion@iom.int', password: 'Ura e Tabakëve në Tiranë', role: 'editor' as const };

const files = useEditorServer([ADMIN, EDITOR]);

function signIn(context: BrowserContext, user: { email: string; password: string }): Promise<Page> {
  return signInAs(context, files.server.url, user);
}

/** Clicks one of a language's buttons and waits for the form's answer. */
async function submit(page: Page, locale: 'en' | 'sq', button: string): Promise<string> {
  const p = panel(page, locale);
  const message = p.getByTestId('form-message');
  const before = (await message.count()) ? await message.textContent() : null;
  const target = p.getByRole('button', { name: button, exact: true });
  await hydrated(target);
  await target.click();
  await expect.poll(async () => ((await message.count()) ? await message.textContent() : null), { timeout: 15_000 }).not.toBe(before);
  return (await message.textContent()) ?? '';
}

async function fetchPath(path: string): Promise<Response> {
  return fetch(files.server.url + path, { redirect: 'manual' });
}

async function html(path: string): Promise<string> {
  const res = await fetchPath(path);
  expect({ path, status: res.status }).toEqual({ path, status: 200 });
  return res.text();
}

/** Opens a page of the tree in the editor by its title in the tree (the admin's language is English). */
async function openFromTree(page: Page, title: string): Promise<number> {
  await page.goto(`${files.server.url}/admin/pages`);
  // Sub-pages are folded at first.
  await page.getByRole('button', { name: 'Expand all' }).click();
  await page.getByRole('link', { name: title, exact: true }).click();
  await page.waitForURL(/\/admin\/pages\/\d+$/);
  return Number(/\/admin\/pages\/(\d+)/.exec(page.url())![1]);
}

/** The titles of Our Work's sub-pages in the public menu of a language, in order, as a visitor's browser gets them. */
async function ourWorkMenu(locale: 'en' | 'sq'): Promise<string[]> {
  const context = await files.browser.newContext();
  const reader = await context.newPage();
  await reader.goto(`${files.server.url}${locale === 'sq' ? '/sq' : '/'}`);
  const titles = await reader.evaluate((parent) => {
    const items = [...document.querySelectorAll('header details nav > ul > li')];
    const item = items.find((li) => li.querySelector(':scope > a')?.textContent?.trim() === parent);
    return item ? [...item.querySelectorAll(':scope > ul a')].map((a) => a.textContent?.trim() ?? '') : [];
  }, locale === 'sq' ? 'Puna jonë' : 'Our Work');
  await context.close();
  return titles;
}

/**
 * A public page's HTML once it answers 200: the proxy's index of addresses
 * looks at the database again at most twice a second.
 */
async function eventually(path: string): Promise<string> {
  await expect.poll(async () => (await fetchPath(path)).status, { timeout: 5_000 }).toBe(200);
  return html(path);
}

const NEW_SQ_BODY = 'IOM Shqipëri punon me institucionet, shoqërinë civile dhe komunitetet që nga viti 1992.';
let whoWeAreId = 0;
let healthId = 0;
/** The admin's own request that moved a page, to be replayed by an editor. */
let moveRequest: { url: string; headers: Record<string, string>; body: Buffer } | null = null;

describe('editing a page', () => {
  it('an admin rewrites “Who We Are” in Albanian and the cached public page shows it at once', async () => {
    // Visitors have the page in Next's cache first.
    const before = await html('/sq/kush-jemi');
    expect(before).not.toContain(NEW_SQ_BODY);
    expect(before).toContain('data-testid="placeholder-note"');
    expect(await html('/sq/kush-jemi')).not.toContain(NEW_SQ_BODY);

    const context = await files.browser.newContext();
    const page = await signIn(context, ADMIN);
    whoWeAreId = await openFromTree(page, 'Who We Are');
    expect(await panel(page, 'sq').getByLabel('Address (path)').inputValue()).toBe('kush-jemi');
    expect(await page.getByTestId('status-sq').textContent()).toContain('Published');
    await page.getByTestId('placeholder-sq').waitFor();
    await write(page, 'sq', { body: NEW_SQ_BODY });
    expect(await submit(page, 'sq', 'Save and update the site')).toBe('Saved.');

    const after = await html('/sq/kush-jemi');
    expect(after).toContain(NEW_SQ_BODY);
    // A person wrote it: it is no longer the seed's placeholder.
    expect(after).not.toContain('data-testid="placeholder-note"');

    // The English was last checked against the old Albanian: it may be out of date now, and the editor shows what changed.
    await page.goto(`${files.server.url}/admin/pages`);
    const row = page.locator(`[data-page-id="${whoWeAreId}"]`).first();
    await row.getByTestId('tree-stale-en').first().waitFor();
    await page.goto(`${files.server.url}/admin/pages/${whoWeAreId}`);
    const notice = page.getByTestId('stale-notice-en');
    await notice.getByText('What changed in the other language').click();
    expect(await notice.locator('ins').first().textContent()).toContain('institucionet');
    await context.close();
  });

  it('a changed English address answers at once, and the old one with 308 to it', async () => {
    const context = await files.browser.newContext();
    const page = await signIn(context, ADMIN);
    await openFromTree(page, 'Contact');
    expect(await html('/contact')).toContain('Contact');
    await write(page, 'en', { path: 'contact-us' });
    expect(await submit(page, 'en', 'Save and update the site')).toBe('Saved.');
    expect(await eventually('/contact-us')).toContain('Contact');
    await expect.poll(async () => (await fetchPath('/contact')).status, { timeout: 5_000 }).toBe(308);
    expect(new URL((await fetchPath('/contact')).headers.get('location')!, files.server.url).pathname).toBe('/contact-us');
    // The menu leads to the new address.
    expect(await html('/')).toContain('href="/contact-us"');
    await context.close();
  });

  it('brings back an earlier version from the history, and the public page follows', async () => {
    const context = await files.browser.newContext();
    const page = await signIn(context, ADMIN);
    await page.goto(`${files.server.url}/admin/pages/${whoWeAreId}/history/sq`);
    // The seed's text was kept as version 1 before the first edit.
    await page.getByRole('link', { name: /^Version 1/ }).click();
    await page.waitForURL(/\?rev=\d+$/);
    expect(await page.locator('main ins').first().textContent()).toContain('institucionet');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Restore version 1' }).click();
    // The page refreshes: version 3, the restored text, is now the current one.
    await page.getByRole('link', { name: /^Version 3/ }).waitFor();
    await expect.poll(() => page.getByTestId('form-message').textContent()).toBe('Restored as version 3.');
    const restored = await html('/sq/kush-jemi');
    expect(restored).not.toContain(NEW_SQ_BODY);
    expect(restored).toContain('pjesë e sistemit të Kombeve të Bashkuara');
    await context.close();
  });
});

describe('the menu', () => {
  it('a new page under Our Work, published in English only, is in the English menu and not the Albanian one', async () => {
    const context = await files.browser.newContext();
    const page = await signIn(context, ADMIN);
    await page.goto(`${files.server.url}/admin/pages`);
    await page.locator('#add-page-parent').selectOption({ label: 'Our Work' });
    await page.getByRole('button', { name: 'Add page', exact: true }).click();
    await page.waitForURL(/\/admin\/pages\/\d+\?created=1$/);
    healthId = Number(/\/admin\/pages\/(\d+)/.exec(page.url())![1]);
    expect(await page.getByTestId('status-en').textContent()).toBe('Not written yet');

    await write(page, 'en', { title: 'Migration Health', summary: 'Health care for migrants in Albania.', body: 'IOM helps migrants reach health care.' });
    expect(await submit(page, 'en', 'Publish now')).toContain('Published');
    expect(await panel(page, 'en').getByLabel('Address (path)').inputValue()).toBe('migration-health');
    await write(page, 'sq', { title: 'Shëndeti dhe migracioni', summary: 'Kujdesi shëndetësor për migrantët.', body: 'IOM i ndihmon migrantët të marrin kujdes shëndetësor.' });
    expect(await submit(page, 'sq', 'Save draft')).toBe('Saved.');
    expect(await panel(page, 'sq').getByLabel('Address (path)').inputValue()).toBe('shendeti-dhe-migracioni');

    expect(await ourWorkMenu('en')).toContain('Migration Health');
    expect((await ourWorkMenu('en')).at(-1)).toBe('Migration Health');
    expect(await ourWorkMenu('sq')).not.toContain('Shëndeti dhe migracioni');
    expect(await eventually('/migration-health')).toContain('IOM helps migrants reach health care.');
    expect((await fetchPath('/sq/shendeti-dhe-migracioni')).status).toBe(404);

    // The draft is there for staff to preview.
    const preview = await context.newPage();
    await preview.goto(`${files.server.url}/admin/preview/pages/${healthId}/sq`);
    expect(await preview.locator('h1').textContent()).toBe('Shëndeti dhe migracioni');
    await preview.getByTestId('preview-banner').waitFor();
    expect(await axeViolations(preview)).toEqual([]);
    await context.close();
  });

  it('names every refused field at once, as the news editor does, and keeps what was typed', async () => {
    const context = await files.browser.newContext();
    const page = await signIn(context, EDITOR);
    await page.goto(`${files.server.url}/admin/pages/${healthId}`);
    const summary = 'x'.repeat(601);
    await write(page, 'sq', { title: '   ', path: 'Bad Path', summary });
    expect(await submit(page, 'sq', 'Save draft')).toBe('Check the form and try again.');
    expect(await page.locator('#sq-title-error').textContent()).toBe('This field is required.');
    expect(await page.locator('#sq-path-error').textContent()).toContain('Use lower-case letters a–z');
    expect(await page.locator('#sq-summary-error').textContent()).toBe('This text is too long.');
    expect(await panel(page, 'sq').getByLabel('Summary', { exact: true }).inputValue()).toBe(summary);
    await context.close();
  });

  it('moving a page up with the keyboard changes the menu order at once', async () => {
    const before = await ourWorkMenu('en');
    const index = before.indexOf('Migration Health');
    expect(index).toBeGreaterThan(0);
    const context = await files.browser.newContext();
    const page = await signIn(context, ADMIN);
    await page.goto(`${files.server.url}/admin/pages`);
    await page.getByRole('button', { name: 'Expand all' }).click();
    await page.getByRole('button', { name: 'Move options for “Migration Health”' }).click();
    const up = page.getByRole('button', { name: 'Move up: Migration Health' });
    await up.focus();
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.method() === 'POST' && r.headers()['next-action'] !== undefined),
      page.keyboard.press('Enter'),
    ]);
    moveRequest = { url: request.url(), headers: request.headers(), body: request.postDataBuffer()! };
    await page.getByTestId(`move-controls-${healthId}`).getByText('Moved up.').waitFor();
    // The focus stays on the button that was pressed.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`move-up-${healthId}`);

    const after = await ourWorkMenu('en');
    expect(after.indexOf('Migration Health')).toBe(index - 1);
    expect(after[index]).toBe(before[index - 1]);
    await context.close();
  });

  it('an editor sees no tree controls, and a forged call of the move action is refused', async () => {
    const context = await files.browser.newContext();
    const page = await signIn(context, EDITOR);
    await page.goto(`${files.server.url}/admin/pages`);
    await page.getByRole('button', { name: 'Expand all' }).click();
    await page.getByRole('link', { name: 'Migration Health', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: /^Move (up|down|options)/ }).count()).toBe(0);
    expect(await page.locator('[draggable="true"]').count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Add (page|external link)/ }).count()).toBe(0);
    expect(await page.getByRole('combobox').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Trash' }).count()).toBe(0);
    expect((await page.goto(`${files.server.url}/admin/pages/trash`))!.status()).toBe(403);
    // An editor edits the text but cannot move the page to the trash.
    await page.goto(`${files.server.url}/admin/pages/${healthId}`);
    await panel(page, 'en').getByLabel('Title', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Move to trash' }).count()).toBe(0);

    // The admin's own request, sent again with the editor's session.
    const before = await ourWorkMenu('en');
    const cookie = (await context.cookies(files.server.url)).map((c) => `${c.name}=${c.value}`).join('; ');
    const sent = moveRequest!.headers;
    const headers: Record<string, string> = { origin: files.server.url, cookie };
    for (const name of ['accept', 'content-type', 'next-action', 'next-router-state-tree']) if (sent[name]) headers[name] = sent[name];
    const res = await fetch(moveRequest!.url, { method: 'POST', headers, body: new Uint8Array(moveRequest!.body), redirect: 'manual' });
    expect(await res.text()).toContain('"step":"forbidden"');
    expect(await ourWorkMenu('en')).toEqual(before);
    await context.close();
  });
});

describe('trash', () => {
  it('an admin moves a page to the trash, it leaves the site and the menu, and comes back when restored', async () => {
    const context = await files.browser.newContext();
    const page = await signIn(context, ADMIN);
    await moveToTrash(page, files.server.url, 'pages', healthId);
    await expect.poll(async () => (await fetchPath('/migration-health')).status, { timeout: 5_000 }).toBe(404);
    expect(await ourWorkMenu('en')).not.toContain('Migration Health');

    await page.goto(`${files.server.url}/admin/pages/trash`);
    expect(await page.getByTestId('pages-trash').textContent()).toContain('Migration Health');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /^Restore\b.*Migration Health$/ }).click();
    await page.getByText('Restored.').first().waitFor();
    expect(await eventually('/migration-health')).toContain('IOM helps migrants reach health care.');
    // Back at the end of its parent's sub-pages.
    expect((await ourWorkMenu('en')).at(-1)).toBe('Migration Health');
    await context.close();
  });
});

describe('the pages of the pages editor', () => {
  it('have no WCAG 2.1 AA violations, on a phone too', async () => {
    for (const viewport of [{ width: 1280, height: 900 }, { width: 375, height: 800 }]) {
      const context = await files.browser.newContext({ viewport });
      const page = await signIn(context, ADMIN);
      for (const path of ['/admin/pages', `/admin/pages/${whoWeAreId}`, `/admin/pages/${whoWeAreId}/history/sq`, '/admin/pages/trash']) {
        await page.goto(files.server.url + path);
        expect({ path, viewport: viewport.width, violations: await axeViolations(page) }).toEqual({ path, viewport: viewport.width, violations: [] });
      }
      // The external link's editor: its address and a title per language.
      await page.goto(`${files.server.url}/admin/pages`);
      const href = await page.getByRole('link', { name: 'IOM Global', exact: true }).getAttribute('href');
      await page.goto(files.server.url + href);
      await page.getByLabel('Where the link leads').waitFor();
      expect(await page.getByLabel('Address (path)').count()).toBe(0);
      expect({ path: 'link', violations: await axeViolations(page) }).toEqual({ path: 'link', violations: [] });
      await context.close();
    }
  });
});
