import fs from 'node:fs';
import path from 'node:path';
import { and, count, eq, ne } from 'drizzle-orm';
import { paragraphsToHtml } from '@/lib/html';
import type { DB, Tx } from './client';
import { textFingerprint } from './content/common';
import { newsItems, newsItemThemes, newsTranslations, pages, pageTranslations, seedImports } from './schema';
import { FORMER_PLACEHOLDER_PARAGRAPHS, SEED_ARTICLE_EN_SLUG, SEED_ARTICLE_SQ_SLUG, SEED_ARTICLE_THEMES, type SeedPage, seedPages } from './seed-content';

export const SEED_NAME = '000_63f904dab61bb268';
export const ALBANIAN_MARKER = '[Versioni shqip më poshtë]';

/**
 * Typos of the scraped page, corrected as it is read: the file in seed-data/
 * stays a faithful copy of the office's site. Each is [as scraped, as imported].
 */
export const SOURCE_CORRECTIONS: readonly (readonly [string, string])[] = [
  // The Albanian title writes "cështjet"; its body, and Albanian, "çështje". Its address is the same either way (ç → c).
  ['cështjet', 'çështjet'],
];

function correctSource(line: string): string {
  return SOURCE_CORRECTIONS.reduce((text, [wrong, right]) => text.replaceAll(wrong, right), line);
}

/**
 * Albanian page titles that an earlier version of this seed imported and
 * docs/glossary.md has since corrected: [page key, as imported then, as now].
 * The addresses (`kontakt`, `angazhohu`, …) stay as they are.
 */
export const CORRECTED_PAGE_TITLES: readonly (readonly [key: string, before: string, after: string])[] = [
  ['contact', 'Kontakt', 'Na kontaktoni'],
  ['take-action', 'Angazhohu', 'Angazhohuni'],
  ['cross-cutting-global', 'Çështje ndërfushore (Globale)', 'Çështje ndërsektoriale (globale)'],
];

export type SeedArticleText = {
  title: string;
  /** "Durres, 9-10 April 2019" */
  dateline: string;
  paragraphs: string[];
};

export type ParsedSeed = {
  /** Text found under a menu title, e.g. { 'Who We Are': 'The International …' }. */
  sectionTexts: Record<string, string>;
  article: { en: SeedArticleText; sq: SeedArticleText; publishedAt: Date };
};

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DATELINE = /^([^,:]{2,40}),\s*([^:]{3,40}?\d{4}):\s*(.+)$/u;

/** "April 9-10, 2019" -> "9-10 April 2019"; "9-10 prill, 2019" -> "9-10 prill 2019". */
function normaliseDatelineDate(date: string): string {
  const american = date.match(/^([A-Za-z]+)\s+(\d{1,2}(?:\s*[-–]\s*\d{1,2})?),?\s+(\d{4})$/);
  if (american && MONTHS.includes(american[1]!.toLowerCase())) {
    return `${american[2]} ${american[1]} ${american[3]}`;
  }
  return date.replace(/,\s*(\d{4})$/, ' $1').trim();
}

/** The first day of an English dateline date, at noon in Tirana. */
function datelineDay(date: string): Date | undefined {
  const m = date.match(/^(\d{1,2})(?:\s*[-–]\s*\d{1,2})?\s+([A-Za-z]+)\s+(\d{4})$/);
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2]!.toLowerCase());
  if (month < 0) return undefined;
  // 12:00 in Tirana; Albania is on UTC+2 in summer and UTC+1 in winter.
  const utc = Date.UTC(Number(m[3]), month, Number(m[1]), 10);
  return new Date(utc);
}

function splitDateline(line: string): { dateline: string; rest: string } | undefined {
  const m = line.match(DATELINE);
  if (!m) return undefined;
  return { dateline: `${m[1]!.trim()}, ${normaliseDatelineDate(m[2]!.trim())}`, rest: m[3]!.trim() };
}

/**
 * Reads the scraped page: the menu (with the text found under some of its
 * entries) and one article written in English, with the Albanian version
 * after the line "[Versioni shqip më poshtë]". On the office's site that
 * marker stands under the English title; the Albanian part starts with its
 * title, on the line before the second dateline ("Durrës, 9-10 prill, 2019: …").
 */
export function parseSeed(text: string): ParsedSeed {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => correctSource(l.trim()))
    .filter(Boolean);
  const marker = lines.indexOf(ALBANIAN_MARKER);
  if (marker < 1) throw new Error(`Seed: the line "${ALBANIAN_MARKER}" was not found after a title`);

  const menu = lines.slice(0, marker - 1);
  const sectionTexts: Record<string, string> = {};
  for (let i = 1; i < menu.length; i++) {
    const title = menu[i - 1]!;
    const line = menu[i]!;
    if (line.length > title.length && line.toLowerCase().startsWith(title.toLowerCase())) {
      sectionTexts[title] = line.slice(title.length).trim();
    }
  }

  const enTitle = lines[marker - 1]!;
  const after = lines.slice(marker + 1);
  const datelines = after.flatMap((l, i) => (splitDateline(l) ? [i] : []));
  if (datelines.length < 2 || datelines[1]! < 2) {
    throw new Error('Seed: expected an English and an Albanian dateline paragraph');
  }
  const sqStart = datelines[1]! - 1;

  const article = (title: string, body: string[]): SeedArticleText => {
    const first = splitDateline(body[0]!)!;
    return { title, dateline: first.dateline, paragraphs: [first.rest, ...body.slice(1)] };
  };
  const en = article(enTitle, after.slice(datelines[0]!, sqStart));
  const sq = article(after[sqStart]!, after.slice(sqStart + 1));
  const publishedAt = datelineDay(en.dateline.slice(en.dateline.indexOf(',') + 1).trim()) ?? new Date(Date.UTC(2019, 3, 9, 10));
  return { sectionTexts, article: { en, sq, publishedAt } };
}

export function seedFilePath(): string {
  return path.join(process.cwd(), 'db', 'seed-data', `${SEED_NAME}.txt`);
}

function describe(paragraphs: string[], max = 160): string {
  const text = paragraphs[0] ?? '';
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

export type SeedResult = { imported: boolean };

/**
 * Imports the seed into an empty database, once. Returns whether it did;
 * a database that already holds content, or that imported this seed before,
 * is left exactly as it is.
 */
export function seedDatabase(db: DB, file = seedFilePath()): SeedResult {
  return db.transaction((tx) => {
    if (tx.select().from(seedImports).all().some((s) => s.name === SEED_NAME)) {
      correctImportedText(tx);
      return { imported: false };
    }
    const [{ n: pageCount } = { n: 0 }] = tx.select({ n: count() }).from(pages).all();
    const [{ n: newsCount } = { n: 0 }] = tx.select({ n: count() }).from(newsItems).all();
    if (pageCount > 0 || newsCount > 0) {
      tx.insert(seedImports).values({ name: SEED_NAME }).run();
      return { imported: false };
    }

    const seed = parseSeed(fs.readFileSync(/*turbopackIgnore: true*/ file, 'utf8'));
    const now = new Date();
    const pageIds = new Map<string, number>();

    const insertPage = (node: SeedPage, parentId: number | null, position: number) => {
      const row = tx
        .insert(pages)
        .values({
          parentId,
          position,
          key: node.key,
          kind: node.kind ?? 'page',
          externalUrl: node.externalUrl ?? null,
        })
        .returning({ id: pages.id })
        .get();
      pageIds.set(node.key, row.id);
      for (const locale of ['en', 'sq'] as const) {
        const t = node[locale];
        tx.insert(pageTranslations)
          .values({
            pageId: row.id,
            locale,
            path: t.path ?? null,
            title: t.title,
            menuTitle: t.menuTitle ?? null,
            summary: t.summary,
            body: paragraphsToHtml(t.body ?? []),
            seoDescription: t.summary,
            status: 'published',
            publishedAt: now,
            isPlaceholder: t.placeholder,
          })
          .run();
      }
      node.children?.forEach((child, i) => insertPage(child, row.id, i));
    };
    seedPages(seed.sectionTexts).forEach((node, i) => insertPage(node, null, i));

    const { en, sq, publishedAt } = seed.article;
    const item = tx.insert(newsItems).values({ kind: 'news', createdAt: publishedAt }).returning({ id: newsItems.id }).get();
    const translations = [
      { locale: 'en' as const, slug: SEED_ARTICLE_EN_SLUG, text: en },
      { locale: 'sq' as const, slug: SEED_ARTICLE_SQ_SLUG, text: sq },
    ];
    for (const { locale, slug, text } of translations) {
      tx.insert(newsTranslations)
        .values({
          newsItemId: item.id,
          locale,
          slug,
          title: text.title,
          summary: describe(text.paragraphs, 300),
          body: paragraphsToHtml(text.paragraphs),
          dateline: text.dateline,
          seoDescription: describe(text.paragraphs),
          status: 'published',
          publishedAt,
          createdAt: publishedAt,
          updatedAt: publishedAt,
        })
        .run();
    }
    for (const key of SEED_ARTICLE_THEMES) {
      const pageId = pageIds.get(key);
      if (pageId) tx.insert(newsItemThemes).values({ newsItemId: item.id, pageId }).run();
    }
    tx.insert(seedImports).values({ name: SEED_NAME }).run();
    return { imported: true };
  });
}

/**
 * Brings text imported by an earlier version of this seed up to its
 * corrections (CORRECTED_PAGE_TITLES, SOURCE_CORRECTIONS in the article's
 * title, FORMER_PLACEHOLDER_PARAGRAPHS out of placeholder bodies), in a database that imported it before. Only a translation staff
 * never saved (version 1, so no revision and nobody's words) that still holds
 * the old text changes, and its address stays; a translation confirmed
 * against the old text stays confirmed (its fingerprint follows), so nothing
 * turns "may be out of date". Running it again changes nothing.
 */
function correctImportedText(tx: Tx): void {
  type PageRow = typeof pageTranslations.$inferSelect;
  const correctPage = (row: PageRow, change: Partial<Pick<PageRow, 'title' | 'body'>>) => {
    tx.update(pageTranslations).set(change).where(eq(pageTranslations.id, row.id)).run();
    tx.update(pageTranslations)
      .set({ sourceFingerprint: textFingerprint({ ...row, ...change }) })
      .where(and(eq(pageTranslations.pageId, row.pageId), ne(pageTranslations.locale, row.locale), eq(pageTranslations.sourceFingerprint, textFingerprint(row))))
      .run();
  };
  for (const [key, before, after] of CORRECTED_PAGE_TITLES) {
    const row = tx
      .select({ t: pageTranslations })
      .from(pageTranslations)
      .innerJoin(pages, eq(pages.id, pageTranslations.pageId))
      .where(and(eq(pages.key, key), eq(pageTranslations.locale, 'sq'), eq(pageTranslations.version, 1), eq(pageTranslations.title, before)))
      .get()?.t;
    if (row) correctPage(row, { title: after });
  }
  // The "preparing the text" paragraph at the end of a placeholder body: the public page says it itself now.
  const placeholders = tx
    .select()
    .from(pageTranslations)
    .where(and(eq(pageTranslations.isPlaceholder, true), eq(pageTranslations.version, 1)))
    .all();
  for (const row of placeholders) {
    for (const paragraph of FORMER_PLACEHOLDER_PARAGRAPHS) {
      const tail = paragraphsToHtml([paragraph]);
      if (!row.body.endsWith(tail)) continue;
      const kept = row.body.slice(0, -tail.length).trimEnd();
      // A body that was nothing but the notice becomes the page's summary.
      correctPage(row, { body: kept || paragraphsToHtml([row.summary]) });
    }
  }
  const sqArticle = tx
    .select()
    .from(newsTranslations)
    .where(and(eq(newsTranslations.locale, 'sq'), eq(newsTranslations.slug, SEED_ARTICLE_SQ_SLUG), eq(newsTranslations.version, 1)))
    .get();
  if (sqArticle && correctSource(sqArticle.title) !== sqArticle.title) {
    const title = correctSource(sqArticle.title);
    tx.update(newsTranslations).set({ title }).where(eq(newsTranslations.id, sqArticle.id)).run();
    tx.update(newsTranslations)
      .set({ sourceFingerprint: textFingerprint({ ...sqArticle, title }) })
      .where(and(eq(newsTranslations.newsItemId, sqArticle.newsItemId), ne(newsTranslations.locale, 'sq'), eq(newsTranslations.sourceFingerprint, textFingerprint(sqArticle))))
      .run();
  }
}
