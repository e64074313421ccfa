import type { AppHref } from '@/i18n/paths';

export type { AppHref };

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
