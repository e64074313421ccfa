import { Parser } from 'htmlparser2';
import { escapeHtml } from '@/lib/html';
import { isMediaImageUrl, isMediaSrcset } from './files';
import type { PublicImage } from '@/db/media/public';

/**
 * The markup the editors insert into a translation's body for an image of
 * the media library (alt text of that translation's language). Everything
 * in it is what lib/sanitize.ts must let through for an <img>:
 *   src     /media/<64 hex>-<width>.<webp|jpg|png|avif>   (isMediaImageUrl)
 *   srcset  those URLs with "<width>w" descriptors         (isMediaSrcset)
 *   sizes, width, height (digits), alt, loading="lazy", decoding="async"
 */
export const RICH_TEXT_IMAGE_SIZES = '(min-width: 48rem) 48rem, 100vw';

export function richTextImageHtml(image: Pick<PublicImage, 'src' | 'srcSet' | 'width' | 'height' | 'alt'>, sizes = RICH_TEXT_IMAGE_SIZES): string {
  return `<img src="${escapeHtml(image.src)}" srcset="${escapeHtml(image.srcSet)}" sizes="${escapeHtml(sizes)}" width="${image.width}" height="${image.height}" alt="${escapeHtml(image.alt)}" loading="lazy" decoding="async" />`;
}

/** The attributes an <img> of ours may carry in stored rich text (for sanitize-html's allowedAttributes.img). */
export const RICH_TEXT_IMAGE_ATTRIBUTES = ['src', 'srcset', 'sizes', 'width', 'height', 'alt', 'loading', 'decoding'] as const;

/**
 * For sanitize-html's exclusiveFilter: true when an <img> must be dropped —
 * its src or srcset is not one of our variants, a size is not a number, or
 * loading/decoding have other values than ours.
 */
export function isForeignImage(frame: { tag: string; attribs: Record<string, string> }): boolean {
  if (frame.tag !== 'img') return false;
  const a = frame.attribs;
  if (!a.src || !isMediaImageUrl(a.src)) return true;
  if (a.srcset !== undefined && !isMediaSrcset(a.srcset)) return true;
  if ((a.width !== undefined && !/^[1-9][0-9]{0,4}$/.test(a.width)) || (a.height !== undefined && !/^[1-9][0-9]{0,4}$/.test(a.height))) return true;
  if (a.loading !== undefined && a.loading !== 'lazy') return true;
  if (a.decoding !== undefined && a.decoding !== 'async') return true;
  if (a.sizes !== undefined && !/^[\w\s().,:-]{1,200}$/.test(a.sizes)) return true;
  return false;
}

/**
 * The addresses the <img> elements of a sanitized text show: each src and
 * every srcset candidate, once each, in order (htmlparser2 reads the tags, so
 * a '>' in an alt text cannot end one early).
 */
export function richTextImageUrls(sanitizedHtml: string): string[] {
  const urls = new Set<string>();
  const parser = new Parser({
    onopentag(name, attribs) {
      if (name !== 'img') return;
      const candidates = [attribs.src ?? '', ...(attribs.srcset?.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') ?? [])];
      for (const url of candidates) if (url) urls.add(url);
    },
  });
  parser.end(sanitizedHtml);
  return [...urls];
}
