import Database from 'better-sqlite3';
import path from 'node:path';
import type { Locale } from '@/i18n/routing';
import { env } from '@/lib/env';
import { DATABASE_FILE } from '../client';
import { getDb } from '../index';
import { NEWS_PAGE_SIZE } from './news';

/**
 * Which public addresses exist, for the proxy: an address that leads nowhere
 * is answered with the localized 404 page before any page renders.
 *
 * Kept in memory and rebuilt only when the database changed: a separate
 * read connection asks SQLite's `data_version` (which moves on every commit
 * by any other connection, in this process or another) at most twice a
 * second. Publication times are kept, so a scheduled item appears at its time
 * without a rebuild. The visibility rule is the same as isPublic() in
 * visibility.ts, written in SQL here because this runs without drizzle.
 */

type Index = {
  /** locale:old path → new path, for addresses that moved (written when a published slug changes). */
  redirects: Map<string, string>;
  pages: Map<string, number>;
  news: Map<string, number>;
  /** Publication times of each language's public news, for the page count. */
  newsTimes: Record<Locale, number[]>;
};

const CHECK_INTERVAL_MS = 500;
const VISIBLE = `t.status IN ('published', 'scheduled') AND t.published_at IS NOT NULL`;

const state = globalThis as unknown as {
  iomAddressIndex?: { conn: Database.Database; version: number; checkedAt: number; index: Index };
};

function build(conn: Database.Database): Index {
  const pages = new Map<string, number>();
  for (const r of conn
    .prepare(
      `SELECT t.locale, t.path, t.published_at AS at FROM page_translations t JOIN pages p ON p.id = t.page_id
       WHERE p.kind = 'page' AND p.deleted_at IS NULL AND t.path IS NOT NULL AND ${VISIBLE}`,
    )
    .all() as { locale: Locale; path: string; at: number }[]) {
    pages.set(`${r.locale}:${r.path}`, r.at);
  }
  const news = new Map<string, number>();
  const newsTimes: Record<Locale, number[]> = { en: [], sq: [] };
  for (const r of conn
    .prepare(
      `SELECT t.locale, t.slug, t.published_at AS at FROM news_translations t JOIN news_items n ON n.id = t.news_item_id
       WHERE n.deleted_at IS NULL AND ${VISIBLE}`,
    )
    .all() as { locale: Locale; slug: string; at: number }[]) {
    news.set(`${r.locale}:${r.slug}`, r.at);
    newsTimes[r.locale].push(r.at);
  }
  newsTimes.en.sort((a, b) => a - b);
  newsTimes.sq.sort((a, b) => a - b);
  const redirects = new Map<string, string>();
  for (const r of conn.prepare('SELECT locale, from_path AS "from", to_path AS "to" FROM redirects').all() as { locale: Locale; from: string; to: string }[]) {
    redirects.set(`${r.locale}:${r.from}`, r.to);
  }
  return { redirects, pages, news, newsTimes };
}

function currentIndex(): Index {
  let s = state.iomAddressIndex;
  const now = Date.now();
  if (!s) {
    getDb(); // migrated and seeded before the first read
    const conn = new Database(path.join(env().dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
    conn.pragma('busy_timeout = 5000');
    const version = conn.pragma('data_version', { simple: true }) as number;
    s = { conn, version, checkedAt: now, index: build(conn) };
    state.iomAddressIndex = s;
  } else if (now - s.checkedAt >= CHECK_INTERVAL_MS) {
    s.checkedAt = now;
    const version = s.conn.pragma('data_version', { simple: true }) as number;
    if (version !== s.version) {
      s.version = version;
      s.index = build(s.conn);
    }
  }
  return s.index;
}

function isDue(at: number | undefined): boolean {
  return at !== undefined && at <= Date.now();
}

export function publicPageExists(locale: Locale, pagePath: string): boolean {
  return isDue(currentIndex().pages.get(`${locale}:${pagePath}`));
}

export function publicArticleExists(locale: Locale, slug: string): boolean {
  return isDue(currentIndex().news.get(`${locale}:${slug}`));
}

/** How many pages the news list has in a language right now (at least 1). */
export function newsPageCount(locale: Locale): number {
  const times = currentIndex().newsTimes[locale];
  const now = Date.now();
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! <= now) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(1, Math.ceil(lo / NEWS_PAGE_SIZE));
}

/** Where an address that moved now lives (its path), if it moved. */
export function movedTo(locale: Locale, pathname: string): string | undefined {
  return currentIndex().redirects.get(`${locale}:${pathname}`);
}
