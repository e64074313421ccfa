import type { Metadata } from 'next';
import { permanentRedirect } from 'next/navigation';
import { heroForPublic } from '@/db/queries/media';
import type { Locale } from '@/i18n/routing';
import type { AppHref } from '@/lib/hrefs';
import { publicPageMetadata } from './metadata';

/**
 * What the public routes of every translated type share (an article at
 * /news/<slug>, a page at /<path>): finding the item published at an
 * address, or where it moved, and its page's metadata.
 */

/**
 * The item published at `address` (already decoded; null for one that is
 * not an address at all), found by `find`. When there is none but the
 * address moved (a published slug or path changed), a permanent redirect to
 * where it lives now, by `movedTo`.
 */
export function publishedOrMoved<T>(address: string | null, find: (address: string) => T | null, movedTo: (address: string) => string | undefined): T | null {
  const item = address ? find(address) : null;
  if (!item && address) {
    const target = movedTo(address);
    if (target) permanentRedirect(target);
  }
  return item;
}

type PublishedItem = {
  title: string;
  summary: string;
  seoTitle: string | null;
  seoDescription: string | null;
  heroMediaId: number | null;
  /** Its published address in each language. */
  alternates: Partial<Record<Locale, string>>;
};

/**
 * The metadata of an item's public page: its search title and description
 * (else its title and summary), its other languages at `href` of their
 * addresses, and its main image for sharing.
 */
export function publishedItemMetadata(
  locale: Locale,
  item: PublishedItem,
  href: (address: string) => AppHref,
  more: { type?: 'article'; publishedTime?: Date; modifiedTime?: Date } = {},
): Metadata {
  const versions = Object.fromEntries(Object.entries(item.alternates).map(([l, address]) => [l, href(address)]));
  const hero = heroForPublic(item.heroMediaId, locale);
  return publicPageMetadata({
    locale,
    title: item.seoTitle || item.title,
    description: item.seoDescription || item.summary,
    versions,
    ...more,
    image: hero ? { ...hero.og, alt: hero.alt } : null,
  });
}
