import { getTranslations } from 'next-intl/server';
import { publishedNews } from '@/db/queries/news';
import { isLocale } from '@/i18n/routing';
import { articleHref, newsHref } from '@/lib/hrefs';
import { rssXml } from '@/lib/rss';
import { feedUrl, localizedUrl } from '@/lib/seo';

// /news/feed.xml and /sq/lajme/feed.xml (next.config.ts routes both here).
export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

const FEED_SIZE = 20;

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) return new Response('Not found', { status: 404 });
  const t = await getTranslations({ locale, namespace: 'News' });
  const site = await getTranslations({ locale, namespace: 'Site' });
  const { items } = publishedNews(locale, 1, FEED_SIZE);
  const body = rssXml({
    title: `${t('title')} – ${site('name')}`,
    link: localizedUrl(newsHref(), locale),
    selfLink: feedUrl(locale),
    description: t('description'),
    language: locale,
    items: items.map((item) => {
      const link = localizedUrl(articleHref(item.slug), locale);
      return { title: item.title, link, guid: link, description: item.summary, pubDate: item.publishedAt };
    }),
  });
  return new Response(body, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}
