import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { publishedNews } from '@/db/queries/news';
import { type Locale, otherLocale } from '@/i18n/routing';
import { newsHref } from '@/lib/hrefs';
import { pageMetadata } from '@/lib/seo';
import { Breadcrumbs } from './Breadcrumbs';
import { NewsList } from './NewsList';
import { NotFoundView } from './NotFoundView';
import { PageShell } from './PageShell';
import { Pagination } from './Pagination';

export async function newsIndexMetadata(locale: Locale, page: number): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: 'News' });
  const other = otherLocale(locale);
  // A list page has a version in the other language only if that list is as long.
  const versions = { [locale]: newsHref(page), ...(publishedNews(other, 1).pageCount >= page ? { [other]: newsHref(page) } : {}) };
  return pageMetadata({ locale, title: page > 1 ? t('pageTitle', { page }) : t('title'), description: t('description'), versions });
}

/** The news list in one language; a page past the last is a 404. */
export async function NewsIndex({ locale, page }: { locale: Locale; page: number }) {
  const list = publishedNews(locale, page);
  if (page > list.pageCount) return <NotFoundView locale={locale} />;
  const t = await getTranslations({ locale, namespace: 'News' });
  const nav = await getTranslations({ locale, namespace: 'Nav' });

  return (
    <PageShell locale={locale} alternate={{ kind: 'found', href: newsHref() }}>
      {page > 1 ? (
        <Breadcrumbs locale={locale} trail={[{ label: nav('news'), href: newsHref() }]} current={t('pageTitle', { page })} currentHref={newsHref(page)} />
      ) : (
        <Breadcrumbs locale={locale} trail={[]} current={t('title')} currentHref={newsHref()} />
      )}
      <h1 className="text-3xl font-bold text-iom-blue">{page > 1 ? t('pageTitle', { page }) : t('title')}</h1>
      <p className="measure mt-2 text-lg text-muted">{t('description')}</p>
      <div className="mt-6">
        {list.items.length > 0 ? <NewsList locale={locale} items={list.items} priorityFirst /> : <p>{t('empty')}</p>}
      </div>
      <Pagination locale={locale} page={page} pageCount={list.pageCount} />
    </PageShell>
  );
}
