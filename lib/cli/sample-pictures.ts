import { randomBytes } from 'node:crypto';
import { desc, eq, inArray } from 'drizzle-orm';
import sharp from 'sharp';
import { insertUserRow } from '@/db/auth/users-core';
import type { DB } from '@/db/client';
import { uploadMedia } from '@/db/media/library';
import { mediaTranslations, newsItems, newsTranslations, pages, users } from '@/db/schema';

/**
 * Pictures for the sample data of the tools (screenshots, lighthouse): calm
 * drawn landscapes (no one's photo), uploaded through the media library as
 * staff would, with alt text in both languages, set as the main image of
 * every other sample article and of two sections. The upload's account is a
 * throw-away one, deleted afterwards (its uploads keep no author).
 */

const PALETTES = [
  ['#8fb8de', '#e9eef5', '#2f6b4f', '#4f8a5b', '#f2c14e'],
  ['#f4a261', '#fde8cf', '#3d5a80', '#5c7fa3', '#fff3b0'],
  ['#6d9dc5', '#dfe8f1', '#7a6c5d', '#a39171', '#ffffff'],
  ['#94c9a9', '#eef6f0', '#27476e', '#3f6c9b', '#ffd166'],
] as const;

const ALTS = [
  ['Hills above a valley on a clear morning (a drawn sample picture)', 'Kodra mbi një luginë në një mëngjes të kthjellët (figurë shembull e vizatuar)'],
  ['A coast at sunset (a drawn sample picture)', 'Një bregdet në perëndim të diellit (figurë shembull e vizatuar)'],
  ['Mountains under a pale sky (a drawn sample picture)', 'Male nën një qiell të zbehtë (figurë shembull e vizatuar)'],
  ['Green fields by a lake (a drawn sample picture)', 'Fusha të gjelbra pranë një liqeni (figurë shembull e vizatuar)'],
] as const;

function landscape([sky, haze, far, near, sun]: readonly string[], i: number): Buffer {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1067" viewBox="0 0 1600 1067">
  <defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky}"/><stop offset="1" stop-color="${haze}"/></linearGradient></defs>
  <rect width="1600" height="1067" fill="url(#s)"/>
  <circle cx="${1150 - i * 180}" cy="${260 + i * 30}" r="110" fill="${sun}"/>
  <path d="M0 700 C 300 ${520 + i * 20} 600 ${640 - i * 25} 900 600 S 1400 ${500 + i * 30} 1600 620 V1067 H0Z" fill="${far}" opacity="0.85"/>
  <path d="M0 860 C 400 ${760 - i * 15} 800 900 1200 ${800 + i * 10} S 1500 840 1600 820 V1067 H0Z" fill="${near}"/>
</svg>`;
  return Buffer.from(svg);
}

export async function addSamplePictures(db: DB, dataDir: string): Promise<void> {
  const account = await insertUserRow(db, { email: `sample-${randomBytes(4).toString('hex')}@example.invalid`, name: 'Sample pictures', role: 'editor', password: randomBytes(24).toString('base64') }, { id: null, via: 'sample' });
  if (!account.ok) throw new Error('could not create the sample pictures’ account');
  const ids: number[] = [];
  for (const [i, palette] of PALETTES.entries()) {
    const bytes = await sharp(landscape(palette, i)).jpeg({ quality: 82 }).toBuffer();
    const upload = await uploadMedia(db, dataDir, { userId: account.id, ip: null }, { bytes, fileName: `sample-${i + 1}.jpg` });
    if (!upload.ok) throw new Error(`sample picture ${i + 1}: ${upload.error}`);
    db.insert(mediaTranslations).values([
      { mediaId: upload.id, locale: 'en', alt: ALTS[i]![0] },
      { mediaId: upload.id, locale: 'sq', alt: ALTS[i]![1] },
    ]).run();
    ids.push(upload.id);
  }
  const newest = db
    .selectDistinct({ id: newsItems.id })
    .from(newsItems)
    .innerJoin(newsTranslations, eq(newsTranslations.newsItemId, newsItems.id))
    .orderBy(desc(newsTranslations.publishedAt))
    .all();
  newest.forEach(({ id }, i) => {
    if (i % 2 === 0) db.update(newsItems).set({ heroMediaId: ids[(i / 2) % ids.length]! }).where(eq(newsItems.id, id)).run();
  });
  const sections = db.select({ id: pages.id, key: pages.key }).from(pages).where(inArray(pages.key, ['who-we-are', 'our-work'])).all();
  sections.forEach(({ id }, i) => db.update(pages).set({ heroMediaId: ids[(i + 1) % ids.length]! }).where(eq(pages.id, id)).run());
  db.delete(users).where(eq(users.id, account.id)).run();
}
