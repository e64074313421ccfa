import { and, desc, eq, inArray, isNotNull, isNull, ne } from 'drizzle-orm';
import type { Locale } from '@/i18n/routing';
import { htmlToText } from '@/lib/html';
import { sanitizeRichText } from '@/lib/sanitize';
import { slugify } from '@/lib/slug';
import { recordAudit } from '../auth/audit-log';
import type { DB, Queryable, Tx } from '../client';
import { checkHeroImage, heroMissingAltWhereLive, imagesWithoutAlt, setUsages, unknownImagesIn, usagesFromHtml } from '../media/usages';
import { NEWS_KINDS, newsItems, newsItemThemes, newsTranslations, pages, type PublicationStatus, redirects, revisions, users } from '../schema';
import {
  articlePath,
  catchUpConfirmation,
  type ConfirmResult,
  type FieldErrors,
  type InvalidFields,
  isLive,
  isStale,
  LIMITS,
  localeRoot,
  moveAddress,
  newsListPath,
  nextPublication,
  publicationErrorField,
  type PublicationRequest,
  SLUG_PATTERN,
  textFingerprint,
} from './common';
import { describeRevisions, parseSnapshot, type RevisionChange, revisionSnapshotJson, snapshotOptionalText, snapshotSchema, snapshotText } from './revisions';

/**
 * Writing news, with nothing lost: every save carries the version it started
 * from and is refused (with the newer text) when someone saved in between;
 * every save is a revision; each language is published, scheduled or
 * unpublished on its own; a published address that changes leaves a
 * redirect; the other language learns it may be out of date; deleting moves
 * to a trash. No access check here — db/admin/news.ts checks the caller first.
 */

export type Actor = { userId: number; ip: string | null };

export type NewsFields = {
  title: string;
  /** Empty: made from the title. */
  slug: string;
  summary: string;
  body: string;
  dateline: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
};

const newsSnapshotSchema = snapshotSchema({
  title: snapshotText,
  slug: snapshotText,
  summary: snapshotText,
  body: snapshotText,
  dateline: snapshotOptionalText,
  seoTitle: snapshotOptionalText,
  seoDescription: snapshotOptionalText,
});

/** A translation as saved: what a revision keeps and what a stale save is shown. */
export type NewsSnapshot = NewsFields & { version: number; status: PublicationStatus; publishedAt: string | null };

export type NewsFieldErrors = FieldErrors<keyof NewsFields>;

export type SaveNewsResult =
  | { ok: true; itemId: number; version: number; status: PublicationStatus; publishedAt: Date | null; changedPaths: string[] }
  | { ok: false; error: 'stale'; current: NewsSnapshot }
  /** otherFieldErrors (and otherUnknownImages): on a first save, what is wrong with the other language's text (see createNewsItem). */
  | (InvalidFields<keyof NewsFields> & { otherFieldErrors?: NewsFieldErrors; otherUnknownImages?: string[] })
  | { ok: false; error: 'notFound' };

/** The public pages that show a live article: itself, the list and home. */
function livePaths(locale: Locale, slug: string): string[] {
  return [articlePath(locale, slug), newsListPath(locale), localeRoot(locale)];
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

/** Trims, sanitizes and checks the fields; a slug left empty is made from the title. */
export function cleanNewsFields(input: NewsFields): { fields: NewsFields; errors: NewsFieldErrors } {
  const title = input.title.trim();
  const fields: NewsFields = {
    title,
    slug: input.slug.trim() || slugify(title),
    summary: input.summary.trim(),
    body: sanitizeRichText(input.body),
    dateline: input.dateline?.trim() || null,
    seoTitle: input.seoTitle?.trim() || null,
    seoDescription: input.seoDescription?.trim() || null,
  };
  const errors: NewsFieldErrors = {};
  if (!fields.title) errors.title = 'required';
  else if (fields.title.length > LIMITS.title) errors.title = 'tooLong';
  // An address left empty is made from the title: without a title, only the title is missing.
  if (!fields.slug) {
    if (fields.title) errors.slug = 'required';
  } else if (fields.slug.length > LIMITS.slug) errors.slug = 'tooLong';
  else if (!SLUG_PATTERN.test(fields.slug)) errors.slug = 'slugInvalid';
  if (fields.summary.length > LIMITS.summary) errors.summary = 'tooLong';
  if (fields.body.length > LIMITS.body) errors.body = 'tooLong';
  if ((fields.dateline?.length ?? 0) > LIMITS.dateline) errors.dateline = 'tooLong';
  if ((fields.seoTitle?.length ?? 0) > LIMITS.seoTitle) errors.seoTitle = 'tooLong';
  if ((fields.seoDescription?.length ?? 0) > LIMITS.seoDescription) errors.seoDescription = 'tooLong';
  return { fields, errors };
}

function translationOf(q: Queryable, itemId: number, locale: Locale): Row | undefined {
  return q.select().from(newsTranslations).where(and(eq(newsTranslations.newsItemId, itemId), eq(newsTranslations.locale, locale))).get();
}

function writeRevision(tx: Tx, itemId: number, locale: Locale, actor: Actor, now: Date): void {
  const saved = translationOf(tx, itemId, locale)!;
  tx.insert(revisions)
    .values({ entityType: 'news', entityId: itemId, locale, version: saved.version, snapshot: JSON.stringify(snapshotOf(saved)), authorId: actor.userId, createdAt: now })
    .run();
}

/**
 * A translation whose current version has no revision (the seed import
 * writes none) gets one before it changes, so it can be restored and compared.
 */
function keepUnrecordedVersion(tx: Tx, row: Row): void {
  if (revisionSnapshotJson(tx, 'news', row.newsItemId, row.locale, row.version) === null) {
    tx.insert(revisions)
      .values({ entityType: 'news', entityId: row.newsItemId, locale: row.locale, version: row.version, snapshot: JSON.stringify(snapshotOf(row)), authorId: null, createdAt: row.updatedAt })
      .run();
  }
}

const AUDIT_FOR: Record<PublicationRequest['action'], string | null> = { keep: null, publish: 'news.publish', schedule: 'news.schedule', unpublish: 'news.unpublish' };

/**
 * Saves one language of a news item (creating the item when itemId is null),
 * and publishes, schedules or unpublishes it in the same step. All or nothing.
 */
export function saveNewsTranslation(db: DB, actor: Actor, input: SaveTranslationInput, now = new Date()): SaveNewsResult {
  return db.transaction((tx) => saveTranslationIn(tx, actor, input, now));
}

type SaveTranslationInput = { itemId: number | null; locale: Locale; baseVersion: number | null; fields: NewsFields; publication?: PublicationRequest; auditAction?: string };

function saveTranslationIn(tx: Tx, actor: Actor, input: SaveTranslationInput, now: Date): SaveNewsResult {
  const { fields, errors } = cleanNewsFields(input.fields);
  const publication = input.publication ?? { action: 'keep' };
  let itemId = input.itemId;
  if (itemId !== null) {
    const item = tx.select({ id: newsItems.id, deletedAt: newsItems.deletedAt }).from(newsItems).where(eq(newsItems.id, itemId)).get();
    if (!item || item.deletedAt) return { ok: false, error: 'notFound' };
  }
  const current = itemId === null ? undefined : translationOf(tx, itemId, input.locale);
  // Someone saved (or created this language) since the form was opened.
  if (current && current.version !== input.baseVersion) return { ok: false, error: 'stale', current: snapshotOf(current) };
  if (!current && input.baseVersion !== null) return { ok: false, error: 'notFound' };

  if (!errors.slug && fields.slug) {
    const clash = tx
      .select({ id: newsTranslations.id })
      .from(newsTranslations)
      .where(and(eq(newsTranslations.locale, input.locale), eq(newsTranslations.slug, fields.slug), current ? ne(newsTranslations.id, current.id) : undefined))
      .get();
    if (clash) errors.slug = 'slugTaken';
  }
  const next = nextPublication(current, publication, fields.body, now);
  if ('error' in next) errors[publicationErrorField(next.error)] = next.error;
  // The media files the text uses (images and PDFs), recorded with the save.
  const bodyUsages = usagesFromHtml(tx, fields.body);
  // Every image of the text is a file of the library, not in its trash, whatever the publication.
  const unknownImages = errors.body ? [] : unknownImagesIn(tx, fields.body);
  if (unknownImages.length > 0) errors.body = 'bodyImageUnknown';
  // An image is never live in a language without its alt text there (or a decorative mark).
  if (!('error' in next) && (next.status === 'published' || next.status === 'scheduled') && !errors.body) {
    const images = bodyUsages.map((u) => u.mediaId);
    if (imagesWithoutAlt(tx, images, input.locale).length > 0) errors.body = 'bodyImageNoAlt';
  }
  if ((publication.action === 'publish' || publication.action === 'schedule') && itemId !== null) {
    const hero = tx.select({ heroMediaId: newsItems.heroMediaId }).from(newsItems).where(eq(newsItems.id, itemId)).get()?.heroMediaId;
    if (hero && imagesWithoutAlt(tx, [hero], input.locale).length > 0) errors.hero = 'heroNoAlt';
  }
  if (Object.keys(errors).length > 0 || 'error' in next) {
    return { ok: false, error: 'invalid', fieldErrors: errors, ...(unknownImages.length > 0 ? { unknownImages } : {}) };
  }

  if (itemId === null) itemId = tx.insert(newsItems).values({ authorId: actor.userId, createdAt: now, updatedAt: now }).returning({ id: newsItems.id }).get().id;
  const other = tx.select().from(newsTranslations).where(and(eq(newsTranslations.newsItemId, itemId), ne(newsTranslations.locale, input.locale))).get();
  // Saving one language confirms it against the other's current text.
  const source = { sourceFingerprint: other ? textFingerprint(other) : null, sourceVersion: other?.version ?? null };
  const version = (current?.version ?? 0) + 1;
  const changed = new Set<string>();
  const wasLive = current ? isLive(current, now) : false;
  const willBeLive = isLive(next, now);
  if (wasLive) livePaths(input.locale, current!.slug).forEach((p) => changed.add(p));
  if (willBeLive) livePaths(input.locale, fields.slug).forEach((p) => changed.add(p));
  // The other language's page links to this one (switcher, hreflang).
  if ((wasLive || willBeLive) && other && isLive(other, now)) changed.add(articlePath(other.locale, other.slug));

  if (current) {
    keepUnrecordedVersion(tx, current);
    // The other language was never confirmed (seed import, or written before this one):
    // it matched this language's text as it was until now.
    if (other && other.sourceFingerprint === null) {
      tx.update(newsTranslations).set({ sourceFingerprint: textFingerprint(current), sourceVersion: current.version }).where(eq(newsTranslations.id, other.id)).run();
    }
    tx.update(newsTranslations).set({ ...fields, ...next, ...source, version, updatedAt: now }).where(eq(newsTranslations.id, current.id)).run();
    const caughtUp = catchUpConfirmation(current, other, fields, version);
    if (caughtUp && other) tx.update(newsTranslations).set(caughtUp).where(eq(newsTranslations.id, other.id)).run();
    if (wasLive && current.slug !== fields.slug) {
      const moved = moveAddress(tx, input.locale, articlePath(input.locale, current.slug), articlePath(input.locale, fields.slug));
      moved.forEach((p) => changed.add(p));
    }
  } else {
    tx.insert(newsTranslations).values({ newsItemId: itemId, locale: input.locale, ...fields, ...next, ...source, version, createdAt: now, updatedAt: now }).run();
  }
  tx.update(newsItems).set({ updatedAt: now }).where(eq(newsItems.id, itemId)).run();
  setUsages(tx, { type: 'news', id: itemId, locale: input.locale }, bodyUsages);
  writeRevision(tx, itemId, input.locale, actor, now);
  const details = { locale: input.locale, version, ...(publication.action === 'schedule' ? { at: publication.at.toISOString() } : {}) };
  recordAudit(tx, { userId: actor.userId, action: input.auditAction ?? (current ? 'news.save' : 'news.create'), entityType: 'news', entityId: itemId, details, ip: actor.ip });
  const published = AUDIT_FOR[publication.action];
  if (published) recordAudit(tx, { userId: actor.userId, action: published, entityType: 'news', entityId: itemId, details, ip: actor.ip });
  return { ok: true, itemId, version, status: next.status, publishedAt: next.publishedAt, changedPaths: [...changed] };
}

/** Whether anything was typed into a language's fields (an empty rich text field submits ''). */
export function hasNewsText(fields: NewsFields): boolean {
  const { body, ...rest } = fields;
  return Object.values(rest).some((v) => Boolean(v?.trim())) || Boolean(htmlToText(body).trim()) || /<img\b/i.test(body);
}

export type CreateNewsResult = SaveNewsResult | { ok: false; error: 'sharedInvalid' | 'heroNotFound' | 'heroNotImage' };

/** Carries a refused result out of a transaction, which is then rolled back. */
class Refusal extends Error {
  constructor(readonly result: CreateNewsResult) {
    super('refused');
  }
}

/**
 * The first save of a new article: the item with what both languages share
 * (kind, themes, main image), the language whose button was pressed (saved,
 * published or scheduled as asked) and, when text was typed in the other
 * language too, that language as a draft. All or nothing: when either
 * language's text is refused, nothing is written and the answer says what is
 * wrong with each, so no typed text is left behind unsaved.
 */
export function createNewsItem(
  db: DB,
  actor: Actor,
  input: { locale: Locale; fields: NewsFields; publication?: PublicationRequest; other: NewsFields | null; shared: SharedNewsFields },
  now = new Date(),
): CreateNewsResult {
  if (!NEWS_KINDS.includes(input.shared.kind)) return { ok: false, error: 'sharedInvalid' };
  const themes = [...new Set(input.shared.themes)];
  try {
    return db.transaction((tx): CreateNewsResult => {
      const refused = sharedRefusal(tx, themes, input.shared.heroMediaId, null);
      if (refused) return { ok: false, error: refused === 'invalid' ? 'sharedInvalid' : refused };
      const itemId = tx
        .insert(newsItems)
        .values({ authorId: actor.userId, kind: input.shared.kind, heroMediaId: input.shared.heroMediaId, createdAt: now, updatedAt: now })
        .returning({ id: newsItems.id })
        .get().id;
      if (themes.length > 0) tx.insert(newsItemThemes).values(themes.map((pageId) => ({ newsItemId: itemId, pageId }))).run();
      const first = saveTranslationIn(tx, actor, { itemId, locale: input.locale, baseVersion: null, fields: input.fields, publication: input.publication }, now);
      const otherLocale: Locale = input.locale === 'en' ? 'sq' : 'en';
      const second = input.other && hasNewsText(input.other) ? saveTranslationIn(tx, actor, { itemId, locale: otherLocale, baseVersion: null, fields: input.other }, now) : null;
      if (first.ok && (second === null || second.ok)) return first;
      if (!first.ok && first.error !== 'invalid') throw new Refusal(first);
      const otherRefused = second && !second.ok && second.error === 'invalid' ? second : null;
      throw new Refusal({
        ok: false,
        error: 'invalid',
        fieldErrors: first.ok ? {} : first.fieldErrors,
        ...(!first.ok && first.unknownImages ? { unknownImages: first.unknownImages } : {}),
        otherFieldErrors: otherRefused?.fieldErrors ?? {},
        ...(otherRefused?.unknownImages ? { otherUnknownImages: otherRefused.unknownImages } : {}),
      });
    });
  } catch (error) {
    if (error instanceof Refusal) return error.result;
    throw error;
  }
}

/** The public paths where an item is live now (for revalidation when it leaves or returns). */
function liveItemPaths(q: Queryable, itemId: number, now: Date): string[] {
  const rows = q.select().from(newsTranslations).where(eq(newsTranslations.newsItemId, itemId)).all();
  return rows.filter((r) => isLive(r, now)).flatMap((r) => livePaths(r.locale, r.slug));
}

export type SharedNewsFields = {
  kind: (typeof NEWS_KINDS)[number];
  themes: number[];
  /** The main image (an image of the media library, not in the trash), or null. */
  heroMediaId: number | null;
};

export type SaveSharedResult =
  | { ok: true; version: number; changedPaths: string[] }
  | { ok: false; error: 'stale'; current: SharedNewsFields & { version: number } }
  /** heroNotFound: the chosen image is unknown or in the trash; heroNotImage: it is a document. */
  | { ok: false; error: 'notFound' | 'invalid' | 'heroNotFound' | 'heroNotImage' }
  /** The image lacks alt text in languages where the article is already published or scheduled. */
  | { ok: false; error: 'heroNoAltLive'; locales: Locale[] };

function sharedOf(q: Queryable, itemId: number): (SharedNewsFields & { version: number }) | undefined {
  const item = q.select().from(newsItems).where(eq(newsItems.id, itemId)).get();
  if (!item) return undefined;
  const themes = q.select({ id: newsItemThemes.pageId }).from(newsItemThemes).where(eq(newsItemThemes.newsItemId, itemId)).all().map((t) => t.id);
  return { kind: item.kind, themes: themes.sort((a, b) => a - b), heroMediaId: item.heroMediaId, version: item.version };
}

/**
 * What is wrong with the shared fields, if anything: a theme that is not a
 * page, or a main image that is not an image in the library. The image
 * already set (`currentHero`) stays acceptable as it is.
 */
function sharedRefusal(tx: Tx, themes: number[], hero: number | null, currentHero: number | null): 'invalid' | 'heroNotFound' | 'heroNotImage' | null {
  if (themes.length > 0) {
    const known = tx.select({ id: pages.id }).from(pages).where(and(inArray(pages.id, themes), eq(pages.kind, 'page'))).all();
    if (known.length !== themes.length) return 'invalid';
  }
  if (hero === null || hero === currentHero) return null;
  const check = checkHeroImage(tx, hero);
  return check === 'ok' ? null : check === 'notFound' ? 'heroNotFound' : 'heroNotImage';
}

/** Saves what both languages share: the kind, the themes (Our Work pages) and the main image. */
export function saveSharedNewsFields(db: DB, actor: Actor, input: { itemId: number; baseVersion: number; shared: SharedNewsFields }, now = new Date()): SaveSharedResult {
  if (!NEWS_KINDS.includes(input.shared.kind)) return { ok: false, error: 'invalid' };
  const themes = [...new Set(input.shared.themes)];
  return db.transaction((tx): SaveSharedResult => {
    const item = tx.select().from(newsItems).where(eq(newsItems.id, input.itemId)).get();
    if (!item || item.deletedAt) return { ok: false, error: 'notFound' };
    if (item.version !== input.baseVersion) return { ok: false, error: 'stale', current: sharedOf(tx, input.itemId)! };
    const hero = input.shared.heroMediaId;
    const refused = sharedRefusal(tx, themes, hero, item.heroMediaId);
    if (refused) return { ok: false, error: refused };
    if (hero !== null && hero !== item.heroMediaId) {
      const live = tx
        .select({ locale: newsTranslations.locale })
        .from(newsTranslations)
        .where(and(eq(newsTranslations.newsItemId, input.itemId), inArray(newsTranslations.status, ['published', 'scheduled'])))
        .all()
        .map((t) => t.locale);
      const missing = heroMissingAltWhereLive(tx, hero, live);
      if (missing.length > 0) return { ok: false, error: 'heroNoAltLive', locales: missing };
    }
    const version = item.version + 1;
    tx.update(newsItems).set({ kind: input.shared.kind, heroMediaId: hero, version, updatedAt: now }).where(eq(newsItems.id, input.itemId)).run();
    tx.delete(newsItemThemes).where(eq(newsItemThemes.newsItemId, input.itemId)).run();
    if (themes.length > 0) tx.insert(newsItemThemes).values(themes.map((pageId) => ({ newsItemId: input.itemId, pageId }))).run();
    recordAudit(tx, { userId: actor.userId, action: 'news.update_item', entityType: 'news', entityId: input.itemId, details: { kind: input.shared.kind, themes: themes.join(','), hero: hero ?? 'none', version }, ip: actor.ip });
    return { ok: true, version, changedPaths: liveItemPaths(tx, input.itemId, now) };
  });
}

/** A person confirms one language is still right against the other's current text. */
export function confirmTranslation(db: DB, actor: Actor, itemId: number, locale: Locale): ConfirmResult {
  return db.transaction((tx): ConfirmResult => {
    const other = tx.select().from(newsTranslations).where(and(eq(newsTranslations.newsItemId, itemId), ne(newsTranslations.locale, locale))).get();
    if (!other) return { ok: false, error: 'notFound' };
    const result = tx
      .update(newsTranslations)
      .set({ sourceFingerprint: textFingerprint(other), sourceVersion: other.version })
      .where(and(eq(newsTranslations.newsItemId, itemId), eq(newsTranslations.locale, locale)))
      .run();
    if (result.changes !== 1) return { ok: false, error: 'notFound' };
    recordAudit(tx, { userId: actor.userId, action: 'news.confirm_translation', entityType: 'news', entityId: itemId, details: { locale }, ip: actor.ip });
    return { ok: true };
  });
}

/** Per language of an item: whether it exists, its version and status, and whether it may be out of date. */
export function translationStates(db: Queryable, itemId: number) {
  const rows = db.select().from(newsTranslations).where(eq(newsTranslations.newsItemId, itemId)).all();
  return rows.map((row) => {
    const other = rows.find((r) => r.locale !== row.locale);
    return { locale: row.locale, version: row.version, status: row.status, stale: isStale(row, other) };
  });
}

export type EditorTranslation = Omit<Row, 'publishedAt' | 'updatedAt' | 'createdAt'> & {
  publishedAt: Date | null;
  updatedAt: Date;
  stale: boolean;
  /** For a stale translation: the other language's text when this one was last confirmed (null if not on record). */
  sourceBefore: NewsSnapshot | null;
};

export type NewsForEditor = {
  id: number;
  kind: (typeof NEWS_KINDS)[number];
  version: number;
  themes: number[];
  heroMediaId: number | null;
  authorName: string | null;
  createdAt: Date;
  deletedAt: Date | null;
  translations: Partial<Record<Locale, EditorTranslation>>;
};

function revisionSnapshot(q: Queryable, itemId: number, locale: Locale, version: number): NewsSnapshot | null {
  const json = revisionSnapshotJson(q, 'news', itemId, locale, version);
  return json ? parseSnapshot(newsSnapshotSchema, json) : null;
}

export function getNewsForEditor(db: Queryable, itemId: number): NewsForEditor | null {
  const item = db
    .select({ item: newsItems, authorName: users.name })
    .from(newsItems)
    .leftJoin(users, eq(users.id, newsItems.authorId))
    .where(eq(newsItems.id, itemId))
    .get();
  if (!item) return null;
  const rows = db.select().from(newsTranslations).where(eq(newsTranslations.newsItemId, itemId)).all();
  const translations: NewsForEditor['translations'] = {};
  for (const row of rows) {
    const other = rows.find((r) => r.locale !== row.locale);
    const stale = isStale(row, other);
    translations[row.locale] = {
      ...row,
      stale,
      sourceBefore: stale && other && row.sourceVersion !== null ? revisionSnapshot(db, itemId, other.locale, row.sourceVersion) : null,
    };
  }
  return {
    id: item.item.id,
    kind: item.item.kind,
    version: item.item.version,
    themes: sharedOf(db, itemId)!.themes,
    heroMediaId: item.item.heroMediaId,
    authorName: item.authorName,
    createdAt: item.item.createdAt,
    deletedAt: item.item.deletedAt,
    translations,
  };
}

export type RevisionSummary = { id: number; version: number; createdAt: Date; authorName: string | null };

const NEWS_TEXT_FIELDS: readonly (keyof NewsFields)[] = ['title', 'slug', 'summary', 'body', 'dateline', 'seoTitle', 'seoDescription'];

/** The revisions of one language of an article, newest first, each with what it did (see describeRevisions). */
export function listNewsRevisions(db: Queryable, itemId: number, locale: Locale): (RevisionSummary & { changes: RevisionChange[] })[] {
  const rows = db
    .select({ id: revisions.id, version: revisions.version, createdAt: revisions.createdAt, authorName: users.name, snapshot: revisions.snapshot })
    .from(revisions)
    .leftJoin(users, eq(users.id, revisions.authorId))
    .where(and(eq(revisions.entityType, 'news'), eq(revisions.entityId, itemId), eq(revisions.locale, locale)))
    .orderBy(desc(revisions.version))
    .all();
  return describeRevisions(
    rows.map((r) => ({ ...r, snapshot: parseSnapshot(newsSnapshotSchema, r.snapshot) })),
    NEWS_TEXT_FIELDS,
    'slug',
  );
}

export function getNewsRevision(db: Queryable, itemId: number, revisionId: number): (RevisionSummary & { locale: Locale; snapshot: NewsSnapshot }) | null {
  const row = db
    .select({ id: revisions.id, version: revisions.version, createdAt: revisions.createdAt, authorName: users.name, locale: revisions.locale, snapshot: revisions.snapshot })
    .from(revisions)
    .leftJoin(users, eq(users.id, revisions.authorId))
    .where(and(eq(revisions.id, revisionId), eq(revisions.entityType, 'news'), eq(revisions.entityId, itemId)))
    .get();
  return row ? { ...row, snapshot: parseSnapshot(newsSnapshotSchema, row.snapshot) } : null;
}

/** Brings back an earlier text as a new revision; the publication status stays as it is now. */
export function restoreNewsRevision(db: DB, actor: Actor, input: { itemId: number; revisionId: number; baseVersion: number }, now = new Date()): SaveNewsResult {
  const revision = getNewsRevision(db, input.itemId, input.revisionId);
  if (!revision) return { ok: false, error: 'notFound' };
  const s = revision.snapshot;
  return saveNewsTranslation(
    db,
    actor,
    {
      itemId: input.itemId,
      locale: revision.locale,
      baseVersion: input.baseVersion,
      fields: { title: s.title, slug: s.slug, summary: s.summary, body: s.body, dateline: s.dateline, seoTitle: s.seoTitle, seoDescription: s.seoDescription },
      auditAction: 'news.restore_revision',
    },
    now,
  );
}

export type TrashResult = { ok: true; changedPaths: string[] } | { ok: false; error: 'notFound' };

/** Moves an item to the trash: it leaves the public site at once, and nothing is deleted. */
export function trashNews(db: DB, actor: Actor, itemId: number, now = new Date()): TrashResult {
  return db.transaction((tx): TrashResult => {
    const result = tx.update(newsItems).set({ deletedAt: now }).where(and(eq(newsItems.id, itemId), isNull(newsItems.deletedAt))).run();
    if (result.changes !== 1) return { ok: false, error: 'notFound' };
    recordAudit(tx, { userId: actor.userId, action: 'news.trash', entityType: 'news', entityId: itemId, ip: actor.ip });
    return { ok: true, changedPaths: liveItemPaths(tx, itemId, now) };
  });
}

export function restoreNews(db: DB, actor: Actor, itemId: number, now = new Date()): TrashResult {
  return db.transaction((tx): TrashResult => {
    const result = tx.update(newsItems).set({ deletedAt: null, updatedAt: now }).where(and(eq(newsItems.id, itemId), isNotNull(newsItems.deletedAt))).run();
    if (result.changes !== 1) return { ok: false, error: 'notFound' };
    recordAudit(tx, { userId: actor.userId, action: 'news.restore', entityType: 'news', entityId: itemId, ip: actor.ip });
    return { ok: true, changedPaths: liveItemPaths(tx, itemId, now) };
  });
}

export type TrashedNews = { id: number; deletedAt: Date; titles: Partial<Record<Locale, string>> };

export function listNewsTrash(db: Queryable): TrashedNews[] {
  const items = db.select({ id: newsItems.id, deletedAt: newsItems.deletedAt }).from(newsItems).where(isNotNull(newsItems.deletedAt)).orderBy(desc(newsItems.deletedAt)).all();
  if (items.length === 0) return [];
  const rows = db
    .select({ itemId: newsTranslations.newsItemId, locale: newsTranslations.locale, title: newsTranslations.title })
    .from(newsTranslations)
    .where(inArray(newsTranslations.newsItemId, items.map((i) => i.id)))
    .all();
  return items.map((i) => ({
    id: i.id,
    deletedAt: i.deletedAt!,
    titles: Object.fromEntries(rows.filter((r) => r.itemId === i.id).map((r) => [r.locale, r.title])),
  }));
}

/** Deletes trashed items for good, with their revisions (admins only, at the caller). */
export function deleteNewsForever(db: DB, actor: Actor, itemIds: number[] | 'all'): number {
  return db.transaction((tx) => {
    const trashed = tx.select({ id: newsItems.id }).from(newsItems).where(isNotNull(newsItems.deletedAt)).all().map((r) => r.id);
    const ids = itemIds === 'all' ? trashed : itemIds.filter((id) => trashed.includes(id));
    if (ids.length === 0) return 0;
    tx.delete(revisions).where(and(eq(revisions.entityType, 'news'), inArray(revisions.entityId, ids))).run();
    // Old addresses that led to these articles would now lead nowhere.
    for (const t of tx.select().from(newsTranslations).where(inArray(newsTranslations.newsItemId, ids)).all()) {
      tx.delete(redirects).where(and(eq(redirects.locale, t.locale), eq(redirects.toPath, articlePath(t.locale, t.slug)))).run();
    }
    tx.delete(newsItems).where(inArray(newsItems.id, ids)).run();
    for (const id of ids) recordAudit(tx, { userId: actor.userId, action: 'news.delete_forever', entityType: 'news', entityId: id, ip: actor.ip });
    return ids.length;
  });
}
