import type { getPathname } from '@/i18n/navigation';

/** A typed internal address, localized by next-intl's navigation helpers (Link, getPathname). */
export type AppHref = Parameters<typeof getPathname>[0]['href'];

export const homeHref = '/' as const satisfies AppHref;

/** A page stored in the database, by its path in the target language. */
export function pageHref(path: string): AppHref {
  return { pathname: '/[...path]', params: { path: path.split('/') } };
}

export function articleHref(slug: string): AppHref {
  return { pathname: '/news/[slug]', params: { slug } };
}

/** The news index; page 1 has no query string. */
export function newsHref(page = 1): AppHref {
  return page > 1 ? { pathname: '/news', query: { page: String(page) } } : '/news';
}
