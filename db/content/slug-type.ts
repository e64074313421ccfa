import { and, eq, ne } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Locale } from '@/i18n/routing';
import { sanitizeRichText } from '@/lib/sanitize';
import { slugify } from '@/lib/slug';
import type { Queryable } from '../client';
import { type FieldErrors, isLive, LIMITS, SLUG_PATTERN } from './common';
import type { Snapshot, TextFields, TranslatedItem, TranslatedType, TranslationRow } from './translated';

/**
 * The part of a declaration that is the same for every type whose
 * translations have their address in a `slug` column below a list (news:
 * /news/<slug>, vacancies: /take-action/vacancies/<slug>): its translations
 * table behind the core's accessors, the slug's uniqueness per language,
 * its public address, and where a live item shows (itself, the list, and
 * whatever else the type names), which is what a change revalidates.
 */

type SlugTable = SQLiteTable & { id: SQLiteColumn; locale: SQLiteColumn; slug: SQLiteColumn };

type SlugRow = TranslationRow & { slug: string };

export type SlugAddressing = {
  /** The public address of a translation: '/news/<slug>'. */
  itemPath(locale: Locale, slug: string): string;
  /** Every public address that shows a live translation (itself, its list, home…). */
  livePaths(locale: Locale, slug: string): string[];
};

type Parts<I extends TranslatedItem, R extends SlugRow, F extends TextFields & { slug: string }> = Pick<
  TranslatedType<I, R, F, Snapshot, { changedPaths: string[] }>,
  'translations' | 'insertTranslation' | 'updateTranslation' | 'addressTaken' | 'publicAddress' | 'liveChange' | 'changes'
>;

export function slugTranslations<I extends TranslatedItem, R extends SlugRow, F extends TextFields & { slug: string }>(
  table: SlugTable,
  itemColumn: SQLiteColumn,
  itemKey: string,
  addressing: SlugAddressing,
): Parts<I, R, F> {
  const { itemPath, livePaths } = addressing;
  const translations = (q: Queryable, itemId: number) => q.select().from(table).where(eq(itemColumn, itemId)).all() as R[];
  return {
    translations,
    insertTranslation: (tx, itemId, locale, values) => {
      tx.insert(table)
        .values({ ...values, [itemKey]: itemId, locale } as never)
        .run();
    },
    updateTranslation: (tx, rowId, values) => {
      tx.update(table).set(values as never).where(eq(table.id, rowId)).run();
    },
    addressTaken: (tx, item, locale, slug) => {
      const clash = tx
        .select({ id: table.id })
        .from(table)
        .where(and(eq(table.locale, locale), eq(table.slug, slug), ne(itemColumn, item.id)))
        .get();
      return clash ? 'slugTaken' : null;
    },
    publicAddress: (_item, locale, slug) => (slug ? itemPath(locale, slug) : null),
    liveChange: (q, item, now) => ({
      changedPaths: translations(q, item.id)
        .filter((r) => isLive(r, now))
        .flatMap((r) => livePaths(r.locale, r.slug)),
    }),
    changes: ({ locale, current, other, fields, wasLive, nowLive, now }, moved) => {
      const changed = new Set<string>();
      if (wasLive) livePaths(locale, current!.slug).forEach((p) => changed.add(p));
      if (nowLive) livePaths(locale, fields.slug).forEach((p) => changed.add(p));
      // The other language's page links to this one (switcher, hreflang).
      if ((wasLive || nowLive) && other && isLive(other, now)) changed.add(itemPath(other.locale, other.slug));
      moved.forEach((p) => changed.add(p));
      return { changedPaths: [...changed] };
    },
  };
}

/** The text fields of a type addressed by a slug: title, slug, summary, body and the SEO fields. */
export type SlugTextFields = {
  title: string;
  /** Empty: made from the title. */
  slug: string;
  summary: string;
  body: string;
  seoTitle: string | null;
  seoDescription: string | null;
};

/** Trims, sanitizes and checks the fields; a slug left empty is made from the title. */
export function cleanSlugTextFields(input: SlugTextFields): { fields: SlugTextFields; errors: FieldErrors<keyof SlugTextFields | 'dateline'> } {
  const title = input.title.trim();
  const fields: SlugTextFields = {
    title,
    slug: input.slug.trim() || slugify(title),
    summary: input.summary.trim(),
    body: sanitizeRichText(input.body),
    seoTitle: input.seoTitle?.trim() || null,
    seoDescription: input.seoDescription?.trim() || null,
  };
  const errors: FieldErrors<keyof SlugTextFields | 'dateline'> = {};
  if (!fields.title) errors.title = 'required';
  else if (fields.title.length > LIMITS.title) errors.title = 'tooLong';
  // An address left empty is made from the title: without a title, only the title is missing.
  if (!fields.slug) {
    if (fields.title) errors.slug = 'required';
  } else if (fields.slug.length > LIMITS.slug) errors.slug = 'tooLong';
  else if (!SLUG_PATTERN.test(fields.slug)) errors.slug = 'slugInvalid';
  if (fields.summary.length > LIMITS.summary) errors.summary = 'tooLong';
  if (fields.body.length > LIMITS.body) errors.body = 'tooLong';
  if ((fields.seoTitle?.length ?? 0) > LIMITS.seoTitle) errors.seoTitle = 'tooLong';
  if ((fields.seoDescription?.length ?? 0) > LIMITS.seoDescription) errors.seoDescription = 'tooLong';
  return { fields, errors };
}
