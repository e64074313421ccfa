import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, ne, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Locale } from '@/i18n/routing';
import type { DB } from '../client';
import { newsItems, newsTranslations, type PublicationStatus } from '../schema';
import { containsPattern, foldedLike } from '../text-match';
import { isStale } from './common';

/** The staff's news list: both languages of each item side by side. No access check here (db/admin/news.ts). */

export type StaffNewsFilter = {
  status?: PublicationStatus;
  /** 'both': published or drafted in both languages; 'en-only' / 'sq-only': the other one is missing. */
  completeness?: 'both' | 'en-only' | 'sq-only';
  q?: string;
  page?: number;
};

export type StaffNewsRow = {
  id: number;
  updatedAt: Date;
  languages: Partial<Record<Locale, { title: string; status: PublicationStatus; publishedAt: Date | null; stale: boolean }>>;
};

export const STAFF_NEWS_PAGE_SIZE = 25;

export function newsList(db: DB, filter: StaffNewsFilter = {}): { rows: StaffNewsRow[]; total: number; pageCount: number } {
  const page = filter.page && filter.page > 0 ? filter.page : 1;
  const has = (locale: Locale) => sql`EXISTS (SELECT 1 FROM news_translations x WHERE x.news_item_id = ${newsItems.id} AND x.locale = ${locale})`;
  const conditions = [
    isNull(newsItems.deletedAt),
    filter.status ? sql`EXISTS (SELECT 1 FROM news_translations x WHERE x.news_item_id = ${newsItems.id} AND x.status = ${filter.status})` : undefined,
    filter.completeness === 'both' ? and(has('en'), has('sq')) : undefined,
    filter.completeness === 'en-only' ? and(has('en'), sql`NOT ${has('sq')}`) : undefined,
    filter.completeness === 'sq-only' ? and(has('sq'), sql`NOT ${has('en')}`) : undefined,
    filter.q?.trim()
      ? sql`EXISTS (SELECT 1 FROM news_translations x WHERE x.news_item_id = ${newsItems.id} AND ${foldedLike(sql`x.title`, containsPattern(filter.q.trim()))})`
      : undefined,
  ].filter(Boolean);
  const where = and(...conditions);
  const total = db.select({ n: sql<number>`count(*)` }).from(newsItems).where(where).get()?.n ?? 0;
  const items = db
    .select({ id: newsItems.id, updatedAt: newsItems.updatedAt })
    .from(newsItems)
    .where(where)
    .orderBy(desc(newsItems.updatedAt), desc(newsItems.id))
    .limit(STAFF_NEWS_PAGE_SIZE)
    .offset((page - 1) * STAFF_NEWS_PAGE_SIZE)
    .all();
  const all = items.length
    ? db.select().from(newsTranslations).where(inArray(newsTranslations.newsItemId, items.map((i) => i.id))).all()
    : [];
  const rows = items.map((item) => {
    const translations = all.filter((t) => t.newsItemId === item.id);
    const languages: StaffNewsRow['languages'] = {};
    for (const t of translations) {
      const other = translations.find((o) => o.locale !== t.locale);
      languages[t.locale] = {
        title: t.title,
        status: t.status,
        publishedAt: t.publishedAt,
        stale: isStale(t, other),
      };
    }
    return { ...item, languages };
  });
  return { rows, total, pageCount: Math.max(1, Math.ceil(total / STAFF_NEWS_PAGE_SIZE)) };
}

export type NewsOverview = {
  drafts: number;
  stale: number;
  scheduled: { id: number; locale: Locale; title: string; publishedAt: Date }[];
};

/** What the dashboard shows: drafts, translations that may be out of date, and what is scheduled next. */
export function newsOverview(db: DB, now = new Date()): NewsOverview {
  const live = isNull(newsItems.deletedAt);
  const other = alias(newsTranslations, 'other');
  const count = (where: SQL | undefined, stale = false) => {
    const q = db.select({ n: sql<number>`count(*)` }).from(newsTranslations).innerJoin(newsItems, eq(newsItems.id, newsTranslations.newsItemId));
    const joined = stale ? q.innerJoin(other, and(eq(other.newsItemId, newsTranslations.newsItemId), ne(other.locale, newsTranslations.locale))) : q;
    return joined.where(and(live, where)).get()?.n ?? 0;
  };
  return {
    drafts: count(eq(newsTranslations.status, 'draft')),
    // Stale: confirmed against a text the other language no longer has. The
    // stored fingerprints are compared (text_fingerprint, kept by the
    // database on every write): no body is read or hashed here.
    stale: count(and(isNotNull(newsTranslations.sourceFingerprint), ne(newsTranslations.sourceFingerprint, other.textFingerprint)), true),
    scheduled: db
      .select({ id: newsTranslations.newsItemId, locale: newsTranslations.locale, title: newsTranslations.title, publishedAt: newsTranslations.publishedAt })
      .from(newsTranslations)
      .innerJoin(newsItems, eq(newsItems.id, newsTranslations.newsItemId))
      .where(and(live, eq(newsTranslations.status, 'scheduled'), gt(newsTranslations.publishedAt, now)))
      .orderBy(asc(newsTranslations.publishedAt))
      .limit(10)
      .all()
      .map((r) => ({ ...r, publishedAt: r.publishedAt! })),
  };
}
