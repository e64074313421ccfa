import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { toTiranaFields } from '@/lib/dates';
import { axeViolations } from '../helpers/axe';
import { clickAndAwaitPost } from '../helpers/browser';
import { moveToTrash, panel, useEditorServer, write } from '../helpers/editor';
import { signIn as signInAs } from '../helpers/staff';

/**
 * The editorial workflow end to end: staff write and publish in a real
 * Chromium against `next start`, visitors read the public pages it serves.
 */

const ADMIN = { name: 'Ana Admin', email: 'ana@iom.int', password: 'Lumi i Drinit rrjedh ngadalë', role: 'admin' as const };
const EDITOR = { name: 'Erion Editor', email: 'erion@iom.int', password: 'Ura e Tabakëve në Tiranë', role: 'editor' as const };
const EDITOR2 = { name: 'Besa Editor', email: 'besa@iom.int', password: 'Liqeni i Ohrit në mëngjes', role: 'editor' as const };

const files = useEditorServer([ADMIN, EDITOR, EDITOR2]);

function signIn(context: BrowserContext, user: { email: string; password: string }): Promise<Page> {
  return signInAs(context, files.server.url, user);
}

/** Clicks one of a language's buttons and waits for the form's answer. */
async function submit(page: Page, locale: 'en' | 'sq', button: string): Promise<string> {
  const p = panel(page, locale);
  const target = p.getByRole('button', { name: button, exact: true });
  await clickAndAwaitPost(page, target, '/admin/news');
  // The answer is rendered once the buttons are usable again.
  await expect.poll(() => p.getByRole('button', { name: /Save/ }).first().isEnabled(), { timeout: 15_000 }).toBe(true);
  return (await p.getByTestId('form-message').textContent()) ?? '';
}

async function status(path: string): Promise<number> {
  return (await fetch(files.server.url + path, { redirect: 'manual' })).status;
}

async function html(path: string): Promise<string> {
  const res = await fetch(files.server.url + path);
  expect(res.status).toBe(200);
  return res.text();
}

const EN_TITLE = 'Returnees open workshops in Korçë';
const EN_SLUG = 'returnees-open-workshops-in-korce';
const SQ_TITLE = 'Të kthyerit hapin punishte në Korçë';
const SQ_SLUG = 'te-kthyerit-hapin-punishte-ne-korce';
let articleId = 0;

describe('writing and publishing an article, one language at a time', () => {
  it('an editor writes the English, publishes it, and the cached public pages follow at once', async () => {
    // Visitors have the lists in Next's cache before anything is published.
    expect(await html('/news')).not.toContain(EN_TITLE);
    expect(await html('/')).not.toContain(EN_TITLE);
    // Search results are cached per query too (rendered once, then served).
    expect(await html('/search?q=workshops%20Korçë')).toContain('No results');
    expect((await fetch(`${files.server.url}/search?q=workshops%20Korçë`)).headers.get('x-nextjs-cache')).toBe('HIT');

    const context = await files.browser.newContext();
    const page = await signIn(context, EDITOR);
    await page.goto(`${files.server.url}/admin/news`);
    await page.getByRole('link', { name: 'New article' }).click();
    await page.waitForURL(`${files.server.url}/admin/news/new`);
    await write(page, 'en', { title: EN_TITLE, summary: 'Twelve families who came back from abroad now run their own workshops.', body: 'Twelve families opened workshops in Korçë.' });
    await panel(page, 'en').getByRole('button', { name: 'Save draft', exact: true }).click();
    await page.waitForURL(/\/admin\/news\/\d+\?created=en$/);
    articleId = Number(/\/admin\/news\/(\d+)/.exec(page.url())![1]);
    expect(await panel(page, 'en').getByLabel('Address (slug)').inputValue()).toBe(EN_SLUG);

    // A draft is not public, and the preview shows it to staff only.
    expect(await status(`/news/${EN_SLUG}`)).toBe(404);
    expect(await status(`/admin/preview/news/${articleId}/en`)).toBe(307);
    const preview = await context.newPage();
    const previewResponse = await preview.goto(`${files.server.url}/admin/preview/news/${articleId}/en`);
    expect(previewResponse!.headers()['cache-control']).toContain('no-store');
    expect(previewResponse!.headers()['x-robots-tag']).toContain('noindex');
    expect(await preview.locator('h1').textContent()).toBe(EN_TITLE);
    await preview.getByTestId('preview-banner').waitFor();
    expect(await axeViolations(preview)).toEqual([]);
    await preview.close();

    expect(await submit(page, 'en', 'Publish now')).toContain('Published');
    expect(await page.getByTestId('status-en').textContent()).toContain('Published');
    const article = await html(`/news/${EN_SLUG}`);
    expect(article).toContain(EN_TITLE);
    expect(article).toContain('Twelve families opened workshops in Korçë.');
    expect(await html('/news')).toContain(EN_TITLE);
    expect(await html('/')).toContain(EN_TITLE);
    expect(await html('/search?q=workshops%20Korçë')).toContain(EN_TITLE);
    // The Albanian side knows nothing of it yet.
    expect(await html('/sq/lajme')).not.toContain(EN_TITLE);
    expect(await html(`/news/${EN_SLUG}`)).toContain('Ky artikull nuk është i disponueshëm në shqip');
    await context.close();
  });

  it('adds the Albanian later, publishes it, and the switcher links both ways', async () => {
    const context = await files.browser.newContext();
    const page = await signIn(context, EDITOR);
    await page.goto(`${files.server.url}/admin/news/${articleId}`);
    // Narrow screens get tabs; this window is wide, so both languages show side by side.
    await write(page, 'sq', { title: SQ_TITLE, summary: 'Dymbëdhjetë familje të kthyera drejtojnë punishtet e tyre.', body: 'Dymbëdhjetë familje hapën punishte në Korçë.' });
    expect(await submit(page, 'sq', 'Save draft')).toBe('Saved.');
    expect(await status(`/sq/lajme/${SQ_SLUG}`)).toBe(404);
    expect(await submit(page, 'sq', 'Publish now')).toContain('Published');

    const visitor = await files.browser.newContext();
    const reader = await visitor.newPage();
    await reader.goto(`${files.server.url}/news/${EN_SLUG}`);
    await reader.getByRole('link', { name: 'Lexojeni në shqip' }).first().click();
    await reader.waitForURL(`${files.server.url}/sq/lajme/${SQ_SLUG}`);
    expect(await reader.locator('h1').textContent()).toBe(SQ_TITLE);
    expect(await reader.locator('link[hreflang="en"]').getAttribute('href')).toBe(`${files.server.url}/news/${EN_SLUG}`);
    await visitor.close();
    await context.close();
  });

  it('marks the Albanian as possibly out of date when the English changes, and shows what changed', async () => {
    const context = await files.browser.newContext();
    const page = await signIn(context, EDITOR);
    await page.goto(`${files.server.url}/admin/news/${articleId}`);
    await write(page, 'en', { body: 'Twelve families opened workshops in Korçë and Pogradec.' });
    expect(await submit(page, 'en', 'Save and update the site')).toBe('Saved.');
    expect(await html(`/news/${EN_SLUG}`)).toContain('Korçë and Pogradec');

    await page.goto(`${files.server.url}/admin/news`);
    await page.getByTestId('stale-sq').waitFor();
    await page.goto(`${files.server.url}/admin/news/${articleId}`);
    const notice = page.getByTestId('stale-notice-sq');
    await notice.getByText('What changed in the other language').click();
    expect(await notice.locator('ins').first().textContent()).toContain('Pogradec');
    await notice.getByRole('button', { name: 'This language is still right' }).click();
    await page.getByText('Marked as up to date.').waitFor();
    await page.goto(`${files.server.url}/admin/news`);
    expect(await page.getByTestId('stale-sq').count()).toBe(0);
    await context.close();
  });
});

describe('two editors on the same article', () => {
  it('refuses the second save, keeps its text, shows what changed, and lets it win only on purpose', async () => {
    const a = await files.browser.newContext();
    const b = await files.browser.newContext();
    const pageA = await signIn(a, EDITOR);
    const pageB = await signIn(b, EDITOR2);
    await pageA.goto(`${files.server.url}/admin/news/${articleId}`);
    await pageB.goto(`${files.server.url}/admin/news/${articleId}`);

    await write(pageA, 'en', { title: 'Returnees open workshops in Korçë and Pogradec' });
    expect(await submit(pageA, 'en', 'Save and update the site')).toBe('Saved.');

    await write(pageB, 'en', { title: 'Families who returned open workshops' });
    await panel(pageB, 'en').getByRole('button', { name: 'Save and update the site', exact: true }).click();
    const conflict = pageB.getByTestId('conflict-en');
    await conflict.waitFor();
    // Said once: in the box with the newer text, not also in a red message above it.
    expect(await conflict.textContent()).toContain('Your save was refused');
    expect(await panel(pageB, 'en').getByTestId('form-message').count()).toBe(0);
    expect(await panel(pageB, 'en').getByLabel('Title', { exact: true }).inputValue()).toBe('Families who returned open workshops');
    expect(await conflict.textContent()).toContain('Pogradec');
    expect(await html(`/news/${EN_SLUG}`)).toContain('Returnees open workshops in Korçë and Pogradec');

    await conflict.getByRole('button', { name: 'Keep my text and save over it' }).click();
    expect(await submit(pageB, 'en', 'Save and update the site')).toBe('Saved.');
    expect(await html(`/news/${EN_SLUG}`)).toContain('Families who returned open workshops');
    // Nothing was lost: editor A's title is in the history.
    await pageB.goto(`${files.server.url}/admin/news/${articleId}/history/en`);
    await pageB.getByRole('link', { name: /^Version 4/ }).click();
    await pageB.waitForURL(/\?rev=\d+$/);
    expect(await pageB.locator('main').textContent()).toContain('Pogradec');
    expect(await axeViolations(pageB)).toEqual([]);
    await a.close();
    await b.close();
  });
});

describe('hostile markup', () => {
  it('is neutralised on the server even when the browser is bypassed', async () => {
    const context = await files.browser.newContext();
    const page = await signIn(context, EDITOR);
    await page.goto(`${files.server.url}/admin/news/new`);
    await write(page, 'en', { title: 'Hostile markup test', body: 'placeholder' });
    // What a forged request could send, whatever the editor allows.
    await panel(page, 'en').locator('input[name="body"]').evaluate((input: HTMLInputElement) => {
      input.value =
        '<p>Safe words</p><script>alert(1)</script><p><img src=x onerror="alert(2)"></p><p><a href="javascript:alert(3)">click</a></p><svg onload="alert(4)"><circle r="5"/></svg><iframe src="https://example.com"></iframe>';
    });
    await panel(page, 'en').getByRole('button', { name: 'Publish now', exact: true }).click();
    await page.waitForURL(/\/admin\/news\/\d+\?created=en$/);
    expect(await page.getByTestId('status-en').textContent()).toContain('Published');

    const body = await html('/news/hostile-markup-test');
    expect(body).toContain('Safe words');
    const article = body.slice(body.indexOf('<article'), body.indexOf('</article>'));
    expect(article).not.toMatch(/<script|onerror|javascript:|<svg|<iframe|onload/i);
    const visitor = await files.browser.newContext();
    const reader = await visitor.newPage();
    const dialogs: string[] = [];
    reader.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await reader.goto(`${files.server.url}/news/hostile-markup-test`);
    await reader.getByText('Safe words').waitFor();
    expect(dialogs).toEqual([]);
    await visitor.close();
    await context.close();
  });
});

describe('an image that is not a file of the media library', () => {
  it('is refused with its address named, and the typed text stays in the form', async () => {
    const context = await files.browser.newContext();
    const page = await signIn(context, EDITOR);
    await page.goto(`${files.server.url}/admin/news/new`);
    await write(page, 'en', { title: 'Forged image test', body: 'Words the editor typed' });
    // What a forged request could send: a file name in our own form that the library does not have.
    const forged = `/media/${'0'.repeat(64)}-320.webp`;
    const body = `<p>Words the editor typed</p><img src="${forged}" alt="A picture">`;
    await panel(page, 'en').locator('input[name="body"]').evaluate((input: HTMLInputElement, value) => {
      input.value = value;
    }, body);
    expect(await submit(page, 'en', 'Publish now')).toBe('Check the form and try again.');
    const message = `Images in the text that are not in the media library, or are in its trash: ${forged}. Remove them from the text, or restore them from the trash, then save again.`;
    expect(await panel(page, 'en').getByText(message, { exact: true }).count()).toBe(1);
    expect(page.url()).toBe(`${files.server.url}/admin/news/new`);
    expect(await panel(page, 'en').getByRole('textbox', { name: 'Text', exact: true }).textContent()).toBe('Words the editor typed');
    expect(await panel(page, 'en').getByLabel('Title', { exact: true }).inputValue()).toBe('Forged image test');
    expect(await status('/news/forged-image-test')).toBe(404);
    await context.close();
  });
});

describe('bad input', () => {
  it('answers beside each field in the editor’s language and saves nothing', async () => {
    const context = await files.browser.newContext();
    const page = await signIn(context, EDITOR);
    await page.goto(`${files.server.url}/admin/news/new`);
    await write(page, 'en', { title: 'x'.repeat(5000), body: 'Some text' });
    await panel(page, 'en').getByLabel('Address (slug)').fill('Has Spaces');
    expect(await submit(page, 'en', 'Save draft')).toBe('Check the form and try again.');
    expect(await panel(page, 'en').getByText('This text is too long.').count()).toBe(1);
    expect(await panel(page, 'en').getByText('Use lower-case letters a–z, digits and single hyphens only.').count()).toBe(1);
    expect(page.url()).toBe(`${files.server.url}/admin/news/new`);

    await write(page, 'en', { title: EN_TITLE });
    await panel(page, 'en').getByLabel('Address (slug)').fill(EN_SLUG);
    await submit(page, 'en', 'Save draft');
    expect(await panel(page, 'en').getByText('Another article in this language already has this address.').count()).toBe(1);

    await panel(page, 'en').getByLabel('Address (slug)').fill('a-fresh-address');
    const past = toTiranaFields(new Date(Date.now() - 3_600_000));
    await panel(page, 'en').getByLabel('Publication date', { exact: true }).fill(past.date);
    await panel(page, 'en').getByLabel('Publication time', { exact: true }).fill(past.time);
    await submit(page, 'en', 'Schedule');
    expect(await panel(page, 'en').getByText('Choose a time in the future.').count()).toBe(1);
    expect(page.url()).toBe(`${files.server.url}/admin/news/new`);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('scheduling', () => {
  it('an article scheduled for a time in Tirana appears on the public site at that time, with no job or rebuild', async () => {
    const context = await files.browser.newContext();
    const page = await signIn(context, EDITOR);
    await page.goto(`${files.server.url}/admin/news/new`);
    await write(page, 'en', { title: 'A scheduled announcement', body: 'This appears at its time.' });
    await panel(page, 'en').getByRole('button', { name: 'Save draft', exact: true }).click();
    await page.waitForURL(/\?created=en$/);
    // The time field also takes HH:MM:SS; a few seconds ahead keeps the test short.
    const at = new Date(Date.now() + 8_000);
    const fields = toTiranaFields(at);
    await panel(page, 'en').getByLabel('Publication date', { exact: true }).fill(fields.date);
    await panel(page, 'en').getByLabel('Publication time', { exact: true }).fill(`${fields.time}:${String(at.getUTCSeconds()).padStart(2, '0')}`);
    expect(await submit(page, 'en', 'Schedule')).toContain('Scheduled');
    expect(await page.getByTestId('status-en').textContent()).toContain('Scheduled');
    expect(await status('/news/a-scheduled-announcement')).toBe(404);
    await expect.poll(() => status('/news/a-scheduled-announcement'), { timeout: 30_000, interval: 500 }).toBe(200);
    expect(Date.now()).toBeGreaterThanOrEqual(Math.floor(at.getTime() / 1000) * 1000);
    expect(await html('/sq/lajme')).not.toContain('A scheduled announcement');
    await context.close();
  });
});

describe('trash', () => {
  it('an editor moves an article to the trash; it leaves the site; an admin restores it', async () => {
    const editor = await files.browser.newContext();
    const page = await signIn(editor, EDITOR);
    await moveToTrash(page, files.server.url, 'news', articleId);
    expect(await status(`/news/${EN_SLUG}`)).toBe(404);
    expect(await html('/news')).not.toContain('Families who returned open workshops');
    // Editors cannot open the trash.
    expect((await page.goto(`${files.server.url}/admin/news/trash`))!.status()).toBe(403);
    await editor.close();

    const admin = await files.browser.newContext();
    const adminPage = await signIn(admin, ADMIN);
    await adminPage.goto(`${files.server.url}/admin/news/trash`);
    expect(await axeViolations(adminPage)).toEqual([]);
    await adminPage.getByRole('button', { name: /^Restore/ }).first().click();
    await adminPage.waitForURL(/\/admin\/news\/trash\?done=restored$/);
    expect(await adminPage.getByTestId('form-message').textContent()).toContain('Restored.');
    expect(await status(`/news/${EN_SLUG}`)).toBe(200);
    expect(await status(`/sq/lajme/${SQ_SLUG}`)).toBe(200);
    await admin.close();
  });
});

describe('the editor pages', () => {
  it('have no WCAG 2.1 AA violations, on a phone too', async () => {
    const context = await files.browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await signIn(context, EDITOR);
    for (const path of ['/admin/news', '/admin/news/new', `/admin/news/${articleId}`, `/admin/news/${articleId}/history/sq`]) {
      await page.goto(files.server.url + path);
      expect({ path, violations: await axeViolations(page) }).toEqual({ path, violations: [] });
    }
    // On a phone the languages are tabs.
    await page.goto(`${files.server.url}/admin/news/${articleId}`);
    expect(await panel(page, 'sq').isVisible()).toBe(false);
    await page.getByRole('tab', { name: 'Albanian' }).click();
    expect(await panel(page, 'sq').isVisible()).toBe(true);
    expect(await panel(page, 'en').isVisible()).toBe(false);
    await context.close();
  });

  it('answer an unknown address or item with the area’s own 404, in the editor’s language, and only to the signed-in', async () => {
    const missing = ['/admin/nothing-here', '/admin/news/999999', '/admin/news/abc', '/admin/pages/999999', '/admin/media/999999', `/admin/news/${articleId}/history/xx`, '/admin/news/a/b/c'];
    // The anonymous are sent to sign in, and learn nothing of what exists.
    for (const path of [...missing, '/admin/preview/news/999999/en']) {
      const res = await fetch(files.server.url + path, { redirect: 'manual' });
      expect({ path, status: res.status, location: res.headers.get('location') }).toEqual({ path, status: 307, location: `/admin/sign-in?next=${encodeURIComponent(path)}` });
    }
    const context = await files.browser.newContext();
    const page = await signIn(context, EDITOR);
    for (const path of missing) {
      const res = await page.goto(files.server.url + path);
      expect({ path, status: res?.status() }).toEqual({ path, status: 404 });
      // In the HTML itself, inside the area's frame, and still there once the page has come alive.
      expect(await res?.text()).toContain('Page not found');
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
      await expect.poll(() => page.title()).toBe('Page not found – Editor area');
      expect(await page.getByRole('navigation', { name: 'Editor area' }).isVisible()).toBe(true);
    }
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Go to the dashboard' }).click();
    await page.waitForURL(`${files.server.url}/admin`);
    // A preview of nothing: the same message, outside the frame.
    for (const path of ['/admin/preview/news/999999/en', `/admin/preview/no-such-type/${articleId}/en`]) {
      const preview = await page.goto(files.server.url + path);
      expect({ path, status: preview?.status() }).toEqual({ path, status: 404 });
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    }
    await context.close();
  });
});

describe('no lost edits in the browser', () => {
  it('offers back text typed before the session ended, once the editor has signed in again', async () => {
    const context = await files.browser.newContext();
    const page = await signIn(context, EDITOR);
    await page.goto(`${files.server.url}/admin/news/${articleId}`);
    await write(page, 'en', { title: 'Words typed but never saved', body: 'A paragraph that was never saved either.' });
    // Typing is kept in the browser within about half a second.
    await expect
      .poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('iom-draft:news:')).length), { timeout: 5_000 })
      .toBeGreaterThan(0);
    // The session ends (signed out elsewhere, or expired) and the tab is reloaded.
    await context.clearCookies();
    await page.reload();
    await page.waitForURL(/\/admin\/sign-in\?next=/);
    await page.getByLabel('Email').fill(EDITOR.email);
    await page.getByLabel('Password').fill(EDITOR.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${files.server.url}/admin/news/${articleId}`);
    const en = panel(page, 'en');
    expect(await en.getByLabel('Title', { exact: true }).inputValue()).not.toBe('Words typed but never saved');
    await en.getByRole('button', { name: 'Restore it' }).click();
    expect(await en.getByLabel('Title', { exact: true }).inputValue()).toBe('Words typed but never saved');
    expect(await en.getByRole('textbox', { name: 'Text', exact: true }).textContent()).toContain('A paragraph that was never saved either.');
    // Once saved, the browser's copy is gone.
    expect(await submit(page, 'en', 'Save and update the site')).toBe('Saved.');
    await expect
      .poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('iom-draft:news:') && k.includes(':en')).length))
      .toBe(0);
    await context.close();
  });

  it('asks at sign-out whether to keep unsaved text on the device or discard it', async () => {
    const context = await files.browser.newContext();
    const page = await signIn(context, EDITOR);
    const kept = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('iom-draft:')));
    await page.goto(`${files.server.url}/admin/news/${articleId}`);
    // Signing out straight after typing: the text not yet stored is stored first, and the question asked.
    await write(page, 'sq', { title: 'Fjalë të pashkruara në server' });
    await page.getByRole('button', { name: 'Sign out' }).click();
    const dialog = page.getByRole('dialog', { name: 'Unsaved text on this device' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Text you typed in one form has not been saved.');
    expect(await axeViolations(page)).toEqual([]);
    // Escape (or "Stay signed in") leaves everything as it was.
    await page.keyboard.press('Escape');
    expect(await dialog.isVisible()).toBe(false);
    expect(await panel(page, 'sq').getByLabel('Title', { exact: true }).inputValue()).toBe('Fjalë të pashkruara në server');
    expect((await kept()).length).toBe(1);
    // Keeping it: signed out, the text stays for the next sign-in here.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await dialog.getByRole('button', { name: 'Keep it here and sign out' }).click();
    await page.waitForURL(/signedOut=1/);
    expect((await kept()).length).toBe(1);
    // Discarding it: signed out and nothing left behind.
    await page.getByLabel('Email').fill(EDITOR.email);
    await page.getByLabel('Password').fill(EDITOR.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${files.server.url}/admin`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await dialog.getByRole('button', { name: 'Discard it and sign out' }).click();
    await page.waitForURL(/signedOut=1/);
    expect(await kept()).toEqual([]);
    // With nothing kept, signing out asks nothing.
    const again = await signIn(context, EDITOR);
    await again.getByRole('button', { name: 'Sign out' }).click();
    await again.waitForURL(/signedOut=1/);
    await context.close();
  });
});

describe('keyboard only', () => {
  /** Presses Tab until the focused element is the one wanted (at most 60 times). */
  async function tabTo(page: Page, target: Locator) {
    for (let i = 0; i < 60; i++) {
      if (await target.evaluate((el) => el === document.activeElement)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error('never reached by Tab');
  }

  it('signs in, writes and publishes an article without a mouse', async () => {
    const context = await files.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${files.server.url}/admin/sign-in`);
    await tabTo(page, page.getByLabel('Email'));
    await page.keyboard.type(ADMIN.email);
    await tabTo(page, page.getByLabel('Password'));
    await page.keyboard.type(ADMIN.password);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${files.server.url}/admin`);
    await tabTo(page, page.getByRole('link', { name: 'Write a news article' }));
    await page.keyboard.press('Enter');
    await page.waitForURL(`${files.server.url}/admin/news/new`);
    const en = panel(page, 'en');
    await tabTo(page, en.getByLabel('Title', { exact: true }));
    await page.keyboard.type('Written with the keyboard alone');
    await tabTo(page, en.getByRole('textbox', { name: 'Text', exact: true }));
    await page.keyboard.type('Every step reached with Tab.');
    await tabTo(page, en.getByRole('button', { name: 'Publish now', exact: true }));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?created=en$/);
    expect(await html('/news/written-with-the-keyboard-alone')).toContain('Every step reached with Tab.');
    await context.close();
  });
});
