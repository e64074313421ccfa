import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Locale } from '@/i18n/routing';
import { articlePath } from '../content/common';
import { pagePublicPath } from '../content/page-paths';
import { vacancyPath } from '../content/vacancy-writes';
import { getDb } from '../index';
import { redirects } from '../schema';

/** The public address of an article, of a page (for the editor's "View on the site" links too). */
export { articlePath, pagePublicPath, vacancyPath };

/**
 * Where an address that moved now lives (its path), if it moved: written when
 * a published slug or page path changes (moveAddress in db/content/common.ts,
 * which keeps the table free of chains). Asked by a page only when nothing is
 * published at its address, and the answer is cached with the page.
 */
export function redirectTarget(locale: Locale, pathname: string): string | undefined {
  return getDb()
    .select({ to: redirects.toPath })
    .from(redirects)
    .where(and(eq(redirects.locale, locale), eq(redirects.fromPath, pathname)))
    .get()?.to;
}

/** Where the article once published at this slug lives now, if it moved. */
export function articleRedirect(locale: Locale, slug: string): string | undefined {
  return redirectTarget(locale, articlePath(locale, slug));
}

/** Where the page once published at this path lives now, if it moved. */
export function pageRedirect(locale: Locale, pagePath: string): string | undefined {
  return redirectTarget(locale, pagePublicPath(locale, pagePath));
}
