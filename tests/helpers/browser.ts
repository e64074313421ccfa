import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { type ChromiumBinary, chromiumExecutable } from './chromium';
import { e2eSetup } from './e2e-setup';

/** How every test and tool starts Chromium: headless, with no network of its own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/**
 * Chromium (the one chromiumExecutable picks, unless given). In an e2e test
 * file, a connection to the one the global setup started for all files: each
 * file's pages live in contexts of their own (browser.newPage() makes one),
 * and browser.close() closes them and disconnects.
 */
export async function launchBrowser(binary?: ChromiumBinary): Promise<Browser> {
  const setup = binary ? undefined : e2eSetup();
  if (setup) return chromium.connect((await setup.ready()).browser);
  const { path: executablePath, env } = binary ?? (await chromiumExecutable());
  return chromium.launch({ executablePath, env, args: CHROMIUM_ARGS });
}

/**
 * Waits until React has hydrated the element (its props are attached to the
 * node). A click before that, on a slow or busy machine, meets the server's
 * HTML alone: a form of a client action would do nothing at all.
 */
export async function hydrated(target: Locator): Promise<void> {
  await expect
    .poll(() => target.evaluate((el) => Object.keys(el).some((k) => k.startsWith('__reactProps$'))), { timeout: 30_000 })
    .toBe(true);
}

/**
 * Clicks a hydrated submit button and waits for the server's answer to the
 * POST it sends to an address containing `path`. The click's own error (the
 * button disabled or covered) is the one reported, not a timeout on the answer.
 */
export async function clickAndAwaitPost(page: Page, button: Locator, path: string): Promise<void> {
  await hydrated(button);
  const answer = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes(path), { timeout: 60_000 });
  answer.catch(() => undefined); // reported below, unless the click fails first
  await button.click();
  await answer;
}
