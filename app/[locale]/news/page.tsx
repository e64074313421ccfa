import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { NewsIndex, newsIndexMetadata } from '@/components/site/NewsIndex';
import { parseLocaleParam } from '@/lib/params';

// `?page=N` never reaches this route: next.config.ts rewrites it to news/page/[n],
// so each list page is cached on its own and this one stays static.
export const revalidate = 60;

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  return newsIndexMetadata(parseLocaleParam((await params).locale), 1);
}

export default async function NewsIndexPage({ params }: { params: Promise<{ locale: string }> }) {
  const locale = parseLocaleParam((await params).locale);
  setRequestLocale(locale);
  return <NewsIndex locale={locale} page={1} />;
}
