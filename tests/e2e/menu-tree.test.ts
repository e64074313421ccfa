import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { createPage } from '@/db/content/page-tree';
import { pages, users } from '@/db/schema';
import { axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { type RunningServer, startServer } from '../helpers/server';
import { addStaff, signIn as signInAs } from '../helpers/staff';

/**
 * The menu tree of the pages editor in a real Chromium against `next start`:
 * sub-pages fold, an admin drags pages (or uses the buttons), the tree
 * changes without reloading the document, and "Undo" puts a page back.
 */

const ADMIN = { name: 'Ana Admin', email: 'ana@iom.int', password: 'Lumi i Drinit rrjedh ngadalë', role: 'admin' as const };
const ADMIN_SQ = { name: 'Besa Admin', email: 'besa@iom.int', password: 'Kalaja e Gjirokastrës në mjegull', role: 'admin' as const, preferredLocale: 'sq' as const };
/** The menu the issue speaks of: thirty pages. */
const MENU_SIZE = 30;

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await addStaff(server.dataDir, [ADMIN, ADMIN_SQ]);
  // The seed's menu, topped up with sub-pages of the first section to thirty pages.
  const db = openDatabase(server.dataDir);
  try {
    const admin = db.select({ id: users.id }).from(users).where(eq(users.email, ADMIN.email)).get()!;
    const first = db.select({ id: pages.id }).from(pages).where(eq(pages.key, 'who-we-are')).get()!;
    const count = db.select({ id: pages.id }).from(pages).all().length;
    for (let i = count; i < MENU_SIZE; i++) createPage(db, { userId: admin.id, ip: null }, { parentId: first.id, kind: 'page' });
  } finally {
    db.$client.close();
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openTree(context: BrowserContext, user = ADMIN): Promise<Page> {
  const page = await signInAs(context, server.url, user);
  await page.goto(`${server.url}/admin/pages`);
  await page.getByTestId('page-tree-item').first().waitFor();
  return page;
}

/** The titles of the top level, or of one page's sub-pages, in the tree's order. */
function titlesUnder(page: Page, parentId: number | null): Promise<string[]> {
  return page.evaluate((id) => {
    const list = id === null ? document.querySelector('[data-testid="page-tree-level"]') : document.querySelector(`#tree-children-${id} > ol`);
    return [...(list?.children ?? [])].map((li) => li.querySelector('p a')?.textContent?.trim() ?? '');
  }, parentId);
}

async function idOf(page: Page, title: string): Promise<number> {
  const href = await page.locator('[data-testid="page-tree-item"] p a', { hasText: new RegExp(`^${title}$`) }).first().getAttribute('href');
  return Number(/\/admin\/pages\/(\d+)/.exec(href!)![1]);
}

function row(page: Page, id: number): Locator {
  return page.getByTestId(`tree-row-${id}`);
}

/** Drags one row onto another: its top edge, its middle, or its bottom edge. */
async function drag(page: Page, from: number, to: number, where: 'before' | 'inside' | 'after') {
  const box = (await row(page, to).boundingBox())!;
  const y = where === 'before' ? 3 : where === 'after' ? box.height - 3 : box.height / 2;
  await row(page, from).dragTo(row(page, to), { sourcePosition: { x: 4, y: 4 }, targetPosition: { x: 4, y } });
}

/** The public menu's sub-pages of a section, in order, as a visitor's browser gets them. */
async function publicSubMenu(section: string): Promise<string[]> {
  const context = await browser.newContext();
  const reader = await context.newPage();
  await reader.goto(server.url);
  const titles = await reader.evaluate((parent) => {
    const items = [...document.querySelectorAll('header details nav > ul > li')];
    const item = items.find((li) => li.querySelector(':scope > a')?.textContent?.trim() === parent);
    return item ? [...item.querySelectorAll(':scope > ul a')].map((a) => a.textContent?.trim() ?? '') : [];
  }, section);
  await context.close();
  return titles;
}

describe('the menu tree', () => {
  it('folds sub-pages, so a thirty-page menu fits one screen, and unfolds by click and by keyboard', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await openTree(context);
    expect(await page.getByTestId('page-tree-item').count()).toBe(MENU_SIZE);
    const whoWeAre = await idOf(page, 'Who We Are');
    const contact = page.getByRole('link', { name: 'Contact', exact: true });
    expect(await contact.isVisible()).toBe(false);
    const tree = page.locator('[data-testid="page-tree-level"]').first();
    const height = (await tree.boundingBox())!.height;
    expect(height).toBeLessThan(900);

    // A click unfolds one section.
    const fold = row(page, whoWeAre).getByRole('button', { name: /^Sub-pages of “Who We Are”/ });
    expect(await fold.getAttribute('aria-expanded')).toBe('false');
    await fold.click();
    expect(await fold.getAttribute('aria-expanded')).toBe('true');
    expect(await contact.isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Collapse all' }).click();
    expect(await contact.isVisible()).toBe(false);

    // The keyboard: Tab to the fold button, Enter.
    await page.getByRole('button', { name: 'Collapse all' }).focus();
    let presses = 0;
    while (!(await fold.evaluate((el) => el === document.activeElement)) && presses < 20) {
      await page.keyboard.press('Tab');
      presses++;
    }
    await page.keyboard.press('Enter');
    expect(await contact.isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Expand all' }).click();
    expect(await page.getByTestId('page-tree-item').evaluateAll((items) => items.filter((li) => li.checkVisibility()).length)).toBe(MENU_SIZE);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('reaches the last page of a thirty-page menu in few Tab presses', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await openTree(context);
    const top = await titlesUnder(page, null);
    const last = page.getByRole('link', { name: top.at(-1)!, exact: true });
    await page.locator('body').focus();
    let presses = 0;
    while (!(await last.evaluate((el) => el === document.activeElement)) && presses < 200) {
      await page.keyboard.press('Tab');
      presses++;
    }
    console.log(`Tab presses to the last page of the menu (${top.at(-1)}): ${presses}`);
    expect(presses).toBeLessThan(45);
    await context.close();
  });

  it('an admin drags a page before another, without a reload, and undoes it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await openTree(context);
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    const before = await titlesUnder(page, null);
    const last = await idOf(page, before.at(-1)!);
    const first = await idOf(page, before[0]!);

    await drag(page, last, first, 'before');
    const notice = page.getByTestId('tree-notice');
    await notice.getByText(`“${before.at(-1)}” was moved. The menu follows at once.`).waitFor();
    const moved = [before.at(-1)!, ...before.slice(0, -1)];
    expect(await titlesUnder(page, null)).toEqual(moved);
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    // Saved: a fresh load shows the same order.
    const fresh = await context.newPage();
    await fresh.goto(`${server.url}/admin/pages`);
    expect(await titlesUnder(fresh, null)).toEqual(moved);

    await notice.getByRole('button', { name: `Undo the move of “${before.at(-1)}”` }).click();
    await notice.getByText(`The move of “${before.at(-1)}” was undone.`).waitFor();
    expect(await titlesUnder(page, null)).toEqual(before);
    await fresh.reload();
    expect(await titlesUnder(fresh, null)).toEqual(before);
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    await context.close();
  });

  it('an admin drags a sub-page into another section; the public menu follows; Undo by keyboard puts it back', async () => {
    // Tall enough for the whole unfolded tree: the drag need not scroll.
    const context = await browser.newContext({ viewport: { width: 1280, height: 4000 } });
    const page = await openTree(context);
    await page.getByRole('button', { name: 'Expand all' }).click();
    const whoWeAre = await idOf(page, 'Who We Are');
    const ourWork = await idOf(page, 'Our Work');
    const contact = await idOf(page, 'Contact');
    const aboutBefore = await titlesUnder(page, whoWeAre);
    const workBefore = await titlesUnder(page, ourWork);

    await drag(page, contact, ourWork, 'inside');
    const notice = page.getByTestId('tree-notice');
    await notice.getByText('“Contact” was moved. The menu follows at once.').waitFor();
    expect(await titlesUnder(page, ourWork)).toEqual([...workBefore, 'Contact']);
    expect(await titlesUnder(page, whoWeAre)).not.toContain('Contact');
    expect((await publicSubMenu('Our Work')).at(-1)).toBe('Contact');

    // A page with sub-pages of its own cannot go under another: the drop is refused, nothing moves.
    await drag(page, whoWeAre, ourWork, 'inside');
    expect(await titlesUnder(page, ourWork)).toEqual([...workBefore, 'Contact']);

    const undo = notice.getByRole('button', { name: 'Undo the move of “Contact”' });
    await undo.focus();
    await page.keyboard.press('Enter');
    await notice.getByText('The move of “Contact” was undone.').waitFor();
    expect(await titlesUnder(page, whoWeAre)).toEqual(aboutBefore);
    expect(await publicSubMenu('Our Work')).not.toContain('Contact');
    await context.close();
  });

  it('keeps the buttons as the way without dragging: the Move menu by keyboard', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await openTree(context);
    const before = await titlesUnder(page, null);
    const second = await idOf(page, before[1]!);
    const menu = page.getByTestId(`move-menu-${second}`);
    await row(page, second).getByRole('button', { name: `Move options for “${before[1]}”` }).focus();
    await page.keyboard.press('Enter');
    const up = menu.getByRole('button', { name: `Move up: ${before[1]}` });
    await up.waitFor();
    await up.focus();
    await page.keyboard.press('Enter');
    await menu.getByText('Moved up.').waitFor();
    expect(await titlesUnder(page, null)).toEqual([before[1], before[0], ...before.slice(2)]);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`move-down-${second}`);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await menu.getByText('Moved down.').waitFor();
    expect(await titlesUnder(page, null)).toEqual(before);
    await context.close();
  });

  it('is photographed at 1280 and 390 pixels in both languages', async () => {
    fs.mkdirSync('/tmp/shots', { recursive: true });
    for (const [user, locale] of [
      [ADMIN, 'en'],
      [ADMIN_SQ, 'sq'],
    ] as const) {
      for (const width of [1280, 390]) {
        const context = await browser.newContext({ viewport: { width, height: 900 } });
        const page = await openTree(context, user);
        expect(await page.locator('html').getAttribute('lang')).toBe(locale);
        await page.getByTestId('page-tree-item').first().scrollIntoViewIfNeeded();
        await page.screenshot({ path: `/tmp/shots/menu-tree-${locale}-${width}.png`, fullPage: true });
        expect(await axeViolations(page)).toEqual([]);
        await context.close();
      }
    }
  });
});
