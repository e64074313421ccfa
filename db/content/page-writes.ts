import { and, desc, eq, isNull, ne } from 'drizzle-orm';
import { z } from 'zod';
import { type Locale, otherLocale } from '@/i18n/routing';
import { htmlToText } from '@/lib/html';
import { sanitizeRichText } from '@/lib/sanitize';
import { slugify } from '@/lib/slug';
import { recordAudit } from '../auth/audit-log';
import type { DB, Queryable, Tx } from '../client';
import { imagesWithoutAlt, setUsages, unknownImagesIn, usagesFromHtml } from '../media/usages';
import { pages, pageTranslations, type PublicationStatus, revisions, users } from '../schema';
import {
  catchUpConfirmation,
  type ConfirmResult,
  type FieldErrors,
  type InvalidFields,
  isLive,
  isStale,
  LIMITS,
  localeRoot,
  moveAddress,
  nextPublication,
  type PublicationError,
  publicationErrorField,
  type PublicationRequest,
  textFingerprint,
} from './common';
import { normalizePagePath, pagePathProblem, pagePublicPath } from './page-paths';
import { describeRevisions, parseSnapshot, type RevisionChange, revisionSnapshotJson, snapshotOptionalText, snapshotSchema, snapshotText } from './revisions';

/**
 * Saving one language of a page, with nothing lost — the same rules as news
 * (news-writes.ts): every save carries the version it started from and is
 * refused with the newer text when someone saved in between; every save is a
 * revision; a live address that changes leaves a 301; saving one language
 * confirms it against the other, which may then be marked out of date.
 * Each language is published on its own.
 *
 * No access check here — the db/admin layer checks the caller first.
 *
 * Audit actions written here (entityType 'page', entityId = pages.id):
 * - 'page.create_translation'  first save of a language (publication unchanged: a draft)
 * - 'page.save'                a later save that leaves the publication as it was
 * - 'page.publish' / 'page.schedule' / 'page.unpublish'
 *                              a save (first or later) whose status or publication time changed
 * - 'page.restore_revision'    a save made by restorePageRevision
 * - 'page.confirm_translation' confirmPageTranslation
 */

export type Actor = { userId: number; ip: string | null };

export type PageFields = {
  title: string;
  /** Shorter title for the menu; null falls back to the title. */
  menuTitle: string | null;
  /** Address below the locale root ('who-we-are'); empty: made from the title; always null for external links. */
  path: string | null;
  summary: string;
  /** Rich text, sanitized on save; always '' for external links. */
  body: string;
  seoTitle: string | null;
  seoDescription: string | null;
};

/** A translation as saved: what a revision keeps and what a stale save is shown. */
export type PageSnapshot = PageFields & {
  version: number;
  status: PublicationStatus;
  /** ISO 8601, UTC. */
  publishedAt: string | null;
  isPlaceholder: boolean;
};

/**
 * What the caller must revalidate after a write: `changedPaths` are public
 * addresses ('/who-we-are', '/sq/kush-jemi', '/' or '/sq'); `menuChanged`
 * means the menu (in every page's layout) shows something else now, so the
 * whole layout must be revalidated.
 */
export type PageChange = { changedPaths: string[]; menuChanged: boolean };

/**
 * Every field refused at once (see InvalidFields). fieldErrors.path is
 * 'pathTaken' when another page has this path in this language, or
 * 'pathTakenTrash' when that page is in the trash (it keeps its addresses);
 * fieldErrors.body is 'emptyBody' also when a live page's body would be saved empty.
 */
export type PageFieldErrors = FieldErrors<keyof PageFields>;

export type SavePageResult =
  | ({ ok: true; pageId: number; version: number; status: PublicationStatus; publishedAt: Date | null } & PageChange)
  | { ok: false; error: 'notFound' }
  | { ok: false; error: 'stale'; current: PageSnapshot }
  | InvalidFields<keyof PageFields>;

export type SavePageInput = {
  pageId: number;
  locale: Locale;
  /** The version the form was opened at; null when this language does not exist yet. */
  baseVersion: number | null;
  fields: PageFields;
  publication: PublicationRequest;
};

type PageRow = typeof pages.$inferSelect;
type TranslationRow = typeof pageTranslations.$inferSelect;

export function pageSnapshotOf(row: Pick<TranslationRow, keyof PageFields | 'version' | 'status' | 'publishedAt' | 'isPlaceholder'>): PageSnapshot {
  return {
    title: row.title,
    menuTitle: row.menuTitle,
    path: row.path,
    summary: row.summary,
    body: row.body,
    seoTitle: row.seoTitle,
    seoDescription: row.seoDescription,
    version: row.version,
    status: row.status,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    isPlaceholder: row.isPlaceholder,
  };
}

const pageSnapshotSchema = snapshotSchema({
  title: snapshotText,
  menuTitle: snapshotOptionalText,
  path: snapshotOptionalText,
  summary: snapshotText,
  body: snapshotText,
  seoTitle: snapshotOptionalText,
  seoDescription: snapshotOptionalText,
  isPlaceholder: z.boolean().catch(false),
});

/** Reads a stored snapshot; revisions written before a field existed get its empty value. */
export function parsePageSnapshot(json: string): PageSnapshot {
  return parseSnapshot(pageSnapshotSchema, json);
}

/** The page if it exists and is not in the trash. */
export function findLivePageRow(db: Queryable, pageId: number): PageRow | undefined {
  return db.select().from(pages).where(and(eq(pages.id, pageId), isNull(pages.deletedAt))).get();
}

/** The public address of a translation when the public can see it now, else null (external links have none). */
export function livePublicPath(page: Pick<PageRow, 'kind'>, t: TranslationRow, now: Date): string | null {
  return page.kind === 'page' && t.path && isLive(t, now) ? pagePublicPath(t.locale, t.path) : null;
}

/**
 * The public addresses that show a page in one language when it is live:
 * its own, its parent's (which lists its children) and the locale root.
 */
export function addressesShowing(db: Queryable, page: PageRow, locale: Locale, now: Date): string[] {
  const out: string[] = [];
  const own = db.select().from(pageTranslations).where(and(eq(pageTranslations.pageId, page.id), eq(pageTranslations.locale, locale))).get();
  const ownPath = own ? livePublicPath(page, own, now) : null;
  if (ownPath) out.push(ownPath);
  out.push(...parentAddress(db, page.parentId, locale, now));
  out.push(localeRoot(locale));
  return out;
}

/** The parent's live public address in a language, as a list of zero or one. */
export function parentAddress(db: Queryable, parentId: number | null, locale: Locale, now: Date): string[] {
  if (parentId === null) return [];
  const parent = findLivePageRow(db, parentId);
  if (!parent) return [];
  const t = db.select().from(pageTranslations).where(and(eq(pageTranslations.pageId, parentId), eq(pageTranslations.locale, locale))).get();
  const path = t ? livePublicPath(parent, t, now) : null;
  return path ? [path] : [];
}

function menuLabel(t: { title: string; menuTitle: string | null }): string {
  return t.menuTitle || t.title;
}

/** Trims, sanitizes and checks the fields of one language (no database); a path left empty is made from the title. */
export function preparePageFields(kind: PageRow['kind'], locale: Locale, input: PageFields): { fields: PageFields; errors: PageFieldErrors } {
  const title = input.title.trim();
  const fields: PageFields = {
    title,
    menuTitle: input.menuTitle?.trim() || null,
    path: kind === 'page' ? normalizePagePath(input.path ?? '') || slugify(title) : null,
    summary: input.summary.trim(),
    body: kind === 'page' ? sanitizeRichText(input.body) : '',
    seoTitle: input.seoTitle?.trim() || null,
    seoDescription: input.seoDescription?.trim() || null,
  };
  const errors: PageFieldErrors = {};
  if (!fields.title) errors.title = 'required';
  const limits: [keyof PageFields, number][] = [
    ['title', LIMITS.title],
    ['menuTitle', LIMITS.title],
    ['summary', LIMITS.summary],
    ['body', LIMITS.body],
    ['seoTitle', LIMITS.seoTitle],
    ['seoDescription', LIMITS.seoDescription],
  ];
  for (const [field, max] of limits) {
    if ((fields[field]?.length ?? 0) > max) errors[field] = 'tooLong';
  }
  // An address left empty is made from the title: without a title, only the title is missing.
  const problem = fields.path === null ? null : pagePathProblem(locale, fields.path);
  if (problem === 'pathRequired') {
    if (fields.title) errors.path = 'required';
  } else if (problem) errors.path = problem;
  return { fields, errors };
}

/**
 * Keeps the text a translation had before its first recorded save (the seed
 * import writes no revisions), so it can be restored and diffed against.
 */
function keepUnrecordedVersion(tx: Tx, row: TranslationRow): void {
  if (revisionSnapshotJson(tx, 'page', row.pageId, row.locale, row.version) !== null) return;
  tx.insert(revisions)
    .values({
      entityType: 'page',
      entityId: row.pageId,
      locale: row.locale,
      version: row.version,
      snapshot: JSON.stringify(pageSnapshotOf(row)),
      authorId: null,
      createdAt: row.updatedAt,
    })
    .run();
}

const PUBLICATION_ACTIONS: Partial<Record<PublicationStatus, string>> = {
  published: 'page.publish',
  scheduled: 'page.schedule',
  unpublished: 'page.unpublish',
};

type SaveOptions = {
  /** Audit action when the publication did not change (default: page.save / page.create_translation). */
  action?: string;
  details?: Record<string, string | number | boolean | null>;
  /** What isPlaceholder becomes (default false: a person wrote it). */
  isPlaceholder?: boolean;
};

function saveInTx(tx: Tx, actor: Actor, input: SavePageInput, now: Date, options: SaveOptions = {}): SavePageResult {
  const page = findLivePageRow(tx, input.pageId);
  if (!page) return { ok: false, error: 'notFound' };
  const rows = tx.select().from(pageTranslations).where(eq(pageTranslations.pageId, page.id)).all();
  const current = rows.find((r) => r.locale === input.locale);
  const other = rows.find((r) => r.locale !== input.locale);
  // Someone saved (or created this language) since the form was opened.
  if (current && current.version !== input.baseVersion) return { ok: false, error: 'stale', current: pageSnapshotOf(current) };
  if (!current && input.baseVersion !== null) return { ok: false, error: 'notFound' };

  const { fields, errors } = preparePageFields(page.kind, input.locale, input.fields);

  if (fields.path !== null && !errors.path) {
    const clash = tx
      .select({ pageId: pageTranslations.pageId, deletedAt: pages.deletedAt })
      .from(pageTranslations)
      .innerJoin(pages, eq(pages.id, pageTranslations.pageId))
      .where(and(eq(pageTranslations.locale, input.locale), eq(pageTranslations.path, fields.path), ne(pageTranslations.pageId, page.id)))
      .get();
    if (clash) errors.path = clash.deletedAt === null ? 'pathTaken' : 'pathTakenTrash';
  }

  // What a reader would see of the body ('<h2> </h2>' is empty); an external
  // link has no body, so its title stands in for the publication check.
  const visibleText = page.kind === 'link' ? fields.title : htmlToText(fields.body);
  const publication = nextPublication(current, input.publication, visibleText, now);
  if ('error' in publication) errors[publicationErrorField(publication.error)] = publication.error;
  const goesLive = !('error' in publication) && (publication.status === 'published' || publication.status === 'scheduled');
  // Every image of the text is a file of the library, not in its trash, whatever the publication.
  const unknownImages = errors.body ? [] : unknownImagesIn(tx, fields.body);
  if (unknownImages.length > 0) errors.body = 'bodyImageUnknown';
  // The media files the text uses (images and PDFs), recorded with the save.
  const bodyUsages = usagesFromHtml(tx, fields.body);
  // An image is never live in a language without its alt text there (or a decorative mark).
  if (goesLive && !errors.body && imagesWithoutAlt(tx, bodyUsages.map((u) => u.mediaId), input.locale).length > 0) errors.body = 'bodyImageNoAlt';
  if ((input.publication.action === 'publish' || input.publication.action === 'schedule') && page.heroMediaId) {
    if (imagesWithoutAlt(tx, [page.heroMediaId], input.locale).length > 0) errors.hero = 'heroNoAlt';
  }
  if (goesLive && !visibleText && !errors.body) errors.body = 'emptyBody';
  if (Object.keys(errors).length > 0 || 'error' in publication) {
    return { ok: false, error: 'invalid', fieldErrors: errors, ...(unknownImages.length > 0 ? { unknownImages } : {}) };
  }
  const { status, publishedAt } = publication;

  if (current) {
    keepUnrecordedVersion(tx, current);
    // The other language was never confirmed (seed import, or written first):
    // it matched this language's text as it was until now.
    if (other && other.sourceFingerprint === null) {
      tx.update(pageTranslations).set({ sourceFingerprint: textFingerprint(current), sourceVersion: current.version }).where(eq(pageTranslations.id, other.id)).run();
    }
  }

  // Saving one language confirms it against the other's current text.
  const version = (current?.version ?? 0) + 1;
  const values = {
    ...fields,
    status,
    publishedAt,
    isPlaceholder: options.isPlaceholder ?? false,
    sourceFingerprint: other ? textFingerprint(other) : null,
    sourceVersion: other?.version ?? null,
    version,
    updatedAt: now,
  };
  if (current) {
    tx.update(pageTranslations).set(values).where(eq(pageTranslations.id, current.id)).run();
    const caughtUp = catchUpConfirmation(current, other, fields, version);
    if (caughtUp && other) tx.update(pageTranslations).set(caughtUp).where(eq(pageTranslations.id, other.id)).run();
  } else {
    tx.insert(pageTranslations).values({ pageId: page.id, locale: input.locale, ...values, createdAt: now }).run();
  }
  tx.update(pages).set({ updatedAt: now }).where(eq(pages.id, page.id)).run();
  setUsages(tx, { type: 'page', id: page.id, locale: input.locale }, bodyUsages);

  // A live address that changes keeps working: 301 from the old one (and every redirect that led to it).
  const wasLive = current ? isLive(current, now) : false;
  const nowLive = isLive({ status, publishedAt }, now);
  const pathChanged = (current?.path ?? null) !== fields.path;
  const movedFrom =
    current && wasLive && pathChanged && current.path && fields.path
      ? moveAddress(tx, input.locale, pagePublicPath(input.locale, current.path), pagePublicPath(input.locale, fields.path))
      : [];

  const snapshot = pageSnapshotOf({ ...values });
  tx.insert(revisions)
    .values({ entityType: 'page', entityId: page.id, locale: input.locale, version, snapshot: JSON.stringify(snapshot), authorId: actor.userId, createdAt: now })
    .run();

  const publicationChanged = current
    ? current.status !== status || (current.publishedAt?.getTime() ?? null) !== (publishedAt?.getTime() ?? null)
    : status !== 'draft';
  const action =
    (publicationChanged && PUBLICATION_ACTIONS[status]) || options.action || (current ? 'page.save' : 'page.create_translation');
  recordAudit(tx, {
    userId: actor.userId,
    action,
    entityType: 'page',
    entityId: page.id,
    details: { locale: input.locale, version, status, ...(current ? {} : { created: true }), ...options.details },
    ip: actor.ip,
  });

  const changed = new Set<string>(movedFrom);
  if (wasLive || nowLive) {
    if (page.kind === 'page') {
      if (wasLive && current?.path) changed.add(pagePublicPath(input.locale, current.path));
      if (nowLive && fields.path) changed.add(pagePublicPath(input.locale, fields.path));
    }
    for (const p of parentAddress(tx, page.parentId, input.locale, now)) changed.add(p);
    changed.add(localeRoot(input.locale));
    // The other language's page links here (language switch, hreflang).
    if (pathChanged || wasLive !== nowLive) {
      const otherPath = other ? livePublicPath(page, other, now) : null;
      if (otherPath) changed.add(otherPath);
    }
  }
  const menuChanged =
    wasLive !== nowLive || (nowLive && current !== undefined && (menuLabel(current) !== menuLabel(fields) || pathChanged));

  return { ok: true, pageId: page.id, version, status, publishedAt, changedPaths: [...changed], menuChanged };
}

/** Saves one language of a page (creating that language on its first save), in one transaction. */
export function savePageTranslation(db: DB, actor: Actor, input: SavePageInput, now = new Date()): SavePageResult {
  return db.transaction((tx) => saveInTx(tx, actor, input, now));
}

/**
 * Brings back the text of an earlier revision as a new save (a new version
 * and revision; nothing is overwritten). The publication stays as it is now;
 * the path is restored too, under the same rules as any save. Whether the
 * text is a placeholder comes back with it.
 */
export function restorePageRevision(
  db: DB,
  actor: Actor,
  input: { pageId: number; locale: Locale; revisionId: number; baseVersion: number | null },
  now = new Date(),
): SavePageResult {
  return db.transaction((tx) => {
    const revision = tx
      .select()
      .from(revisions)
      .where(
        and(eq(revisions.id, input.revisionId), eq(revisions.entityType, 'page'), eq(revisions.entityId, input.pageId), eq(revisions.locale, input.locale)),
      )
      .get();
    if (!revision) return { ok: false, error: 'notFound' } as const;
    const s = parsePageSnapshot(revision.snapshot);
    const fields: PageFields = {
      title: s.title,
      menuTitle: s.menuTitle,
      path: s.path,
      summary: s.summary,
      body: s.body,
      seoTitle: s.seoTitle,
      seoDescription: s.seoDescription,
    };
    return saveInTx(
      tx,
      actor,
      { pageId: input.pageId, locale: input.locale, baseVersion: input.baseVersion, fields, publication: { action: 'keep' } },
      now,
      { action: 'page.restore_revision', details: { revisionId: revision.id, restoredVersion: revision.version }, isPlaceholder: s.isPlaceholder },
    );
  });
}

/** A person confirms one language is still right against the other's current text. */
export function confirmPageTranslation(db: DB, actor: Actor, pageId: number, locale: Locale): ConfirmResult {
  return db.transaction((tx): ConfirmResult => {
    if (!findLivePageRow(tx, pageId)) return { ok: false, error: 'notFound' };
    const rows = tx.select().from(pageTranslations).where(eq(pageTranslations.pageId, pageId)).all();
    const row = rows.find((r) => r.locale === locale);
    const other = rows.find((r) => r.locale !== locale);
    if (!row || !other) return { ok: false, error: 'notFound' };
    tx.update(pageTranslations).set({ sourceFingerprint: textFingerprint(other), sourceVersion: other.version }).where(eq(pageTranslations.id, row.id)).run();
    recordAudit(tx, {
      userId: actor.userId,
      action: 'page.confirm_translation',
      entityType: 'page',
      entityId: pageId,
      details: { locale, sourceVersion: other.version },
      ip: actor.ip,
    });
    return { ok: true };
  });
}

// ---------------------------------------------------------------- reads for the editor

export type PageTranslationForEditor = PageFields & {
  locale: Locale;
  version: number;
  status: PublicationStatus;
  publishedAt: Date | null;
  isPlaceholder: boolean;
  /** The public can see it now. */
  live: boolean;
  /** The other language changed since this one was last confirmed. */
  stale: boolean;
  /** The other language's version when this one was last confirmed. */
  sourceVersion: number | null;
  /**
   * When stale: the other language's text as it was at `sourceVersion`, to
   * diff against its current text; null when not stale or not kept.
   */
  sourceThen: PageSnapshot | null;
  createdAt: Date;
  updatedAt: Date;
};

export type PageForEditor = {
  page: PageRow;
  translations: Partial<Record<Locale, PageTranslationForEditor>>;
};

function revisionSnapshot(db: Queryable, pageId: number, locale: Locale, version: number): PageSnapshot | null {
  const json = revisionSnapshotJson(db, 'page', pageId, locale, version);
  return json ? parsePageSnapshot(json) : null;
}

/** A page (not in the trash) with both languages as the editor shows them; null when there is none. */
export function getPageForEditor(db: DB, pageId: number, now = new Date()): PageForEditor | null {
  const page = findLivePageRow(db, pageId);
  if (!page) return null;
  const rows = db.select().from(pageTranslations).where(eq(pageTranslations.pageId, pageId)).all();
  const translations: PageForEditor['translations'] = {};
  for (const row of rows) {
    const other = rows.find((r) => r.locale !== row.locale);
    const stale = isStale(row, other);
    translations[row.locale] = {
      locale: row.locale,
      title: row.title,
      menuTitle: row.menuTitle,
      path: row.path,
      summary: row.summary,
      body: row.body,
      seoTitle: row.seoTitle,
      seoDescription: row.seoDescription,
      version: row.version,
      status: row.status,
      publishedAt: row.publishedAt,
      isPlaceholder: row.isPlaceholder,
      live: isLive(row, now),
      stale,
      sourceVersion: row.sourceVersion,
      sourceThen: stale && row.sourceVersion !== null ? revisionSnapshot(db, pageId, otherLocale(row.locale), row.sourceVersion) : null,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  }
  return { page, translations };
}

export type PageRevisionSummary = {
  id: number;
  version: number;
  createdAt: Date;
  authorId: number | null;
  /** Null for the text kept from before the first recorded save, or once the user is gone. */
  authorName: string | null;
  title: string;
  path: string | null;
  status: PublicationStatus;
  /** What this save did besides saving the text (see describeRevisions). */
  changes: RevisionChange[];
};

const PAGE_TEXT_FIELDS: readonly (keyof PageFields)[] = ['title', 'menuTitle', 'path', 'summary', 'body', 'seoTitle', 'seoDescription'];

/** The revisions of one language of a page, newest first. */
export function listPageRevisions(db: DB, pageId: number, locale: Locale): PageRevisionSummary[] {
  const rows = db
    .select({ id: revisions.id, version: revisions.version, createdAt: revisions.createdAt, authorId: revisions.authorId, authorName: users.name, snapshot: revisions.snapshot })
    .from(revisions)
    .leftJoin(users, eq(users.id, revisions.authorId))
    .where(and(eq(revisions.entityType, 'page'), eq(revisions.entityId, pageId), eq(revisions.locale, locale)))
    .orderBy(desc(revisions.version), desc(revisions.id))
    .all()
    .map(({ snapshot, ...r }) => {
      const s = parsePageSnapshot(snapshot);
      return { ...r, title: s.title, path: s.path, status: s.status, snapshot: s };
    });
  return describeRevisions(rows, PAGE_TEXT_FIELDS, 'path');
}

export type PageRevision = {
  id: number;
  pageId: number;
  locale: Locale;
  version: number;
  createdAt: Date;
  authorId: number | null;
  authorName: string | null;
  snapshot: PageSnapshot;
};

/** One revision of a page with its full text; null when there is none (or it belongs to a news item). */
export function getPageRevision(db: DB, revisionId: number): PageRevision | null {
  const row = db
    .select({
      id: revisions.id,
      pageId: revisions.entityId,
      locale: revisions.locale,
      version: revisions.version,
      createdAt: revisions.createdAt,
      authorId: revisions.authorId,
      authorName: users.name,
      snapshot: revisions.snapshot,
    })
    .from(revisions)
    .leftJoin(users, eq(users.id, revisions.authorId))
    .where(and(eq(revisions.id, revisionId), eq(revisions.entityType, 'page')))
    .get();
  return row ? { ...row, snapshot: parsePageSnapshot(row.snapshot) } : null;
}
