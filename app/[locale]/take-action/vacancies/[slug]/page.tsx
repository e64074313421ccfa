import type { Metadata } from 'next';
import { permanentRedirect } from 'next/navigation';
import { connection } from 'next/server';
import { setRequestLocale } from 'next-intl/server';
import { NotFoundView, notFoundMetadata } from '@/components/site/NotFoundView';
import { VacancyView } from '@/components/site/VacancyViews';
import { redirectTarget, vacancyPath } from '@/db/queries/addresses';
import { publicVacancy } from '@/db/queries/vacancies';
import { vacancyHref } from '@/lib/hrefs';
import { MAX_PATH_LENGTH, parseLocaleParam } from '@/lib/params';
import { pageMetadata } from '@/lib/seo';

// Open or closed (and the JobPosting with it) depends on the moment of
// reading: rendered for each request, like the list.
export const dynamic = 'force-dynamic';

type Params = Promise<{ locale: string; slug: string }>;

async function load(params: Params) {
  const { locale: raw, slug } = await params;
  const locale = parseLocaleParam(raw);
  let decoded: string | null = null;
  try {
    decoded = decodeURIComponent(slug);
  } catch {
    decoded = null;
  }
  const now = new Date();
  const vacancy = decoded && decoded.length <= MAX_PATH_LENGTH ? publicVacancy(locale, decoded, now) : null;
  if (!vacancy && decoded) {
    // A published address that changed: to where it lives now.
    const target = redirectTarget(locale, vacancyPath(locale, decoded));
    if (target) permanentRedirect(target);
  }
  return { locale, vacancy, now };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, vacancy } = await load(params);
  if (!vacancy) return notFoundMetadata(locale);
  const versions = Object.fromEntries(Object.entries(vacancy.alternates).map(([l, slug]) => [l, vacancyHref(slug)]));
  return pageMetadata({
    locale,
    title: vacancy.seoTitle || vacancy.title,
    description: vacancy.seoDescription || vacancy.summary,
    versions,
    type: 'article',
    publishedTime: vacancy.publishedAt,
    modifiedTime: vacancy.updatedAt,
  });
}

export default async function VacancyPage({ params }: { params: Params }) {
  await connection();
  const { locale, vacancy, now } = await load(params);
  setRequestLocale(locale);
  if (!vacancy) return <NotFoundView locale={locale} />;
  return <VacancyView locale={locale} vacancy={vacancy} now={now} />;
}
