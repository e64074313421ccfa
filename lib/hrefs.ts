import type { AppHref, NewsListRoute } from '@/i18n/paths';
import { ROUTES } from '@/i18n/routing';

export type { AppHref };

export const homeHref = ROUTES.home satisfies AppHref;

/** A page stored in the database, by its path in the target language. */
export function pageHref(path: string): AppHref {
  return { pathname: ROUTES.page, params: { path: path.split('/') } };
}

export function articleHref(slug: string): AppHref {
  return { pathname: ROUTES.article, params: { slug } };
}

/** The news index; page 1 has no query string. */
export function newsHref(page = 1): AppHref {
  return newsListHref(ROUTES.news, page);
}

/** A news list (everything, or one kind's: NEWS_KIND_LISTS); page 1 has no query string. */
export function newsListHref(route: NewsListRoute, page = 1): AppHref {
  return page > 1 ? { pathname: route, query: { page: String(page) } } : route;
}

/** Search: the form alone, or a query's results (page 1 has no page in the query string). */
export function searchHref(query = '', page = 1): AppHref {
  if (!query) return ROUTES.search;
  return { pathname: ROUTES.search, query: { q: query, ...(page > 1 ? { page: String(page) } : {}) } };
}

/** The vacancy list (Take Action). */
export const vacanciesHref = ROUTES.vacancies satisfies AppHref;

export function vacancyHref(slug: string): AppHref {
  return { pathname: ROUTES.vacancy, params: { slug } };
}
