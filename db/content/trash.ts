import { and, eq } from 'drizzle-orm';
import type { Locale } from '@/i18n/routing';
import { recordAudit } from '../auth/audit-log';
import type { Actor } from '../auth/actor';
import type { DB, Queryable, Tx } from '../client';
import { LOCALES, type PublicationStatus, redirects, revisions } from '../schema';
import { queuePurge } from '../cdn-outbox';
import { publicChange, type Snapshot, type TextFields, type TranslatedItem, type TranslatedType, type TranslationRow } from './translated';

/**
 * The trash, once for every translated type: moving an item there (it
 * leaves the public site at once, nothing is deleted), taking it back, and
 * deleting it for good with its revisions and the redirects that led to it.
 * What differs per type (a page with children stays, a restored page goes
 * back to the end of its parent's children) is in the type's `trash` hooks.
 * No access check here — db/admin/* checks the caller first (only admins
 * restore and delete for good).
 *
 * Audit: '<entity>.trash', '<entity>.restore', '<entity>.delete_forever',
 * with the item's titles in every language.
 */

/** Why an item may not go to, or come back from, the trash. */
export type TrashRefusal =
  | { ok: false; error: 'notFound' | 'notTrashed' | 'protected' | 'hasChildren' }
  /** Restoring would give an address in use to a second item. */
  | { ok: false; error: 'pathTaken'; locale: Locale; takenBy: number };

/** A type's own rules for its trash; every hook is optional. */
export type TrashRules<I extends TranslatedItem> = {
  /** Why it may not go to the trash, or null. */
  refuseTrash?(tx: Tx, item: I): TrashRefusal | null;
  /** After it went there (a page's siblings close the gap). */
  afterTrash?(tx: Tx, item: I): void;
  /** Why it may not come back, or null. */
  refuseRestore?(tx: Tx, item: I): TrashRefusal | null;
  /** Columns written when it comes back (a page's place in the tree). */
  restorePlace?(tx: Tx, item: I): Record<string, number | null>;
  /** Why it may not be deleted for good, or null. */
  refuseDelete?(tx: Tx, item: I): TrashRefusal | null;
  /** Before it is deleted for good (a page's trashed children lose their parent). */
  beforeDelete?(tx: Tx, item: I): void;
};


/** The value of a translation's address field ('slug', 'path'). */
function addressOf<I extends TranslatedItem, R extends TranslationRow, F extends TextFields, S extends Snapshot, C extends { changedPaths: string[] }>(type: TranslatedType<I, R, F, S, C>, row: R): string | null {
  return (row as unknown as Record<string, string | null>)[type.addressField] ?? null;
}

/** The titles of an item in every language, for the audit log. */
function titles(rows: readonly TranslationRow[]): Record<string, string | null> {
  return Object.fromEntries(LOCALES.map((l) => [`title_${l}`, rows.find((r) => r.locale === l)?.title ?? null]));
}

function audit(tx: Tx, actor: Actor, entity: string, action: string, itemId: number, details: Record<string, string | number | null>): void {
  recordAudit(tx, { userId: actor.userId, action: `${entity}.${action}`, entityType: entity, entityId: itemId, details, ip: actor.ip });
}

/** Moves an item to the trash; `changedPaths` (and the type's other marks) say where it was live. */
export function trashItem<I extends TranslatedItem, R extends TranslationRow, F extends TextFields, S extends Snapshot, C extends { changedPaths: string[] }>(
  db: DB,
  type: TranslatedType<I, R, F, S, C>,
  actor: Actor,
  itemId: number,
  now = new Date(),
): ({ ok: true } & C) | TrashRefusal {
  return db.transaction((tx) => {
    const item = type.liveItem(tx, itemId);
    if (!item) return { ok: false, error: 'notFound' } as const;
    const refused = type.trash.refuseTrash?.(tx, item);
    if (refused) return refused;
    const change = type.liveChange(tx, item, now);
    type.updateItem(tx, itemId, { deletedAt: now, updatedAt: now });
    type.trash.afterTrash?.(tx, item);
    audit(tx, actor, type.entity, 'trash', itemId, titles(type.translations(tx, itemId)));
    queuePurge(tx, publicChange(type, change), now);
    return { ok: true as const, ...change };
  });
}

/** Takes an item out of the trash; the answer says where it is live again and what the type placed. */
export function restoreItem<I extends TranslatedItem, R extends TranslationRow, F extends TextFields, S extends Snapshot, C extends { changedPaths: string[] }>(
  db: DB,
  type: TranslatedType<I, R, F, S, C>,
  actor: Actor,
  itemId: number,
  now = new Date(),
): ({ ok: true; placed: Record<string, number | null> } & C) | TrashRefusal {
  return db.transaction((tx) => {
    const item = type.anyItem(tx, itemId);
    if (!item || item.deletedAt === null) return { ok: false, error: 'notFound' } as const;
    const refused = type.trash.refuseRestore?.(tx, item);
    if (refused) return refused;
    const placed = type.trash.restorePlace?.(tx, item) ?? {};
    type.updateItem(tx, itemId, { ...placed, deletedAt: null, updatedAt: now });
    audit(tx, actor, type.entity, 'restore', itemId, { ...placed, ...titles(type.translations(tx, itemId)) });
    const change = type.liveChange(tx, { ...item, ...placed, deletedAt: null }, now);
    queuePurge(tx, publicChange(type, change), now);
    return { ok: true as const, placed, ...change };
  });
}

/** Deletes one trashed item for good inside a transaction; null when done, else why not. */
export function deleteTrashedIn<I extends TranslatedItem, R extends TranslationRow, F extends TextFields, S extends Snapshot, C extends { changedPaths: string[] }>(
  tx: Tx,
  type: TranslatedType<I, R, F, S, C>,
  actor: Actor,
  itemId: number,
): TrashRefusal | null {
  const item = type.anyItem(tx, itemId);
  if (!item) return { ok: false, error: 'notFound' };
  if (item.deletedAt === null) return { ok: false, error: 'notTrashed' };
  const refused = type.trash.refuseDelete?.(tx, item);
  if (refused) return refused;
  type.trash.beforeDelete?.(tx, item);
  const rows = type.translations(tx, itemId);
  // Its addresses are free for another item now: old links must not lead there.
  for (const row of rows) {
    const address = type.publicAddress(item, row.locale, addressOf(type, row));
    if (address) tx.delete(redirects).where(and(eq(redirects.locale, row.locale), eq(redirects.toPath, address))).run();
  }
  tx.delete(revisions).where(and(eq(revisions.entityType, type.entity), eq(revisions.entityId, itemId))).run();
  type.deleteItem(tx, itemId);
  audit(tx, actor, type.entity, 'delete_forever', itemId, titles(rows));
  return null;
}

/** Deletes trashed items for good (all of the trash with 'all'); returns how many went. Items not in the trash stay. */
export function deleteForever<I extends TranslatedItem, R extends TranslationRow, F extends TextFields, S extends Snapshot, C extends { changedPaths: string[] }>(
  db: DB,
  type: TranslatedType<I, R, F, S, C>,
  actor: Actor,
  itemIds: readonly number[] | 'all',
): number {
  return db.transaction((tx) => {
    const ids = itemIds === 'all' ? type.trashedItems(tx).map((i) => i.id) : itemIds;
    return ids.filter((id) => deleteTrashedIn(tx, type, actor, id) === null).length;
  });
}

export type TrashedItem<I> = {
  id: number;
  item: I;
  deletedAt: Date;
  /** Each language's title, public address (null for an external link) and status. */
  translations: Partial<Record<Locale, { title: string; address: string | null; status: PublicationStatus }>>;
};

/** The items in the trash, most recently trashed first, with their languages. */
export function trashList<I extends TranslatedItem, R extends TranslationRow, F extends TextFields, S extends Snapshot, C extends { changedPaths: string[] }>(q: Queryable, type: TranslatedType<I, R, F, S, C>): TrashedItem<I>[] {
  return type.trashedItems(q).map((item) => {
    const translations: TrashedItem<I>['translations'] = {};
    for (const row of type.translations(q, item.id)) {
      translations[row.locale] = { title: row.title, address: type.publicAddress(item, row.locale, addressOf(type, row)), status: row.status };
    }
    return { id: item.id, item, deletedAt: item.deletedAt!, translations };
  });
}
