import { and, eq, ne } from 'drizzle-orm';
import type { Locale } from '@/i18n/routing';
import { sanitizeRichText } from '@/lib/sanitize';
import { recordAudit } from '../auth/audit-log';
import { isLive, isStale, moveAddress, textFingerprint } from './common';
import type { DB, Tx } from '../client';
import { newsItems, newsTranslations, type PublicationStatus, revisions } from '../schema';

/**
 * Saving one language of a news item, with nothing lost: every save carries
 * the version it started from and is refused (with the newer text) when
 * someone saved in between; every save is a revision; a published address
 * that changes leaves a redirect; the other language learns it may be out of
 * date. No access check here — db/admin/news.ts checks the caller first.
 */

export type NewsFields = {
  title: string;
  slug: string;
  summary: string;
  body: string;
  dateline: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
};

export type NewsSnapshot = NewsFields & { version: number; status: PublicationStatus; publishedAt: string | null };

export type SaveNewsResult =
  | { ok: true; itemId: number; version: number; changedPaths: string[] }
  | { ok: false; error: 'stale'; current: NewsSnapshot }
  | { ok: false; error: 'slugTaken' | 'notFound' };

const NEWS_BASE: Record<Locale, string> = { en: '/news', sq: '/sq/lajme' };

export function articlePath(locale: Locale, slug: string): string {
  return `${NEWS_BASE[locale]}/${slug}`;
}

type Row = typeof newsTranslations.$inferSelect;

function snapshotOf(row: Row): NewsSnapshot {
  return {
    title: row.title,
    slug: row.slug,
    summary: row.summary,
    body: row.body,
    dateline: row.dateline,
    seoTitle: row.seoTitle,
    seoDescription: row.seoDescription,
    version: row.version,
    status: row.status,
    publishedAt: row.publishedAt?.toISOString() ?? null,
  };
}

export function saveNewsTranslation(
  db: DB,
  actor: { userId: number; ip: string | null },
  input: { itemId: number | null; locale: Locale; baseVersion: number | null; fields: NewsFields },
  now = new Date(),
): SaveNewsResult {
  const fields: NewsFields = {
    title: input.fields.title.trim(),
    slug: input.fields.slug.trim(),
    summary: input.fields.summary.trim(),
    body: sanitizeRichText(input.fields.body),
    dateline: input.fields.dateline?.trim() || null,
    seoTitle: input.fields.seoTitle?.trim() || null,
    seoDescription: input.fields.seoDescription?.trim() || null,
  };
  return db.transaction((tx): SaveNewsResult => {
    let itemId = input.itemId;
    if (itemId !== null && !tx.select({ id: newsItems.id }).from(newsItems).where(eq(newsItems.id, itemId)).get()) {
      return { ok: false, error: 'notFound' };
    }
    const current =
      itemId === null
        ? undefined
        : tx.select().from(newsTranslations).where(and(eq(newsTranslations.newsItemId, itemId), eq(newsTranslations.locale, input.locale))).get();
    // Someone saved (or created this language) since the form was opened.
    if (current && current.version !== input.baseVersion) return { ok: false, error: 'stale', current: snapshotOf(current) };
    if (!current && input.baseVersion !== null) return { ok: false, error: 'notFound' };

    const clash = tx
      .select({ id: newsTranslations.id })
      .from(newsTranslations)
      .where(and(eq(newsTranslations.locale, input.locale), eq(newsTranslations.slug, fields.slug), current ? ne(newsTranslations.id, current.id) : undefined))
      .get();
    if (clash) return { ok: false, error: 'slugTaken' };

    if (itemId === null) itemId = tx.insert(newsItems).values({}).returning({ id: newsItems.id }).get().id;
    const other = tx.select().from(newsTranslations).where(and(eq(newsTranslations.newsItemId, itemId), ne(newsTranslations.locale, input.locale))).get();
    // Saving one language confirms it against the other's current text.
    const sourceFingerprint = other ? textFingerprint(other) : null;
    const sourceVersion = other?.version ?? null;
    const version = (current?.version ?? 0) + 1;
    const changedPaths: string[] = [];

    if (current) {
      tx.update(newsTranslations).set({ ...fields, version, sourceFingerprint, sourceVersion, updatedAt: now }).where(eq(newsTranslations.id, current.id)).run();
      if (isLive(current, now)) {
        changedPaths.push(articlePath(input.locale, fields.slug));
        if (current.slug !== fields.slug) {
          moveAddress(tx, input.locale, articlePath(input.locale, current.slug), articlePath(input.locale, fields.slug));
          changedPaths.push(articlePath(input.locale, current.slug));
        }
        changedPaths.push(NEWS_BASE[input.locale], input.locale === 'sq' ? '/sq' : '/');
      }
    } else {
      tx.insert(newsTranslations).values({ newsItemId: itemId, locale: input.locale, ...fields, status: 'draft', version, sourceFingerprint, sourceVersion, updatedAt: now }).run();
    }
    tx.update(newsItems).set({ updatedAt: now }).where(eq(newsItems.id, itemId)).run();
    const saved = tx.select().from(newsTranslations).where(and(eq(newsTranslations.newsItemId, itemId), eq(newsTranslations.locale, input.locale))).get()!;
    tx.insert(revisions)
      .values({ entityType: 'news', entityId: itemId, locale: input.locale, version, snapshot: JSON.stringify(snapshotOf(saved)), authorId: actor.userId, createdAt: now })
      .run();
    recordAudit(tx, { userId: actor.userId, action: current ? 'news.save' : 'news.create', entityType: 'news', entityId: itemId, details: { locale: input.locale, version }, ip: actor.ip });
    return { ok: true, itemId, version, changedPaths };
  });
}

/** Per language of an item: whether it exists, its version and status, and whether it may be out of date. */
export function translationStates(db: DB, itemId: number) {
  const rows = db.select().from(newsTranslations).where(eq(newsTranslations.newsItemId, itemId)).all();
  return rows.map((row) => {
    const other = rows.find((r) => r.locale !== row.locale);
    const stale = isStale(row, other);
    return { locale: row.locale, version: row.version, status: row.status, stale };
  });
}

/** A person confirms one language is still right against the other's current text. */
export function confirmTranslation(db: DB, actor: { userId: number; ip: string | null }, itemId: number, locale: Locale): boolean {
  return db.transaction((tx) => {
    const other = tx.select().from(newsTranslations).where(and(eq(newsTranslations.newsItemId, itemId), ne(newsTranslations.locale, locale))).get();
    if (!other) return false;
    const result = tx
      .update(newsTranslations)
      .set({ sourceFingerprint: textFingerprint(other), sourceVersion: other.version })
      .where(and(eq(newsTranslations.newsItemId, itemId), eq(newsTranslations.locale, locale)))
      .run();
    if (result.changes === 1) recordAudit(tx, { userId: actor.userId, action: 'news.confirm_translation', entityType: 'news', entityId: itemId, details: { locale }, ip: actor.ip });
    return result.changes === 1;
  });
}
