import type { Metadata } from 'next';
import { permanentRedirect } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { ArticleView } from '@/components/site/ArticleView';
import { NotFoundView, notFoundMetadata } from '@/components/site/NotFoundView';
import { articleRedirect } from '@/db/queries/addresses';
import { heroForPublic } from '@/db/queries/media';
import { publishedNewsBySlug } from '@/db/queries/news';
import { articleHref } from '@/lib/hrefs';
import { MAX_PATH_LENGTH, parseLocaleParam } from '@/lib/params';
import { pageMetadata } from '@/lib/seo';

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
  const article = decoded && decoded.length <= MAX_PATH_LENGTH ? publishedNewsBySlug(locale, decoded) : null;
  if (!article && decoded) {
    // An address that moved (a published slug changed): to where it lives now.
    const target = articleRedirect(locale, decoded);
    if (target) permanentRedirect(target);
  }
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
  const versions = Object.fromEntries(Object.entries(article.alternates).map(([l, slug]) => [l, articleHref(slug)]));
  const hero = heroForPublic(article.heroMediaId, locale);
  return pageMetadata({
    locale,
    title: article.seoTitle || article.title,
    description: article.seoDescription || article.summary,
    versions,
    type: 'article',
    publishedTime: article.publishedAt,
    modifiedTime: article.updatedAt,
    image: hero ? { ...hero.og, alt: hero.alt } : null,
  });
}

export default async function ArticlePage({ params }: { params: Params }) {
  const { locale, article } = await load(params);
  setRequestLocale(locale);
  if (!article) return <NotFoundView locale={locale} />;
  return <ArticleView locale={locale} article={article} />;
}
