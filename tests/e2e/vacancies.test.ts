import type { Browser, Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { createVacancy, vacancyWrites } from '@/db/content/vacancy-writes';
import { users } from '@/db/schema';
import { toTiranaFields } from '@/lib/dates';
import en from '@/messages/en.json';
import { axeViolations } from '../helpers/axe';
import { clickAndAwaitPost, launchBrowser } from '../helpers/browser';
import { type RunningServer, startServer } from '../helpers/server';
import { addStaff, signIn } from '../helpers/staff';

/**
 * Issue 18 point 1: staff create a vacancy, publish it in both languages,
 * and the public list, page, JobPosting and feed follow its closing time —
 * moved into the past in the editor, or reached while the test waits,
 * with nothing done in between.
 */

const EDITOR = { name: 'Vera Editor', email: 'vera@iom.int', password: 'Kalaja e Gjirokastrës në mjegull', role: 'editor' as const };
const m = en.Admin.vacancies;
const e = en.Admin.editor;

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

function jobPostings(page: Page): Promise<unknown[]> {
  return page.$$eval('script[type="application/ld+json"]', (els) => els.map((el) => JSON.parse(el.textContent ?? '{}')).filter((d) => d['@type'] === 'JobPosting'));
}

async function feed(path: string): Promise<string> {
  const response = await fetch(`${server.url}${path}`);
  expect(response.status).toBe(200);
  return response.text();
}

describe('vacancies', () => {
  it('are created and published by staff in both languages, then close in the editor', async () => {
    const context = await browser.newContext();
    const page = await signIn(context, server.url, EDITOR);
    await page.goto(`${server.url}/admin/vacancies/new`);
    const closes = toTiranaFields(new Date(Date.now() + 3 * 86_400_000 + 3_600_000));
    const shared = page.getByTestId('vacancy-shared');
    await shared.getByLabel(m.fields.reference, { exact: true }).fill('CON 2026-07');
    await shared.getByLabel(m.fields.dutyStation, { exact: true }).fill('Tirana');
    await shared.getByLabel(m.fields.grade, { exact: true }).selectOption('NO-A');
    await shared.getByLabel('DD.MM.YYYY', { exact: true }).fill(closes.date);
    await shared.getByLabel('HH:MM', { exact: true }).fill(closes.time);
    await shared.getByLabel(m.fields.applyEmail, { exact: true }).fill('hr.tirana@iom.int');
    await shared.getByLabel(m.fields.donor, { exact: true }).fill('European Union');
    await Promise.all([page.waitForURL(/\/admin\/vacancies\/\d+\?created=1$/), shared.getByRole('button', { name: m.create, exact: true }).click()]);
    const itemId = Number(/\/admin\/vacancies\/(\d+)/.exec(page.url())![1]);

    for (const [locale, title, body] of [
      ['en', 'Migration Data Assistant', 'Collects and checks migration data.'],
      ['sq', 'Asistent për të dhënat e migracionit', 'Mbledh dhe kontrollon të dhënat.'],
    ] as const) {
      const panel = page.locator(`#panel-${locale}`);
      if (!(await panel.isVisible())) await page.locator(`#tab-${locale}`).click();
      await panel.getByLabel(e.fields.title, { exact: true }).fill(title);
      await panel.getByRole('textbox', { name: e.fields.body, exact: true }).click();
      await page.keyboard.type(body);
      await clickAndAwaitPost(page, panel.getByRole('button', { name: e.publishNow, exact: true }), `/admin/vacancies/${itemId}`);
      await expect.poll(() => panel.getByTestId('form-message').textContent(), { timeout: 15_000 }).toBe(e.done.published);
    }

    const pub = await context.newPage();
    await pub.goto(`${server.url}/take-action/vacancies`);
    expect(await pub.getByTestId('open-vacancies').getByTestId('vacancy-item').first().textContent()).toContain('Migration Data Assistant');
    expect(await pub.getByTestId('vacancy-closing').first().textContent()).toBe('Closes in 3 days');
    expect(await axeViolations(pub)).toEqual([]);
    await pub.goto(`${server.url}/sq/angazhohu/vende-pune`);
    expect(await pub.getByTestId('vacancy-closing').first().textContent()).toBe('Mbyllet për 3 ditë');
    expect(await axeViolations(pub)).toEqual([]);

    await pub.goto(`${server.url}/take-action/vacancies/migration-data-assistant`);
    expect(await pub.getByTestId('vacancy-fields').textContent()).toContain('CON 2026-07');
    const [posting] = (await jobPostings(pub)) as Record<string, unknown>[];
    expect(posting).toMatchObject({ title: 'Migration Data Assistant', employmentType: 'FULL_TIME', hiringOrganization: { name: expect.stringContaining('IOM') }, jobLocation: { address: { addressCountry: 'AL' } } });
    expect(new Date(posting!.validThrough as string).getTime()).toBeGreaterThan(Date.now());
    expect(await axeViolations(pub)).toEqual([]);
    expect(await feed('/take-action/vacancies/feed.xml')).toContain('Migration Data Assistant');
    expect(await feed('/sq/angazhohu/vende-pune/feed.xml')).toContain('Asistent për të dhënat e migracionit');

    // Staff close it now: a closing time in the past.
    const past = toTiranaFields(new Date(Date.now() - 3_600_000));
    await page.getByLabel('DD.MM.YYYY', { exact: true }).fill(past.date);
    await page.getByLabel('HH:MM', { exact: true }).fill(past.time);
    await clickAndAwaitPost(page, shared.getByRole('button', { name: m.saveShared, exact: true }), `/admin/vacancies/${itemId}`);
    await expect.poll(() => shared.getByTestId('form-message').textContent(), { timeout: 15_000 }).toBe(m.sharedSaved);

    await pub.goto(`${server.url}/take-action/vacancies/migration-data-assistant`);
    expect(await pub.getByTestId('vacancy-closed').isVisible()).toBe(true);
    expect(await jobPostings(pub)).toEqual([]);
    await pub.goto(`${server.url}/take-action/vacancies`);
    expect(await pub.getByTestId('closed-vacancies').textContent()).toContain('Migration Data Assistant');
    expect(await pub.getByTestId('open-vacancies').count()).toBe(0);
    expect(await feed('/take-action/vacancies/feed.xml')).not.toContain('Migration Data Assistant');
    await context.close();
  }, 180_000);

  it('closes by itself at its closing time, with nothing done in between', async () => {
    const closesAt = new Date(Date.now() + 8_000);
    const db = openDatabase(server.dataDir);
    try {
      const actor = { userId: db.select({ id: users.id }).from(users).where(eq(users.email, EDITOR.email)).get()!.id, ip: null };
      const created = createVacancy(db, actor, {
        reference: 'SVN 2026-99', dutyStation: 'Durrës', unit: '', grade: 'intern', appointmentType: '', appointmentLength: '', estimatedStart: '',
        closesAt, project: '', donor: '', applyUrl: 'https://www.iom.int/apply', applyEmail: '', terms: [],
      });
      if (!created.ok) throw new Error(JSON.stringify(created));
      const saved = vacancyWrites.save(db, actor, { itemId: created.itemId, locale: 'en', baseVersion: null, fields: { title: 'Summer Intern', slug: '', summary: 'Eight weeks.', body: '<p>Eight weeks in Durrës.</p>', seoTitle: null, seoDescription: null }, publication: { action: 'publish' } });
      expect(saved.ok).toBe(true);
    } finally {
      db.$client.close();
    }
    const context = await browser.newContext();
    const pub = await context.newPage();
    await pub.goto(`${server.url}/take-action/vacancies/summer-intern`);
    expect(await jobPostings(pub)).toHaveLength(1);
    expect(await feed('/take-action/vacancies/feed.xml')).toContain('Summer Intern');
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, closesAt.getTime() - Date.now() + 200)));
    await pub.goto(`${server.url}/take-action/vacancies`);
    expect(await pub.getByTestId('closed-vacancies').textContent()).toContain('Summer Intern');
    await pub.goto(`${server.url}/take-action/vacancies/summer-intern`);
    expect(await pub.getByTestId('vacancy-closed').isVisible()).toBe(true);
    expect(await jobPostings(pub)).toEqual([]);
    expect(await feed('/take-action/vacancies/feed.xml')).not.toContain('Summer Intern');
    await context.close();
  }, 60_000);
});
