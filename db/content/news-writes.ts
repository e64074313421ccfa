import { and, eq, inArray } from 'drizzle-orm';
import { type Locale, otherLocale } from '@/i18n/routing';
import { htmlToText } from '@/lib/html';
import { checkMediaContact, hasMediaContact, type MediaContact, type MediaContactField, NO_MEDIA_CONTACT } from '@/lib/media-contact';
import { recordAudit } from '../auth/audit-log';
import { queuePurge } from '../cdn-outbox';
import type { DB, Queryable, Tx } from '../client';
import { heroImageStatus, heroMissingAltWhereLive } from '../media/usages';
import { NEWS_KINDS, newsItems, newsItemThemes, newsTranslations, pages, type PublicationStatus, users } from '../schema';
import {
  articlePath,
  type ConfirmResult,
  type FieldErrors,
  type InvalidFields,
  isStale,
  LIMITS,
  localeRoot,
  newsListPath,
  type PublicationRequest,
} from './common';
import { snapshotOptionalText, snapshotSchema, snapshotText } from './revisions';
import { cleanSlugTextFields, slugTranslations } from './slug-type';
import { type TrashedItem, trashOf } from './trash';
import {
  confirmTranslation as confirmTranslatedLanguage,
  itemAccessors,
  restoreRevision,
  saveAudit,
  saveTranslationIn,
  staleness,
  type TranslatedType,
} from './translated';

/**
 * Writing news: its declaration as translated content (newsType; the saves,
 * revisions, publication and stale marks are translated.ts's), and what is
 * news' own — the first save of an item with both languages, the fields
 * both languages share (kind, themes, main image), and the trash. No access
 * check here — db/admin/news.ts checks the caller first.
 */

import type { Actor } from '../auth/actor';

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
  // The lists of one kind (press releases, stories) go with /news: lib/next-cache.ts, and the CDN's news-list tag.
  return [articlePath(locale, slug), newsListPath(locale), localeRoot(locale)];
}

type Row = typeof newsTranslations.$inferSelect;
type ItemRow = typeof newsItems.$inferSelect;

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
  const { fields, errors } = cleanSlugTextFields(input);
  const dateline = input.dateline?.trim() || null;
  if ((dateline?.length ?? 0) > LIMITS.dateline) errors.dateline = 'tooLong';
  return { fields: { ...fields, dateline }, errors };
}

const NEWS_TEXT_FIELDS = ['title', 'slug', 'summary', 'body', 'dateline', 'seoTitle', 'seoDescription'] as const satisfies readonly (keyof NewsFields)[];


/**
 * News as a translated type (see translated.ts): an article's address is
 * its slug under the news list; a live article shows on itself, the list
 * and home. Audit: 'news.create' (first save of a language), 'news.save',
 * 'news.restore_revision', and beside them 'news.publish' / 'news.schedule'
 * / 'news.unpublish' when asked; 'news.confirm_translation'.
 */
export const newsType: TranslatedType<ItemRow, Row, NewsFields, NewsSnapshot, { changedPaths: string[] }> = {
  entity: 'news',
  fieldNames: NEWS_TEXT_FIELDS,
  addressField: 'slug',
  snapshotSchema: newsSnapshotSchema,
  snapshotOf,
  fieldsOf: (s) => ({ title: s.title, slug: s.slug, summary: s.summary, body: s.body, dateline: s.dateline, seoTitle: s.seoTitle, seoDescription: s.seoDescription }),
  ...itemAccessors<ItemRow>(newsItems),
  ...slugTranslations<ItemRow, Row, NewsFields>(newsTranslations, newsTranslations.newsItemId, 'newsItemId', { itemPath: articlePath, livePaths }),
  trash: {},
  clean: (_item, _locale, fields) => cleanNewsFields(fields),
  visibleText: (_item, fields) => fields.body,
  audit: saveAudit('news'),
};

type SaveTranslationInput = { itemId: number | null; locale: Locale; baseVersion: number | null; fields: NewsFields; publication?: PublicationRequest };

/** Carries a refused result out of a transaction, which is then rolled back. */
class Refusal extends Error {
  constructor(readonly result: CreateNewsResult) {
    super('refused');
  }
}

/** Runs `write` in one transaction with a new item, which is not kept when `write` is refused. */
function withNewItem(
  db: DB,
  actor: Actor,
  shared: SharedNewsFields,
  now: Date,
  write: (tx: Tx, itemId: number) => CreateNewsResult,
  refuse: (tx: Tx) => CreateNewsResult | null = () => null,
): CreateNewsResult {
  try {
    return db.transaction((tx): CreateNewsResult => {
      const refused = refuse(tx);
      if (refused) return refused;
      const itemId = tx
        .insert(newsItems)
        .values({ authorId: actor.userId, kind: shared.kind, heroMediaId: shared.heroMediaId, ...contactColumns(shared.mediaContact ?? NO_MEDIA_CONTACT), createdAt: now, updatedAt: now })
        .returning({ id: newsItems.id })
        .get().id;
      if (shared.themes.length > 0) tx.insert(newsItemThemes).values(shared.themes.map((pageId) => ({ newsItemId: itemId, pageId }))).run();
      const result = write(tx, itemId);
      if (!result.ok) throw new Refusal(result);
      return result;
    });
  } catch (error) {
    if (error instanceof Refusal) return error.result;
    throw error;
  }
}

/**
 * Saves one language of a news item (creating the item when itemId is null),
 * and publishes, schedules or unpublishes it in the same step. All or nothing.
 */
export function saveNewsTranslation(db: DB, actor: Actor, input: SaveTranslationInput, now = new Date()): SaveNewsResult {
  const { itemId } = input;
  if (itemId !== null) return db.transaction((tx) => saveTranslationIn(tx, newsType, actor, { ...input, itemId }, now));
  return withNewItem(db, actor, { kind: 'news', themes: [], heroMediaId: null }, now, (tx, id) => saveTranslationIn(tx, newsType, actor, { ...input, itemId: id }, now)) as SaveNewsResult;
}

/** Whether anything was typed into a language's fields (an empty rich text field submits ''). */
export function hasNewsText(fields: NewsFields): boolean {
  const { body, ...rest } = fields;
  return Object.values(rest).some((v) => Boolean(v?.trim())) || Boolean(htmlToText(body).trim()) || /<img\b/i.test(body);
}

export type CreateNewsResult = SaveNewsResult | { ok: false; error: 'sharedInvalid' | 'heroNotFound' | 'heroNotImage' } | MediaContactRefusal;

/** A media contact field that is not a name, a phone number or an e-mail address (lib/media-contact.ts). */
export type MediaContactRefusal = { ok: false; error: 'mediaContactInvalid'; fields: MediaContactField[] };

/** The shared fields with their media contact checked and trimmed, or why it is refused. */
function checkedShared(shared: SharedNewsFields): { ok: true; shared: SharedNewsFields } | MediaContactRefusal {
  if (shared.mediaContact === undefined) return { ok: true, shared };
  const checked = checkMediaContact(shared.mediaContact);
  return checked.ok ? { ok: true, shared: { ...shared, mediaContact: checked.contact } } : { ok: false, error: 'mediaContactInvalid', fields: checked.fields };
}

function contactColumns(contact: MediaContact) {
  return { mediaContactName: contact.name, mediaContactPhone: contact.phone, mediaContactEmail: contact.email };
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
  const contact = checkedShared(input.shared);
  if (!contact.ok) return contact;
  const shared = { ...contact.shared, themes: [...new Set(input.shared.themes)] };
  const refuse = (tx: Tx): CreateNewsResult | null => {
    const refused = sharedRefusal(tx, shared.themes, shared.heroMediaId, null);
    return refused ? { ok: false, error: refused === 'invalid' ? 'sharedInvalid' : refused } : null;
  };
  return withNewItem(db, actor, shared, now, (tx, itemId): CreateNewsResult => {
    const first = saveTranslationIn(tx, newsType, actor, { itemId, locale: input.locale, baseVersion: null, fields: input.fields, publication: input.publication }, now);
    const second = input.other && hasNewsText(input.other) ? saveTranslationIn(tx, newsType, actor, { itemId, locale: otherLocale(input.locale), baseVersion: null, fields: input.other }, now) : null;
    if (first.ok && (second === null || second.ok)) return first;
    if (!first.ok && first.error !== 'invalid') return first;
    const otherRefused = second && !second.ok && second.error === 'invalid' ? second : null;
    return {
      ok: false,
      error: 'invalid',
      fieldErrors: first.ok ? {} : first.fieldErrors,
      ...(!first.ok && first.unknownImages ? { unknownImages: first.unknownImages } : {}),
      otherFieldErrors: otherRefused?.fieldErrors ?? {},
      ...(otherRefused?.unknownImages ? { otherUnknownImages: otherRefused.unknownImages } : {}),
    };
  }, refuse);
}

/** The public paths where an item is live now (for revalidation when it leaves or returns). */
function liveItemPaths(q: Queryable, itemId: number, now: Date): string[] {
  const item = newsType.anyItem(q, itemId);
  return item ? newsType.liveChange(q, item, now).changedPaths : [];
}

export type SharedNewsFields = {
  kind: (typeof NEWS_KINDS)[number];
  themes: number[];
  /** The main image (an image of the media library, not in the trash), or null. */
  heroMediaId: number | null;
  /** A press release's own media contact (empty fields: the office's, db/queries/media-contact.ts); left as it is when absent. */
  mediaContact?: MediaContact;
};

export type SaveSharedResult =
  | { ok: true; version: number; changedPaths: string[] }
  | { ok: false; error: 'stale'; current: SharedNewsFields & { version: number } }
  /** heroNotFound: the chosen image is unknown or in the trash; heroNotImage: it is a document. */
  | { ok: false; error: 'notFound' | 'invalid' | 'heroNotFound' | 'heroNotImage' }
  /** The image lacks alt text in languages where the article is already published or scheduled. */
  | { ok: false; error: 'heroNoAltLive'; locales: Locale[] }
  | MediaContactRefusal;

/** An item's own media contact (all null when it has none). */
export function contactOf(item: Pick<ItemRow, 'mediaContactName' | 'mediaContactPhone' | 'mediaContactEmail'>): MediaContact {
  return { name: item.mediaContactName, phone: item.mediaContactPhone, email: item.mediaContactEmail };
}

function sharedOf(q: Queryable, itemId: number): (SharedNewsFields & { version: number }) | undefined {
  const item = q.select().from(newsItems).where(eq(newsItems.id, itemId)).get();
  if (!item) return undefined;
  const themes = q.select({ id: newsItemThemes.pageId }).from(newsItemThemes).where(eq(newsItemThemes.newsItemId, itemId)).all().map((t) => t.id);
  return { kind: item.kind, themes: themes.sort((a, b) => a - b), heroMediaId: item.heroMediaId, mediaContact: contactOf(item), version: item.version };
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
  const check = heroImageStatus(tx, hero);
  return check === 'ok' ? null : check === 'notFound' ? 'heroNotFound' : 'heroNotImage';
}

/** Saves what both languages share: the kind, the themes (Our Work pages), the main image and the media contact. */
export function saveSharedNewsFields(db: DB, actor: Actor, input: { itemId: number; baseVersion: number; shared: SharedNewsFields }, now = new Date()): SaveSharedResult {
  if (!NEWS_KINDS.includes(input.shared.kind)) return { ok: false, error: 'invalid' };
  const contact = checkedShared(input.shared);
  if (!contact.ok) return contact;
  const mediaContact = contact.shared.mediaContact;
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
    tx.update(newsItems)
      .set({ kind: input.shared.kind, heroMediaId: hero, ...(mediaContact ? contactColumns(mediaContact) : {}), version, updatedAt: now })
      .where(eq(newsItems.id, input.itemId))
      .run();
    tx.delete(newsItemThemes).where(eq(newsItemThemes.newsItemId, input.itemId)).run();
    if (themes.length > 0) tx.insert(newsItemThemes).values(themes.map((pageId) => ({ newsItemId: input.itemId, pageId }))).run();
    recordAudit(tx, { userId: actor.userId, action: 'news.update_item', entityType: 'news', entityId: input.itemId, details: { kind: input.shared.kind, themes: themes.join(','), hero: hero ?? 'none', ...(mediaContact ? { mediaContact: hasMediaContact(mediaContact) ? 'own' : 'none' } : {}), version }, ip: actor.ip });
    return { ok: true, version, changedPaths: changedLiveItem(tx, input.itemId, now) };
  });
}

/** A person confirms one language is still right against the other's current text. */
export function confirmTranslation(db: DB, actor: Actor, itemId: number, locale: Locale): ConfirmResult {
  return confirmTranslatedLanguage(db, newsType, actor, itemId, locale);
}

/** Per language of an item: whether it exists, its version and status, and whether it may be out of date. */
export function translationStates(db: Queryable, itemId: number) {
  const rows = newsType.translations(db, itemId);
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
  mediaContact: MediaContact;
  authorName: string | null;
  createdAt: Date;
  deletedAt: Date | null;
  translations: Partial<Record<Locale, EditorTranslation>>;
};

export function newsForEditor(db: Queryable, itemId: number): NewsForEditor | null {
  const item = db
    .select({ item: newsItems, authorName: users.name })
    .from(newsItems)
    .leftJoin(users, eq(users.id, newsItems.authorId))
    .where(eq(newsItems.id, itemId))
    .get();
  if (!item) return null;
  const rows = newsType.translations(db, itemId);
  const marks = staleness(db, newsType, itemId, rows);
  const translations: NewsForEditor['translations'] = {};
  for (const row of rows) translations[row.locale] = { ...row, stale: false, sourceBefore: null, ...marks[row.locale] };
  return {
    id: item.item.id,
    kind: item.item.kind,
    version: item.item.version,
    themes: sharedOf(db, itemId)!.themes,
    heroMediaId: item.item.heroMediaId,
    mediaContact: contactOf(item.item),
    authorName: item.authorName,
    createdAt: item.item.createdAt,
    deletedAt: item.item.deletedAt,
    translations,
  };
}

/** Brings back an earlier text as a new revision; the publication status stays as it is now. */
export function restoreNewsRevision(db: DB, actor: Actor, input: { itemId: number; revisionId: number; baseVersion: number }, now = new Date()): SaveNewsResult {
  return restoreRevision(db, newsType, actor, input, now);
}

/** The live addresses of an item a change touched; the CDN's purge of them is queued with the change. */
function changedLiveItem(tx: Tx, itemId: number, now: Date): string[] {
  const paths = liveItemPaths(tx, itemId, now);
  queuePurge(tx, { paths, news: true }, now);
  return paths;
}

const newsTrashOps = trashOf(newsType);

export type TrashResult = { ok: true; changedPaths: string[] } | { ok: false; error: 'notFound' };

/** Moves an item to the trash: it leaves the public site at once, and nothing is deleted. */
export function trashNews(db: DB, actor: Actor, itemId: number, now = new Date()): TrashResult {
  return newsTrashOps.trash(db, actor, itemId, now) as TrashResult;
}

export function restoreNews(db: DB, actor: Actor, itemId: number, now = new Date()): TrashResult {
  const result = newsTrashOps.restore(db, actor, itemId, now);
  return result.ok ? { ok: true, changedPaths: result.changedPaths } : (result as TrashResult);
}

export function newsTrash(db: Queryable): TrashedItem<ItemRow>[] {
  return newsTrashOps.list(db);
}

/** Deletes trashed items for good, with their revisions (admins only, at the caller). */
export function deleteNewsForever(db: DB, actor: Actor, itemIds: number[] | 'all'): number {
  return newsTrashOps.deleteForever(db, actor, itemIds);
}
