import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Locale } from '@/i18n/routing';
import { requireUser } from '@/lib/auth/session';
import type { PublicationRequest } from '../content/common';
import * as list from '../content/news-list';
import { newsOverview, type StaffNewsFilter } from '../content/news-list';
import {
  confirmTranslation,
  type NewsFields,
  type SharedNewsFields,
} from '../content/news-writes';
import * as writes from '../content/news-writes';
import { getDb } from '../index';
import * as queries from '../queries/news';
import { pages, pageTranslations } from '../schema';

/**
 * Staff reads and writes of news. Each function checks the caller first,
 * whoever calls it; the content functions below do the work in one
 * transaction each and know nothing of sessions.
 */

async function actor(ip: string | null, role?: 'admin') {
  const user = await requireUser(role);
  return { userId: user.id, ip };
}

export async function newsList(filter: StaffNewsFilter) {
  await requireUser();
  return list.newsList(getDb(), filter);
}

export async function newsForEditor(itemId: number) {
  await requireUser();
  return writes.newsForEditor(getDb(), itemId);
}

export async function saveNewsTranslation(
  input: { itemId: number | null; locale: Locale; baseVersion: number | null; fields: NewsFields; publication: PublicationRequest },
  ip: string | null,
) {
  return writes.saveNewsTranslation(getDb(), await actor(ip), input);
}

/** The first save of a new article: see writes.createNewsItem. */
export async function createNewsItem(input: Parameters<typeof writes.createNewsItem>[2], ip: string | null) {
  return writes.createNewsItem(getDb(), await actor(ip), input);
}

export async function saveSharedNewsFields(input: { itemId: number; baseVersion: number; shared: SharedNewsFields }, ip: string | null) {
  return writes.saveSharedNewsFields(getDb(), await actor(ip), input);
}

export async function confirmNewsTranslation(itemId: number, locale: Locale, ip: string | null) {
  return confirmTranslation(getDb(), await actor(ip), itemId, locale);
}



export async function restoreNewsRevision(input: { itemId: number; revisionId: number; baseVersion: number }, ip: string | null) {
  return writes.restoreNewsRevision(getDb(), await actor(ip), input);
}

/** Any staff member may move an item to the trash; only admins see, restore and empty it. */
export async function trashNews(itemId: number, ip: string | null) {
  return writes.trashNews(getDb(), await actor(ip), itemId);
}

export async function newsTrash() {
  await requireUser('admin');
  return writes.newsTrash(getDb());
}

export async function restoreNews(itemId: number, ip: string | null) {
  return writes.restoreNews(getDb(), await actor(ip, 'admin'), itemId);
}

export async function deleteNewsForever(itemIds: number[] | 'all', ip: string | null) {
  return writes.deleteNewsForever(getDb(), await actor(ip, 'admin'), itemIds);
}

/** The Our Work areas a news item can belong to, titled in the editor's language. */
export async function newsThemeOptions(locale: Locale): Promise<{ id: number; title: string }[]> {
  await requireUser();
  const db = getDb();
  const parent = db.select({ id: pages.id }).from(pages).where(eq(pages.key, 'our-work')).get();
  if (!parent) return [];
  const children = db
    .select({ id: pages.id, locale: pageTranslations.locale, title: pageTranslations.title })
    .from(pages)
    .innerJoin(pageTranslations, eq(pageTranslations.pageId, pages.id))
    .where(and(eq(pages.parentId, parent.id), eq(pages.kind, 'page'), isNull(pages.deletedAt)))
    .orderBy(asc(pages.position), asc(pages.id))
    .all();
  const byId = new Map<number, string>();
  for (const c of children) if (c.locale === locale || !byId.has(c.id)) byId.set(c.id, c.title);
  return [...byId].map(([id, title]) => ({ id, title }));
}

/** One language of an item as the public page would show it, for staff only. */
export async function newsPreview(itemId: number, locale: Locale) {
  await requireUser();
  return queries.newsPreview(getDb(), itemId, locale);
}

export async function newsDashboard() {
  await requireUser();
  return newsOverview(getDb());
}
