import type { DB } from '@/db/client';
import { media, mediaTranslations } from '@/db/schema';

/**
 * A media row straight in the database (no files), for tests of the rules
 * around it: an image with one 320-pixel variant, or a PDF, with alt text
 * per language (`decorative` marks a language decorative).
 */
export function insertMediaRow(
  db: DB,
  n: number,
  texts: { en?: string; sq?: string; decorative?: ('en' | 'sq')[] } = {},
  kind: 'image' | 'document' = 'image',
): number {
  const hash = n.toString(16).padStart(64, '0');
  const variants = kind === 'image' ? JSON.stringify([{ width: 320, height: 240, files: { webp: `${hash}-320.webp`, jpeg: `${hash}-320.jpg` } }]) : '[]';
  const id = db
    .insert(media)
    .values({ kind, mime: kind === 'image' ? 'image/jpeg' : 'application/pdf', fileName: `file-${n}`, size: 1, width: 320, height: 240, hash, variants })
    .returning({ id: media.id })
    .get().id;
  for (const locale of ['en', 'sq'] as const) {
    const decorative = texts.decorative?.includes(locale) ?? false;
    if (texts[locale] !== undefined || decorative) db.insert(mediaTranslations).values({ mediaId: id, locale, alt: texts[locale] ?? null, decorative }).run();
  }
  return id;
}
