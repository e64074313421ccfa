import type { BrowserContext, Page } from 'playwright-core';
import { insertUserRow } from '@/db/auth/users-core';
import { openDatabase } from '@/db/client';

export type StaffAccount = { name: string; email: string; password: string; role: 'admin' | 'editor'; preferredLocale?: 'en' | 'sq' };

/** Adds staff accounts straight into a running server's database. */
export async function addStaff(dataDir: string, accounts: StaffAccount[]): Promise<void> {
  const db = openDatabase(dataDir);
  try {
    for (const account of accounts) await insertUserRow(db, account, { id: null });
  } finally {
    db.$client.close();
  }
}

/** Signs in through the real form in a new tab of `context`, and returns the tab on the dashboard. */
export async function signIn(context: BrowserContext, baseUrl: string, user: { email: string; password: string }): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/admin/sign-in`);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${baseUrl}/admin`);
  awaitHydrationOnGoto(page);
  return page;
}

/**
 * Makes the tab's page.goto also wait, for an HTML page, until React has
 * hydrated it (its fibers are on <body>). Staff meet a page whose scripts
 * have run; a test that clicks at once on a busy machine would otherwise
 * meet the server's HTML alone, where a client form does nothing.
 */
function awaitHydrationOnGoto(page: Page): void {
  const goto = page.goto.bind(page);
  page.goto = async (url, options) => {
    const response = await goto(url, options);
    if (response && (response.headers()['content-type'] ?? '').startsWith('text/html')) {
      await page.waitForFunction(() => document.body !== null && Object.keys(document.body).some((k) => k.startsWith('__reactFiber$')), undefined, { timeout: 30_000 });
    }
    return response;
  };
}
