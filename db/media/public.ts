import { and, eq, isNull } from 'drizzle-orm';
import type { Locale } from '@/i18n/routing';
import { documentName, type ImageFormat, largestFile, MIME_TYPES, mediaUrl, parseVariants, srcSetOf, STORED_NAME } from '@/lib/media/files';
import type { Queryable } from '../client';
import { media, mediaTranslations } from '../schema';

/**
 * What public pages may show of the media library. No session needed: only
 * files that are not in the trash, and an image only in a language where it
 * has alt text (or is marked decorative).
 */

export type PublicImage = {
  id: number;
  /** The widest WebP variant (the fallback `src`). */
  src: string;
  /** Every WebP variant with its width descriptor. */
  srcSet: string;
  /** Of the widest variant: set on <img> so nothing moves while it loads. */
  width: number;
  height: number;
  /** Empty when the image is decorative. */
  alt: string;
  caption: string | null;
  credit: string | null;
  /** For Open Graph: the widest variant in the original's format (JPEG or PNG; WebP for WebP and AVIF originals). */
  og: { url: string; width: number; height: number; type: string };
};

/** An image for `locale`, or null when it is unknown, trashed, not an image, or has no alt text there (and is not decorative). */
export function publicImage(db: Queryable, mediaId: number, locale: Locale): PublicImage | null {
  const row = db
    .select({ id: media.id, kind: media.kind, variants: media.variants, alt: mediaTranslations.alt, decorative: mediaTranslations.decorative, caption: mediaTranslations.caption, credit: mediaTranslations.credit })
    .from(media)
    .leftJoin(mediaTranslations, and(eq(mediaTranslations.mediaId, media.id), eq(mediaTranslations.locale, locale)))
    .where(and(eq(media.id, mediaId), isNull(media.deletedAt)))
    .get();
  if (!row || row.kind !== 'image') return null;
  const alt = row.decorative ? '' : (row.alt ?? '').trim();
  if (!row.decorative && alt === '') return null;
  const files = filesOf(row.variants);
  return files && { id: row.id, ...files, alt, caption: row.caption, credit: row.credit };
}

export type ImageFiles = Pick<PublicImage, 'src' | 'srcSet' | 'width' | 'height' | 'og'>;

function filesOf(variantsJson: string): ImageFiles | null {
  const variants = parseVariants(variantsJson);
  const largest = largestFile(variants, 'webp');
  if (!largest) return null;
  const ogFormat: ImageFormat | undefined = largest.variant.files.jpeg ? 'jpeg' : largest.variant.files.png ? 'png' : undefined;
  const og = largestFile(variants, ogFormat)!;
  const ext = og.file.split('.').at(-1)!;
  return {
    src: mediaUrl(largest.file),
    srcSet: srcSetOf(variants, 'webp'),
    width: largest.variant.width,
    height: largest.variant.height,
    og: { url: mediaUrl(og.file), width: og.variant.width, height: og.variant.height, type: MIME_TYPES[ext]! },
  };
}

/**
 * The files of an image that is not in the trash, whatever its alt text:
 * for images whose text the page itself gives (the logo's alt is the
 * office's name; a share image's alt is optional).
 */
export function imageFiles(db: Queryable, mediaId: number): ImageFiles | null {
  const row = db
    .select({ kind: media.kind, variants: media.variants })
    .from(media)
    .where(and(eq(media.id, mediaId), isNull(media.deletedAt)))
    .get();
  return row?.kind === 'image' ? filesOf(row.variants) : null;
}

export type PublicDocument = {
  id: number;
  url: string;
  /** The title in `locale`, else the file name. */
  title: string;
  description: string | null;
  fileName: string;
  size: number;
  language: 'en' | 'sq' | 'mul' | null;
  createdAt: Date;
};

/** A PDF for a list of publications, or null when unknown, trashed or not a document. */
export function publicDocument(db: Queryable, mediaId: number, locale: Locale): PublicDocument | null {
  const row = db
    .select({
      id: media.id,
      kind: media.kind,
      hash: media.hash,
      fileName: media.fileName,
      size: media.size,
      language: media.language,
      createdAt: media.createdAt,
      title: mediaTranslations.title,
      caption: mediaTranslations.caption,
    })
    .from(media)
    .leftJoin(mediaTranslations, and(eq(mediaTranslations.mediaId, media.id), eq(mediaTranslations.locale, locale)))
    .where(and(eq(media.id, mediaId), isNull(media.deletedAt)))
    .get();
  if (!row || row.kind !== 'document') return null;
  return {
    id: row.id,
    url: mediaUrl(documentName(row.hash)),
    title: row.title ?? row.fileName,
    description: row.caption,
    fileName: row.fileName,
    size: row.size,
    language: row.language,
    createdAt: row.createdAt,
  };
}

export type ServedFile = { name: string; mime: string; downloadName: string | null };

/**
 * The stored file a public address names, or null. The name is only
 * compared with what the database lists for that hash, so nothing from the
 * request reaches a path unless it is exactly one of our own file names.
 */
export function servedFile(db: Queryable, name: string): ServedFile | null {
  const m = STORED_NAME.exec(name);
  if (!m) return null;
  const [, hash, width, ext] = m;
  const row = db
    .select({ kind: media.kind, variants: media.variants, fileName: media.fileName })
    .from(media)
    .where(and(eq(media.hash, hash!), isNull(media.deletedAt)))
    .get();
  if (!row) return null;
  if (row.kind === 'document') {
    return ext === 'pdf' && width === undefined && name === documentName(hash!) ? { name, mime: MIME_TYPES.pdf!, downloadName: row.fileName } : null;
  }
  const known = parseVariants(row.variants).some((v) => Object.values(v.files).includes(name));
  return known ? { name, mime: MIME_TYPES[ext!]!, downloadName: null } : null;
}
