import { and, eq, inArray, isNotNull, isNull, lte, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Locale } from '@/i18n/routing';
import { newsItems, newsTranslations, pages, pageTranslations } from '../schema';

/** The same rule on a row already read (db/content/common.ts). */
export { isLive } from '../content/common';

/**
 * THE rule for what the public may see of a translation: it is published (or
 * was scheduled) and its publication time has come. Every public query uses
 * this and nothing else, so a draft cannot leak through one forgotten filter.
 * Scheduled translations appear at their time without a job: the condition
 * is evaluated when the page is rendered.
 */
export function isPublic(t: { status: SQLiteColumn; publishedAt: SQLiteColumn }, now = new Date()): SQL {
  return and(inArray(t.status, ['published', 'scheduled']), isNotNull(t.publishedAt), lte(t.publishedAt, now))!;
}

/** An article's translation the public sees in a language (a query joining news_items). */
export function publicNewsIn(locale: Locale, now = new Date()): SQL {
  return and(eq(newsTranslations.locale, locale), isNull(newsItems.deletedAt), isPublic(newsTranslations, now))!;
}

/** A page's translation the public sees in a language (a query joining pages). */
export function publicPageIn(locale: Locale, now = new Date()): SQL {
  return and(eq(pageTranslations.locale, locale), isNull(pages.deletedAt), isPublic(pageTranslations, now))!;
}
