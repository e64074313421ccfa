import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { JsonLd } from '@/components/site/JsonLd';
import { NewsCard, NewsList } from '@/components/site/NewsList';
import { PageCards } from '@/components/site/PageCards';
import { PageShell } from '@/components/site/PageShell';
import { publishedNews } from '@/db/queries/news';
import { siteMenu } from '@/db/queries/pages';
import { SiteLink } from '@/components/site/SiteLink';
import { parseLocaleParam } from '@/lib/params';
import { localizedPath } from '@/i18n/paths';
import { homeHref, newsHref, searchHref } from '@/lib/hrefs';
import { pageMetadata } from '@/lib/seo';
import { organizationLd, websiteLd } from '@/lib/structured-data';

export const revalidate = 60;

/** The lead picture: three fifths of the max-w-6xl page at desktop, the whole width below. */
const LEAD_SIZES = '(min-width: 64rem) 41rem, 100vw';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = parseLocaleParam((await params).locale);
  const t = await getTranslations({ locale, namespace: 'Home' });
  const site = await getTranslations({ locale, namespace: 'Site' });
  return pageMetadata({
    locale,
    title: `${t('title')} – ${site('name')}`,
    absoluteTitle: true,
    description: t('intro'),
    versions: { en: homeHref, sq: homeHref },
  });
}

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = parseLocaleParam((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'Home' });
  const newsT = await getTranslations({ locale, namespace: 'News' });
  // The newest story and, below it, the next three: one row of cards at desktop.
  const [lead, ...rest] = publishedNews(locale, 1, 4).items;
  const sections = siteMenu(locale).filter((m) => m.path);

  return (
    <PageShell locale={locale} alternate={{ kind: 'found', href: homeHref }}>
      <JsonLd data={organizationLd(locale)} />
      <JsonLd data={websiteLd(locale, localizedPath(searchHref(), locale))} />
      <section className="measure">
        <h1 className="text-2xl leading-tight font-bold text-iom-blue sm:text-4xl">{t('title')}</h1>
        <p className="mt-2 sm:mt-4 sm:text-lg">{t('intro')}</p>
      </section>

      {lead ? (
        // The newest story opens the page with its picture: the first large image, loaded at once.
        <section aria-labelledby="in-focus" className="mt-6 sm:mt-8" data-testid="in-focus">
          <h2 id="in-focus" className="sr-only">
            {t('inFocus')}
          </h2>
          <NewsCard locale={locale} item={lead} heading="h3" kindLabel={newsT(`kind.${lead.kind}`)} priority lead sizes={LEAD_SIZES} />
        </section>
      ) : null}

      <section aria-labelledby="latest-news" className="mt-12">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="latest-news" className="text-2xl font-bold">
            {t('latestNews')}
          </h2>
          <SiteLink locale={locale} href={newsHref()} className="font-semibold">
            {t('allNews')} →
          </SiteLink>
        </div>
        <div className="mt-4">
          {rest.length > 0 ? <NewsList locale={locale} items={rest} headingLevel={3} /> : lead ? null : <p>{t('noNews')}</p>}
        </div>
      </section>

      <section aria-labelledby="sections" className="mt-12">
        <h2 id="sections" className="text-2xl font-bold">
          {t('sections')}
        </h2>
        <PageCards locale={locale} items={sections} />
      </section>
    </PageShell>
  );
}
