import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser';
import { type RunningServer, startServer } from './server';
import { addStaff, type StaffAccount } from './staff';

/**
 * For the end-to-end files of the editors (news, pages): a server of the
 * file's own with its staff, a browser, and typing into one language's form
 * as a person does.
 */

/** Starts a server with these staff accounts and a browser before the file's tests; both stop after them. */
export function useEditorServer(staff: StaffAccount[]): { readonly server: RunningServer; readonly browser: Browser } {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    await addStaff(server.dataDir, staff);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      return server!;
    },
    get browser() {
      return browser!;
    },
  };
}

/** One language's form of the editor. */
export function panel(page: Page, locale: 'en' | 'sq'): Locator {
  return page.locator(`#panel-${locale}`);
}

/** Types into one language's form (a page's address too; the rich text body through its editor, like a person). */
export async function write(page: Page, locale: 'en' | 'sq', fields: { title?: string; path?: string; summary?: string; body?: string }) {
  const p = panel(page, locale);
  if (fields.title !== undefined) await p.getByLabel('Title', { exact: true }).fill(fields.title);
  if (fields.path !== undefined) await p.getByLabel('Address (path)').fill(fields.path);
  if (fields.summary !== undefined) await p.getByLabel('Summary', { exact: true }).fill(fields.summary);
  if (fields.body !== undefined) {
    const body = p.getByRole('textbox', { name: 'Text', exact: true });
    await body.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(fields.body);
  }
}

/** Moves the item at /admin/<segment>/<id> to the trash from its editor, as its button does; the list says so after. */
export async function moveToTrash(page: Page, baseUrl: string, segment: 'news' | 'pages', id: number): Promise<void> {
  await page.goto(`${baseUrl}/admin/${segment}/${id}`);
  await page.getByRole('button', { name: 'Move to trash' }).click();
  await page.waitForURL(`${baseUrl}/admin/${segment}?trashed=1`);
}
