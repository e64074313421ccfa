import 'server-only';
import { and, count, desc, eq, inArray, isNull, ne } from 'drizzle-orm';
import { cache } from 'react';
import type { Locale } from '@/i18n/routing';
import type { Queryable } from '../client';
import { getDb } from '../index';
import { newsItems, newsItemThemes, newsTranslations, pages, pageTranslations } from '../schema';
import { isLive } from '../content/common';
import { isPublic } from './visibility';

export const NEWS_PAGE_SIZE = 10;

export type NewsSummary = {
  id: number;
  kind: 'news' | 'press_release' | 'story';
  slug: string;
  title: string;
  summary: string;
  dateline: string | null;
  publishedAt: Date;
  /** The main image (shown through heroForPublic, which checks its alt text in the language). */
  heroMediaId: number | null;
};

const summaryColumns = {
  id: newsItems.id,
  kind: newsItems.kind,
  slug: newsTranslations.slug,
  title: newsTranslations.title,
  summary: newsTranslations.summary,
  dateline: newsTranslations.dateline,
  publishedAt: newsTranslations.publishedAt,
  heroMediaId: newsItems.heroMediaId,
};

function publicNews(locale: Locale) {
  return and(eq(newsTranslations.locale, locale), isNull(newsItems.deletedAt), isPublic(newsTranslations));
}

export type NewsPage = { items: NewsSummary[]; total: number; page: number; pageCount: number };

/**
 * One page of the news list in a language, newest first. Only items
 * published in that language are listed: an English-only article does not
 * appear in the Albanian list.
 */
export const publishedNews = cache((locale: Locale, page = 1, pageSize = NEWS_PAGE_SIZE): NewsPage => {
  const db = getDb();
  const where = publicNews(locale);
  const [{ n: total } = { n: 0 }] = db
    .select({ n: count() })
    .from(newsTranslations)
    .innerJoin(newsItems, eq(newsItems.id, newsTranslations.newsItemId))
    .where(where)
    .all();
  const items = db
    .select(summaryColumns)
    .from(newsTranslations)
    .innerJoin(newsItems, eq(newsItems.id, newsTranslations.newsItemId))
    .where(where)
    .orderBy(desc(newsTranslations.publishedAt), desc(newsItems.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all() as NewsSummary[];
  return { items, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
});

export type PublicArticle = NewsSummary & {
  locale: Locale;
  body: string;
  seoTitle: string | null;
  seoDescription: string | null;
  updatedAt: Date;
  themes: { title: string; path: string }[];
  /** The published translations of this item by language (slug). */
  alternates: Partial<Record<Locale, string>>;
};

type ArticleRow = NewsSummary & { body: string; seoTitle: string | null; seoDescription: string | null; updatedAt: Date };

const articleColumns = {
  ...summaryColumns,
  body: newsTranslations.body,
  seoTitle: newsTranslations.seoTitle,
  seoDescription: newsTranslations.seoDescription,
  updatedAt: newsTranslations.updatedAt,
};

/** An article's themes and its published translations, as the public page shows them. */
function completeArticle(db: Queryable, row: ArticleRow, locale: Locale): PublicArticle {
  const alternates: Partial<Record<Locale, string>> = { [locale]: row.slug };
  const others = db
    .select({ locale: newsTranslations.locale, slug: newsTranslations.slug })
    .from(newsTranslations)
    .where(and(eq(newsTranslations.newsItemId, row.id), ne(newsTranslations.locale, locale), isPublic(newsTranslations)))
    .all();
  for (const o of others) alternates[o.locale] = o.slug;

  const themeIds = db
    .select({ pageId: newsItemThemes.pageId })
    .from(newsItemThemes)
    .where(eq(newsItemThemes.newsItemId, row.id))
    .all()
    .map((r) => r.pageId);
  const themes = themeIds.length
    ? db
        .select({ title: pageTranslations.title, path: pageTranslations.path, position: pages.position })
        .from(pageTranslations)
        .innerJoin(pages, eq(pages.id, pageTranslations.pageId))
        .where(
          and(
            inArray(pageTranslations.pageId, themeIds),
            eq(pageTranslations.locale, locale),
            isNull(pages.deletedAt),
            isPublic(pageTranslations),
          ),
        )
        .orderBy(pages.position)
        .all()
        .flatMap((t) => (t.path ? [{ title: t.title, path: t.path }] : []))
    : [];

  return { ...row, locale, themes, alternates };
}

/** A published article by its slug in one language. */
export const publishedNewsBySlug = cache((locale: Locale, slug: string): PublicArticle | null => {
  const db = getDb();
  const row = db
    .select(articleColumns)
    .from(newsTranslations)
    .innerJoin(newsItems, eq(newsItems.id, newsTranslations.newsItemId))
    .where(and(publicNews(locale), eq(newsTranslations.slug, slug)))
    .get();
  return row?.publishedAt ? completeArticle(db, row as ArticleRow, locale) : null;
});

/**
 * One language of an item as its public page would show it, whatever its
 * status — for staff previews only (db/admin/news.ts checks the caller). An
 * unpublished date reads as now.
 */
export function newsPreview(db: Queryable, itemId: number, locale: Locale, now = new Date()): (PublicArticle & { live: boolean }) | null {
  const row = db
    .select({ ...articleColumns, status: newsTranslations.status })
    .from(newsTranslations)
    .innerJoin(newsItems, eq(newsItems.id, newsTranslations.newsItemId))
    .where(and(eq(newsTranslations.newsItemId, itemId), eq(newsTranslations.locale, locale), isNull(newsItems.deletedAt)))
    .get();
  if (!row) return null;
  const { status, ...article } = row;
  // `live`: whether the public sees this text now; if not, the preview does not show a publication date.
  return { ...completeArticle(db, { ...article, publishedAt: article.publishedAt ?? now }, locale), live: isLive({ status, publishedAt: article.publishedAt }, now) };
}

/**
 * Up to `limit` other published articles in `locale` that share a theme
 * with item `itemId`, newest first: the "related" list beside an article.
 * Fresh within the article page's revalidate time when news is published.
 */
export const relatedNews = cache((locale: Locale, itemId: number, limit = 3): NewsSummary[] => {
  const db = getDb();
  const themeIds = db
    .select({ pageId: newsItemThemes.pageId })
    .from(newsItemThemes)
    .where(eq(newsItemThemes.newsItemId, itemId))
    .all()
    .map((r) => r.pageId);
  if (themeIds.length === 0) return [];
  const sharing = db
    .selectDistinct({ id: newsItemThemes.newsItemId })
    .from(newsItemThemes)
    .where(and(inArray(newsItemThemes.pageId, themeIds), ne(newsItemThemes.newsItemId, itemId)));
  return db
    .select(summaryColumns)
    .from(newsTranslations)
    .innerJoin(newsItems, eq(newsItems.id, newsTranslations.newsItemId))
    .where(and(publicNews(locale), inArray(newsItems.id, sharing)))
    .orderBy(desc(newsTranslations.publishedAt), desc(newsItems.id))
    .limit(limit)
    .all() as NewsSummary[];
});
