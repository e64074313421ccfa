import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { publishedNews, type NewsPage } from '@/db/queries/news';
import { type ListedNewsKind, NEWS_KIND_LISTS, NEWS_LIST_ROUTES, type NewsListRoute } from '@/i18n/paths';
import { type Locale, otherLocale, ROUTES } from '@/i18n/routing';
import { newsHref, newsListHref } from '@/lib/hrefs';
import { publicPageMetadata } from '@/components/site/metadata';
import { Breadcrumbs } from './Breadcrumbs';
import { NewsList } from './NewsList';
import { NotFoundView } from './NotFoundView';
import { PageShell } from './PageShell';
import { Pagination } from './Pagination';
import { SiteLink } from './SiteLink';

/** The kind a list route shows, or undefined for /news (every kind). */
function kindOf(list: NewsListRoute): ListedNewsKind | undefined {
  return (Object.keys(NEWS_KIND_LISTS) as ListedNewsKind[]).find((kind) => NEWS_KIND_LISTS[kind] === list);
}

/** One page of a news list: /news (every kind) or one kind's list (i18n/paths.ts NEWS_KIND_LISTS). */
export function newsListPage(locale: Locale, list: NewsListRoute, page: number): NewsPage {
  return publishedNews(locale, page, undefined, kindOf(list));
}

async function listTexts(locale: Locale, list: NewsListRoute, page: number) {
  const t = await getTranslations({ locale, namespace: 'News' });
  const kind = kindOf(list);
  const title = kind ? t(`lists.${kind}.title`) : t('title');
  return {
    title,
    heading: page === 1 ? title : kind ? t('listPageTitle', { title, page }) : t('pageTitle', { page }),
    description: kind ? t(`lists.${kind}.description`) : t('description'),
    empty: kind ? t(`lists.${kind}.empty`) : t('empty'),
  };
}

export async function newsIndexMetadata(locale: Locale, page: number, list: NewsListRoute = ROUTES.news): Promise<Metadata> {
  const { heading, description } = await listTexts(locale, list, page);
  const other = otherLocale(locale);
  // A list page has a version in the other language only if that list is as long.
  const versions = { [locale]: newsListHref(list, page), ...(newsListPage(other, list, 1).pageCount >= page ? { [other]: newsListHref(list, page) } : {}) };
  return publicPageMetadata({ locale, title: heading, description, versions });
}

/** Links between the lists: all news, press releases, stories; the current one marked. */
async function KindLinks({ locale, list }: { locale: Locale; list: NewsListRoute }) {
  const t = await getTranslations({ locale, namespace: 'News' });
  const label = (route: NewsListRoute) => {
    const kind = kindOf(route);
    return kind ? t(`lists.${kind}.title`) : t('all');
  };
  return (
    <nav aria-label={t('filter')} className="mt-4" data-testid="news-kinds">
      <ul className="flex flex-wrap gap-2">
        {NEWS_LIST_ROUTES.map((route) => (
          <li key={route}>
            <SiteLink
              locale={locale}
              href={newsListHref(route)}
              aria-current={route === list ? 'page' : undefined}
              className={`inline-block rounded-full border border-iom-blue px-4 py-1.5 font-semibold no-underline ${route === list ? 'bg-iom-blue text-white' : 'text-iom-blue hover:bg-iom-mist'}`}
            >
              {label(route)}
            </SiteLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A news list in one language (every kind, or one); a page past the last is a 404. */
export async function NewsIndex({ locale, page, list = ROUTES.news }: { locale: Locale; page: number; list?: NewsListRoute }) {
  const items = newsListPage(locale, list, page);
  if (page > items.pageCount) return <NotFoundView locale={locale} />;
  const { title, heading, description, empty } = await listTexts(locale, list, page);
  const nav = await getTranslations({ locale, namespace: 'Nav' });
  const trail = [
    ...(list === ROUTES.news ? [] : [{ label: nav('news'), href: newsHref() }]),
    ...(page > 1 ? [{ label: title, href: newsListHref(list) }] : []),
  ];

  return (
    <PageShell locale={locale} alternate={{ kind: 'found', href: newsListHref(list) }}>
      <Breadcrumbs locale={locale} trail={trail} current={heading} currentHref={newsListHref(list, page)} />
      <h1 className="text-3xl font-bold text-iom-blue">{heading}</h1>
      <p className="measure mt-2 text-lg text-muted">{description}</p>
      <KindLinks locale={locale} list={list} />
      <div className="mt-6">
        {items.items.length > 0 ? <NewsList locale={locale} items={items.items} priorityFirst /> : <p>{empty}</p>}
      </div>
      <Pagination locale={locale} page={page} pageCount={items.pageCount} list={list} />
    </PageShell>
  );
}
