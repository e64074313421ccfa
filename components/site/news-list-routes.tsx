import type { Metadata } from 'next';
import { permanentRedirect } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { notFoundMetadata } from '@/components/site/NotFoundView';
import { localizedPath, type NewsListRoute } from '@/i18n/paths';
import { newsListHref } from '@/lib/hrefs';
import { parseLocaleParam, parsePageNumber } from '@/lib/params';
import { NewsIndex, newsIndexMetadata, newsListPage } from './NewsIndex';

/**
 * The route files of each news list (app/[locale]/news, press-releases,
 * stories): page 1 at the list's own address, and page/[n], to which
 * next.config.ts rewrites `?page=N` for N from 2 up (proxy.ts sends any other
 * ?page= to the list's own address, and so does page/[n] should a smaller
 * number reach it), so each list page is cached on its own. A page past the
 * last is a 404 (NewsIndex).
 */

type LocaleParams = Promise<{ locale: string }>;
type PageParams = Promise<{ locale: string; n: string }>;

export function firstListPage(list: NewsListRoute) {
  return {
    async generateMetadata({ params }: { params: LocaleParams }): Promise<Metadata> {
      return newsIndexMetadata(parseLocaleParam((await params).locale), 1, list);
    },
    async Page({ params }: { params: LocaleParams }) {
      const locale = parseLocaleParam((await params).locale);
      setRequestLocale(locale);
      return <NewsIndex locale={locale} page={1} list={list} />;
    },
  };
}

export function laterListPage(list: NewsListRoute) {
  async function read(params: PageParams) {
    const { locale: raw, n } = await params;
    const locale = parseLocaleParam(raw);
    const page = parsePageNumber(n);
    if (page === null || page < 2) permanentRedirect(localizedPath(newsListHref(list), locale));
    return { locale, page };
  }
  return {
    async generateMetadata({ params }: { params: PageParams }): Promise<Metadata> {
      const { locale, page } = await read(params);
      if (page > newsListPage(locale, list, 1).pageCount) return notFoundMetadata(locale);
      return newsIndexMetadata(locale, page, list);
    },
    async Page({ params }: { params: PageParams }) {
      const { locale, page } = await read(params);
      setRequestLocale(locale);
      return <NewsIndex locale={locale} page={page} list={list} />;
    },
  };
}
