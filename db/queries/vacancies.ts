import 'server-only';
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Locale } from '@/i18n/routing';
import type { Queryable } from '../client';
import { isLive } from '../content/common';
import { vacancyState, vacancyTermIds } from '../content/vacancy-writes';
import { getDb } from '../index';
import { publicDocument, type PublicDocument } from '../media/public';
import { vacancies, vacancyTranslations } from '../schema';
import { isPublic } from './visibility';

/**
 * Vacancies as the public sees them. Open or closed is decided here, at
 * read time, from the closing time and `now` (vacancyState): a vacancy
 * closes by itself, with no job, and stays readable, marked closed.
 */

export type VacancySummary = {
  id: number;
  slug: string;
  title: string;
  summary: string;
  reference: string;
  grade: string;
  dutyStation: string;
  closesAt: Date;
  publishedAt: Date;
  state: 'open' | 'closed';
};

export type PublicVacancy = VacancySummary & {
  locale: Locale;
  body: string;
  seoTitle: string | null;
  seoDescription: string | null;
  updatedAt: Date;
  unit: string;
  appointmentType: string;
  appointmentLength: string;
  estimatedStart: string;
  project: string;
  donor: string;
  applyUrl: string | null;
  applyEmail: string | null;
  terms: PublicDocument[];
  /** The published translations of this vacancy by language (slug). */
  alternates: Partial<Record<Locale, string>>;
};

const columns = {
  id: vacancies.id,
  slug: vacancyTranslations.slug,
  title: vacancyTranslations.title,
  summary: vacancyTranslations.summary,
  reference: vacancies.reference,
  grade: vacancies.grade,
  dutyStation: vacancies.dutyStation,
  closesAt: vacancies.closesAt,
  publishedAt: vacancyTranslations.publishedAt,
};

const detailColumns = {
  ...columns,
  body: vacancyTranslations.body,
  seoTitle: vacancyTranslations.seoTitle,
  seoDescription: vacancyTranslations.seoDescription,
  updatedAt: vacancyTranslations.updatedAt,
  unit: vacancies.unit,
  appointmentType: vacancies.appointmentType,
  appointmentLength: vacancies.appointmentLength,
  estimatedStart: vacancies.estimatedStart,
  project: vacancies.project,
  donor: vacancies.donor,
  applyUrl: vacancies.applyUrl,
  applyEmail: vacancies.applyEmail,
};

function publicIn(locale: Locale, now: Date) {
  return and(eq(vacancyTranslations.locale, locale), isNull(vacancies.deletedAt), isPublic(vacancyTranslations, now));
}

/**
 * The vacancies published in a language: the open ones first, closing
 * soonest first, then the closed ones, most recently closed first.
 */
export function publishedVacancies(q: Queryable, locale: Locale, now: Date): VacancySummary[] {
  const rows = q.select(columns).from(vacancyTranslations).innerJoin(vacancies, eq(vacancies.id, vacancyTranslations.vacancyId)).where(publicIn(locale, now)).all();
  const items = rows.map((r) => ({ ...r, publishedAt: r.publishedAt!, state: vacancyState(r.closesAt, now) }));
  const open = items.filter((v) => v.state === 'open').sort((a, b) => a.closesAt.getTime() - b.closesAt.getTime() || a.id - b.id);
  const closed = items.filter((v) => v.state === 'closed').sort((a, b) => b.closesAt.getTime() - a.closesAt.getTime() || b.id - a.id);
  return [...open, ...closed];
}

/** The open vacancies of a language, closing soonest first (the feed). */
export function openVacancies(q: Queryable, locale: Locale, now: Date): VacancySummary[] {
  return publishedVacancies(q, locale, now).filter((v) => v.state === 'open');
}

type DetailRow = Omit<PublicVacancy, 'state' | 'terms' | 'alternates' | 'locale' | 'publishedAt'> & { publishedAt: Date | null };

function complete(q: Queryable, row: DetailRow, locale: Locale, now: Date): PublicVacancy {
  const alternates: Partial<Record<Locale, string>> = { [locale]: row.slug };
  const others = q
    .select({ locale: vacancyTranslations.locale, slug: vacancyTranslations.slug })
    .from(vacancyTranslations)
    .where(and(eq(vacancyTranslations.vacancyId, row.id), ne(vacancyTranslations.locale, locale), isPublic(vacancyTranslations, now)))
    .all();
  for (const o of others) alternates[o.locale] = o.slug;
  const terms = vacancyTermIds(q, row.id).flatMap((id) => publicDocument(q, id, locale) ?? []);
  return { ...row, publishedAt: row.publishedAt ?? now, locale, state: vacancyState(row.closesAt, now), terms, alternates };
}

/** A published vacancy by its slug in a language, open or closed. */
export function publishedVacancy(q: Queryable, locale: Locale, slug: string, now: Date): PublicVacancy | null {
  const row = q
    .select(detailColumns)
    .from(vacancyTranslations)
    .innerJoin(vacancies, eq(vacancies.id, vacancyTranslations.vacancyId))
    .where(and(publicIn(locale, now), eq(vacancyTranslations.slug, slug)))
    .get();
  return row ? complete(q, row, locale, now) : null;
}

/** One language of a vacancy as its public page would show it, whatever its status: staff previews only (db/admin checks the caller). */
export function vacancyForPreview(q: Queryable, itemId: number, locale: Locale, now = new Date()): (PublicVacancy & { live: boolean }) | null {
  const row = q
    .select({ ...detailColumns, status: vacancyTranslations.status })
    .from(vacancyTranslations)
    .innerJoin(vacancies, eq(vacancies.id, vacancyTranslations.vacancyId))
    .where(and(eq(vacancyTranslations.vacancyId, itemId), eq(vacancyTranslations.locale, locale), isNull(vacancies.deletedAt)))
    .get();
  if (!row) return null;
  const { status, ...rest } = row;
  return { ...complete(q, rest, locale, now), live: isLive({ status, publishedAt: rest.publishedAt }, now) };
}

/** The public pages' reads (now is the request's time). */
export const publicVacancyList = (locale: Locale, now = new Date()) => publishedVacancies(getDb(), locale, now);
export const openVacancyList = (locale: Locale, now = new Date()) => openVacancies(getDb(), locale, now);
export const publicVacancy = (locale: Locale, slug: string, now = new Date()) => publishedVacancy(getDb(), locale, slug, now);
