import { getTranslations } from 'next-intl/server';
import { openVacancyList } from '@/db/queries/vacancies';
import { feedPath } from '@/i18n/paths';
import { isLocale, ROUTES } from '@/i18n/routing';
import { vacanciesHref, vacancyHref } from '@/lib/hrefs';
import { rssXml } from '@/lib/rss';
import { absoluteUrl, localizedUrl } from '@/lib/seo';

// /take-action/vacancies/feed.xml and /sq/angazhohu/vende-pune/feed.xml
// (next.config.ts routes both here): the open vacancies, closing soonest
// first, as of the request (a vacancy leaves it at its closing time).
export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return new Response('Not found', { status: 404 });
  const t = await getTranslations({ locale, namespace: 'Vacancies' });
  const site = await getTranslations({ locale, namespace: 'Site' });
  const body = rssXml({
    title: `${t('feedTitle')} – ${site('name')}`,
    link: localizedUrl(vacanciesHref, locale),
    selfLink: absoluteUrl(feedPath(locale, ROUTES.vacancies)),
    description: t('description'),
    language: locale,
    items: openVacancyList(locale).map((v) => {
      const link = localizedUrl(vacancyHref(v.slug), locale);
      return { title: v.title, link, guid: link, description: v.summary, pubDate: v.publishedAt };
    }),
  });
  return new Response(body, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}
