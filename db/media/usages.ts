import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Locale } from '@/i18n/routing';
import { mediaHashesIn, mediaUrl } from '@/lib/media/files';
import { richTextImageUrls } from '@/lib/media/rich-text';
import type { Queryable } from '../client';
import { type ContentEntity, media, mediaTranslations, type MediaUsageRole, mediaUsages, newsItems, newsTranslations, pages, pageTranslations, siteSettings, vacancies, vacancyTranslations } from '../schema';
import { storedNames } from './stored';

/**
 * Where media files are used, so that a file in use cannot be deleted.
 *
 * - Hero images are the `hero_media_id` columns of news_items and pages
 *   (a foreign key: the database itself refuses to delete a used row).
 * - Images and PDFs inside a translation's text, and PDFs listed as
 *   publications, are rows of media_usages that the news and page editors
 *   keep in step when they save, in the same transaction:
 *
 *     setUsages(tx, { type: 'news', id, locale }, usagesFromHtml(tx, sanitizedBody));
 *
 *   Deleting an item, page or translation for good removes its rows
 *   (triggers of migration 0005).
 * - The site settings' share image and logo are columns of site_settings
 *   (foreign keys too).
 */

export type EntityRef = { type: ContentEntity; id: number; locale: Locale | null };
export type UsageInput = { mediaId: number; role: MediaUsageRole };

export type MediaUse = {
  /** 'settings': the site settings (entityId 1). */
  entityType: ContentEntity | 'settings';
  entityId: number;
  /** The translation that uses it; null for a hero or another use shared by both languages. */
  locale: Locale | null;
  role: 'hero' | MediaUsageRole | 'shareImage' | 'logo';
  /** The item's or page's title in each language it has. */
  titles: Partial<Record<Locale, string>>;
  /** The item or page is in the trash (the file still counts as used: it could be restored). */
  trashed: boolean;
};

/** The media rows an HTML text refers to through our `/media/...` addresses, as 'body' uses. */
export function usagesFromHtml(db: Queryable, html: string): UsageInput[] {
  const hashes = mediaHashesIn(html);
  if (hashes.length === 0) return [];
  return db
    .select({ id: media.id })
    .from(media)
    .where(inArray(media.hash, hashes))
    .all()
    .map((r) => ({ mediaId: r.id, role: 'body' as const }));
}

/**
 * The images of a sanitized text whose file the library does not serve: an
 * address that is no stored variant of an image row, or one of an image in
 * the trash. Their addresses, as written in the text, so the editors' save
 * can name them: a text refers only to the library.
 */
export function unknownImagesIn(db: Queryable, sanitizedHtml: string): string[] {
  const urls = richTextImageUrls(sanitizedHtml);
  if (urls.length === 0) return [];
  const hashes = mediaHashesIn(urls.join(' '));
  const rows =
    hashes.length === 0
      ? []
      : db
          .select({ kind: media.kind, hash: media.hash, variants: media.variants })
          .from(media)
          .where(and(inArray(media.hash, hashes), eq(media.kind, 'image'), isNull(media.deletedAt)))
          .all();
  const served = new Set(rows.flatMap(storedNames).map(mediaUrl));
  return urls.filter((url) => !served.has(url));
}

/**
 * Replaces the recorded uses of one translation (locale set) or of the
 * shared fields (locale null) with `usages`. Call inside the save's
 * transaction. Unknown media ids make it throw (foreign key).
 */
export function setUsages(tx: Queryable, entity: EntityRef, usages: readonly UsageInput[]): void {
  tx.delete(mediaUsages)
    .where(
      and(
        eq(mediaUsages.entityType, entity.type),
        eq(mediaUsages.entityId, entity.id),
        entity.locale === null ? isNull(mediaUsages.locale) : eq(mediaUsages.locale, entity.locale),
      ),
    )
    .run();
  const unique = new Map(usages.map((u) => [`${u.mediaId}:${u.role}`, u]));
  if (unique.size === 0) return;
  tx.insert(mediaUsages)
    .values([...unique.values()].map((u) => ({ mediaId: u.mediaId, entityType: entity.type, entityId: entity.id, locale: entity.locale, role: u.role })))
    .run();
}

/** Every use of each of `mediaIds` (heroes and recorded uses), with the titles to name them by. */
export function usagesOf(db: Queryable, mediaIds: readonly number[]): Map<number, MediaUse[]> {
  const result = new Map<number, MediaUse[]>();
  if (mediaIds.length === 0) return result;
  const ids = [...mediaIds];
  type Raw = Omit<MediaUse, 'titles' | 'trashed'> & { mediaId: number };
  const raw: Raw[] = [
    ...db
      .select({ mediaId: mediaUsages.mediaId, entityType: mediaUsages.entityType, entityId: mediaUsages.entityId, locale: mediaUsages.locale, role: mediaUsages.role })
      .from(mediaUsages)
      .where(inArray(mediaUsages.mediaId, ids))
      .all(),
    ...db
      .select({ mediaId: newsItems.heroMediaId, entityId: newsItems.id })
      .from(newsItems)
      .where(inArray(newsItems.heroMediaId, ids))
      .all()
      .map((r) => ({ mediaId: r.mediaId!, entityType: 'news' as const, entityId: r.entityId, locale: null, role: 'hero' as const })),
    ...db
      .select({ mediaId: pages.heroMediaId, entityId: pages.id })
      .from(pages)
      .where(inArray(pages.heroMediaId, ids))
      .all()
      .map((r) => ({ mediaId: r.mediaId!, entityType: 'page' as const, entityId: r.entityId, locale: null, role: 'hero' as const })),
    ...db
      .select({ shareImageId: siteSettings.shareImageId, logoId: siteSettings.logoId, id: siteSettings.id })
      .from(siteSettings)
      .all()
      .flatMap((r) =>
        (['shareImage', 'logo'] as const)
          .map((role) => ({ mediaId: r[`${role}Id`], entityType: 'settings' as const, entityId: r.id, locale: null, role }))
          .filter((u): u is typeof u & { mediaId: number } => u.mediaId !== null && ids.includes(u.mediaId)),
      ),
  ];
  if (raw.length === 0) return result;

  const newsIds = [...new Set(raw.filter((r) => r.entityType === 'news').map((r) => r.entityId))];
  const pageIds = [...new Set(raw.filter((r) => r.entityType === 'page').map((r) => r.entityId))];
  const titles = new Map<string, Partial<Record<Locale, string>>>();
  const trashed = new Set<string>();
  if (newsIds.length > 0) {
    for (const t of db.select({ id: newsTranslations.newsItemId, locale: newsTranslations.locale, title: newsTranslations.title }).from(newsTranslations).where(inArray(newsTranslations.newsItemId, newsIds)).all()) {
      titles.set(`news:${t.id}`, { ...titles.get(`news:${t.id}`), [t.locale]: t.title });
    }
    for (const n of db.select({ id: newsItems.id, deletedAt: newsItems.deletedAt }).from(newsItems).where(inArray(newsItems.id, newsIds)).all()) {
      if (n.deletedAt) trashed.add(`news:${n.id}`);
    }
  }
  if (pageIds.length > 0) {
    for (const t of db.select({ id: pageTranslations.pageId, locale: pageTranslations.locale, title: pageTranslations.title }).from(pageTranslations).where(inArray(pageTranslations.pageId, pageIds)).all()) {
      titles.set(`page:${t.id}`, { ...titles.get(`page:${t.id}`), [t.locale]: t.title });
    }
    for (const p of db.select({ id: pages.id, deletedAt: pages.deletedAt }).from(pages).where(inArray(pages.id, pageIds)).all()) {
      if (p.deletedAt) trashed.add(`page:${p.id}`);
    }
  }
  const vacancyIds = [...new Set(raw.filter((r) => r.entityType === 'vacancy').map((r) => r.entityId))];
  if (vacancyIds.length > 0) {
    for (const t of db.select({ id: vacancyTranslations.vacancyId, locale: vacancyTranslations.locale, title: vacancyTranslations.title }).from(vacancyTranslations).where(inArray(vacancyTranslations.vacancyId, vacancyIds)).all()) {
      titles.set(`vacancy:${t.id}`, { ...titles.get(`vacancy:${t.id}`), [t.locale]: t.title });
    }
    for (const v of db.select({ id: vacancies.id, deletedAt: vacancies.deletedAt }).from(vacancies).where(inArray(vacancies.id, vacancyIds)).all()) {
      if (v.deletedAt) trashed.add(`vacancy:${v.id}`);
    }
  }
  for (const r of raw) {
    const key = `${r.entityType}:${r.entityId}`;
    const list = result.get(r.mediaId) ?? [];
    if (!list.some((u) => u.entityType === r.entityType && u.entityId === r.entityId && u.locale === r.locale && u.role === r.role)) {
      list.push({ entityType: r.entityType, entityId: r.entityId, locale: r.locale, role: r.role, titles: titles.get(key) ?? {}, trashed: trashed.has(key) });
    }
    result.set(r.mediaId, list);
  }
  return result;
}

/**
 * Of `mediaIds`, the images that cannot be published in `locale`: no alt
 * text in that language and not marked decorative (unknown or trashed ids
 * count as not publishable). For the editors' publish checks, with the hero
 * and usagesFromHtml(body).
 */
export function imagesWithoutAlt(db: Queryable, mediaIds: readonly number[], locale: Locale): number[] {
  if (mediaIds.length === 0) return [];
  const ids = [...new Set(mediaIds)];
  const rows = db
    .select({ id: media.id, kind: media.kind, deletedAt: media.deletedAt, alt: mediaTranslations.alt, decorative: mediaTranslations.decorative })
    .from(media)
    .leftJoin(mediaTranslations, and(eq(mediaTranslations.mediaId, media.id), eq(mediaTranslations.locale, locale)))
    .where(inArray(media.id, ids))
    .all();
  const ok = new Set(rows.filter((r) => !r.deletedAt && (r.kind === 'document' || r.decorative || (r.alt ?? '').trim() !== '')).map((r) => r.id));
  return ids.filter((id) => !ok.has(id));
}

/**
 * The languages, of those where an item is already live (`liveLocales`), in
 * which an image would be shown without alt text: choosing it as the main
 * image must wait until the library has the text (or marks it decorative).
 */
export function heroMissingAltWhereLive(db: Queryable, mediaId: number, liveLocales: readonly Locale[]): Locale[] {
  return liveLocales.filter((locale) => imagesWithoutAlt(db, [mediaId], locale).length > 0);
}

/** Whether a media id may be set as a hero image (an image, not in the trash). For the editors' save validation. */
export function heroImageStatus(db: Queryable, mediaId: number): 'ok' | 'notFound' | 'notImage' {
  const row = db.select({ kind: media.kind, deletedAt: media.deletedAt }).from(media).where(eq(media.id, mediaId)).get();
  if (!row || row.deletedAt) return 'notFound';
  return row.kind === 'image' ? 'ok' : 'notImage';
}
