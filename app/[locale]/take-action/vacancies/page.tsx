import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { VacancyListView } from '@/components/site/VacancyViews';
import { publicVacancyList } from '@/db/queries/vacancies';
import { vacanciesHref } from '@/lib/hrefs';
import { parseLocaleParam } from '@/lib/params';
import { pageMetadata } from '@/lib/seo';

// Open or closed depends on the moment of reading: the list is rendered for
// each request (one indexed query), so a vacancy is never shown open past its
// closing time, whatever a cache would have kept (see docs/architecture.md).
export const dynamic = 'force-dynamic';

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const locale = parseLocaleParam((await params).locale);
  const t = await getTranslations({ locale, namespace: 'Vacancies' });
  return pageMetadata({ locale, title: t('title'), description: t('description'), versions: { en: vacanciesHref, sq: vacanciesHref } });
}

export default async function VacanciesPage({ params }: { params: Params }) {
  await connection();
  const locale = parseLocaleParam((await params).locale);
  setRequestLocale(locale);
  const now = new Date();
  return <VacancyListView locale={locale} items={publicVacancyList(locale, now)} now={now} />;
}
