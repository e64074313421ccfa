import { and, asc, eq, inArray, isNull, ne } from 'drizzle-orm';
import { localizedPath } from '@/i18n/paths';
import { type Locale, ROUTES } from '@/i18n/routing';
import { recordAudit } from '../auth/audit-log';
import type { Actor } from '../auth/actor';
import { queuePurge } from '../cdn-outbox';
import type { DB, Queryable } from '../client';
import { setUsages } from '../media/usages';
import { media, mediaUsages, type PublicationStatus, users, vacancies, VACANCY_GRADES, vacancyTranslations } from '../schema';
import { type FieldErrors, isStale, type PublicationRequest } from './common';
import { normalizeExternalUrl } from './page-paths';
import { snapshotOptionalText, snapshotSchema, snapshotText } from './revisions';
import { cleanSlugTextFields, type SlugTextFields, slugTranslations } from './slug-type';
import { type TrashedItem, trashOf } from './trash';
import { confirmTranslation, itemAccessors, restoreRevision, saveAudit, saveTranslation, staleness, type TranslatedType } from './translated';

/**
 * Vacancies as a translated type (see translated.ts and docs/architecture.md
 * "Adding a content type"): each language is a title, an address (slug),
 * a summary, the text and its SEO fields, written, published and kept in
 * history by the core. What both languages share — the reference, duty
 * station, grade, closing time, how to apply, the terms of reference — is
 * the item's, saved on its own (saveVacancyShared), and a vacancy is
 * created from it before either language is written.
 *
 * Its state is derived from the closing time whenever it is read
 * (vacancyState): no job closes a vacancy. A language can go live only
 * before the closing time and with a way to apply. No access check here —
 * db/admin/vacancies.ts checks the caller first.
 */

export type VacancyFields = SlugTextFields;
type ItemRow = typeof vacancies.$inferSelect;
type Row = typeof vacancyTranslations.$inferSelect;

export type VacancySnapshot = VacancyFields & { version: number; status: PublicationStatus; publishedAt: string | null };

const VACANCY_TEXT_FIELDS = ['title', 'slug', 'summary', 'body', 'seoTitle', 'seoDescription'] as const satisfies readonly (keyof VacancyFields)[];

/** The public address of the vacancy list in a language: '/take-action/vacancies' or '/sq/angazhohu/vende-pune'. */
export function vacancyListPath(locale: Locale): string {
  return localizedPath(ROUTES.vacancies, locale);
}

/** The public address of a vacancy: '/take-action/vacancies/<slug>'. */
export function vacancyPath(locale: Locale, slug: string): string {
  return localizedPath({ pathname: ROUTES.vacancy, params: { slug } }, locale);
}

/** The public addresses that show a live vacancy: itself, the list and the list's feed. */
function livePaths(locale: Locale, slug: string): string[] {
  return [vacancyPath(locale, slug), vacancyListPath(locale), `${vacancyListPath(locale)}/feed.xml`];
}

/** Open until its closing time, closed from it: read, never stored. */
export function vacancyState(closesAt: Date, now: Date): 'open' | 'closed' {
  return closesAt.getTime() > now.getTime() ? 'open' : 'closed';
}


/**
 * Audit: 'vacancy.create' (first save of a language), 'vacancy.save',
 * 'vacancy.restore_revision', 'vacancy.publish' / 'vacancy.schedule' /
 * 'vacancy.unpublish'; 'vacancy.confirm_translation'; the item's own:
 * 'vacancy.create_item', 'vacancy.update_item'.
 */
export const vacancyType: TranslatedType<ItemRow, Row, VacancyFields, VacancySnapshot, { changedPaths: string[] }> = {
  entity: 'vacancy',
  fieldNames: VACANCY_TEXT_FIELDS,
  addressField: 'slug',
  snapshotSchema: snapshotSchema({
    title: snapshotText,
    slug: snapshotText,
    summary: snapshotText,
    body: snapshotText,
    seoTitle: snapshotOptionalText,
    seoDescription: snapshotOptionalText,
  }),
  snapshotOf: (row) => ({
    title: row.title,
    slug: row.slug,
    summary: row.summary,
    body: row.body,
    seoTitle: row.seoTitle,
    seoDescription: row.seoDescription,
    version: row.version,
    status: row.status,
    publishedAt: row.publishedAt?.toISOString() ?? null,
  }),
  fieldsOf: (s) => ({ title: s.title, slug: s.slug, summary: s.summary, body: s.body, seoTitle: s.seoTitle, seoDescription: s.seoDescription }),
  ...itemAccessors<ItemRow>(vacancies),
  ...slugTranslations<ItemRow, Row, VacancyFields>(vacancyTranslations, vacancyTranslations.vacancyId, 'vacancyId', { itemPath: vacancyPath, livePaths }),
  trash: {},
  clean: (_item, _locale, fields) => {
    const { fields: cleaned, errors } = cleanSlugTextFields(fields);
    return { fields: cleaned, errors: errors as FieldErrors<keyof VacancyFields> };
  },
  // Published only while it is open, and with a way to apply.
  goLiveRefusal: (item, _locale, at) => {
    const errors: FieldErrors = {};
    if (vacancyState(item.closesAt, at) === 'closed') errors.form = 'closingPassed';
    else if (!item.applyUrl && !item.applyEmail) errors.form = 'howToApplyMissing';
    return errors;
  },
  visibleText: (_item, fields) => fields.body,
  audit: saveAudit('vacancy'),
};

/** What both languages share, as the editor sends it (the closing time already read as a moment). */
export type VacancyShared = {
  reference: string;
  dutyStation: string;
  unit: string;
  grade: string;
  appointmentType: string;
  appointmentLength: string;
  estimatedStart: string;
  closesAt: Date;
  project: string;
  donor: string;
  applyUrl: string;
  applyEmail: string;
  /** The terms of reference: PDFs of the media library. */
  terms: number[];
};

export type VacancySharedField = keyof VacancyShared;
export type SharedErrorCode = 'required' | 'tooLong' | 'referenceTaken' | 'gradeInvalid' | 'urlInvalid' | 'emailInvalid' | 'documentNotFound';
export type SharedErrors = Partial<Record<VacancySharedField, SharedErrorCode>>;

const SHARED_TEXT_LIMIT = 200;
const REFERENCE_LIMIT = 40;
/** An e-mail address as people type it: one @, a dot in the domain, no spaces. */
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

type CleanShared = Omit<VacancyShared, 'applyUrl' | 'applyEmail' | 'grade'> & { grade: (typeof VACANCY_GRADES)[number]; applyUrl: string | null; applyEmail: string | null };

/** Trims and checks the shared fields; `itemId`: the vacancy they belong to (null for a new one), whose reference may stay. */
function cleanShared(q: Queryable, input: VacancyShared, itemId: number | null): { shared: CleanShared; errors: SharedErrors } {
  const errors: SharedErrors = {};
  const trim = (v: string) => v.trim().replace(/\s+/g, ' ');
  const texts = {
    reference: trim(input.reference),
    dutyStation: trim(input.dutyStation),
    unit: trim(input.unit),
    appointmentType: trim(input.appointmentType),
    appointmentLength: trim(input.appointmentLength),
    estimatedStart: trim(input.estimatedStart),
    project: trim(input.project),
    donor: trim(input.donor),
  };
  for (const [name, value] of Object.entries(texts) as [keyof typeof texts, string][]) {
    if (value.length > (name === 'reference' ? REFERENCE_LIMIT : SHARED_TEXT_LIMIT)) errors[name] = 'tooLong';
  }
  if (!texts.reference) errors.reference = 'required';
  if (!texts.dutyStation) errors.dutyStation = 'required';
  const grade = (VACANCY_GRADES as readonly string[]).includes(input.grade) ? (input.grade as CleanShared['grade']) : null;
  if (!grade) errors.grade = 'gradeInvalid';
  const applyUrl = input.applyUrl.trim() ? normalizeExternalUrl(input.applyUrl) : null;
  if (input.applyUrl.trim() && !applyUrl) errors.applyUrl = 'urlInvalid';
  const applyEmail = input.applyEmail.trim().replace(/^mailto:/i, '') || null;
  if (applyEmail && (applyEmail.length > SHARED_TEXT_LIMIT || !EMAIL.test(applyEmail))) errors.applyEmail = 'emailInvalid';
  if (!errors.reference) {
    const clash = q
      .select({ id: vacancies.id })
      .from(vacancies)
      .where(itemId === null ? eq(vacancies.reference, texts.reference) : and(eq(vacancies.reference, texts.reference), ne(vacancies.id, itemId)))
      .get();
    if (clash) errors.reference = 'referenceTaken';
  }
  const terms = [...new Set(input.terms)];
  if (terms.length > 0) {
    const found = q.select({ id: media.id }).from(media).where(and(inArray(media.id, terms), eq(media.kind, 'document'), isNull(media.deletedAt))).all();
    if (found.length !== terms.length) errors.terms = 'documentNotFound';
  }
  return { shared: { ...texts, grade: grade ?? 'consultant', closesAt: input.closesAt, applyUrl, applyEmail, terms }, errors };
}

function sharedColumns(shared: CleanShared) {
  const { terms: _terms, ...columns } = shared;
  return columns;
}

export type CreateVacancyResult = { ok: true; itemId: number } | { ok: false; error: 'invalid'; sharedErrors: SharedErrors };

/** A new vacancy with what both languages share; its languages are written next, in the editor. */
export function createVacancy(db: DB, actor: Actor, input: VacancyShared, now = new Date()): CreateVacancyResult {
  return db.transaction((tx): CreateVacancyResult => {
    const { shared, errors } = cleanShared(tx, input, null);
    if (Object.keys(errors).length > 0) return { ok: false, error: 'invalid', sharedErrors: errors };
    const itemId = tx
      .insert(vacancies)
      .values({ ...sharedColumns(shared), authorId: actor.userId, createdAt: now, updatedAt: now })
      .returning({ id: vacancies.id })
      .get().id;
    setUsages(tx, { type: 'vacancy', id: itemId, locale: null }, shared.terms.map((mediaId) => ({ mediaId, role: 'publication' as const })));
    recordAudit(tx, { userId: actor.userId, action: 'vacancy.create_item', entityType: 'vacancy', entityId: itemId, details: { reference: shared.reference, closesAt: shared.closesAt.toISOString() }, ip: actor.ip });
    return { ok: true, itemId };
  });
}

export type SaveSharedResult =
  | { ok: true; version: number; changedPaths: string[] }
  | { ok: false; error: 'notFound' }
  | { ok: false; error: 'stale'; version: number }
  | { ok: false; error: 'invalid'; sharedErrors: SharedErrors }
  /** Published, with no way to apply left. */
  | { ok: false; error: 'howToApplyMissing' };

/**
 * Saves what both languages share. A closing time may be moved into the
 * past (that closes the vacancy now); a published vacancy keeps a way to
 * apply.
 */
export function saveVacancyShared(db: DB, actor: Actor, input: { itemId: number; baseVersion: number; shared: VacancyShared }, now = new Date()): SaveSharedResult {
  return db.transaction((tx): SaveSharedResult => {
    const item = vacancyType.liveItem(tx, input.itemId);
    if (!item) return { ok: false, error: 'notFound' };
    if (item.version !== input.baseVersion) return { ok: false, error: 'stale', version: item.version };
    const { shared, errors } = cleanShared(tx, input.shared, item.id);
    if (Object.keys(errors).length > 0) return { ok: false, error: 'invalid', sharedErrors: errors };
    const live = vacancyType.translations(tx, item.id).some((r) => r.status === 'published' || r.status === 'scheduled');
    if (live && !shared.applyUrl && !shared.applyEmail) return { ok: false, error: 'howToApplyMissing' };
    const version = item.version + 1;
    vacancyType.updateItem(tx, item.id, { ...sharedColumns(shared), version, updatedAt: now });
    setUsages(tx, { type: 'vacancy', id: item.id, locale: null }, shared.terms.map((mediaId) => ({ mediaId, role: 'publication' as const })));
    recordAudit(tx, {
      userId: actor.userId,
      action: 'vacancy.update_item',
      entityType: 'vacancy',
      entityId: item.id,
      details: { reference: shared.reference, closesAt: shared.closesAt.toISOString(), version },
      ip: actor.ip,
    });
    const changedPaths = vacancyType.liveChange(tx, item, now).changedPaths;
    queuePurge(tx, { paths: changedPaths }, now);
    return { ok: true, version, changedPaths };
  });
}

/** The terms of reference of a vacancy: the ids of its PDFs. */
export function vacancyTermIds(q: Queryable, itemId: number): number[] {
  return q
    .select({ id: mediaUsages.mediaId })
    .from(mediaUsages)
    .where(and(eq(mediaUsages.entityType, 'vacancy'), eq(mediaUsages.entityId, itemId), eq(mediaUsages.role, 'publication'), isNull(mediaUsages.locale)))
    .orderBy(asc(mediaUsages.id))
    .all()
    .map((r) => r.id);
}

export type VacancyEditorTranslation = Row & { stale: boolean; sourceBefore: VacancySnapshot | null };

export type VacancyForEditor = ItemRow & {
  authorName: string | null;
  terms: number[];
  translations: Partial<Record<Locale, VacancyEditorTranslation>>;
};

/** A vacancy with its shared fields and each language with its stale mark, for the editor. */
export function vacancyForEditor(q: Queryable, itemId: number): VacancyForEditor | null {
  const found = q.select({ item: vacancies, authorName: users.name }).from(vacancies).leftJoin(users, eq(users.id, vacancies.authorId)).where(eq(vacancies.id, itemId)).get();
  if (!found) return null;
  const rows = vacancyType.translations(q, itemId);
  const marks = staleness(q, vacancyType, itemId, rows);
  const translations: VacancyForEditor['translations'] = {};
  for (const row of rows) translations[row.locale] = { ...row, stale: false, sourceBefore: null, ...marks[row.locale] };
  return { ...found.item, authorName: found.authorName, terms: vacancyTermIds(q, itemId), translations };
}

export type StaffVacancy = {
  id: number;
  reference: string;
  grade: string;
  closesAt: Date;
  translations: Partial<Record<Locale, { title: string; status: PublicationStatus; stale: boolean }>>;
};

/** Every vacancy outside the trash for the editor's list, the latest closing first. */
export function vacanciesForStaff(q: Queryable): StaffVacancy[] {
  const items = q.select().from(vacancies).where(isNull(vacancies.deletedAt)).all();
  const rows = items.length ? q.select().from(vacancyTranslations).where(inArray(vacancyTranslations.vacancyId, items.map((i) => i.id))).all() : [];
  return items
    .map((item) => {
      const own = rows.filter((r) => r.vacancyId === item.id);
      const translations: StaffVacancy['translations'] = {};
      for (const r of own) translations[r.locale] = { title: r.title, status: r.status, stale: isStale(r, own.find((o) => o.locale !== r.locale)) };
      return { id: item.id, reference: item.reference, grade: item.grade, closesAt: item.closesAt, translations };
    })
    .sort((a, b) => b.closesAt.getTime() - a.closesAt.getTime() || b.id - a.id);
}

const vacancyTrashOps = trashOf(vacancyType);

/** The core's writes, bound to the vacancy declaration. */
export const vacancyWrites = {
  save: (db: DB, actor: Actor, input: { itemId: number; locale: Locale; baseVersion: number | null; fields: VacancyFields; publication?: PublicationRequest }, now = new Date()) =>
    saveTranslation(db, vacancyType, actor, input, now),
  confirm: (db: DB, actor: Actor, itemId: number, locale: Locale) => confirmTranslation(db, vacancyType, actor, itemId, locale),
  restoreRevision: (db: DB, actor: Actor, input: { itemId: number; revisionId: number; baseVersion: number }, now = new Date()) => restoreRevision(db, vacancyType, actor, input, now),
  trash: (db: DB, actor: Actor, itemId: number, now = new Date()) => vacancyTrashOps.trash(db, actor, itemId, now),
  restore: (db: DB, actor: Actor, itemId: number, now = new Date()) => vacancyTrashOps.restore(db, actor, itemId, now),
  listTrash: (q: Queryable): TrashedItem<ItemRow>[] => vacancyTrashOps.list(q),
  deleteForever: (db: DB, actor: Actor, itemIds: number[] | 'all') => vacancyTrashOps.deleteForever(db, actor, itemIds),
};
