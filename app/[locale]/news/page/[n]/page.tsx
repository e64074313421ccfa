import type { Metadata } from 'next';
import { permanentRedirect } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { NewsIndex, newsIndexMetadata } from '@/components/site/NewsIndex';
import { notFoundMetadata } from '@/components/site/NotFoundView';
import { publishedNews } from '@/db/queries/news';
import { localizedPath } from '@/i18n/paths';
import { newsHref } from '@/lib/hrefs';
import { parseLocaleParam, parsePageNumber } from '@/lib/params';

// Serves /news?page=N for N from 2 up, to which next.config.ts rewrites it
// (proxy.ts sends any other ?page= to the list's own address, and so does
// this page should a smaller number reach it). A page past the last is a 404
// (NewsIndex).
export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

type Params = Promise<{ locale: string; n: string }>;

async function read(params: Params) {
  const { locale: raw, n } = await params;
  const locale = parseLocaleParam(raw);
  const page = parsePageNumber(n);
  if (page === null || page < 2) permanentRedirect(localizedPath(newsHref(), locale));
  return { locale, page };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, page } = await read(params);
  if (page > publishedNews(locale, 1).pageCount) return notFoundMetadata(locale);
  return newsIndexMetadata(locale, page);
}

export default async function NewsListPage({ params }: { params: Params }) {
  const { locale, page } = await read(params);
  setRequestLocale(locale);
  return <NewsIndex locale={locale} page={page} />;
}
