import { createHash } from 'node:crypto';
import sharp, { type Metadata, type OutputInfo, type Sharp, type SharpOptions } from 'sharp';
import { UPLOAD_BYTE_LIMITS } from './limits';
import { checkPdf } from './pdf';
import { type SniffedType, sniffType } from './sniff';
import { documentName, type ImageFormat, MIME_TYPES, variantName, type Variant, VARIANT_WIDTHS } from './files';

/**
 * Turns an upload's bytes into the files to store, or a refusal. Nothing is
 * written here (see db/media/library.ts for storage).
 *
 * Images are decoded once (refused when damaged, truncated or over the pixel
 * limit), turned upright from their EXIF orientation, converted to sRGB and
 * re-encoded at each width in WebP and in their own format (AVIF originals:
 * AVIF and WebP). The uploaded bytes are never kept, so nothing they carried
 * survives: EXIF (GPS position, camera serial numbers), XMP, IPTC, ICC
 * profiles, comments, or a script appended after the image data. PDFs are
 * kept as they are, once checked (lib/media/pdf.ts).
 */

export const UPLOAD_LIMITS = {
  ...UPLOAD_BYTE_LIMITS,
  /** 40 megapixels. */
  pixels: 40_000_000,
  /** WebP's largest side. */
  side: 16_383,
} as const;

export type UploadRefusal =
  | 'empty'
  | 'unsupportedType'
  | 'imageTooLarge'
  | 'documentTooLarge'
  | 'tooManyPixels'
  | 'badDimensions'
  | 'damaged'
  | 'pdfActiveContent'
  | 'pdfEncrypted'
  | 'pdfTooComplex';

export type PreparedFile = { name: string; data: Buffer };

export type PreparedUpload =
  | { kind: 'image'; mime: string; width: number; height: number; variants: Variant[]; files: PreparedFile[] }
  | { kind: 'document'; mime: 'application/pdf'; width: null; height: null; variants: []; files: PreparedFile[] };

export type PrepareResult = { ok: true; upload: PreparedUpload } | { ok: false; error: UploadRefusal };

// Inputs are new every time: libvips' operation cache would only hold memory.
sharp.cache(false);

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** What sharp's metadata calls each accepted image type. */
const DECODER_FORMAT: Record<Exclude<SniffedType, 'pdf'>, string> = { jpeg: 'jpeg', png: 'png', webp: 'webp', avif: 'heif' };

/** The second format stored beside WebP (none when the original is WebP). */
const OWN_FORMAT: Record<Exclude<SniffedType, 'pdf'>, ImageFormat | null> = { jpeg: 'jpeg', png: 'png', webp: null, avif: 'avif' };

/**
 * Decoding options for untrusted input: stop at corrupt or truncated data
 * ('error' also covers 'truncated'; harmless encoder warnings such as extra
 * bytes before a marker, common from phones, are let through) and at more
 * than 40 megapixels, whatever the header claims.
 */
const DECODE: SharpOptions = { failOn: 'error', limitInputPixels: UPLOAD_LIMITS.pixels, limitInputChannels: 4, sequentialRead: true };

/** The widths to make: the standard ones narrower than the image, and the image's own width up to the largest. */
export function variantWidths(width: number): number[] {
  const top = Math.min(width, VARIANT_WIDTHS.at(-1)!);
  return [...new Set([...VARIANT_WIDTHS.filter((w) => w < top), top])];
}

function encode(pipeline: Sharp, format: ImageFormat): Sharp {
  switch (format) {
    case 'webp':
      return pipeline.webp({ quality: 80, effort: 4 });
    case 'jpeg':
      return pipeline.jpeg({ quality: 82, progressive: true, mozjpeg: true });
    case 'png':
      return pipeline.png({ compressionLevel: 8, adaptiveFiltering: true });
    case 'avif':
      return pipeline.avif({ quality: 55, effort: 3 });
  }
}

function isPixelLimitError(error: unknown): boolean {
  return error instanceof Error && /pixel limit/i.test(error.message);
}

async function prepareImage(bytes: Uint8Array, type: Exclude<SniffedType, 'pdf'>, hash: string): Promise<PrepareResult> {
  let meta: Metadata;
  try {
    // The header only: a decompression bomb is refused here, before any pixel is decoded.
    meta = await sharp(bytes, DECODE).metadata();
  } catch (error) {
    return { ok: false, error: isPixelLimitError(error) ? 'tooManyPixels' : 'damaged' };
  }
  if (meta.format !== DECODER_FORMAT[type]) return { ok: false, error: 'damaged' };
  // A HEIF file that is not AV1 (HEIC from phones) is not AVIF.
  if (type === 'avif' && meta.compression !== 'av1') return { ok: false, error: 'unsupportedType' };
  if (!meta.width || !meta.height) return { ok: false, error: 'damaged' };
  if (meta.width * meta.height > UPLOAD_LIMITS.pixels) return { ok: false, error: 'tooManyPixels' };

  const upright = meta.autoOrient ?? { width: meta.width, height: meta.height };
  const widths = variantWidths(upright.width);
  const top = widths.at(-1)!;
  if (Math.round((upright.height * top) / upright.width) > UPLOAD_LIMITS.side) return { ok: false, error: 'badDimensions' };

  // Decoded once: upright, sRGB, 8 bits, at the largest width; every variant is made from these pixels.
  let base: { data: Buffer; info: OutputInfo };
  try {
    base = await sharp(bytes, { ...DECODE, autoOrient: true })
      .resize({ width: top, withoutEnlargement: true })
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
  } catch (error) {
    return { ok: false, error: isPixelLimitError(error) ? 'tooManyPixels' : 'damaged' };
  }
  const raw = { width: base.info.width, height: base.info.height, channels: base.info.channels };

  const formats: ImageFormat[] = ['webp', ...(OWN_FORMAT[type] ? [OWN_FORMAT[type]] : [])];
  const files: PreparedFile[] = [];
  const variants: Variant[] = [];
  for (const width of widths) {
    const variant: Variant = { width, height: 0, files: {} };
    for (const format of formats) {
      const out = await encode(sharp(base.data, { raw }).resize({ width }), format).toBuffer({ resolveWithObject: true });
      const name = variantName(hash, width, format);
      variant.height = out.info.height;
      variant.files[format] = name;
      files.push({ name, data: out.data });
    }
    variants.push(variant);
  }
  return {
    ok: true,
    upload: { kind: 'image', mime: MIME_TYPES[type === 'jpeg' ? 'jpg' : type]!, width: upright.width, height: upright.height, variants, files },
  };
}

/**
 * Everything decided about an upload before anything is written. `hash` is
 * sha256(bytes) (the caller looks for a duplicate with it first).
 */
export async function prepareUpload(bytes: Uint8Array, hash: string): Promise<PrepareResult> {
  if (bytes.length === 0) return { ok: false, error: 'empty' };
  const type = sniffType(bytes);
  if (!type) return { ok: false, error: 'unsupportedType' };
  if (type === 'pdf') {
    if (bytes.length > UPLOAD_LIMITS.documentBytes) return { ok: false, error: 'documentTooLarge' };
    const check = checkPdf(bytes);
    if (!check.ok) {
      const error = ({ activeContent: 'pdfActiveContent', encrypted: 'pdfEncrypted', damaged: 'damaged', tooComplex: 'pdfTooComplex' } as const)[check.problem];
      return { ok: false, error };
    }
    return {
      ok: true,
      upload: {
        kind: 'document',
        mime: 'application/pdf',
        width: null,
        height: null,
        variants: [],
        files: [{ name: documentName(hash), data: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }],
      },
    };
  }
  if (bytes.length > UPLOAD_LIMITS.imageBytes) return { ok: false, error: 'imageTooLarge' };
  return prepareImage(bytes, type, hash);
}
