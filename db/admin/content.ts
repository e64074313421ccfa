import 'server-only';
import type { Locale } from '@/i18n/routing';
import { requireUser } from '@/lib/auth/session';
import { newsType } from '../content/news-writes';
import { pageType } from '../content/page-writes';
import { vacancyType } from '../content/vacancy-writes';
import { revisionOf, revisionList, type Revision, type Snapshot, type TextFields, type TranslatedItem, type TranslatedType, type TranslationRow } from '../content/translated';
import { getDb } from '../index';

/**
 * Staff reads that are the same for every translated type, by the type's
 * name (its address segment in the editor area: 'news', 'pages'). Each
 * checks the caller first.
 */

export const CONTENT_TYPE_NAMES = ['news', 'pages', 'vacancies'] as const;
export type ContentTypeName = (typeof CONTENT_TYPE_NAMES)[number];

type OnType<T> = <I extends TranslatedItem, R extends TranslationRow, F extends TextFields, S extends Snapshot, C extends { changedPaths: string[] }>(
  type: TranslatedType<I, R, F, S, C>,
) => T;

/** Runs `f` with the declaration of the named type. */
function onType<T>(name: ContentTypeName, f: OnType<T>): T {
  return name === 'news' ? f(newsType) : name === 'vacancies' ? f(vacancyType) : f(pageType);
}

/** The revisions of one language of an item, newest first. */
export async function contentRevisions(name: ContentTypeName, itemId: number, locale: Locale) {
  await requireUser();
  return onType(name, (type) => revisionList(getDb(), type, itemId, locale));
}

/** One revision of an item with its full text; null when it is none of this item's. */
export async function contentRevision(name: ContentTypeName, itemId: number, revisionId: number) {
  await requireUser();
  return onType(name, (type): Revision<Snapshot & { readonly [field: string]: unknown }> | null => revisionOf(getDb(), type, itemId, revisionId));
}
