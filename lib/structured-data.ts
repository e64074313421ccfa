import type { Locale } from '@/i18n/routing';
import { type AppHref, homeHref } from '@/lib/hrefs';
import { absoluteUrl, localizedUrl } from '@/lib/seo';
import { e164 } from '@/lib/site-settings';
import type { PublicSiteSettings } from '@/db/site-settings';

/** schema.org descriptions of the office, the site, articles and breadcrumbs (JSON-LD). */

/**
 * The office, with what the site settings hold (db/site-settings.ts): its
 * address, first phone number (E.164), email, social accounts (sameAs),
 * media contact and logo; a field left empty is left out.
 */
export function organizationLd(locale: Locale, settings: PublicSiteSettings) {
  const { address, phones, email, media, social, logo } = settings;
  const mediaContact = media.phone || media.email ? { '@type': 'ContactPoint', contactType: 'media relations', name: media.name || undefined, telephone: media.phone ? e164(media.phone.number) : undefined, email: media.email || undefined } : null;
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    '@id': `${absoluteUrl('/')}#organization`,
    name: locale === 'sq' ? 'IOM Shqipëri – Organizata Ndërkombëtare për Migracionin' : 'IOM Albania – International Organization for Migration',
    alternateName: 'IOM · UN Migration Albania',
    url: localizedUrl(homeHref, locale),
    logo: logo ? { '@type': 'ImageObject', url: absoluteUrl(logo.src), width: logo.width, height: logo.height } : { '@type': 'ImageObject', url: absoluteUrl('/logo-512.png'), width: 512, height: 512 },
    ...(email ? { email } : {}),
    ...(phones[0] ? { telephone: e164(phones[0].number) } : {}),
    address: { '@type': 'PostalAddress', ...(address ? { streetAddress: address.split('\n').join(', ') } : {}), addressCountry: 'AL' },
    ...(mediaContact ? { contactPoint: [mediaContact] } : {}),
    parentOrganization: { '@type': 'Organization', name: 'International Organization for Migration', url: 'https://www.iom.int' },
    sameAs: ['https://www.iom.int', 'https://albania.iom.int', ...social.map((s) => s.url)],
  };
}

export function websiteLd(locale: Locale, searchPath: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: locale === 'sq' ? 'IOM Shqipëri' : 'IOM Albania',
    url: localizedUrl(homeHref, locale),
    inLanguage: locale,
    publisher: { '@id': `${absoluteUrl('/')}#organization` },
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${absoluteUrl(searchPath)}?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  };
}

export function newsArticleLd(input: {
  locale: Locale;
  url: string;
  headline: string;
  description: string;
  datePublished: Date;
  dateModified: Date;
  /** The article's main image, else the site's default share image, else public/og-default.png (absolute URL). */
  image: string;
}) {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: input.url,
    url: input.url,
    headline: input.headline.slice(0, 110),
    description: input.description,
    image: [input.image],
    datePublished: input.datePublished.toISOString(),
    dateModified: input.dateModified.toISOString(),
    inLanguage: input.locale,
    author: { '@type': 'Organization', name: 'IOM Albania', url: absoluteUrl('/') },
    publisher: {
      '@type': 'Organization',
      name: 'IOM Albania',
      logo: { '@type': 'ImageObject', url: absoluteUrl('/logo-512.png'), width: 512, height: 512 },
    },
  };
}

export function breadcrumbLd(locale: Locale, items: { name: string; href: AppHref }[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, i) => ({ '@type': 'ListItem', position: i + 1, name: item.name, item: localizedUrl(item.href, locale) })),
  };
}

/** schema.org's appointment kinds (Google's employmentType values) for a vacancy's grade. */
function employmentType(grade: string): string {
  if (grade === 'intern') return 'INTERN';
  if (grade === 'consultant') return 'CONTRACTOR';
  return 'FULL_TIME';
}

/**
 * A JobPosting for an open vacancy, as Google's job search reads it:
 * title, description (HTML), datePosted, validThrough, the hiring
 * organization and the duty station in Albania.
 */
export function jobPostingLd(input: {
  url: string;
  title: string;
  description: string;
  datePosted: Date;
  validThrough: Date;
  dutyStation: string;
  grade: string;
  reference: string;
}) {
  return {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    url: input.url,
    title: input.title,
    description: input.description,
    datePosted: input.datePosted.toISOString(),
    validThrough: input.validThrough.toISOString(),
    employmentType: employmentType(input.grade),
    identifier: { '@type': 'PropertyValue', name: 'IOM Albania', value: input.reference },
    hiringOrganization: { '@type': 'Organization', name: 'International Organization for Migration (IOM)', sameAs: 'https://www.iom.int', logo: absoluteUrl('/logo-512.png') },
    jobLocation: {
      '@type': 'Place',
      address: { '@type': 'PostalAddress', addressLocality: input.dutyStation, addressCountry: 'AL' },
    },
  };
}
