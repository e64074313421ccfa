import 'server-only';
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Locale } from '@/i18n/routing';
import { type AppHref, articleHref, homeHref, newsHref, pageHref } from '@/lib/hrefs';
import { localizedUrl } from '@/lib/seo';
import type { SitemapEntry } from '@/lib/sitemap';
import { getDb } from '../index';
import { newsItems, newsTranslations, pages, pageTranslations } from '../schema';
import { isPublic } from './visibility';

type Version = { group: number; locale: Locale; href: AppHref; updatedAt: Date };

/** Each version becomes an entry whose alternates are every version of its group — reciprocal by construction. */
function entriesFrom(versions: Version[]): SitemapEntry[] {
  const groups = new Map<number, Version[]>();
  for (const v of versions) groups.set(v.group, [...(groups.get(v.group) ?? []), v]);
  return versions.map((v) => {
    const siblings = groups.get(v.group)!;
    const alternates = siblings.length > 1 ? siblings.map((s) => ({ hreflang: s.locale, href: localizedUrl(s.href, s.locale) })) : [];
    return { loc: localizedUrl(v.href, v.locale), lastmod: v.updatedAt, alternates };
  });
}

/** Every public address in every language: home, the news index, pages and articles. */
export function sitemapEntries(): SitemapEntry[] {
  const db = getDb();
  const pageRows = db
    .select({ group: pages.id, locale: pageTranslations.locale, path: pageTranslations.path, updatedAt: pageTranslations.updatedAt })
    .from(pageTranslations)
    .innerJoin(pages, eq(pages.id, pageTranslations.pageId))
    .where(and(eq(pages.kind, 'page'), isNull(pages.deletedAt), isNotNull(pageTranslations.path), isPublic(pageTranslations)))
    .orderBy(pages.parentId, pages.position, pages.id)
    .all();
  const newsRows = db
    .select({ group: newsItems.id, locale: newsTranslations.locale, slug: newsTranslations.slug, updatedAt: newsTranslations.updatedAt })
    .from(newsTranslations)
    .innerJoin(newsItems, eq(newsItems.id, newsTranslations.newsItemId))
    .where(and(isNull(newsItems.deletedAt), isPublic(newsTranslations)))
    .orderBy(newsTranslations.publishedAt)
    .all();
  const latest = newsRows.reduce<Date | undefined>((max, r) => (!max || r.updatedAt > max ? r.updatedAt : max), undefined) ?? new Date(0);
  const fixed: Version[] = (['en', 'sq'] as const).flatMap((locale) => [
    { group: -1, locale, href: homeHref, updatedAt: latest },
    { group: -2, locale, href: newsHref(), updatedAt: latest },
  ]);
  return entriesFrom([
    ...fixed,
    ...pageRows.map((r) => ({ group: r.group, locale: r.locale, href: pageHref(r.path!), updatedAt: r.updatedAt })),
    ...newsRows.map((r) => ({ group: 1_000_000_000 + r.group, locale: r.locale, href: articleHref(r.slug), updatedAt: r.updatedAt })),
  ]);
}
