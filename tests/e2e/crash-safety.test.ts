import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { revisions } from '@/db/schema';
import { launchBrowser } from '../helpers/browser';
import { type RunningServer, startServer } from '../helpers/server';
import { addStaff } from '../helpers/staff';

/**
 * A power cut while an editor saves: the server is killed with SIGKILL in
 * the middle of a run of saves, started again on the same data folder, and
 * every save the editor saw acknowledged must be there, in a sound file.
 */

const EDITOR = { name: 'Erion Editor', email: 'erion@iom.int', password: 'Ura e Tabakëve në Tiranë', role: 'editor' as const };

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await addStaff(server.dataDir, [EDITOR]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signIn(page: Page, url: string) {
  await page.goto(`${url}/admin/sign-in`);
  await page.getByLabel('Email').fill(EDITOR.email);
  await page.getByLabel('Password').fill(EDITOR.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${url}/admin`);
}

describe('crash safety', () => {
  it('keeps every acknowledged save through a SIGKILL, and the database stays sound', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, server.url);
    await page.goto(`${server.url}/admin/news/new`);
    const form = page.locator('#panel-en');
    await form.getByLabel('Title', { exact: true }).fill('Save number 0');
    await form.getByRole('textbox', { name: 'Text', exact: true }).click();
    await page.keyboard.type('Body text.');
    await form.getByRole('button', { name: 'Save draft', exact: true }).click();
    await page.waitForURL(/\/admin\/news\/\d+\?created=en$/);
    const itemId = Number(/\/admin\/news\/(\d+)/.exec(page.url())![1]);

    const version = form.locator('input[name="baseVersion"]');
    const acknowledged: { version: number; title: string }[] = [];
    for (let i = 1; i <= 12; i++) {
      const before = Number(await version.inputValue());
      const title = `Save number ${i}`;
      await form.getByLabel('Title', { exact: true }).fill(title);
      await form.getByRole('button', { name: 'Save draft', exact: true }).click();
      // The form moves to the new version only once the server has answered "saved".
      await expect.poll(async () => Number(await version.inputValue()), { timeout: 15_000 }).toBeGreaterThan(before);
      acknowledged.push({ version: Number(await version.inputValue()), title });
    }
    // One more save is on its way when the power goes.
    await form.getByLabel('Title', { exact: true }).fill('Save number 13 (in flight)');
    const inFlight = page.waitForRequest((r) => r.method() === 'POST');
    await form.getByRole('button', { name: 'Save draft', exact: true }).click();
    await inFlight;
    await server.crash();
    await context.close();

    // Started again on the same data folder.
    const dataDir = server.dataDir;
    server = await startServer({ dataDir });
    const db = openDatabase(dataDir);
    try {
      expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.$client.pragma('foreign_key_check')).toEqual([]);
      const saved = db.select().from(revisions).all().filter((r) => r.entityId === itemId && r.locale === 'en');
      for (const ack of acknowledged) {
        const revision = saved.find((r) => r.version === ack.version);
        expect(revision, `version ${ack.version}`).toBeDefined();
        expect(JSON.parse(revision!.snapshot).title).toBe(ack.title);
      }
      const row = db.$client.prepare('SELECT version, title FROM news_translations WHERE news_item_id = ? AND locale = ?').get(itemId, 'en') as { version: number; title: string };
      expect(row.version).toBeGreaterThanOrEqual(acknowledged.at(-1)!.version);
    } finally {
      db.$client.close();
    }
    // And the restarted server serves the editor area again.
    const again = await browser.newContext();
    const page2 = await again.newPage();
    await signIn(page2, server.url);
    await page2.goto(`${server.url}/admin/news/${itemId}`);
    expect(await page2.locator('#panel-en').getByLabel('Title', { exact: true }).inputValue()).toMatch(/^Save number (12|13 \(in flight\))$/);
    await again.close();
  });
});
