import { and, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import type { Locale } from '@/i18n/routing';
import type { PublicChange } from '@/lib/cache-tags';
import { htmlToText } from '@/lib/html';
import { recordAudit } from '../auth/audit-log';
import { queuePurge } from '../cdn-outbox';
import type { DB, Queryable, Tx } from '../client';
import { imagesWithoutAlt, setUsages, unknownImagesIn, usagesFromHtml } from '../media/usages';
import { type ContentEntity, type PublicationStatus, revisions, users } from '../schema';
import {
  catchUpConfirmation,
  type ConfirmResult,
  type FieldErrors,
  type InvalidFields,
  isLive,
  isStale,
  moveAddress,
  nextPublication,
  publicationErrorField,
  type PublicationRequest,
  textFingerprint,
} from './common';
import type { Actor } from '../auth/actor';
import type { TrashRules } from './trash';
import { describeRevisions, parseSnapshot, type RevisionChange, revisionSnapshotJson } from './revisions';

/**
 * Translated content, once for every type (news, pages, and those to come):
 * the versioned save of one language, its revisions (list, get, restore),
 * the stale-translation marks and their confirmation, publication
 * (publish, schedule, unpublish), the alt-text and body-image gates, and the
 * audit events — each driven by a declaration of the type (a
 * TranslatedType: its tables behind a few accessors, its fields and their
 * rules, its address rule, what to revalidate, its audit names).
 *
 * Nothing is lost: every save carries the version it started from and is
 * refused (with the newer text) when someone saved in between; every save is
 * a revision; a live address that changes leaves a redirect; saving one
 * language confirms it against the other, which may then be marked out of
 * date. No access check here — db/admin/* checks the caller first.
 */

/** What every translation row has, whatever its type. */
export type TranslationRow = {
  id: number;
  locale: Locale;
  version: number;
  status: PublicationStatus;
  publishedAt: Date | null;
  sourceFingerprint: string | null;
  sourceVersion: number | null;
  title: string;
  summary: string;
  body: string;
  updatedAt: Date;
};

/** What every item (the row both languages belong to) has; a main image only where the type has one. */
export type TranslatedItem = { id: number; heroMediaId?: number | null; deletedAt: Date | null };

export type TextFields = { title: string; summary: string; body: string };

export type Snapshot = { version: number; status: PublicationStatus; publishedAt: string | null };

/** What a save did, as the type's own hooks see it. */
export type SaveContext<I, R, F> = {
  tx: Tx;
  item: I;
  locale: Locale;
  /** The row before the save (undefined on a first save of this language). */
  current: R | undefined;
  /** The other language's row, if written. */
  other: R | undefined;
  fields: F;
  status: PublicationStatus;
  publishedAt: Date | null;
  publication: PublicationRequest;
  version: number;
  wasLive: boolean;
  nowLive: boolean;
  now: Date;
  /** Set when the save brings back an earlier revision. */
  restored?: { revisionId: number; version: number };
};

export type AuditEntry = { action: string; details: Record<string, string | number | boolean | null> };

/**
 * The audit events of a save as most types name them: '<entity>.create'
 * (first save of a language), '<entity>.save', '<entity>.restore_revision',
 * and beside them '<entity>.publish' / '.schedule' / '.unpublish' when asked.
 */
export function saveAudit(entity: ContentEntity) {
  return ({ locale, current, publication, version, restored }: Pick<SaveContext<TranslatedItem, TranslationRow, TextFields>, 'locale' | 'current' | 'publication' | 'version' | 'restored'>): AuditEntry[] => {
    const details = { locale, version, ...(publication.action === 'schedule' ? { at: publication.at.toISOString() } : {}) };
    const entries = [{ action: `${entity}.${restored ? 'restore_revision' : current ? 'save' : 'create'}`, details }];
    if (publication.action !== 'keep') entries.push({ action: `${entity}.${publication.action}`, details });
    return entries;
  };
}

/** The declaration of one translated type. */
export type TranslatedType<
  I extends TranslatedItem,
  R extends TranslationRow,
  F extends TextFields,
  S extends Snapshot,
  C extends { changedPaths: string[] },
> = {
  /** Its name in revisions, media uses and the audit log ('news' → 'news.save'). */
  entity: ContentEntity;
  /** The fields of one language, in the order history compares them. */
  fieldNames: readonly (keyof F & string)[];
  /** The field that holds the address ('slug', 'path'). */
  addressField: keyof F & string;
  snapshotSchema: z.ZodType<S>;
  snapshotOf(row: R): S;
  fieldsOf(snapshot: S): F;
  /** The item, when it exists and is not in the trash. */
  liveItem(q: Queryable, itemId: number): I | undefined;
  /** The item, in the trash or not. */
  anyItem(q: Queryable, itemId: number): I | undefined;
  /** The items in the trash, most recently trashed first. */
  trashedItems(q: Queryable): I[];
  /** Writes columns of the item (its updatedAt, its trash mark, its place). */
  updateItem(tx: Tx, itemId: number, values: Record<string, unknown>): void;
  /** Deletes the item; its translations go with it (foreign keys). */
  deleteItem(tx: Tx, itemId: number): void;
  /** Where the item shows in every language in which it is live now: what its leaving or return changes. */
  liveChange(q: Queryable, item: I, now: Date): C;
  /** Its own rules for the trash (trash.ts). */
  trash: TrashRules<I>;
  translations(q: Queryable, itemId: number): R[];
  insertTranslation(tx: Tx, itemId: number, locale: Locale, values: Record<string, unknown>): void;
  updateTranslation(tx: Tx, rowId: number, values: Record<string, unknown>): void;
  /** Trims, sanitizes and checks one language's fields (no database). */
  clean(item: I, locale: Locale, fields: F): { fields: F; errors: FieldErrors<keyof F & string> };
  /** Why the address is taken in this language by another item, or null. */
  addressTaken(tx: Tx, item: I, locale: Locale, address: string): 'slugTaken' | 'pathTaken' | 'pathTakenTrash' | null;
  /** The public address of an address field's value, or null when it has none. */
  publicAddress(item: I, locale: Locale, address: string | null): string | null;
  /**
   * What the item itself lacks for a language to go live at `at` (a
   * vacancy: a closing time still to come, a way to apply), checked on
   * publish and schedule; optional.
   */
  goLiveRefusal?(item: I, locale: Locale, at: Date): FieldErrors;
  /** What a reader would see of the text (what publishing needs to be non-empty). */
  visibleText(item: I, fields: F): string;
  /** What to revalidate after a save; `moved`: the old addresses that now redirect to the new one. */
  changes(ctx: SaveContext<I, R, F>, moved: string[]): C;
  /** The audit events of a save. */
  audit(ctx: SaveContext<I, R, F>): AuditEntry[];
};


export type SaveInput<F> = {
  itemId: number;
  locale: Locale;
  /** The version the form was opened at; null when this language does not exist yet. */
  baseVersion: number | null;
  fields: F;
  publication?: PublicationRequest;
};

export type SaveResult<F, S, C> =
  | ({ ok: true; itemId: number; version: number; status: PublicationStatus; publishedAt: Date | null } & C)
  | { ok: false; error: 'notFound' }
  | { ok: false; error: 'stale'; current: S }
  | InvalidFields<keyof F & string>;

export type SaveOptions = {
  /** Values of the type's own columns written with the save (a page's isPlaceholder). */
  extra?: Record<string, unknown>;
  restored?: { revisionId: number; version: number };
};

function snapshotJson<I extends TranslatedItem, R extends TranslationRow, F extends TextFields, S extends Snapshot, C extends { changedPaths: string[] }>(type: TranslatedType<I, R, F, S, C>, row: R): string {
  return JSON.stringify(type.snapshotOf(row));
}

/**
 * A translation whose current version has no revision (the seed import
 * writes none) gets one before it changes, so it can be restored and compared.
 */
function keepUnrecordedVersion<I extends TranslatedItem, R extends TranslationRow, F extends TextFields, S extends Snapshot, C extends { changedPaths: string[] }>(tx: Tx, type: TranslatedType<I, R, F, S, C>, itemId: number, row: R): void {
  if (revisionSnapshotJson(tx, type.entity, itemId, row.locale, row.version) !== null) return;
  tx.insert(revisions)
    .values({ entityType: type.entity, entityId: itemId, locale: row.locale, version: row.version, snapshot: snapshotJson(type, row), authorId: null, createdAt: row.updatedAt })
    .run();
}

/** What a type's change means to the public pages: revalidatePublic's arguments (lib/revalidate.ts), as the CDN purge takes them. */
export function publicChange<C extends { changedPaths: string[] }>(type: { entity: ContentEntity }, change: C): PublicChange {
  const menu = 'menuChanged' in change && change.menuChanged === true;
  return { paths: change.changedPaths, news: type.entity === 'news', menu };
}

/** Saves one language of an item inside a transaction (creating that language on its first save). */
export function saveTranslationIn<I extends TranslatedItem, R extends TranslationRow, F extends TextFields, S extends Snapshot, C extends { changedPaths: string[] }>(
  tx: Tx,
  type: TranslatedType<I, R, F, S, C>,
  actor: Actor,
  input: SaveInput<F>,
  now: Date,
  options: SaveOptions = {},
): SaveResult<F, S, C> {
  const item: I | undefined = type.liveItem(tx, input.itemId);
  if (!item) return { ok: false, error: 'notFound' };
  const rows: R[] = type.translations(tx, item.id);
  const current = rows.find((r) => r.locale === input.locale);
  const other = rows.find((r) => r.locale !== input.locale);
  // Someone saved (or created this language) since the form was opened.
  if (current && current.version !== input.baseVersion) return { ok: false, error: 'stale', current: type.snapshotOf(current) };
  if (!current && input.baseVersion !== null) return { ok: false, error: 'notFound' };

  const publication = input.publication ?? { action: 'keep' };
  const { fields, errors } = type.clean(item, input.locale, input.fields);
  const address = fields[type.addressField] as string | null;
  if (address && !errors[type.addressField]) {
    const taken = type.addressTaken(tx, item, input.locale, address);
    if (taken) errors[type.addressField] = taken;
  }
  const visibleText = type.visibleText(item, fields);
  const next = nextPublication(current, publication, visibleText, now);
  if ('error' in next) errors[publicationErrorField(next.error)] = next.error;
  const goesLive = !('error' in next) && (next.status === 'published' || next.status === 'scheduled');
  // Every image of the text is a file of the library, not in its trash, whatever the publication.
  const unknownImages = errors.body ? [] : unknownImagesIn(tx, fields.body);
  if (unknownImages.length > 0) errors.body = 'bodyImageUnknown';
  // The media files the text uses (images and PDFs), recorded with the save.
  const bodyUsages = usagesFromHtml(tx, fields.body);
  // An image is never live in a language without its alt text there (or a decorative mark).
  if (goesLive && !errors.body && imagesWithoutAlt(tx, bodyUsages.map((u) => u.mediaId), input.locale).length > 0) errors.body = 'bodyImageNoAlt';
  if ((publication.action === 'publish' || publication.action === 'schedule') && !('error' in next) && next.publishedAt) {
    Object.assign(errors, type.goLiveRefusal?.(item, input.locale, next.publishedAt > now ? next.publishedAt : now));
  }
  if ((publication.action === 'publish' || publication.action === 'schedule') && item.heroMediaId) {
    if (imagesWithoutAlt(tx, [item.heroMediaId], input.locale).length > 0) errors.hero = 'heroNoAlt';
  }
  // A live text is never emptied.
  if (goesLive && !htmlToText(visibleText).trim() && !errors.body) errors.body = 'emptyBody';
  if (Object.keys(errors).length > 0 || 'error' in next) {
    return { ok: false, error: 'invalid', fieldErrors: errors, ...(unknownImages.length > 0 ? { unknownImages } : {}) };
  }

  if (current) {
    keepUnrecordedVersion(tx, type, item.id, current);
    // The other language was never confirmed (seed import, or written first):
    // it matched this language's text as it was until now.
    if (other && other.sourceFingerprint === null) {
      type.updateTranslation(tx, other.id, { sourceFingerprint: textFingerprint(current), sourceVersion: current.version });
    }
  }
  // Saving one language confirms it against the other's current text.
  const version = (current?.version ?? 0) + 1;
  const values = {
    ...fields,
    ...options.extra,
    status: next.status,
    publishedAt: next.publishedAt,
    sourceFingerprint: other ? textFingerprint(other) : null,
    sourceVersion: other?.version ?? null,
    version,
    updatedAt: now,
  };
  if (current) {
    type.updateTranslation(tx, current.id, values);
    const caughtUp = catchUpConfirmation(current, other, fields, version);
    if (caughtUp && other) type.updateTranslation(tx, other.id, caughtUp);
  } else {
    type.insertTranslation(tx, item.id, input.locale, { ...values, createdAt: now });
  }
  type.updateItem(tx, item.id, { updatedAt: now });
  setUsages(tx, { type: type.entity, id: item.id, locale: input.locale }, bodyUsages);

  // A live address that changes keeps working: a redirect from the old one (and every redirect that led to it).
  const wasLive = current ? isLive(current, now) : false;
  const nowLive = isLive(next, now);
  const from = current && wasLive ? type.publicAddress(item, input.locale, (current as unknown as Record<string, string | null>)[type.addressField] ?? null) : null;
  const to = type.publicAddress(item, input.locale, address);
  const moved = from && to ? moveAddress(tx, input.locale, from, to) : [];

  const saved = type.translations(tx, item.id).find((r: R) => r.locale === input.locale)!;
  tx.insert(revisions)
    .values({ entityType: type.entity, entityId: item.id, locale: input.locale, version, snapshot: snapshotJson(type, saved), authorId: actor.userId, createdAt: now })
    .run();

  const ctx: SaveContext<I, R, F> = {
    tx,
    item,
    locale: input.locale,
    current,
    other,
    fields,
    status: next.status,
    publishedAt: next.publishedAt,
    publication,
    version,
    wasLive,
    nowLive,
    now,
    restored: options.restored,
  };
  for (const entry of type.audit(ctx)) {
    recordAudit(tx, { userId: actor.userId, action: entry.action, entityType: type.entity, entityId: item.id, details: entry.details, ip: actor.ip });
  }
  const change: C = type.changes(ctx, moved);
  // The CDN drops what the public sees change now and, for an item
  // scheduled for later, what appears at its time (db/cdn-outbox.ts).
  queuePurge(tx, publicChange(type, change), now);
  if (next.status === 'scheduled' && next.publishedAt && next.publishedAt > now) {
    queuePurge(tx, publicChange(type, type.changes({ ...ctx, nowLive: true, now: next.publishedAt }, [])), now, next.publishedAt);
  }
  return { ok: true, itemId: item.id, version, status: next.status, publishedAt: next.publishedAt, ...change };
}

/** Saves one language of an item, in one transaction. */
export function saveTranslation<I extends TranslatedItem, R extends TranslationRow, F extends TextFields, S extends Snapshot, C extends { changedPaths: string[] }>(db: DB, type: TranslatedType<I, R, F, S, C>, actor: Actor, input: SaveInput<F>, now = new Date()) {
  return db.transaction((tx) => saveTranslationIn(tx, type, actor, input, now));
}

/** A person confirms one language is still right against the other's current text. */
export function confirmTranslation<I extends TranslatedItem, R extends TranslationRow, F extends TextFields, S extends Snapshot, C extends { changedPaths: string[] }>(db: DB, type: TranslatedType<I, R, F, S, C>, actor: Actor, itemId: number, locale: Locale): ConfirmResult {
  return db.transaction((tx): ConfirmResult => {
    if (!type.liveItem(tx, itemId)) return { ok: false, error: 'notFound' };
    const rows: R[] = type.translations(tx, itemId);
    const row = rows.find((r) => r.locale === locale);
    const other = rows.find((r) => r.locale !== locale);
    if (!row || !other) return { ok: false, error: 'notFound' };
    type.updateTranslation(tx, row.id, { sourceFingerprint: textFingerprint(other), sourceVersion: other.version });
    recordAudit(tx, {
      userId: actor.userId,
      action: `${type.entity}.confirm_translation`,
      entityType: type.entity,
      entityId: itemId,
      details: { locale, sourceVersion: other.version },
      ip: actor.ip,
    });
    return { ok: true };
  });
}

/**
 * Per language of an item: whether the other language changed since it was
 * last confirmed (`stale`), and then the other's text as it was confirmed
 * (`sourceBefore`; null when not stale or not on record), to diff against.
 */
export function staleness<I extends TranslatedItem, R extends TranslationRow, F extends TextFields, S extends Snapshot, C extends { changedPaths: string[] }>(
  q: Queryable,
  type: TranslatedType<I, R, F, S, C>,
  itemId: number,
  rows: readonly R[],
): Partial<Record<Locale, { stale: boolean; sourceBefore: S | null }>> {
  const out: Partial<Record<Locale, { stale: boolean; sourceBefore: S | null }>> = {};
  for (const row of rows) {
    const other = rows.find((r) => r.locale !== row.locale);
    const stale = isStale(row, other);
    const json = stale && other && row.sourceVersion !== null ? revisionSnapshotJson(q, type.entity, itemId, other.locale, row.sourceVersion) : null;
    out[row.locale as Locale] = { stale, sourceBefore: json ? parseSnapshot(type.snapshotSchema, json) : null };
  }
  return out;
}

export type RevisionSummary = {
  id: number;
  version: number;
  createdAt: Date;
  authorId: number | null;
  /** Null for the text kept from before the first recorded save, or once the user is gone. */
  authorName: string | null;
  title: string;
  status: PublicationStatus;
  /** The address the text had then. */
  address: string | null;
  /** What this save did besides saving the text (see describeRevisions). */
  changes: RevisionChange[];
};

/** The revisions of one language of an item, newest first. */
export function revisionList<I extends TranslatedItem, R extends TranslationRow, F extends TextFields, S extends Snapshot, C extends { changedPaths: string[] }>(q: Queryable, type: TranslatedType<I, R, F, S, C>, itemId: number, locale: Locale): RevisionSummary[] {
  const rows = q
    .select({ id: revisions.id, version: revisions.version, createdAt: revisions.createdAt, authorId: revisions.authorId, authorName: users.name, snapshot: revisions.snapshot })
    .from(revisions)
    .leftJoin(users, eq(users.id, revisions.authorId))
    .where(and(eq(revisions.entityType, type.entity), eq(revisions.entityId, itemId), eq(revisions.locale, locale)))
    .orderBy(desc(revisions.version), desc(revisions.id))
    .all()
    .map(({ snapshot, ...r }) => {
      const s = parseSnapshot(type.snapshotSchema, snapshot) as Snapshot & Record<string, unknown>;
      return { ...r, title: String(s.title ?? ''), status: s.status, address: (s[type.addressField] as string | null) ?? null, snapshot: s };
    });
  return describeRevisions(rows, type.fieldNames, type.addressField);
}

export type Revision<S> = {
  id: number;
  itemId: number;
  locale: Locale;
  version: number;
  createdAt: Date;
  authorId: number | null;
  authorName: string | null;
  snapshot: S;
};

/** One revision of an item with its full text; null when it is none of this item's. */
export function revisionOf<I extends TranslatedItem, R extends TranslationRow, F extends TextFields, S extends Snapshot, C extends { changedPaths: string[] }>(q: Queryable, type: TranslatedType<I, R, F, S, C>, itemId: number, revisionId: number): Revision<S> | null {
  const row = q
    .select({
      id: revisions.id,
      itemId: revisions.entityId,
      locale: revisions.locale,
      version: revisions.version,
      createdAt: revisions.createdAt,
      authorId: revisions.authorId,
      authorName: users.name,
      snapshot: revisions.snapshot,
    })
    .from(revisions)
    .leftJoin(users, eq(users.id, revisions.authorId))
    .where(and(eq(revisions.id, revisionId), eq(revisions.entityType, type.entity), eq(revisions.entityId, itemId)))
    .get();
  return row ? { ...row, snapshot: parseSnapshot(type.snapshotSchema, row.snapshot) } : null;
}

/**
 * Brings back the text of an earlier revision as a new save (a new version
 * and revision; nothing is overwritten). The publication stays as it is now;
 * the address comes back too, under the same rules as any save. `locale`,
 * when given, must be the revision's. `extra`: the type's own columns the
 * snapshot brings back.
 */
export function restoreRevision<I extends TranslatedItem, R extends TranslationRow, F extends TextFields, S extends Snapshot, C extends { changedPaths: string[] }>(
  db: DB,
  type: TranslatedType<I, R, F, S, C>,
  actor: Actor,
  input: { itemId: number; revisionId: number; baseVersion: number | null; locale?: Locale },
  now = new Date(),
  extra?: (snapshot: S) => Record<string, unknown>,
): SaveResult<F, S, C> {
  return db.transaction((tx) => {
    const revision = revisionOf(tx, type, input.itemId, input.revisionId);
    if (!revision || (input.locale && revision.locale !== input.locale)) return { ok: false, error: 'notFound' } as const;
    return saveTranslationIn(
      tx,
      type,
      actor,
      { itemId: input.itemId, locale: revision.locale, baseVersion: input.baseVersion, fields: type.fieldsOf(revision.snapshot), publication: { action: 'keep' } },
      now,
      { restored: { revisionId: revision.id, version: revision.version }, extra: extra?.(revision.snapshot) },
    );
  });
}

/** An item table as the core reads it: its id, trash mark and last change. */
type ItemTable = SQLiteTable & { id: SQLiteColumn; deletedAt: SQLiteColumn; updatedAt: SQLiteColumn };

/**
 * The item accessors of a declaration, for a table with `id`, `deletedAt`
 * and `updatedAt` columns (every item table has them): found outside or in
 * the trash, listed from the trash, updated, deleted.
 */
export function itemAccessors<I extends TranslatedItem>(
  table: ItemTable,
): Pick<TranslatedType<I, TranslationRow, TextFields, Snapshot, { changedPaths: string[] }>, 'liveItem' | 'anyItem' | 'trashedItems' | 'updateItem' | 'deleteItem'> {
  return {
    liveItem: (q, itemId) => q.select().from(table).where(and(eq(table.id, itemId), isNull(table.deletedAt))).get() as I | undefined,
    anyItem: (q, itemId) => q.select().from(table).where(eq(table.id, itemId)).get() as I | undefined,
    trashedItems: (q) => q.select().from(table).where(isNotNull(table.deletedAt)).orderBy(desc(table.deletedAt), desc(table.id)).all() as I[],
    updateItem: (tx, itemId, values) => {
      tx.update(table).set(values).where(eq(table.id, itemId)).run();
    },
    deleteItem: (tx, itemId) => {
      tx.delete(table).where(eq(table.id, itemId)).run();
    },
  };
}
