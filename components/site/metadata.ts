import type { Metadata } from 'next';
import { siteSettingsForPublic } from '@/db/queries/site';
import { pageMetadata } from '@/lib/seo';

/**
 * pageMetadata (lib/seo.ts) for a public page, with the site's default
 * share image from the site settings where the page has no image of its own.
 */
export function publicPageMetadata(input: Omit<Parameters<typeof pageMetadata>[0], 'fallbackImage'>): Metadata {
  return pageMetadata({ ...input, fallbackImage: siteSettingsForPublic(input.locale).shareImage });
}
