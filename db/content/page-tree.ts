import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Locale } from '@/i18n/routing';
import { recordAudit } from '../auth/audit-log';
import { queuePurge } from '../cdn-outbox';
import type { DB, Queryable, Tx } from '../client';
import { heroImageStatus, heroMissingAltWhereLive, setUsages } from '../media/usages';
import { media, mediaUsages, pages, pageTranslations, type PublicationStatus } from '../schema';
import { isLive, isStale } from './common';
import { normalizeExternalUrl } from './page-paths';
import type { Actor } from '../auth/actor';
import { childIds, livePageRow, pageLiveChange as liveChange, type PageChange, pageType, placeInOrder } from './page-writes';
import { deleteTrashedIn, trashList, restoreItem, type TrashedItem, trashItem, type TrashRefusal } from './trash';

/**
 * The page tree as staff shape it: where a page sits (parent and position
 * among its siblings, always numbered 0..n-1), external links, the trash.
 * Moving a page never changes its addresses (paths are flat, see
 * page-paths.ts); the menu follows the tree, so a move changes the menu.
 *
 * No access check here — the db/admin layer checks the caller first (and
 * lets only admins delete for good).
 *
 * Audit actions written here (entityType 'page', entityId = pages.id):
 * - 'page.create'          createPage
 * - 'page.move'            movePage, movePageTo, movePageUpDown
 * - 'page.link'            setPageExternalUrl
 * - 'page.trash'           trashPage
 * - 'page.restore'         restorePage
 * - 'page.delete_forever'  deletePageForever, and once per page by emptyPageTrash
 */

type PageRow = typeof pages.$inferSelect;
type TranslationRow = typeof pageTranslations.$inferSelect;

function translationsOf(db: Queryable, pageId: number): TranslationRow[] {
  return db.select().from(pageTranslations).where(eq(pageTranslations.pageId, pageId)).all();
}


/** A change of the tree, its CDN purge queued in its transaction (db/cdn-outbox.ts). */
function queued(tx: Tx, change: PageChange, now: Date): PageChange {
  queuePurge(tx, { paths: change.changedPaths, menu: change.menuChanged }, now);
  return change;
}

// ---------------------------------------------------------------- creating and moving

export type CreatePageInput = {
  parentId: number | null;
  kind: 'page' | 'link';
  /** For a link: where it points (absolute http or https). Ignored for a page. */
  externalUrl?: string;
};

export type CreatePageResult =
  | ({ ok: true; pageId: number } & PageChange)
  /** notFound: the parent does not exist or is in the trash. */
  | { ok: false; error: 'notFound' | 'parentIsLink' | 'urlInvalid' | 'tooDeep' };

/**
 * A new page (or external link) at the end of its parent's children. It has
 * no language yet — the first save of each language creates it — so nothing
 * public changes.
 */
export function createPage(db: DB, actor: Actor, input: CreatePageInput, now = new Date()): CreatePageResult {
  let externalUrl: string | null = null;
  if (input.kind === 'link') {
    externalUrl = normalizeExternalUrl(input.externalUrl ?? '');
    if (!externalUrl) return { ok: false, error: 'urlInvalid' };
  }
  return db.transaction((tx): CreatePageResult => {
    if (input.parentId !== null) {
      const parent = livePageRow(tx, input.parentId);
      if (!parent) return { ok: false, error: 'notFound' };
      if (parent.kind === 'link') return { ok: false, error: 'parentIsLink' };
      if (parent.parentId !== null) return { ok: false, error: 'tooDeep' };
    }
    const position = childIds(tx, input.parentId).length;
    const row = tx
      .insert(pages)
      .values({ parentId: input.parentId, position, kind: input.kind, externalUrl, createdAt: now, updatedAt: now })
      .returning({ id: pages.id })
      .get();
    recordAudit(tx, {
      userId: actor.userId,
      action: 'page.create',
      entityType: 'page',
      entityId: row.id,
      details: { kind: input.kind, parentId: input.parentId, position },
      ip: actor.ip,
    });
    return { ok: true, pageId: row.id, changedPaths: [], menuChanged: false };
  });
}

export type MovePageResult = ({ ok: true } & PageChange) | { ok: false; error: 'notFound' | 'cycle' | 'parentIsLink' | 'tooDeep' };

/**
 * The menu, breadcrumbs and section pages show two levels (sections and their
 * pages), so the tree keeps to two: a page goes under a top-level page only,
 * and a page with pages of its own stays at the top.
 */
export const MAX_TREE_DEPTH = 2;

type MoveInput = { pageId: number; parentId: number | null; position: number };

function moveInTx(tx: Tx, actor: Actor, input: MoveInput, now: Date, details: Record<string, string | number | null> = {}): MovePageResult {
  const page = livePageRow(tx, input.pageId);
  if (!page) return { ok: false, error: 'notFound' };
  if (input.parentId !== null) {
    const parent = livePageRow(tx, input.parentId);
    if (!parent) return { ok: false, error: 'notFound' };
    // Under itself or one of its descendants, the page would leave the tree.
    const seen = new Set<number>();
    for (let id: number | null = parent.id; id !== null && !seen.has(id); ) {
      if (id === page.id) return { ok: false, error: 'cycle' };
      seen.add(id);
      id = tx.select({ parentId: pages.parentId }).from(pages).where(eq(pages.id, id)).get()?.parentId ?? null;
    }
    if (parent.kind === 'link') return { ok: false, error: 'parentIsLink' };
    if (parent.parentId !== null || childIds(tx, page.id).length > 0) return { ok: false, error: 'tooDeep' };
  }
  const before = liveChange(tx, page, now);
  const siblings = childIds(tx, input.parentId, page.id);
  const wanted = Number.isFinite(input.position) ? Math.trunc(input.position) : siblings.length;
  const position = Math.max(0, Math.min(wanted, siblings.length));
  siblings.splice(position, 0, page.id);
  tx.update(pages).set({ parentId: input.parentId, position, updatedAt: now }).where(eq(pages.id, page.id)).run();
  if (page.parentId !== input.parentId) placeInOrder(tx, childIds(tx, page.parentId));
  placeInOrder(tx, siblings);
  recordAudit(tx, {
    userId: actor.userId,
    action: 'page.move',
    entityType: 'page',
    entityId: page.id,
    details: { fromParentId: page.parentId, fromPosition: page.position, parentId: input.parentId, position, ...details },
    ip: actor.ip,
  });
  const after = liveChange(tx, { ...page, parentId: input.parentId }, now);
  return { ok: true, ...queued(tx, { changedPaths: [...new Set([...before.changedPaths, ...after.changedPaths])], menuChanged: true }, now) };
}

/**
 * Puts a page under `parentId` (null: top level) at `position` among its new
 * siblings (clamped to 0..n), and numbers the siblings it left and joined
 * 0..n-1. Its addresses stay as they are.
 */
export function movePage(db: DB, actor: Actor, input: MoveInput, now = new Date()): MovePageResult {
  return db.transaction((tx) => moveInTx(tx, actor, input, now));
}

export type MovePageToResult = ({ ok: true; from: { parentId: number | null; position: number } } & PageChange) | Exclude<MovePageResult, { ok: true }>;

/**
 * movePage for the tree's drag and drop: also says where the page was
 * (parent and position among the siblings it left), so that moving it back
 * there undoes the move.
 */
export function movePageTo(db: DB, actor: Actor, input: MoveInput, now = new Date()): MovePageToResult {
  return db.transaction((tx): MovePageToResult => {
    const page = livePageRow(tx, input.pageId);
    if (!page) return { ok: false, error: 'notFound' };
    const from = { parentId: page.parentId, position: Math.max(0, childIds(tx, page.parentId).indexOf(page.id)) };
    const result = moveInTx(tx, actor, input, now, { via: 'drag' });
    return result.ok ? { ...result, from } : result;
  });
}

/** One place up or down among its siblings (the keyboard-friendly reorder). */
export function movePageUpDown(
  db: DB,
  actor: Actor,
  pageId: number,
  direction: 'up' | 'down',
  now = new Date(),
): ({ ok: true } & PageChange) | { ok: false; error: 'notFound' | 'atEdge' } {
  return db.transaction((tx) => {
    const page = livePageRow(tx, pageId);
    if (!page) return { ok: false, error: 'notFound' } as const;
    const siblings = childIds(tx, page.parentId);
    const target = siblings.indexOf(pageId) + (direction === 'up' ? -1 : 1);
    if (target < 0 || target >= siblings.length) return { ok: false, error: 'atEdge' } as const;
    const result = moveInTx(tx, actor, { pageId, parentId: page.parentId, position: target }, now, { direction });
    // Same parent, so neither a cycle nor a link parent can happen.
    return result.ok ? result : ({ ok: false, error: 'notFound' } as const);
  });
}

export type SetPageHeroResult =
  | ({ ok: true } & PageChange)
  | { ok: false; error: 'notFound' | 'notAPage' | 'heroNotFound' | 'heroNotImage' }
  /** The image lacks alt text in languages where the page is already published or scheduled. */
  | { ok: false; error: 'heroNoAltLive'; locales: Locale[] };

/**
 * Sets or removes a page's main image (an image of the media library, not in
 * the trash). Its live addresses are to be revalidated; the menu is unchanged.
 */
export function setPageHero(db: DB, actor: Actor, pageId: number, heroMediaId: number | null, now = new Date()): SetPageHeroResult {
  return db.transaction((tx): SetPageHeroResult => {
    const page = livePageRow(tx, pageId);
    if (!page) return { ok: false, error: 'notFound' };
    if (page.kind !== 'page') return { ok: false, error: 'notAPage' };
    if (heroMediaId === page.heroMediaId) return { ok: true, changedPaths: [], menuChanged: false };
    if (heroMediaId !== null) {
      const check = heroImageStatus(tx, heroMediaId);
      if (check === 'notFound') return { ok: false, error: 'heroNotFound' };
      if (check === 'notImage') return { ok: false, error: 'heroNotImage' };
      const live = translationsOf(tx, pageId)
        .filter((t) => t.status === 'published' || t.status === 'scheduled')
        .map((t) => t.locale);
      const missing = heroMissingAltWhereLive(tx, heroMediaId, live);
      if (missing.length > 0) return { ok: false, error: 'heroNoAltLive', locales: missing };
    }
    tx.update(pages).set({ heroMediaId, updatedAt: now }).where(eq(pages.id, pageId)).run();
    recordAudit(tx, { userId: actor.userId, action: 'page.hero', entityType: 'page', entityId: pageId, details: { from: page.heroMediaId, to: heroMediaId }, ip: actor.ip });
    return { ok: true, ...queued(tx, { changedPaths: liveChange(tx, page, now).changedPaths, menuChanged: false }, now) };
  });
}

export type SetPublicationsResult = ({ ok: true } & PageChange) | { ok: false; error: 'notFound' | 'notAPage' | 'documentNotFound' };

/**
 * The PDFs a page lists as publications (Data and Resources): media_usages
 * rows with role 'publication' and no language, replaced as a whole. Each
 * must be a document of the library, not in the trash.
 */
export function setPagePublications(db: DB, actor: Actor, pageId: number, mediaIds: readonly number[], now = new Date()): SetPublicationsResult {
  const ids = [...new Set(mediaIds)];
  return db.transaction((tx): SetPublicationsResult => {
    const page = livePageRow(tx, pageId);
    if (!page) return { ok: false, error: 'notFound' };
    if (page.kind !== 'page') return { ok: false, error: 'notAPage' };
    if (ids.length > 0) {
      const found = tx.select({ id: media.id }).from(media).where(and(inArray(media.id, ids), eq(media.kind, 'document'), isNull(media.deletedAt))).all();
      if (found.length !== ids.length) return { ok: false, error: 'documentNotFound' };
    }
    setUsages(tx, { type: 'page', id: pageId, locale: null }, ids.map((mediaId) => ({ mediaId, role: 'publication' as const })));
    tx.update(pages).set({ updatedAt: now }).where(eq(pages.id, pageId)).run();
    recordAudit(tx, { userId: actor.userId, action: 'page.publications', entityType: 'page', entityId: pageId, details: { documents: ids.join(',') }, ip: actor.ip });
    return { ok: true, ...queued(tx, { changedPaths: liveChange(tx, page, now).changedPaths, menuChanged: false }, now) };
  });
}

/** The ids of the PDFs a page lists as publications. */
export function pagePublicationIds(db: Queryable, pageId: number): number[] {
  return db
    .select({ id: mediaUsages.mediaId })
    .from(mediaUsages)
    .where(and(eq(mediaUsages.entityType, 'page'), eq(mediaUsages.entityId, pageId), eq(mediaUsages.role, 'publication'), isNull(mediaUsages.locale)))
    .all()
    .map((r) => r.id);
}

export type SetExternalUrlResult = ({ ok: true } & PageChange) | { ok: false; error: 'notFound' | 'notALink' | 'urlInvalid' };

/** Changes where an external link in the menu points (http or https only). */
export function setPageExternalUrl(db: DB, actor: Actor, pageId: number, externalUrl: string, now = new Date()): SetExternalUrlResult {
  const url = normalizeExternalUrl(externalUrl);
  return db.transaction((tx): SetExternalUrlResult => {
    const page = livePageRow(tx, pageId);
    if (!page) return { ok: false, error: 'notFound' };
    if (page.kind !== 'link') return { ok: false, error: 'notALink' };
    if (!url) return { ok: false, error: 'urlInvalid' };
    if (url === page.externalUrl) return { ok: true, changedPaths: [], menuChanged: false };
    tx.update(pages).set({ externalUrl: url, updatedAt: now }).where(eq(pages.id, pageId)).run();
    recordAudit(tx, { userId: actor.userId, action: 'page.link', entityType: 'page', entityId: pageId, details: { from: page.externalUrl, to: url }, ip: actor.ip });
    return { ok: true, ...queued(tx, liveChange(tx, page, now), now) };
  });
}

// ---------------------------------------------------------------- trash

export type TrashPageResult = ({ ok: true } & PageChange) | { ok: false; error: 'notFound' | 'protected' | 'hasChildren' };

/**
 * Moves a page to the trash: its addresses stop answering (the public reads
 * leave out trashed pages) but it keeps them, its text and its revisions
 * until it is restored or deleted for good. Pages the code refers to by key,
 * and pages with children outside the trash, stay where they are (pageType.trash).
 */
export function trashPage(db: DB, actor: Actor, pageId: number, now = new Date()): TrashPageResult {
  return trashItem(db, pageType, actor, pageId, now) as TrashPageResult;
}

export type RestorePageResult =
  | ({ ok: true; parentId: number | null } & PageChange)
  | { ok: false; error: 'notFound' }
  | { ok: false; error: 'pathTaken'; locale: Locale; takenBy: number };

/**
 * Takes a page out of the trash, at the end of its parent's children — or
 * at the end of the top level when its parent is in the trash or gone.
 */
export function restorePage(db: DB, actor: Actor, pageId: number, now = new Date()): RestorePageResult {
  const result = restoreItem(db, pageType, actor, pageId, now);
  if (!result.ok) return result as RestorePageResult;
  const { placed, ...change } = result;
  return { ...change, parentId: placed.parentId ?? null };
}

export type DeletePageResult = ({ ok: true } & PageChange) | { ok: false; error: 'notFound' | 'notTrashed' | 'hasChildren' };

/** Deletes one page in the trash for good (admins only, checked by the caller). */
export function deletePageForever(db: DB, actor: Actor, pageId: number): DeletePageResult {
  return db.transaction((tx): DeletePageResult => {
    const refused: TrashRefusal | null = deleteTrashedIn(tx, pageType, actor, pageId);
    if (refused) return refused as DeletePageResult;
    // A page in the trash was not public: nothing to revalidate.
    return { ok: true, changedPaths: [], menuChanged: false };
  });
}

/** Deletes every page in the trash for good (admins only, checked by the caller). */
export function emptyPageTrash(db: DB, actor: Actor): { ok: true; deleted: number } & PageChange {
  return db.transaction((tx) => {
    let deleted = 0;
    for (const page of pageType.trashedItems(tx)) if (deleteTrashedIn(tx, pageType, actor, page.id) === null) deleted++;
    return { ok: true as const, deleted, changedPaths: [], menuChanged: false };
  });
}

/** The pages in the trash, most recently trashed first (see trashList). */
export function pageTrash(db: DB): TrashedItem<PageRow>[] {
  return trashList(db, pageType);
}

// ---------------------------------------------------------------- the tree for staff

export type StaffPageTranslation = {
  title: string;
  menuTitle: string | null;
  path: string | null;
  status: PublicationStatus;
  publishedAt: Date | null;
  /** The public can see it now. */
  live: boolean;
  /** The other language changed since this one was last confirmed. */
  stale: boolean;
  isPlaceholder: boolean;
  version: number;
  updatedAt: Date;
};

export type StaffPageNode = {
  id: number;
  parentId: number | null;
  position: number;
  kind: 'page' | 'link';
  key: string | null;
  externalUrl: string | null;
  updatedAt: Date;
  translations: Partial<Record<Locale, StaffPageTranslation>>;
  children: StaffPageNode[];
};

/** Every page outside the trash as a tree, each level in menu order, with both languages' state. */
export function pageTree(db: DB, now = new Date()): StaffPageNode[] {
  const rows = db.select().from(pages).where(isNull(pages.deletedAt)).orderBy(asc(pages.position), asc(pages.id)).all();
  const texts = db
    .select()
    .from(pageTranslations)
    .innerJoin(pages, eq(pages.id, pageTranslations.pageId))
    .where(isNull(pages.deletedAt))
    .all()
    .map((r) => r.page_translations);
  const nodes = new Map<number, StaffPageNode>();
  for (const r of rows) {
    nodes.set(r.id, {
      id: r.id,
      parentId: r.parentId,
      position: r.position,
      kind: r.kind,
      key: r.key,
      externalUrl: r.externalUrl,
      updatedAt: r.updatedAt,
      translations: {},
      children: [],
    });
  }
  const byKey = new Map(texts.map((t) => [`${t.pageId}:${t.locale}`, t]));
  for (const t of texts) {
    const node = nodes.get(t.pageId);
    if (!node) continue;
    const other = byKey.get(`${t.pageId}:${t.locale === 'en' ? 'sq' : 'en'}`);
    node.translations[t.locale] = {
      title: t.title,
      menuTitle: t.menuTitle,
      path: t.path,
      status: t.status,
      publishedAt: t.publishedAt,
      live: isLive(t, now),
      stale: isStale(t, other),
      isPlaceholder: t.isPlaceholder,
      version: t.version,
      updatedAt: t.updatedAt,
    };
  }
  const roots: StaffPageNode[] = [];
  for (const r of rows) {
    const node = nodes.get(r.id)!;
    const parent = r.parentId === null ? undefined : nodes.get(r.parentId);
    // A page whose parent is missing is shown at the top level rather than lost.
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
