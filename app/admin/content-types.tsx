import type { ReactNode } from 'react';
import type { getTranslations } from 'next-intl/server';
import type { RestoreTarget } from '@/components/admin/RestoreForm';
import type { TrashTable } from '@/components/admin/TrashTable';
import { ArticleView } from '@/components/site/ArticleView';
import { PageView } from '@/components/site/PageView';
import { VacancyView } from '@/components/site/VacancyViews';
import type { ContentTypeName } from '@/db/admin/content';
import { newsForEditor, newsPreview, newsTrash } from '@/db/admin/news';
import { pageForEditor, pagePreview, pageTrash } from '@/db/admin/pages';
import type { TrashedItem } from '@/db/content/trash';
import { vacancy, vacancyPreview, vacancyTrash } from '@/db/admin/vacancies';
import type { Locale } from '@/i18n/routing';
import { restoreNewsRevisionAction } from './(area)/news/actions';
import { deleteNewsForeverAction, restoreNewsAction } from './(area)/news/trash/actions';
import { restorePageRevisionAction } from './(area)/pages/actions';
import { deletePageForeverAction, restorePageAction } from './(area)/pages/admin-actions';
import { deleteVacanciesForeverAction, restoreVacancyAction, restoreVacancyRevisionAction } from './(area)/vacancies/actions';

type Messages = Awaited<ReturnType<typeof getTranslations<'Admin'>>>;

/** One language's current text, as the history compares it. */
type Current = { readonly [field: string]: unknown; title: string; version: number };

/**
 * The translated types as the admin area's shared routes see them (history,
 * preview), keyed by their name, which is their address segment: /admin/<segment>/<id>/history/<locale>,
 * /admin/preview/<segment>/<id>/<locale>. A new type adds one entry here.
 */
export type ContentTypeRoutes = {
  /** An item outside the trash with its languages and the fields its history compares (labelled). */
  load(id: number, t: Messages): Promise<{ id: number; translations: Partial<Record<Locale, Current>>; fields: { name: string; label: string }[] } | null>;
  backToEditor(t: Messages): string;
  restore: Omit<RestoreTarget, 'id'>;
  /** One language as the public page would show it, whatever its status; null when there is none. */
  preview(id: number, locale: Locale): Promise<ReactNode | null>;
  /** The trash page (/admin/<segment>/trash, admins only): its items, its words, the actions of its table. */
  trash: Pick<Parameters<typeof TrashTable>[0], 'idName' | 'restoreAction' | 'deleteAction' | 'testId'> & {
    load(): Promise<TrashedItem<unknown>[]>;
    texts(t: Messages, done: { action: string; count: number }): { back: string; intro: string; emptyWarning: string; done: string | null };
  };
};

const NEWS_FIELDS = ['title', 'slug', 'summary', 'dateline', 'body', 'seoTitle', 'seoDescription'] as const;
const PAGE_FIELDS = ['title', 'menuTitle', 'path', 'summary', 'body', 'seoTitle', 'seoDescription'] as const;
const VACANCY_FIELDS = ['title', 'slug', 'summary', 'body', 'seoTitle', 'seoDescription'] as const;

export const CONTENT_TYPES: Record<ContentTypeName, ContentTypeRoutes> = {
  news: {
    load: async (id, t) => {
      const item = await newsForEditor(id);
      if (!item || item.deletedAt) return null;
      return { id: item.id, translations: item.translations, fields: NEWS_FIELDS.map((name) => ({ name, label: t(`editor.fields.${name}`) })) };
    },
    backToEditor: (t) => t('history.backToEditor'),
    restore: { action: restoreNewsRevisionAction, idName: 'itemId' },
    preview: async (id, locale) => {
      const article = await newsPreview(id, locale);
      return article ? <ArticleView locale={locale} article={article} notPublished={!article.live} /> : null;
    },
    trash: {
      load: newsTrash,
      texts: (t, done) => ({
        back: t('editor.backToList'),
        intro: t('trash.intro'),
        emptyWarning: t('trash.emptyWarning'),
        done: done.action === 'restored' ? t('trash.restored') : done.action === 'deleted' ? t('trash.deleted', { count: done.count }) : null,
      }),
      idName: 'itemId',
      restoreAction: restoreNewsAction,
      deleteAction: deleteNewsForeverAction,
      testId: 'news-trash',
    },
  },
  pages: {
    load: async (id, t) => {
      const item = await pageForEditor(id);
      if (!item) return null;
      // An external link has a title and nothing else.
      const fields = item.page.kind === 'link' ? (['title'] as const) : PAGE_FIELDS;
      const label = (f: (typeof PAGE_FIELDS)[number]) => (f === 'menuTitle' || f === 'path' ? t(`pages.fields.${f}`) : t(`editor.fields.${f}`));
      return { id: item.page.id, translations: item.translations, fields: fields.map((name) => ({ name, label: label(name) })) };
    },
    backToEditor: (t) => t('pages.backToEditor'),
    restore: { action: restorePageRevisionAction, idName: 'pageId' },
    preview: async (id, locale) => {
      const page = await pagePreview(id, locale);
      return page ? <PageView locale={locale} page={page} /> : null;
    },
    trash: {
      load: pageTrash,
      // A restored page is shown in the tree, where its restore leads.
      texts: (t) => ({ back: t('pages.backToList'), intro: t('pages.trashIntro'), emptyWarning: t('pages.emptyWarning'), done: null }),
      idName: 'pageId',
      restoreAction: restorePageAction,
      deleteAction: deletePageForeverAction,
      testId: 'pages-trash',
    },
  },
  vacancies: {
    load: async (id, t) => {
      const item = await vacancy(id);
      if (!item || item.deletedAt) return null;
      return { id: item.id, translations: item.translations, fields: VACANCY_FIELDS.map((name) => ({ name, label: t(`editor.fields.${name}`) })) };
    },
    backToEditor: (t) => t('vacancies.backToEditor'),
    restore: { action: restoreVacancyRevisionAction, idName: 'itemId' },
    preview: async (id, locale) => {
      const found = await vacancyPreview(id, locale);
      return found ? <VacancyView locale={locale} vacancy={found} now={new Date()} /> : null;
    },
    trash: {
      load: vacancyTrash,
      texts: (t, done) => ({
        back: t('vacancies.backToList'),
        intro: t('trash.intro'),
        emptyWarning: t('trash.emptyWarning'),
        done: done.action === 'restored' ? t('trash.restored') : done.action === 'deleted' ? t('trash.deleted', { count: done.count }) : null,
      }),
      idName: 'itemId',
      restoreAction: restoreVacancyAction,
      deleteAction: deleteVacanciesForeverAction,
      testId: 'vacancy-trash',
    },
  },
};

/** The name of a type by its address segment; null for an unknown one. */
export function contentTypeName(segment: string): ContentTypeName | null {
  return Object.hasOwn(CONTENT_TYPES, segment) ? (segment as ContentTypeName) : null;
}
