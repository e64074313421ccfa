import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { cache } from 'react';
import type { Locale } from '@/i18n/routing';
import type { Queryable } from '../client';
import { pagePublicationIds } from '../content/page-tree';
import { getDb } from '../index';
import { type PublicDocument, publicDocument } from '../media/public';
import { pages, pageTranslations } from '../schema';
import { isPublic } from './visibility';

export type MenuItem = {
  pageId: number;
  title: string;
  /** Path below the locale root for pages; null for external links. */
  path: string | null;
  externalUrl: string | null;
  summary: string;
  /** The page's main image, for its card (shown through heroForPublic). */
  heroMediaId: number | null;
  children: MenuItem[];
};

type Row = {
  id: number;
  parentId: number | null;
  kind: 'page' | 'link';
  externalUrl: string | null;
  title: string;
  menuTitle: string | null;
  path: string | null;
  summary: string;
  heroMediaId: number | null;
};

function visiblePagesQuery(locale: Locale) {
  return getDb()
    .select({
      id: pages.id,
      parentId: pages.parentId,
      kind: pages.kind,
      externalUrl: pages.externalUrl,
      title: pageTranslations.title,
      menuTitle: pageTranslations.menuTitle,
      path: pageTranslations.path,
      summary: pageTranslations.summary,
      heroMediaId: pages.heroMediaId,
    })
    .from(pages)
    .innerJoin(pageTranslations, and(eq(pageTranslations.pageId, pages.id), eq(pageTranslations.locale, locale)))
    .where(and(isNull(pages.deletedAt), isPublic(pageTranslations)))
    .orderBy(asc(pages.parentId), asc(pages.position), asc(pages.id));
}

function toItem(r: Row): MenuItem {
  return {
    pageId: r.id,
    title: r.menuTitle || r.title,
    path: r.kind === 'page' ? r.path : null,
    externalUrl: r.kind === 'link' ? r.externalUrl : null,
    summary: r.summary,
    heroMediaId: r.heroMediaId,
    children: [],
  };
}

/**
 * The public page tree in one language: pages with a published translation,
 * in menu order. A page whose parent is not visible is left out with it.
 */
export const siteMenu = cache((locale: Locale): MenuItem[] => {
  const rows = visiblePagesQuery(locale).all();
  const items = new Map<number, MenuItem>();
  for (const r of rows) items.set(r.id, toItem(r));
  const roots: MenuItem[] = [];
  for (const r of rows) {
    const item = items.get(r.id)!;
    if (r.parentId === null) roots.push(item);
    else items.get(r.parentId)?.children.push(item);
  }
  return roots;
});

export type PublicPage = {
  pageId: number;
  locale: Locale;
  path: string;
  title: string;
  summary: string;
  body: string;
  seoTitle: string | null;
  seoDescription: string | null;
  isPlaceholder: boolean;
  publishedAt: Date;
  updatedAt: Date;
  /** The main image (shown through heroForPublic, which checks its alt text in the language). */
  heroMediaId: number | null;
  /** The PDFs the page lists as publications, newest first. */
  publications: PublicDocument[];
  parent: { title: string; path: string } | null;
  children: MenuItem[];
  /** The same page's published path in each language that has one. */
  alternates: Partial<Record<Locale, string>>;
};

type PageAndTranslation = { page: typeof pages.$inferSelect; t: typeof pageTranslations.$inferSelect };

/** A page's parent, children and published translations, as the page view shows them. */
function completePage(db: Queryable, { page, t }: PageAndTranslation, locale: Locale, path: string, publishedAt: Date): PublicPage {
  const alternates: Partial<Record<Locale, string>> = {};
  const siblings = db
    .select({ locale: pageTranslations.locale, path: pageTranslations.path })
    .from(pageTranslations)
    .where(and(eq(pageTranslations.pageId, page.id), isPublic(pageTranslations)))
    .all();
  for (const s of siblings) if (s.path) alternates[s.locale] = s.path;

  const menu = siteMenu(locale);
  const flat = menu.flatMap((m) => [m, ...m.children]);
  const parentItem = page.parentId ? flat.find((m) => m.pageId === page.parentId) : undefined;
  const self = flat.find((m) => m.pageId === page.id);

  return {
    pageId: page.id,
    locale,
    path,
    title: t.title,
    summary: t.summary,
    body: t.body,
    seoTitle: t.seoTitle,
    seoDescription: t.seoDescription,
    isPlaceholder: t.isPlaceholder,
    publishedAt,
    updatedAt: t.updatedAt,
    heroMediaId: page.heroMediaId,
    publications: pagePublicationIds(db, page.id)
      .flatMap((id) => publicDocument(db, id, locale) ?? [])
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime()),
    parent: parentItem?.path ? { title: parentItem.title, path: parentItem.path } : null,
    children: self?.children ?? [],
    alternates,
  };
}

/** A published page by its path in one language, with what the page view needs. */
export const publishedPageByPath = cache((locale: Locale, path: string): PublicPage | null => {
  const db = getDb();
  const row = db
    .select({ page: pages, t: pageTranslations })
    .from(pageTranslations)
    .innerJoin(pages, eq(pages.id, pageTranslations.pageId))
    .where(
      and(
        eq(pageTranslations.locale, locale),
        eq(pageTranslations.path, path),
        eq(pages.kind, 'page'),
        isNull(pages.deletedAt),
        isPublic(pageTranslations),
      ),
    )
    .get();
  if (!row) return null;
  return completePage(db, row, locale, path, row.t.publishedAt!);
});

/**
 * One language of a page as its public page would show it, whatever its
 * status — for staff previews only (db/admin/pages.ts checks the caller).
 * External links have no page of their own. An unpublished date reads as
 * now. Its parent and sub-pages are shown as the public sees them: a draft
 * sub-page is not listed, and a page that is not public yet has none listed.
 */
export function pagePreview(db: Queryable, pageId: number, locale: Locale, now = new Date()): PublicPage | null {
  const row = db
    .select({ page: pages, t: pageTranslations })
    .from(pageTranslations)
    .innerJoin(pages, eq(pages.id, pageTranslations.pageId))
    .where(and(eq(pageTranslations.pageId, pageId), eq(pageTranslations.locale, locale), eq(pages.kind, 'page'), isNull(pages.deletedAt)))
    .get();
  if (!row?.t.path) return null;
  return completePage(db, row, locale, row.t.path, row.t.publishedAt ?? now);
}
