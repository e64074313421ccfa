/**
 * Names and addresses of the media library's stored files. Pure (no Node
 * APIs), so the rich text sanitizer and client code can use it too.
 *
 * A stored file is named from the SHA-256 of the uploaded bytes, never from
 * the name it was uploaded with:
 *   images:    <hash>-<width>.<webp|jpg|png|avif>   (one per width and format)
 *   documents: <hash>.pdf
 * and served at /media/<that name>.
 */

/** Widths of the variants made of every image (never wider than the image itself). */
export const VARIANT_WIDTHS = [320, 640, 1024, 1600] as const;

export const IMAGE_FORMATS = ['webp', 'jpeg', 'png', 'avif'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

export const EXTENSIONS: Record<ImageFormat | 'pdf', string> = { webp: 'webp', jpeg: 'jpg', png: 'png', avif: 'avif', pdf: 'pdf' };

export const MIME_TYPES: Record<string, string> = {
  webp: 'image/webp',
  jpg: 'image/jpeg',
  png: 'image/png',
  avif: 'image/avif',
  pdf: 'application/pdf',
};

/** One width of an image, with its file in each stored format. */
export type Variant = { width: number; height: number; files: Partial<Record<ImageFormat, string>> };

export const MEDIA_URL_PREFIX = '/media/';

/** A stored file's name: what the serving route accepts, and nothing else. */
export const STORED_NAME = /^([0-9a-f]{64})(?:-([1-9][0-9]{0,4}))?\.(webp|jpg|png|avif|pdf)$/;

/** The address of an image variant in rich text: `/media/<hash>-<width>.<ext>` (images only). */
export const MEDIA_IMAGE_URL = /^\/media\/[0-9a-f]{64}-[1-9][0-9]{0,4}\.(?:webp|jpg|png|avif)$/;

/** The address of a stored PDF: `/media/<hash>.pdf`. */
export const MEDIA_DOCUMENT_URL = /^\/media\/[0-9a-f]{64}\.pdf$/;

export function variantName(hash: string, width: number, format: ImageFormat): string {
  return `${hash}-${width}.${EXTENSIONS[format]}`;
}

export function documentName(hash: string): string {
  return `${hash}.pdf`;
}

export function mediaUrl(storedName: string): string {
  return `${MEDIA_URL_PREFIX}${storedName}`;
}

export function isMediaImageUrl(url: string): boolean {
  return MEDIA_IMAGE_URL.test(url);
}

/** A srcset whose every candidate is one of our image variants with a width descriptor. */
export function isMediaSrcset(value: string): boolean {
  const candidates = value.split(',').map((c) => c.trim());
  return candidates.length > 0 && candidates.every((c) => /^\S+ [1-9][0-9]{0,4}w$/.test(c) && isMediaImageUrl(c.split(' ')[0]!));
}

/** The content hashes of our files that an HTML text refers to (img src/srcset, links). */
export function mediaHashesIn(html: string): string[] {
  const found = new Set<string>();
  for (const m of html.matchAll(/\/media\/([0-9a-f]{64})(?:-[1-9][0-9]{0,4})?\.(?:webp|jpg|png|avif|pdf)\b/g)) found.add(m[1]!);
  return [...found];
}

/** The widest variant, and the file in `format` (falling back to WebP). */
export function largestFile(variants: readonly Variant[], format?: ImageFormat): { variant: Variant; file: string; format: ImageFormat } | null {
  const variant = variants.at(-1);
  if (!variant) return null;
  const chosen = format && variant.files[format] ? format : variant.files.webp ? 'webp' : (Object.keys(variant.files)[0] as ImageFormat | undefined);
  return chosen ? { variant, file: variant.files[chosen]!, format: chosen } : null;
}

/** "url 320w, url 640w, …" for the given format. */
export function srcSetOf(variants: readonly Variant[], format: ImageFormat = 'webp'): string {
  return variants
    .filter((v) => v.files[format])
    .map((v) => `${mediaUrl(v.files[format]!)} ${v.width}w`)
    .join(', ');
}

/** Parses the stored variants JSON; [] for anything unexpected. */
export function parseVariants(json: string): Variant[] {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value.filter(
      (v): v is Variant =>
        typeof v === 'object' && v !== null && Number.isInteger(v.width) && Number.isInteger(v.height) && typeof v.files === 'object' && v.files !== null,
    );
  } catch {
    return [];
  }
}
