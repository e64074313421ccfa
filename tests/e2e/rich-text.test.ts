import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../helpers/axe';
import { launchBrowser, clickAndAwaitPost } from '../helpers/browser';
import { type RunningServer, startServer } from '../helpers/server';
import { addStaff, signIn } from '../helpers/staff';

/**
 * The rich text editor as Word users expect it, in a real Chromium against
 * `next start`: a table pasted from Word stays a table (with its header row),
 * pasted bullets do not stay as "·"/"o" characters, a full stop typed after a
 * link is not part of it, and a draft's preview does not claim a publication
 * date.
 */

const EDITOR = { name: 'Erion Editor', email: 'erion@iom.int', password: 'Ura e Tabakëve në Tiranë', role: 'editor' as const };

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await addStaff(server.dataDir, [EDITOR]);
  context = await browser.newContext();
  page = await signIn(context, server.url, EDITOR);
  page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Word's clipboard HTML (abridged): a table whose first row is bold, a bulleted list, and a list from a Word that writes bare glyphs. */
const WORD_TABLE =
  '<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style="border-collapse:collapse;mso-yfti-tbllook:1184"><tr style="mso-yfti-irow:0;mso-yfti-firstrow:yes">' +
  '<td width=200 valign=top style="width:150pt;border:solid windowtext 1.0pt"><p class=MsoNormal><b>Viti<o:p></o:p></b></p></td>' +
  '<td width=200 valign=top style="width:150pt"><p class=MsoNormal><b>Numri<o:p></o:p></b></p></td></tr>' +
  '<tr style="mso-yfti-irow:1;mso-yfti-lastrow:yes"><td width=200 valign=top><p class=MsoNormal>2025<o:p></o:p></p></td>' +
  '<td width=200 valign=top><p class=MsoNormal>1.234<o:p></o:p></p></td></tr></table>';
const WORD_LIST =
  '<p class=MsoListParagraphCxSpFirst style="text-indent:-18.0pt;mso-list:l0 level1 lfo1"><!--[if !supportLists]--><span style="font-family:Symbol"><span style="mso-list:Ignore">·<span style="font:7.0pt Times New Roman">&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><!--[endif]-->Strehim<o:p></o:p></p>' +
  '<p class=MsoListParagraphCxSpLast style="text-indent:-18.0pt;mso-list:l0 level2 lfo1"><span style="font-family:&quot;Courier New&quot;">o<span style="font:7.0pt Times New Roman">&nbsp;&nbsp;&nbsp; </span></span>Ushqim<o:p></o:p></p>' +
  '<p class=MsoNormal>·&nbsp;&nbsp;&nbsp;Kujdes shëndetësor</p><p class=MsoNormal>o\tArsim</p>';
/** A wide table (for the phone check): six long words per row. */
const WIDE_TABLE = `<table><tr>${'<th>Përfaqësuesit</th>'.repeat(6)}</tr><tr>${'<td>Administrata</td>'.repeat(6)}</tr></table>`;

function body(): Locator {
  return page.locator('#panel-en').getByRole('textbox', { name: 'Text', exact: true });
}

/** The HTML the form submits for the English text. */
function submitted(): Promise<string> {
  return page.locator('#panel-en input[data-richtext]').inputValue();
}

/** Pastes HTML into the focused editor the way the browser does: a paste event carrying text/html. */
async function pasteHtml(html: string) {
  await body().evaluate((editable, data) => {
    const transfer = new DataTransfer();
    transfer.setData('text/html', data);
    transfer.setData('text/plain', editable.ownerDocument.createRange().createContextualFragment(data).textContent ?? '');
    editable.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, html);
}

let articleId = 0;

describe('the rich text editor', () => {
  it('keeps a table pasted from Word as a table with its header row, and pasted bullets become a real list', async () => {
    await page.goto(`${server.url}/admin/news/new`);
    await page.locator('#panel-en').getByLabel('Title', { exact: true }).fill('Assistance figures for 2025');
    await page.locator('#panel-en').getByLabel('Summary', { exact: true }).fill('How many people were helped, by year.');
    await body().click();
    await page.keyboard.type('Figures:');
    await page.keyboard.press('Enter');
    await pasteHtml(WORD_TABLE + WORD_LIST);

    await expect.poll(submitted).toContain('<table');
    const html = await submitted();
    expect(html).toMatch(/<tr><th[^>]*><p>Viti<\/p><\/th><th[^>]*><p>Numri<\/p><\/th><\/tr><tr><td[^>]*><p>2025<\/p><\/td><td[^>]*><p>1\.234<\/p><\/td><\/tr>/);
    expect(html).not.toContain('VitiNumri');
    // Two lists, and no glyph left of any bullet.
    expect(html).toContain('<ul><li><p>Strehim</p></li><li><p>Ushqim</p></li></ul>');
    expect(html).toContain('<ul><li><p>Kujdes shëndetësor</p></li><li><p>Arsim</p></li></ul>');
    expect(html).not.toMatch(/[·§]|>o\s/);

    // The arrow keys move between cells; Tab still leaves the text for the next field (no keyboard trap).
    await body().locator('td').first().click();
    await page.keyboard.press('End');
    await page.keyboard.type('*');
    await expect.poll(submitted).toContain('<p>2025*</p>');
    await page.keyboard.press('Tab');
    expect(await body().evaluate((el) => el.contains(document.activeElement))).toBe(false);
  });

  it('does not take a full stop typed right after a link into the link', async () => {
    await body().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Read the report');
    for (let i = 0; i < 'report'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Control+K');
    await page.getByLabel('Link address').fill('https://www.iom.int/report');
    await page.keyboard.press('Enter');
    await page.keyboard.press('End');
    await page.keyboard.type('. Then more.');
    await expect.poll(submitted).toMatch(/<p>Read the <a [^>]*href="https:\/\/www\.iom\.int\/report"[^>]*>report<\/a>\. Then more\.<\/p>/);

    await page.locator('#panel-en').getByRole('button', { name: 'Save draft', exact: true }).click();
    await page.waitForURL(/\/admin\/news\/\d+\?created=en$/);
    articleId = Number(/\/admin\/news\/(\d+)/.exec(page.url())![1]);
    // The server kept the table and the link as typed.
    const stored = await submitted();
    expect(stored).toContain('<th><p>Viti</p></th>');
    expect(stored).toMatch(/<a [^>]*href="https:\/\/www\.iom\.int\/report"[^>]*>report<\/a>\. Then more\./);
  });

  it('previews a draft as not published, with the table readable on a phone', async () => {
    // A wide table too, to check the phone layout.
    await body().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await pasteHtml(WIDE_TABLE);
    await expect.poll(submitted).toContain('Përfaqësuesit');
    await clickAndAwaitPost(page, page.locator('#panel-en').getByRole('button', { name: 'Save draft', exact: true }), '/admin/news');
    await expect.poll(() => page.locator('#panel-en').getByRole('button', { name: 'Save draft', exact: true }).isEnabled()).toBe(true);

    const preview = await context.newPage();
    await preview.setViewportSize({ width: 360, height: 740 });
    await preview.goto(`${server.url}/admin/preview/news/${articleId}/en`);
    expect(await preview.getByTestId('not-published').textContent()).toBe('Not published — preview');
    expect(await preview.getByTestId('published-date').count()).toBe(0);
    expect(await preview.locator('main').innerText()).not.toContain('Published');
    // Header cells, each table in its own scrolling box; the page itself does not scroll sideways.
    expect(await preview.locator('.table-scroll > table th').first().textContent()).toBe('Viti');
    const sizes = await preview.evaluate(() => {
      const boxes = Array.from(document.querySelectorAll<HTMLElement>('.table-scroll'));
      return { page: document.documentElement.scrollWidth, wide: boxes.map((b) => b.scrollWidth > b.clientWidth) };
    });
    expect(sizes.page).toBeLessThanOrEqual(360);
    expect(sizes.wide).toEqual([false, true]);
    expect(await axeViolations(preview)).toEqual([]);
    await preview.close();
  });
});
