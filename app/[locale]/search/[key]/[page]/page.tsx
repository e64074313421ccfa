import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { SearchView, searchMetadata } from '@/components/site/SearchView';
import { parseLocaleParam, parsePageNumber } from '@/lib/params';
import { decodeSearchKey } from '@/lib/search-query';

/**
 * Results for /search?q=…&page=N, which next.config.ts (or, for a query that
 * is not simple, proxy.ts) rewrites to this route with the query as its key
 * (encodeSearchKey). Each query's page is rendered once and then
 * served from Next's in-memory cache (bounded by cacheMaxMemorySize, least
 * recently used first out) until publishing revalidates it or a minute has
 * passed; a popular query no longer runs SQLite on every request.
 */
export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

type Params = Promise<{ locale: string; key: string; page: string }>;

async function read(params: Params) {
  const { locale, key, page } = await params;
  const query = decodeSearchKey(key);
  const n = parsePageNumber(page);
  if (query === null || n === null) notFound();
  return { locale: parseLocaleParam(locale), query, page: n };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return searchMetadata((await read(params)).locale);
}

export default async function SearchResultsPage({ params }: { params: Params }) {
  const { locale, query, page } = await read(params);
  setRequestLocale(locale);
  return <SearchView locale={locale} query={query} page={page} />;
}
