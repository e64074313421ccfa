import type { Browser } from 'playwright-core';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { newsTranslations } from '@/db/schema';
import { toTiranaFields } from '@/lib/dates';
import en from '@/messages/en.json';
import sq from '@/messages/sq.json';
import { launchBrowser } from '../helpers/browser';
import { type RunningServer, startServer } from '../helpers/server';
import { addStaff, signIn } from '../helpers/staff';

/**
 * Issue 16, point 4: the schedule is typed as DD.MM.YYYY and 24-hour HH:MM
 * in Tirana time whatever the browser's language and time zone, in a real
 * Chromium against `next start`. The en-US browser is the one whose
 * datetime-local field showed MM/DD and AM/PM; the sq one reads the editor
 * in Albanian.
 */

const EDITOR_EN = { name: 'Erion Editor', email: 'erion@iom.int', password: 'Ura e Tabakëve në Tiranë', role: 'editor' as const };
const EDITOR_SQ = { name: 'Besa Editor', email: 'besa@iom.int', password: 'Liqeni i Ohrit në mëngjes', role: 'editor' as const, preferredLocale: 'sq' as const };

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await addStaff(server.dataDir, [EDITOR_EN, EDITOR_SQ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const year = new Date().getUTCFullYear() + 1;
/** The last Sunday of March next year, when Tirana's clocks skip 02:00–02:59. */
const springForward = (() => {
  const d = new Date(Date.UTC(year, 2, 31));
  d.setUTCDate(31 - d.getUTCDay());
  return toTiranaFields(new Date(d.getTime() + 12 * 3_600_000)).date;
})();

const cases = [
  { browserLocale: 'en-US', timezoneId: 'America/New_York', user: EDITOR_EN, uiLocale: 'en', m: en.Admin.editor, statuses: en.Admin.news.statuses, title: 'A schedule typed in an American browser' },
  { browserLocale: 'sq', timezoneId: 'Europe/Tirane', user: EDITOR_SQ, uiLocale: 'sq', m: sq.Admin.editor, statuses: sq.Admin.news.statuses, title: 'Një planifikim i shkruar në shqip' },
] as const;

describe.each(cases)('scheduling in a $browserLocale browser', ({ browserLocale, timezoneId, user, uiLocale, m, statuses, title }) => {
  it('takes DD.MM.YYYY and HH:MM typed on the keyboard, explains every bad value, and shows the time back the same way', async () => {
    // Sign in, then carry the session into a browser with the locale and time zone under test.
    const signInContext = await browser.newContext();
    await signIn(signInContext, server.url, user);
    const storageState = await signInContext.storageState();
    await signInContext.close();
    const context = await browser.newContext({ locale: browserLocale, timezoneId, storageState });
    const page = await context.newPage();
    expect(await page.evaluate(() => navigator.language)).toBe(browserLocale);

    await page.goto(`${server.url}/admin/news/new`);
    // The editor area in the user's language, chosen with the header's switch.
    if ((await page.locator('html').getAttribute('lang')) !== uiLocale) {
      await page.getByRole('button', { name: uiLocale === 'sq' ? 'Shqip' : 'English', exact: true }).click();
      await expect.poll(() => page.locator('html').getAttribute('lang'), { timeout: 15_000 }).toBe(uiLocale);
    }
    const panel = page.locator('#panel-en');
    await panel.getByLabel(m.fields.title, { exact: true }).fill(title);
    await panel.getByRole('textbox', { name: m.fields.body, exact: true }).click();
    await page.keyboard.type('This appears at its time.');
    await panel.getByRole('button', { name: m.saveDraft, exact: true }).click();
    await page.waitForURL(/\?created=en$/);
    const itemId = Number(/\/admin\/news\/(\d+)/.exec(page.url())![1]);

    const dateField = panel.getByLabel(m.publishAtDate, { exact: true });
    const timeField = panel.getByLabel(m.publishAtTime, { exact: true });
    expect(await dateField.getAttribute('type')).toBe('text');
    expect(await timeField.getAttribute('type')).toBe('text');
    expect(await dateField.getAttribute('placeholder')).toBe(m.publishAtDatePlaceholder);
    expect(await panel.getByText(m.tiranaTime, { exact: true }).isVisible()).toBe(true);

    /** Types the date, tabs to the time, types it, clicks Schedule; the answer beside the fields. */
    async function schedule(date: string, time: string): Promise<string | null> {
      await dateField.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.type(date);
      await page.keyboard.press('Tab');
      expect(await timeField.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('Control+A');
      await page.keyboard.type(time);
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/admin/news')),
        panel.getByRole('button', { name: m.schedule, exact: true }).click(),
      ]);
      expect(response.status()).toBe(200);
      await expect.poll(() => panel.getByRole('button', { name: m.schedule, exact: true }).isEnabled(), { timeout: 15_000 }).toBe(true);
      const error = panel.locator('#en-publishAt-error');
      return (await error.count()) > 0 ? await error.textContent() : null;
    }

    expect(await schedule(`31.02.${year}`, '10:00')).toBe(m.errors.invalidDate);
    expect(await schedule(`29.02.${year % 4 === 0 ? year + 1 : year}`, '10:00')).toBe(m.errors.invalidDate);
    expect(await schedule('nesër; DROP TABLE', '10:00')).toBe(m.errors.invalidDate);
    expect(await schedule(`06/12/${year}`, '06:08 AM')).toBe(m.errors.invalidDate);
    expect(await schedule(`12.06.${year}`, '24:00')).toBe(m.errors.invalidTime);
    expect(await schedule(`12.06.${year}`, '6.08')).toBe(m.errors.invalidTime);
    expect(await schedule(springForward, '02:30')).toBe(m.errors.timeGap);
    expect(await schedule(toTiranaFields(new Date(Date.now() - 86_400_000)).date, '10:00')).toBe(m.errors.pastDate);
    // The fields keep what was typed after a refusal.
    expect(await dateField.inputValue()).toBe(toTiranaFields(new Date(Date.now() - 86_400_000)).date);
    expect(await page.getByTestId('status-en').textContent()).toBe(statuses.draft);

    // 12 June, 06:08 in Tirana (summer time, UTC+2) — not 6 December, not 06:08 in New York.
    expect(await schedule(`12.06.${year}`, '06:08')).toBeNull();
    expect(await panel.getByTestId('form-message').textContent()).toBe(m.done.scheduled);
    expect(await page.getByTestId('status-en').textContent()).toBe(`${statuses.scheduled} · 12.06.${year} 06:08`);
    const db = openDatabase(server.dataDir);
    try {
      const row = db
        .select({ publishedAt: newsTranslations.publishedAt, status: newsTranslations.status })
        .from(newsTranslations)
        .where(and(eq(newsTranslations.newsItemId, itemId), eq(newsTranslations.locale, 'en')))
        .get();
      expect(row).toEqual({ status: 'scheduled', publishedAt: new Date(`${year}-06-12T04:08:00Z`) });
    } finally {
      db.$client.close();
    }

    // Back in the editor the fields show it the way it was typed.
    await page.reload();
    expect(await dateField.inputValue()).toBe(`12.06.${year}`);
    expect(await timeField.inputValue()).toBe('06:08');
    expect(await page.getByTestId('status-en').textContent()).toBe(`${statuses.scheduled} · 12.06.${year} 06:08`);

    // The news list shows the time of the schedule too, in the same format.
    await page.goto(`${server.url}/admin/news`);
    const row = page.getByRole('row').filter({ hasText: title });
    expect(await row.textContent()).toContain(`12.06.${year} 06:08`);
    await context.close();
  });
});
