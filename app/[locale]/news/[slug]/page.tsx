import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { ArticleView } from '@/components/site/ArticleView';
import { NotFoundView, notFoundMetadata } from '@/components/site/NotFoundView';
import { publishedItemMetadata, publishedOrMoved } from '@/components/site/published-item';
import { articleRedirect } from '@/db/queries/addresses';
import { publishedNewsBySlug } from '@/db/queries/news';
import { articleHref } from '@/lib/hrefs';
import { MAX_PATH_LENGTH, parseLocaleParam } from '@/lib/params';

// Publishing revalidates the article at once. The 404 of an address with
// nothing published yet is cached too (NotFoundView), so this bounds how late
// a scheduled article appears at an address someone asked for before its time.
export const revalidate = 10;

export function generateStaticParams() {
  return [];
}

type Params = Promise<{ locale: string; slug: string }>;

async function load(params: Params) {
  const { locale: raw, slug } = await params;
  const locale = parseLocaleParam(raw);
  const decoded = safeDecode(slug);
  const article = publishedOrMoved(
    decoded,
    (s) => (s.length <= MAX_PATH_LENGTH ? publishedNewsBySlug(locale, s) : null),
    (s) => articleRedirect(locale, s),
  );
  return { locale, article };
}

function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, article } = await load(params);
  if (!article) return notFoundMetadata(locale);
  return publishedItemMetadata(locale, article, articleHref, { type: 'article', publishedTime: article.publishedAt, modifiedTime: article.updatedAt });
}

export default async function ArticlePage({ params }: { params: Params }) {
  const { locale, article } = await load(params);
  setRequestLocale(locale);
  if (!article) return <NotFoundView locale={locale} />;
  return <ArticleView locale={locale} article={article} />;
}
