import 'server-only';
import { sql } from 'drizzle-orm';
import { cache } from 'react';
import type { Locale } from '@/i18n/routing';
import { SNIPPET_MARKS, toFtsQuery } from '@/lib/search-query';
import { getDb } from '../index';

export const SEARCH_PAGE_SIZE = 10;

export type SearchHit = {
  kind: 'news' | 'page';
  title: string;
  /** Slug (news) or path (page) in the searched language. */
  address: string;
  publishedAt: Date | null;
  /** FTS snippet with SNIPPET_MARKS around the matches (turn into HTML with snippetToHtml). */
  snippet: string;
};

export type SearchResults = { hits: SearchHit[]; total: number; page: number; pageCount: number };

const INDEX = { en: sql.raw('search_en'), sq: sql.raw('search_sq') } as const;

/**
 * Published pages and articles in one language matching a query, best first
 * (bm25, with the title weighing most), with highlighted snippets. Only what
 * the public may see: the same rule as visibility.ts, in SQL.
 */
export const searchResults = cache((locale: Locale, query: unknown, page = 1): SearchResults => {
  const match = toFtsQuery(query);
  if (!match) return { hits: [], total: 0, page, pageCount: 0 };
  const index = INDEX[locale];
  const now = Date.now();
  // Kind and id are read from the rowid (2 × id for news, 2 × id + 1 for
  // pages; migration 0002), so ranking and filtering never load the indexed
  // text itself; snippets are made for the ten rows shown only.
  const from = sql`FROM ${index} s
    LEFT JOIN news_translations nt ON (s.rowid % 2) = 0 AND nt.id = s.rowid / 2
    LEFT JOIN news_items ni ON ni.id = nt.news_item_id
    LEFT JOIN page_translations pt ON (s.rowid % 2) = 1 AND pt.id = s.rowid / 2
    LEFT JOIN pages p ON p.id = pt.page_id
    WHERE ${index} MATCH ${match} AND (
      (nt.id IS NOT NULL AND nt.status IN ('published', 'scheduled') AND nt.published_at IS NOT NULL
        AND nt.published_at <= ${now} AND ni.deleted_at IS NULL)
      OR (pt.id IS NOT NULL AND pt.status IN ('published', 'scheduled') AND pt.published_at IS NOT NULL
        AND pt.published_at <= ${now} AND p.deleted_at IS NULL AND p.kind = 'page' AND pt.path IS NOT NULL))`;
  const db = getDb();
  const total = db.get<{ n: number }>(sql`SELECT count(*) AS n ${from}`)?.n ?? 0;
  const rows = db.all<{ kind: 'news' | 'page'; title: string; address: string; published_at: number | null; snippet: string }>(sql`
    WITH top AS (
      SELECT s.rowid AS id, bm25(${index}, 10.0, 3.0, 1.0) AS rank,
             coalesce(nt.slug, pt.path) AS address, coalesce(nt.published_at, pt.published_at) AS published_at
      ${from}
      ORDER BY rank LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${(page - 1) * SEARCH_PAGE_SIZE})
    SELECT CASE WHEN top.id % 2 = 0 THEN 'news' ELSE 'page' END AS kind, s.title AS title, top.address AS address,
           top.published_at AS published_at,
           snippet(${index}, -1, ${SNIPPET_MARKS.start}, ${SNIPPET_MARKS.end}, '…', 24) AS snippet
    FROM ${index} s JOIN top ON top.id = s.rowid
    WHERE ${index} MATCH ${match}
    ORDER BY top.rank`);
  return {
    hits: rows.map((r) => ({
      kind: r.kind,
      title: r.title,
      address: r.address,
      publishedAt: r.kind === 'news' && r.published_at !== null ? new Date(r.published_at) : null,
      snippet: r.snippet,
    })),
    total,
    page,
    pageCount: Math.ceil(total / SEARCH_PAGE_SIZE),
  };
});
