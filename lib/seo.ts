import type { Metadata } from 'next';
import { feedPath, localizedPath } from '@/i18n/paths';
import { type Locale, locales } from '@/i18n/routing';
import { env } from '@/lib/env';
import type { AppHref } from '@/lib/hrefs';

export const OG_LOCALE: Record<Locale, string> = { en: 'en_GB', sq: 'sq_AL' };
export const DEFAULT_OG_IMAGE = { url: '/og-default.png', width: 1200, height: 630 };

/** An image for link previews: a site-relative URL (as heroForPublic()'s `og`) and its alt text. */
export type ShareImage = { url: string; width: number; height: number; type?: string; alt: string };

/** Absolute address of a path on this site, from SITE_URL. */
export function absoluteUrl(path: string): string {
  return `${env().siteUrl}${path.startsWith('/') ? path : `/${path}`}`;
}

/** The news feed of a language. */
export function feedUrl(locale: Locale): string {
  return absoluteUrl(feedPath(locale));
}

/** Absolute address of a localized internal link. */
export function localizedUrl(href: AppHref, locale: Locale): string {
  return absoluteUrl(localizedPath(href, locale));
}

/**
 * Canonical, hreflang alternates (with x-default), Open Graph and Twitter
 * cards for a public page. `versions` lists the page in each language where it
 * is published — from the database rows, never guessed from the address — so
 * the alternates are always reciprocal.
 */
export function pageMetadata(input: {
  locale: Locale;
  title: string;
  description?: string | null;
  versions: Partial<Record<Locale, AppHref>>;
  type?: 'website' | 'article';
  publishedTime?: Date;
  modifiedTime?: Date;
  /** Title as it stands, without the " – IOM Albania" template. */
  absoluteTitle?: boolean;
  /** The page's main image for sharing (site-relative URL, as heroForPublic()'s `og`, and its alt text); the default image otherwise. */
  image?: ShareImage | null;
  /** The site's default share image (site settings) for a page without its own; public/og-default.png when there is none either. */
  fallbackImage?: ShareImage | null;
}): Metadata {
  const canonicalHref = input.versions[input.locale];
  const canonical = canonicalHref ? localizedUrl(canonicalHref, input.locale) : undefined;
  const languages: Record<string, string> = {};
  for (const locale of locales) {
    const href = input.versions[locale];
    if (href) languages[locale] = localizedUrl(href, locale);
  }
  if (Object.keys(languages).length > 1) languages['x-default'] = languages.en ?? Object.values(languages)[0]!;
  const otherLocales = locales.filter((l) => l !== input.locale && input.versions[l]).map((l) => OG_LOCALE[l]);
  const description = input.description || undefined;
  const siteName = input.locale === 'sq' ? 'IOM Shqipëri' : 'IOM Albania';
  const own = input.image ?? input.fallbackImage;
  const image = own
    ? { url: absoluteUrl(own.url), width: own.width, height: own.height, type: own.type, alt: own.alt || (input.image ? input.title : siteName) }
    : { ...DEFAULT_OG_IMAGE, url: absoluteUrl(DEFAULT_OG_IMAGE.url), alt: siteName };
  return {
    title: input.absoluteTitle ? { absolute: input.title } : input.title,
    description,
    alternates: {
      canonical,
      languages: Object.keys(languages).length > 1 ? languages : undefined,
      types: { 'application/rss+xml': [{ url: feedUrl(input.locale), title: input.locale === 'sq' ? 'Lajme – IOM Shqipëri' : 'News – IOM Albania' }] },
    },
    openGraph: {
      type: input.type ?? 'website',
      title: input.title,
      description,
      url: canonical,
      siteName,
      locale: OG_LOCALE[input.locale],
      alternateLocale: otherLocales.length ? otherLocales : undefined,
      images: [image],
      ...(input.type === 'article'
        ? { publishedTime: input.publishedTime?.toISOString(), modifiedTime: input.modifiedTime?.toISOString() }
        : {}),
    },
    twitter: { card: 'summary_large_image', title: input.title, description, images: [{ url: image.url, alt: image.alt }] },
  };
}
