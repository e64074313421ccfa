import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { NewsIndex, newsIndexMetadata } from '@/components/site/NewsIndex';
import { parseLocaleParam, parsePageNumber } from '@/lib/params';

// Serves /news?page=N (see proxy.ts). Page 1 lives at /news itself.
export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

type Params = Promise<{ locale: string; n: string }>;

async function read(params: Params) {
  const { locale, n } = await params;
  const page = parsePageNumber(n);
  if (page === null || page < 2) notFound();
  return { locale: parseLocaleParam(locale), page };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, page } = await read(params);
  return newsIndexMetadata(locale, page);
}

export default async function NewsListPage({ params }: { params: Params }) {
  const { locale, page } = await read(params);
  setRequestLocale(locale);
  return <NewsIndex locale={locale} page={page} />;
}
