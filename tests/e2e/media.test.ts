import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUserRow } from '@/db/auth/users-core';
import { type DB, openDatabase } from '@/db/client';
import { withDatabase } from '../helpers/db';
import { auditEvents, media, newsItems, users } from '@/db/schema';
import { axeViolations } from '../helpers/axe';
import { launchBrowser } from '../helpers/browser';
import { cleanPdf, phonePhoto, SECRET_XMP_NAME } from '../helpers/media';
import { type RunningServer, startServer } from '../helpers/server';

/**
 * The media library in a real Chromium against `next start`: upload through
 * the page (file input and drag and drop), alt text in both languages, the
 * library's search, the used-file guard, and the files as the public gets them.
 */

const ADMIN = { name: 'Ana Admin', email: 'ana@iom.int', password: 'Lumi i Drinit rrjedh ngadalë', role: 'admin' as const };

let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

function withDb<T>(run: (db: DB) => T): T {
  return withDatabase(server.dataDir, run);
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const db = openDatabase(server.dataDir);
  await insertUserRow(db, ADMIN, { id: null });
  db.$client.close();
  context = await browser.newContext();
  // Every violation of the editor area's Content-Security-Policy is recorded.
  await context.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${server.url}/admin/sign-in`);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${server.url}/admin`);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const PHOTO_NAME = 'Trajnim në Durrës.jpg';
let photoId = 0;
let pdfId = 0;

function itemByName(name: string) {
  return page.getByTestId('upload-list').locator('li').filter({ hasText: name });
}

describe('uploading', () => {
  it('takes a photo through the file input, shows its progress and puts it in the library', async () => {
    await page.getByRole('link', { name: 'Media' }).click();
    await page.waitForURL(`${server.url}/admin/media`);
    expect(await page.locator('h1').textContent()).toBe('Media library');
    expect(await axeViolations(page)).toEqual([]);

    const photo = await phonePhoto(2400, 1800);
    await page.getByLabel('Choose files to upload').setInputFiles({ name: PHOTO_NAME, mimeType: 'image/jpeg', buffer: photo });
    const item = itemByName(PHOTO_NAME);
    await expect.poll(() => item.getAttribute('data-status'), { timeout: 90_000 }).toBe('done');
    expect(await item.locator('progress').getAttribute('value')).toBe('100');
    expect(await item.locator('progress').getAttribute('aria-label')).toBe(`Upload of ${PHOTO_NAME}`);
    await expect.poll(() => page.getByTestId('upload-announcement').textContent()).toBe('Finished: 1 file uploaded, 0 refused.');
    // The library below now lists it.
    await page.getByTestId('media-grid').getByRole('link', { name: PHOTO_NAME }).waitFor();
    photoId = withDb((db) => db.select({ id: media.id }).from(media).where(eq(media.fileName, PHOTO_NAME)).get()!.id);
    expect(await page.getByTestId(`media-${photoId}`).textContent()).toContain('No alt text in English');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('refuses an executable renamed .jpg with a clear message, and stays up', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(2048, 0x90)]);
    await page.getByLabel('Choose files to upload').setInputFiles({ name: 'holiday.jpg', mimeType: 'image/jpeg', buffer: exe });
    const item = itemByName('holiday.jpg');
    await expect.poll(() => item.getAttribute('data-status')).toBe('failed');
    expect(await item.textContent()).toContain('This kind of file is not accepted. Upload a JPEG, PNG, WebP or AVIF image, or a PDF.');
    await expect.poll(() => page.getByTestId('upload-announcement').textContent()).toBe('Finished: 0 files uploaded, 1 refused.');
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('refuses a photo over 15 MB in the browser, without sending it', async () => {
    const posts: string[] = [];
    const onRequest = (request: { method(): string; url(): string }) => {
      if (request.method() === 'POST' && request.url().includes('/api/media/upload')) posts.push(request.url());
    };
    page.on('request', onRequest);
    try {
      // A 15.8 MB "photo" made in the page (handing its bytes over from the test would be slow), dropped on the form.
      const dataTransfer = await page.evaluateHandle((size) => {
        const bytes = new Uint8Array(size);
        bytes.set([0xff, 0xd8, 0xff, 0xe0]);
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], 'IMG_2041.jpg', { type: 'image/jpeg' }));
        return transfer;
      }, Math.round(15.8 * 1024 * 1024));
      await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer });
      const item = itemByName('IMG_2041.jpg');
      await expect.poll(() => item.getAttribute('data-status')).toBe('failed');
      expect(await item.textContent()).toContain('The image is larger than 15 MB. Save it smaller and try again.');
      await expect.poll(() => page.getByTestId('upload-announcement').textContent()).toBe('Finished: 0 files uploaded, 1 refused.');
      // A small file chosen afterwards still goes up: only the oversize one was held back.
      const exe = Buffer.from('MZ\x90\x00 not a pdf at all', 'latin1');
      await page.getByLabel('Choose files to upload').setInputFiles({ name: 'Raporti.pdf', mimeType: 'application/pdf', buffer: exe });
      const fake = itemByName('Raporti.pdf');
      await expect.poll(() => fake.getAttribute('data-status'), { timeout: 15_000 }).toBe('failed');
      expect(posts).toHaveLength(1);
    } finally {
      page.off('request', onRequest);
    }
  });

  it('says so when a file named .pdf is not a PDF', async () => {
    const item = itemByName('Raporti.pdf');
    expect(await item.textContent()).toContain(
      'The file’s name ends in .pdf, but its content is not a PDF. Open it and save or export it as PDF again, then upload the new file.',
    );
    const cookie = (await context.cookies(server.url)).map((c) => `${c.name}=${c.value}`).join('; ');
    const answer = await fetch(`${server.url}/api/media/upload`, {
      method: 'POST',
      headers: { Origin: server.url, cookie, 'X-File-Name': encodeURIComponent('Raporti.PDF') },
      body: new TextEncoder().encode('<html>not a pdf</html>'),
    });
    expect(answer.status).toBe(415);
    expect(await answer.json()).toMatchObject({ ok: false, error: 'notPdf' });
  });

  it('takes a PDF dropped on the page', async () => {
    const bytes = [...cleanPdf()];
    const dataTransfer = await page.evaluateHandle((data) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], 'Raport vjetor – Shqipëri.pdf', { type: 'application/pdf' }));
      return transfer;
    }, bytes);
    await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer });
    const item = itemByName('Raport vjetor – Shqipëri.pdf');
    await expect.poll(() => item.getAttribute('data-status'), { timeout: 15_000 }).toBe('done');
    pdfId = withDb((db) => db.select({ id: media.id }).from(media).where(eq(media.kind, 'document')).get()!.id);
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  });

  it('refuses a cross-site upload (403) and an anonymous one (401)', async () => {
    const body = new Uint8Array(cleanPdf());
    const forged = await fetch(`${server.url}/api/media/upload`, { method: 'POST', headers: { Origin: 'https://evil.example', 'X-File-Name': 'x.pdf' }, body });
    expect(forged.status).toBe(403);
    const cookie = (await context.cookies(server.url)).map((c) => `${c.name}=${c.value}`).join('; ');
    const forgedWithSession = await fetch(`${server.url}/api/media/upload`, { method: 'POST', headers: { Origin: 'https://evil.example', cookie }, body });
    expect(forgedWithSession.status).toBe(403);
    const anonymous = await fetch(`${server.url}/api/media/upload`, { method: 'POST', headers: { Origin: server.url }, body });
    expect(anonymous.status).toBe(401);
    expect(withDb((db) => db.select().from(media).all())).toHaveLength(2);
  });

  it('takes a photo over 10 MB whole (the proxy would cut it), and refuses one over 15 MB or a body over 40 MB with 413', async () => {
    const cookie = (await context.cookies(server.url)).map((c) => `${c.name}=${c.value}`).join('; ');
    const post = (body: Uint8Array<ArrayBuffer>, name: string) =>
      fetch(`${server.url}/api/media/upload`, { method: 'POST', headers: { Origin: server.url, cookie, 'X-File-Name': encodeURIComponent(name) }, body });
    const noise = sharp({ create: { width: 2400, height: 1800, channels: 3, background: '#000', noise: { type: 'gaussian', mean: 128, sigma: 90 } } });
    const big = await noise.jpeg({ quality: 100, chromaSubsampling: '4:4:4' }).toBuffer();
    expect(big.length).toBeGreaterThan(10.5 * 1024 * 1024);
    expect(big.length).toBeLessThan(15 * 1024 * 1024);
    const ok = await post(new Uint8Array(big), 'big.jpg');
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ ok: true, status: 'created' });
    const tooBig = new Uint8Array(16 * 1024 * 1024);
    tooBig.set([0xff, 0xd8, 0xff, 0xe0]);
    const refused = await post(tooBig, 'huge.jpg');
    expect(refused.status).toBe(413);
    expect(await refused.json()).toEqual({ ok: false, error: 'imageTooLarge', message: 'The image is larger than 15 MB. Save it smaller and try again.' });
    const overLimit = await post(new Uint8Array(41 * 1024 * 1024), 'huge.pdf');
    expect(overLimit.status).toBe(413);
    expect(await overLimit.json()).toMatchObject({ error: 'tooLarge' });
    expect(withDb((db) => db.select().from(media).all())).toHaveLength(3);
  });
});

describe('texts in both languages', () => {
  it('are added on the file’s page, and the library finds the file by its alt text', async () => {
    await page.goto(`${server.url}/admin/media/${photoId}`);
    expect(await page.locator('h1').textContent()).toBe(PHOTO_NAME);
    const en = page.getByTestId('texts-en');
    const sq = page.getByTestId('texts-sq');
    await en.getByLabel('Alt text', { exact: true }).fill('Judges and prosecutors at a training in Durrës');
    await en.getByLabel('Caption').fill('Training for judges and prosecutors, April 2019.');
    await en.getByLabel('Credit').fill('© IOM 2019');
    await sq.getByLabel('Alt text', { exact: true }).fill('Gjyqtarë dhe prokurorë në një trajnim në Durrës');
    await sq.getByLabel('Caption').fill('Trajnim për gjyqtarë dhe prokurorë, prill 2019.');
    await page.getByRole('button', { name: 'Save texts' }).click();
    await expect.poll(() => page.getByTestId('form-message').first().textContent()).toBe('The texts have been saved.');
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${server.url}/admin/media?q=prokuror%C3%AB`);
    const grid = page.getByTestId('media-grid');
    expect(await grid.locator('li[data-testid^="media-"]').count()).toBe(1);
    expect(await page.getByTestId(`media-${photoId}`).textContent()).not.toContain('No alt text');
    await page.getByLabel('Type').selectOption('document');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/type=document/);
    expect(await page.getByText('No files match.').isVisible()).toBe(true);
    expect(withDb((db) => db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityType, 'media')).all().map((a) => a.action))).toEqual([
      'media.upload',
      'media.upload',
      'media.upload',
      'media.update',
    ]);
  });
});

describe('the files as the public gets them', () => {
  it('an image variant: WebP, nosniff, cached for a year, no metadata', async () => {
    await page.goto(`${server.url}/admin/media/${photoId}`);
    const url = (await page.getByTestId('media-url').getAttribute('href'))!;
    expect(url).toMatch(/^\/media\/[0-9a-f]{64}-1024\.webp$/);
    const res = await fetch(server.url + url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/webp');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const bytes = Buffer.from(await res.arrayBuffer());
    const meta = await sharp(bytes).metadata();
    expect([meta.width, meta.height, meta.exif, meta.xmp]).toEqual([1024, 1365, undefined, undefined]);
    expect(bytes.includes(SECRET_XMP_NAME)).toBe(false);
    // The page shows the image itself from there, within its script and image policy.
    expect(await page.getByTestId('media-preview').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1024);
  });

  it('a PDF: inline, under its real name', async () => {
    const hash = withDb((db) => db.select({ hash: media.hash }).from(media).where(eq(media.id, pdfId)).get()!.hash);
    const res = await fetch(`${server.url}/media/${hash}.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(
      `inline; filename="Raport vjetor _ Shqiperi.pdf"; filename*=UTF-8''Raport%20vjetor%20%E2%80%93%20Shqip%C3%ABri.pdf`,
    );
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('anything else: 404, including attempts to leave the uploads folder', async () => {
    for (const path of [
      '/media/unknown.webp',
      `/media/${'0'.repeat(64)}-320.webp`,
      '/media/..%2Fiom-albania.sqlite',
      '/media/%2E%2E/%2E%2E/iom-albania.sqlite',
      '/media/../auth-secret',
      '/media/uploads/x.webp',
    ]) {
      const res = await fetch(server.url + path, { redirect: 'manual' });
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
    }
  });
});

describe('a file in use', () => {
  it('is not moved to the trash: the message names the article; once free, it is', async () => {
    const articleId = withDb((db) => {
      const id = db.select({ id: newsItems.id }).from(newsItems).get()!.id;
      db.update(newsItems).set({ heroMediaId: photoId }).where(eq(newsItems.id, id)).run();
      return id;
    });
    await page.goto(`${server.url}/admin/media/${photoId}`);
    expect(await page.getByTestId('media-usages').textContent()).toContain('News: IOM trains judges and prosecutors');
    await page.getByRole('button', { name: 'Move to the trash' }).click();
    const message = page.getByTestId('trash-forms').getByTestId('form-message');
    await expect.poll(() => message.textContent()).toMatch(/^This file is in use and cannot be deleted\. Remove it first from: News: IOM trains judges and prosecutors.*\(main image\)\.$/);

    withDb((db) => db.update(newsItems).set({ heroMediaId: null }).where(eq(newsItems.id, articleId)).run());
    await page.reload();
    await page.getByRole('button', { name: 'Move to the trash' }).click();
    await expect.poll(() => message.textContent()).toBe('The file has been moved to the trash.');
    await page.reload();
    expect(await page.getByRole('status').filter({ hasText: 'This file is in the trash' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    const url = withDb((db) => db.select({ hash: media.hash }).from(media).where(eq(media.id, photoId)).get()!.hash);
    expect((await fetch(`${server.url}/media/${url}-320.webp`)).status).toBe(404);

    // An admin deletes it for good, files and all.
    await page.getByRole('button', { name: 'Delete for good' }).click();
    await page.waitForURL(/\/admin\/media\?type=trash&deleted=1$/);
    expect(withDb((db) => db.select().from(media).where(eq(media.id, photoId)).all())).toEqual([]);
  });
});

describe('in Albanian', () => {
  it('speaks the user’s language, with the same accessibility', async () => {
    withDb((db) => db.update(users).set({ preferredLocale: 'sq' }).where(eq(users.email, ADMIN.email)).run());
    await page.goto(`${server.url}/admin/media?type=trash`);
    expect(await page.locator('html').getAttribute('lang')).toBe('sq');
    expect(await page.locator('h1').textContent()).toBe('Biblioteka e mediave');
    expect(await page.getByRole('link', { name: 'Raport vjetor – Shqipëri.pdf' }).count()).toBe(0);
    await page.goto(`${server.url}/admin/media`);
    expect(await page.getByText('Zgjidh skedarët për t’i ngarkuar').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${server.url}/admin/media/${pdfId}`);
    expect(await page.getByRole('button', { name: 'Ruaj tekstet' }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });
});
