import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadMedia } from '@/db/media/library';
import { currentSiteSettings } from '@/db/site-settings';
import { mediaTranslations, users } from '@/db/schema';
import { multipart } from '@/scripts/hostile-requests';
import { clickAndAwaitPost, launchBrowser } from '../helpers/browser';
import { makeSeededDataDir, withDatabase } from '../helpers/db';
import { picture } from '../helpers/media';
import { type RunningServer, startServer } from '../helpers/server';
import { addStaff, signIn } from '../helpers/staff';

/**
 * Issue 19, point 3: administrators edit the site settings at
 * /admin/settings in both languages; the footer, the contact page, the
 * header's logo, the Organization JSON-LD and og:image show them. Editors are
 * refused, a stale save is refused with the newer values shown, and forged
 * input gets localized field errors (never a 500).
 */

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const ADMIN = { name: 'Ana', email: 'ana@iom.int', password: 'Lumi i Shkumbinit në pranverë', role: 'admin' as const };
const ADMIN_SQ = { name: 'Besa', email: 'besa@iom.int', password: 'Kalaja e Rozafës mbi Bunë', role: 'admin' as const, preferredLocale: 'sq' as const };
const EDITOR = { name: 'Erion', email: 'erion@iom.int', password: 'Ura e Mesit mbi Kir', role: 'editor' as const };
const LOGO = 'iom-logo.png';
const SHARE = 'zyra-share.jpg';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  const { db, dataDir } = makeSeededDataDir();
  await addStaff(dataDir, [ADMIN, ADMIN_SQ, EDITOR]);
  const userId = db.select({ id: users.id }).from(users).get()!.id;
  for (const [name, bytes] of [
    [LOGO, await (await picture(400, 120)).png().toBuffer()],
    [SHARE, await (await picture(1200, 630)).jpeg({ quality: 70 }).toBuffer()],
  ] as const) {
    const upload = await uploadMedia(db, dataDir, { userId, ip: null }, { bytes, fileName: name });
    if (!upload.ok) throw new Error(`upload failed: ${upload.error}`);
    db.insert(mediaTranslations).values({ mediaId: upload.id, locale: 'en', alt: `Alt of ${name}` }).run();
  }
  db.$client.close();
  [server, browser] = await Promise.all([startServer({ dataDir }), launchBrowser()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signedIn(user: { email: string; password: string }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  return { context, page: await signIn(context, server.url, user) };
}

async function chooseImage(page: Page, pickerTestId: string, fileName: string) {
  await page.getByTestId(pickerTestId).getByRole('button', { name: 'Choose image' }).click();
  const dialog = page.getByRole('dialog', { name: 'Choose an image from the media library' });
  await dialog.getByRole('button', { name: new RegExp(fileName) }).click();
  await dialog.getByRole('button', { name: 'Use this image' }).click();
  await expect.poll(() => dialog.isVisible()).toBe(false);
}

async function save(page: Page, name = 'Save settings'): Promise<string> {
  await clickAndAwaitPost(page, page.getByRole('button', { name }), '/admin/settings');
  const message = page.getByTestId('form-message');
  await message.waitFor();
  return (await message.textContent()) ?? '';
}

/** The saveSiteSettingsAction's id in this build, from Next's manifest. */
function actionId(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, '.next/server/server-reference-manifest.json'), 'utf8')) as { node: Record<string, { exportedName: string }> };
  return Object.entries(manifest.node).find(([, a]) => a.exportedName === 'saveSiteSettingsAction')![0];
}

async function cookieOf(context: BrowserContext): Promise<string> {
  return (await context.cookies(server.url)).map((c) => `${c.name}=${c.value}`).join('; ');
}

/** Posts the settings form as a forged request would: `fields` as FormData, the way React sends a form's argument. */
async function postSettings(cookie: string, fields: [string, string][]): Promise<{ status: number; body: string }> {
  const { body, contentType } = multipart([...fields.map(([n, v]): [string, string] => [`_1_${n}`, v]), ['0', '["$undefined","$K1"]']]);
  const res = await fetch(`${server.url}/admin/settings`, {
    method: 'POST',
    headers: { 'Next-Action': actionId(), Origin: server.url, 'Content-Type': contentType, cookie },
    body: new Uint8Array(body),
  });
  return { status: res.status, body: await res.text() };
}

const visit = async (path: string) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url + path);
  return { context, page };
};

const hrefs = (page: Page, scope: string, prefix: string) =>
  page.locator(`${scope} a[href^="${prefix}"]`).evaluateAll((els) => els.map((e) => e.getAttribute('href')));

describe('the site settings', () => {
  it('are shown nowhere while empty: no placeholder in the footer or on the contact page', async () => {
    const { context, page } = await visit('/contact');
    expect(await hrefs(page, 'body', 'tel:')).toEqual([]);
    expect(await hrefs(page, 'body', 'mailto:')).toEqual([]);
    expect(await page.getByTestId('contact-details').first().textContent()).toBe('');
    expect(await page.locator('main').textContent()).toContain('How to reach the IOM office in Tirana.');
    await context.close();
  });

  it('are edited by an administrator in both languages and shown in the footer, on the contact page, in the header and to search engines', async () => {
    const { context, page } = await signedIn(ADMIN);
    await page.getByRole('navigation', { name: 'Editor area' }).getByRole('link', { name: 'Site settings' }).click();
    await page.waitForURL(`${server.url}/admin/settings`);
    await page.getByLabel('Address (English)').fill('Rruga Example 1\nTirana, Albania');
    await page.getByLabel('Address (Albanian)').fill('Rruga Example 1\nTiranë, Shqipëri');
    await page.getByLabel('Opening hours (English)').fill('Monday to Friday, 08:30–17:00');
    await page.getByLabel('Opening hours (Albanian)').fill('E hënë – e premte, 08:30–17:00');
    await page.getByLabel('Email', { exact: true }).first().fill('office@example.org');
    await page.getByLabel('Phone 1 · Number').fill('+355 4 225 7836');
    await page.getByLabel('Phone 1 · Label (English)').fill('Reception');
    await page.getByLabel('Phone 1 · Label (Albanian)').fill('Recepsioni');
    await page.getByLabel('Phone 2 · Number').fill('069 123 4567');
    await page.getByLabel('Name', { exact: true }).fill('Arta Hoxha');
    await page.getByLabel('Phone', { exact: true }).fill('00355 69 765 4321');
    await page.getByLabel('Email', { exact: true }).nth(1).fill('press@example.org');
    await page.getByLabel('Map link (OpenStreetMap)').fill('https://www.openstreetmap.org/?mlat=41.3275&mlon=19.8187#map=17/41.3275/19.8187');
    await page.getByLabel('Facebook').fill('https://www.facebook.com/IOMAlbania');
    await page.getByLabel('X (Twitter)').fill('https://x.com/IOMAlbania');
    await page.getByLabel('YouTube').fill('https://www.youtube.com/@IOMAlbania');
    await chooseImage(page, 'settings-logo-picker', LOGO);
    await chooseImage(page, 'settings-share-image-picker', SHARE);
    expect(await save(page)).toBe('The settings have been saved. Every page of the website shows them now.');
    await context.close();

    for (const [home, contact, lang] of [
      ['/', '/contact', 'en'],
      ['/sq', '/sq/kontakt', 'sq'],
    ] as const) {
      const { context: c, page: p } = await visit(home);
      const footer = p.locator('footer');
      expect(await footer.textContent()).toContain(lang === 'en' ? 'Rruga Example 1Tirana, Albania' : 'Rruga Example 1Tiranë, Shqipëri');
      expect(await footer.textContent()).toContain(lang === 'en' ? 'Reception: +355 4 225 7836' : 'Recepsioni: +355 4 225 7836');
      expect(await footer.textContent()).toContain(lang === 'en' ? 'Monday to Friday, 08:30–17:00' : 'E hënë – e premte, 08:30–17:00');
      expect(await hrefs(p, 'footer', 'tel:')).toEqual(['tel:+35542257836', 'tel:+355691234567']);
      expect(await hrefs(p, 'footer', 'mailto:')).toEqual(['mailto:office@example.org']);
      expect(await hrefs(p, 'footer', 'https://www.openstreetmap.org/')).toHaveLength(1);
      expect(await footer.getByTestId('social-links').getByRole('link').evaluateAll((els) => els.map((e) => [e.textContent, e.getAttribute('href')]))).toEqual([
        ['Facebook', 'https://www.facebook.com/IOMAlbania'],
        ['X', 'https://x.com/IOMAlbania'],
        ['YouTube', 'https://www.youtube.com/@IOMAlbania'],
      ]);
      // The logo in place of the text wordmark.
      const logo = p.locator('header').getByRole('img', { name: 'IOM · UN Migration' });
      expect(await logo.getAttribute('src')).toMatch(/^\/media\//);
      expect(await p.locator('header').textContent()).not.toContain('IOM · UN Migration');
      // The Organization JSON-LD.
      const org = (await p.locator('script[type="application/ld+json"]').evaluateAll((els) => els.map((e) => JSON.parse(e.textContent!)))).find(
        (d: { '@type': string }) => d['@type'] === 'Organization',
      );
      expect(org).toMatchObject({
        email: 'office@example.org',
        telephone: '+35542257836',
        address: { streetAddress: lang === 'en' ? 'Rruga Example 1, Tirana, Albania' : 'Rruga Example 1, Tiranë, Shqipëri', addressCountry: 'AL' },
        contactPoint: [{ contactType: 'media relations', name: 'Arta Hoxha', telephone: '+355697654321', email: 'press@example.org' }],
        logo: { url: expect.stringMatching(new RegExp(`^${server.url}/media/`)) },
      });
      expect(org.sameAs).toEqual(expect.arrayContaining(['https://www.facebook.com/IOMAlbania', 'https://x.com/IOMAlbania', 'https://www.youtube.com/@IOMAlbania']));

      // The contact page: its own text, then the details, the media contact and the map.
      await p.goto(server.url + contact);
      const main = p.locator('main');
      const text = (await main.textContent()) ?? '';
      const own = lang === 'en' ? 'How to reach the IOM office in Tirana.' : 'Si të kontaktoni zyrën e IOM-it në Tiranë.';
      expect(text.indexOf(own)).toBeGreaterThan(-1);
      expect(text.indexOf(own)).toBeLessThan(text.indexOf('Rruga Example 1'));
      expect(await hrefs(p, 'main', 'tel:')).toEqual(['tel:+35542257836', 'tel:+355691234567', 'tel:+355697654321']);
      expect(await hrefs(p, 'main', 'mailto:')).toEqual(['mailto:office@example.org', 'mailto:press@example.org']);
      expect(await main.getByTestId('media-contact').textContent()).toContain('Arta Hoxha');
      expect(await main.getByRole('link', { name: lang === 'en' ? 'See the office on the map (OpenStreetMap)' : 'Shihni zyrën në hartë (OpenStreetMap)' }).getAttribute('href')).toBe(
        'https://www.openstreetmap.org/?mlat=41.3275&mlon=19.8187#map=17/41.3275/19.8187',
      );
      // No embedded map or third-party frame.
      expect(await p.locator('iframe').count()).toBe(0);
      // A page without a main image of its own is shared with the default share image.
      expect(await p.locator('meta[property="og:image"]').getAttribute('content')).toMatch(new RegExp(`^${server.url}/media/.*\\.jpg$`));
      await c.close();
    }
  });

  it('refuses a save made from an older version, shows the newer values beside the typed ones, and saves over them on request', async () => {
    const first = await signedIn(ADMIN);
    const second = await signedIn(ADMIN_SQ);
    await first.page.goto(`${server.url}/admin/settings`);
    await second.page.goto(`${server.url}/admin/settings`);
    await first.page.getByLabel('Email', { exact: true }).first().fill('first@example.org');
    expect(await save(first.page)).toBe('The settings have been saved. Every page of the website shows them now.');

    await second.page.getByLabel('Email-i', { exact: true }).first().fill('second@example.org');
    // Refused: the newer values in the conflict box, which says so (and no other message).
    await clickAndAwaitPost(second.page, second.page.getByRole('button', { name: 'Ruaj cilësimet' }), '/admin/settings');
    const conflict = second.page.getByTestId('settings-conflict');
    await conflict.waitFor();
    // The Email field's diff: theirs struck through, mine underlined (the diff is by words).
    expect((await conflict.locator('del').allTextContents()).join(' ')).toContain('first');
    expect((await conflict.locator('ins').allTextContents()).join(' ')).toContain('second');
    // What was typed is still in the form.
    expect(await second.page.getByLabel('Email-i', { exact: true }).first().inputValue()).toBe('second@example.org');
    expect(withDatabase(server.dataDir, currentSiteSettings).email).toBe('first@example.org');

    await conflict.getByRole('button', { name: 'Mbaj vlerat e mia dhe ruaji mbi të tyret' }).click();
    expect(await save(second.page, 'Ruaj cilësimet')).toBe('Cilësimet u ruajtën. Çdo faqe e sitit i shfaq tani.');
    expect(withDatabase(server.dataDir, currentSiteSettings).email).toBe('second@example.org');
    await first.context.close();
    await second.context.close();
  });

  it('are refused to an editor: no link, a 403 page and a refused action', async () => {
    const { context, page } = await signedIn(EDITOR);
    expect(await page.getByRole('navigation', { name: 'Editor area' }).getByRole('link', { name: 'Site settings' }).count()).toBe(0);
    const res = await page.goto(`${server.url}/admin/settings`);
    expect(res!.status()).toBe(403);
    const before = withDatabase(server.dataDir, currentSiteSettings);
    const answer = await postSettings(await cookieOf(context), [['baseVersion', String(before.version)], ['email', 'editor@example.org']]);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('"step":"forbidden"');
    expect(withDatabase(server.dataDir, currentSiteSettings)).toEqual(before);
    await context.close();
  });

  it('answers forged links and over-long texts with field errors in the administrator’s language, never a 500', async () => {
    const { context, page } = await signedIn(ADMIN_SQ);
    await page.goto(`${server.url}/admin/settings`);
    await page.getByLabel('Lidhja e hartës (OpenStreetMap)').fill('javascript:alert(1)');
    await page.getByLabel('Facebook').fill('https://www.facebook.com.evil.example/IOM');
    await page.getByLabel('Adresa (anglisht)').fill('x'.repeat(600));
    expect(await save(page, 'Ruaj cilësimet')).toBe('Kontrolloni formularin dhe provoni përsëri.');
    const errorOf = async (label: string) => {
      const id = await page.getByLabel(label).getAttribute('id');
      return page.locator(`#${id}-error`).textContent();
    };
    expect(await errorOf('Lidhja e hartës (OpenStreetMap)')).toBe('Shkruani një adresë të OpenStreetMap që fillon me https://www.openstreetmap.org/.');
    expect(await errorOf('Facebook')).toBe('Shkruani adresën e një faqeje në Facebook, që fillon me https://.');
    expect(await errorOf('Adresa (anglisht)')).toBe('Teksti është shumë i gjatë.');

    // Straight to the action, past the form: a map elsewhere than OpenStreetMap, a 100 kB field.
    const version = String(withDatabase(server.dataDir, currentSiteSettings).version);
    const forged = await postSettings(await cookieOf(context), [
      ['baseVersion', version],
      ['mapUrl', 'https://maps.google.com/?q=IOM+Tirana'],
      ['openingHoursSq', 'y'.repeat(100_000)],
    ]);
    expect(forged.status).toBe(200);
    expect(forged.body).toContain('Shkruani një adresë të OpenStreetMap që fillon me https://www.openstreetmap.org/.');
    expect(forged.body).toContain('"openingHoursSq":"Teksti është shumë i gjatë."');
    expect(withDatabase(server.dataDir, currentSiteSettings).version).toBe(Number(version));
    await context.close();
  });
});
