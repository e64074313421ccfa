import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { SearchView, searchMetadata } from '@/components/site/SearchView';
import { parseLocaleParam } from '@/lib/params';

// The search form alone. A query is answered by ./[key]/[page] (routed by
// next.config.ts, or by proxy.ts for queries that are not simple).
export const revalidate = 3600;

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return searchMetadata(parseLocaleParam((await params).locale));
}

export default async function SearchPage({ params }: Props) {
  const locale = parseLocaleParam((await params).locale);
  setRequestLocale(locale);
  return <SearchView locale={locale} query="" page={1} />;
}
