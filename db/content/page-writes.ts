import { and, asc, eq, isNotNull, isNull, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Locale } from '@/i18n/routing';
import { sanitizeRichText } from '@/lib/sanitize';
import { slugify } from '@/lib/slug';
import type { DB, Queryable, Tx } from '../client';
import { pages, pageTranslations, type PublicationStatus } from '../schema';
import { type ConfirmResult, type FieldErrors, type InvalidFields, isLive, LIMITS, localeRoot, type PublicationRequest } from './common';
import { normalizePagePath, pagePathProblem, pagePublicPath } from './page-paths';
import { snapshotOptionalText, snapshotSchema, snapshotText } from './revisions';
import {
  confirmTranslation,
  itemAccessors,
  restoreRevision,
  type SaveResult,
  saveTranslationIn,
  staleness,
  type TranslatedType,
} from './translated';

/**
 * Pages as translated content: their declaration (pageType; the saves,
 * revisions, publication and stale marks are translated.ts's, the same as
 * news'), their fields and address rules, and the reads of the editor. The
 * tree, the menu and the trash are page-tree.ts's.
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

import type { Actor } from '../auth/actor';

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


/** The page if it exists and is not in the trash. */
export function livePageRow(db: Queryable, pageId: number): PageRow | undefined {
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
  const parent = livePageRow(db, parentId);
  if (!parent) return [];
  const t = db.select().from(pageTranslations).where(and(eq(pageTranslations.pageId, parentId), eq(pageTranslations.locale, locale))).get();
  const path = t ? livePublicPath(parent, t, now) : null;
  return path ? [path] : [];
}

const parentIs = (parentId: number | null) => (parentId === null ? isNull(pages.parentId) : eq(pages.parentId, parentId));

/** The ids of a parent's children outside the trash, in menu order. */
export function childIds(db: Queryable, parentId: number | null, except?: number): number[] {
  return db
    .select({ id: pages.id })
    .from(pages)
    .where(and(parentIs(parentId), isNull(pages.deletedAt), except === undefined ? undefined : ne(pages.id, except)))
    .orderBy(asc(pages.position), asc(pages.id))
    .all()
    .map((r) => r.id);
}

/** Numbers the pages 0..n-1 in the order given. */
export function placeInOrder(tx: Tx, ids: number[]): void {
  ids.forEach((id, position) => {
    tx.update(pages).set({ position }).where(and(eq(pages.id, id), ne(pages.position, position))).run();
  });
}

/** Where a page (and its parent) show in every language in which it is live. */
export function pageLiveChange(db: Queryable, page: PageRow, now: Date): PageChange {
  const changed = new Set<string>();
  let menuChanged = false;
  for (const t of db.select().from(pageTranslations).where(eq(pageTranslations.pageId, page.id)).all()) {
    if (!isLive(t, now)) continue;
    menuChanged = true;
    for (const p of addressesShowing(db, page, t.locale, now)) changed.add(p);
  }
  return { changedPaths: [...changed], menuChanged };
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

const PUBLICATION_ACTIONS: Partial<Record<PublicationStatus, string>> = {
  published: 'page.publish',
  scheduled: 'page.schedule',
  unpublished: 'page.unpublish',
};

const PAGE_TEXT_FIELDS = ['title', 'menuTitle', 'path', 'summary', 'body', 'seoTitle', 'seoDescription'] as const satisfies readonly (keyof PageFields)[];

/**
 * Pages as a translated type (see translated.ts): a page's address is its
 * path below the locale root (an external link has none); a live page shows
 * on itself, its parent and the locale root, and in the menu.
 */
export const pageType: TranslatedType<PageRow, TranslationRow, PageFields, PageSnapshot, PageChange> = {
  entity: 'page',
  fieldNames: PAGE_TEXT_FIELDS,
  addressField: 'path',
  snapshotSchema: pageSnapshotSchema,
  snapshotOf: pageSnapshotOf,
  fieldsOf: (s) => ({ title: s.title, menuTitle: s.menuTitle, path: s.path, summary: s.summary, body: s.body, seoTitle: s.seoTitle, seoDescription: s.seoDescription }),
  ...itemAccessors<PageRow>(pages),
  translations: (q, pageId) => q.select().from(pageTranslations).where(eq(pageTranslations.pageId, pageId)).all(),
  insertTranslation: (tx, pageId, locale, values) => {
    tx.insert(pageTranslations)
      .values({ ...(values as Omit<typeof pageTranslations.$inferInsert, 'pageId' | 'locale'>), pageId, locale })
      .run();
  },
  updateTranslation: (tx, rowId, values) => {
    tx.update(pageTranslations).set(values).where(eq(pageTranslations.id, rowId)).run();
  },
  liveChange: pageLiveChange,
  trash: {
    // Pages the code refers to by key, and pages with children outside the trash, stay.
    refuseTrash: (tx, page) =>
      page.key !== null ? { ok: false, error: 'protected' } : childIds(tx, page.id).length > 0 ? { ok: false, error: 'hasChildren' } : null,
    // Its siblings close the gap.
    afterTrash: (tx, page) => placeInOrder(tx, childIds(tx, page.parentId)),
    // The unique index keeps a trashed page's paths for it; checked anyway, as restoring must never double an address.
    refuseRestore: (tx, page) => {
      for (const t of pageType.translations(tx, page.id)) {
        if (!t.path) continue;
        const clash = tx
          .select({ pageId: pageTranslations.pageId })
          .from(pageTranslations)
          .innerJoin(pages, eq(pages.id, pageTranslations.pageId))
          .where(and(eq(pageTranslations.locale, t.locale), eq(pageTranslations.path, t.path), ne(pageTranslations.pageId, page.id), isNull(pages.deletedAt)))
          .get();
        if (clash) return { ok: false, error: 'pathTaken', locale: t.locale, takenBy: clash.pageId };
      }
      return null;
    },
    // Back at the end of its parent's children, or of the top level when its parent is in the trash or gone.
    restorePlace: (tx, page) => {
      const parentId = page.parentId !== null && livePageRow(tx, page.parentId) ? page.parentId : null;
      return { parentId, position: childIds(tx, parentId).length };
    },
    refuseDelete: (tx, page) => (childIds(tx, page.id).length > 0 ? { ok: false, error: 'hasChildren' } : null),
    // Trashed children stay in the trash; restoring them puts them at the top level.
    beforeDelete: (tx, page) => {
      tx.update(pages).set({ parentId: null }).where(and(eq(pages.parentId, page.id), isNotNull(pages.deletedAt))).run();
    },
  },
  clean: (page, locale, fields) => preparePageFields(page.kind, locale, fields),
  addressTaken: (tx, page, locale, path) => {
    const clash = tx
      .select({ pageId: pageTranslations.pageId, deletedAt: pages.deletedAt })
      .from(pageTranslations)
      .innerJoin(pages, eq(pages.id, pageTranslations.pageId))
      .where(and(eq(pageTranslations.locale, locale), eq(pageTranslations.path, path), ne(pageTranslations.pageId, page.id)))
      .get();
    return clash ? (clash.deletedAt === null ? 'pathTaken' : 'pathTakenTrash') : null;
  },
  publicAddress: (page, locale, path) => (page.kind === 'page' && path ? pagePublicPath(locale, path) : null),
  // An external link has no body: its title stands in for the publication check.
  visibleText: (page, fields) => (page.kind === 'link' ? fields.title : fields.body),
  changes: ({ tx, item: page, locale, current, other, fields, wasLive, nowLive, now }, moved) => {
    const pathChanged = (current?.path ?? null) !== fields.path;
    const changed = new Set<string>(moved);
    if (wasLive || nowLive) {
      if (page.kind === 'page') {
        if (wasLive && current?.path) changed.add(pagePublicPath(locale, current.path));
        if (nowLive && fields.path) changed.add(pagePublicPath(locale, fields.path));
      }
      for (const p of parentAddress(tx, page.parentId, locale, now)) changed.add(p);
      changed.add(localeRoot(locale));
      // The other language's page links here (language switch, hreflang).
      if (pathChanged || wasLive !== nowLive) {
        const otherPath = other ? livePublicPath(page, other, now) : null;
        if (otherPath) changed.add(otherPath);
      }
    }
    const menuChanged = wasLive !== nowLive || (nowLive && current !== undefined && (menuLabel(current) !== menuLabel(fields) || pathChanged));
    return { changedPaths: [...changed], menuChanged };
  },
  audit: ({ locale, current, status, publishedAt, version, restored }) => {
    const publicationChanged = current
      ? current.status !== status || (current.publishedAt?.getTime() ?? null) !== (publishedAt?.getTime() ?? null)
      : status !== 'draft';
    const saved = restored ? 'page.restore_revision' : current ? 'page.save' : 'page.create_translation';
    const details = {
      locale,
      version,
      status,
      ...(current ? {} : { created: true }),
      ...(restored ? { revisionId: restored.revisionId, restoredVersion: restored.version } : {}),
    };
    return [{ action: (publicationChanged && PUBLICATION_ACTIONS[status]) || saved, details }];
  },
};

/** The core's answer with the page's own name for the item. */
function asPageResult(result: SaveResult<PageFields, PageSnapshot, PageChange>): SavePageResult {
  if (!result.ok) return result;
  const { itemId, ...rest } = result;
  return { ...rest, pageId: itemId };
}

/** Saves one language of a page (creating that language on its first save), in one transaction. */
export function savePageTranslation(db: DB, actor: Actor, input: SavePageInput, now = new Date()): SavePageResult {
  const { pageId, ...rest } = input;
  // A person wrote it: it is no placeholder any more.
  return asPageResult(db.transaction((tx) => saveTranslationIn(tx, pageType, actor, { ...rest, itemId: pageId }, now, { extra: { isPlaceholder: false } })));
}

/**
 * Brings back the text of an earlier revision as a new save (see
 * restoreRevision); whether the text is a placeholder comes back with it.
 */
export function restorePageRevision(
  db: DB,
  actor: Actor,
  input: { pageId: number; locale: Locale; revisionId: number; baseVersion: number | null },
  now = new Date(),
): SavePageResult {
  const { pageId, ...rest } = input;
  return asPageResult(restoreRevision(db, pageType, actor, { ...rest, itemId: pageId }, now, (s) => ({ isPlaceholder: s.isPlaceholder })));
}

/** A person confirms one language is still right against the other's current text. */
export function confirmPageTranslation(db: DB, actor: Actor, pageId: number, locale: Locale): ConfirmResult {
  return confirmTranslation(db, pageType, actor, pageId, locale);
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

/** A page (not in the trash) with both languages as the editor shows them; null when there is none. */
export function pageForEditor(db: DB, pageId: number, now = new Date()): PageForEditor | null {
  const page = livePageRow(db, pageId);
  if (!page) return null;
  const rows = pageType.translations(db, pageId);
  const marks = staleness(db, pageType, pageId, rows);
  const translations: PageForEditor['translations'] = {};
  for (const row of rows) {
    const { stale, sourceBefore } = marks[row.locale] ?? { stale: false, sourceBefore: null };
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
      sourceThen: sourceBefore,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  }
  return { page, translations };
}
