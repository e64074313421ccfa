import { getTranslations } from 'next-intl/server';
import { SiteLink } from '@/components/site/SiteLink';
import type { Locale } from '@/i18n/routing';
import { type AppHref, homeHref } from '@/lib/hrefs';
import { breadcrumbLd } from '@/lib/structured-data';
import { JsonLd } from './JsonLd';

export type Crumb = { label: string; href: AppHref };

/**
 * Home › … › current page. The current page is the last item, not a link;
 * on phones only the parent pages show (the title is just below).
 */
export async function Breadcrumbs({
  locale,
  trail,
  current,
  currentHref,
}: {
  locale: Locale;
  trail: Crumb[];
  current: string;
  /** The current page's address, for the BreadcrumbList given to search engines. */
  currentHref: AppHref;
}) {
  const t = await getTranslations({ locale, namespace: 'Nav' });
  const items: Crumb[] = [{ label: t('home'), href: homeHref }, ...trail];
  const structured = breadcrumbLd(locale, [...items, { label: current, href: currentHref }].map((c) => ({ name: c.label, href: c.href })));
  return (
    <>
    <JsonLd data={structured} />
    <nav aria-label={t('breadcrumb')} className="mb-4 text-sm text-muted sm:mb-6">
      <ol className="flex flex-wrap gap-x-2">
        {items.map((c, i) => (
          <li key={i} className="after:ml-2 after:content-['›']">
            <SiteLink locale={locale} href={c.href} className="inline-block py-0.5">{c.label}</SiteLink>
          </li>
        ))}
        <li aria-current="page" className="hidden text-ink sm:list-item">
          {current}
        </li>
      </ol>
    </nav>
    </>
  );
}
