'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import {
  createPage,
  deletePageForever,
  emptyPageTrash,
  pageForEditor,
  movePage,
  movePageUpDown,
  movePageTo,
  trashPage,
  restorePage,
} from '@/db/admin/pages';
import type { PageChange } from '@/db/content/page-writes';
import { action, type CallAction } from '@/lib/auth/action';
import { id, optionalId } from '@/lib/form-input';
import type { FormState } from '@/lib/form-state';
import { revalidatePublic } from '@/lib/revalidate';

/**
 * What only admins may do to pages: add them to the tree, move and reorder
 * them, move them to the trash, and restore or delete what is in the trash.
 * Each is declared for admins (role 'admin'): the wrapper refuses anyone
 * else before the input is read, and the admin-auth end-to-end test calls
 * every action so declared as an editor.
 */

/** '' is the top level. */
const parent = optionalId;

function afterTreeChange(change: PageChange, pageId?: number) {
  revalidatePublic(change.changedPaths, { menu: change.menuChanged });
  revalidatePath('/admin/pages');
  if (pageId !== undefined) revalidatePath(`/admin/pages/${pageId}`);
}

export const createPageAction = action(
  { role: 'admin', form: { kind: z.enum(['page', 'link']), parentId: parent.default(null), url: z.string().max(4000).optional() } },
  async ({ input: { kind, parentId, url }, t, address }) => {
    const result = await createPage({ kind, parentId, externalUrl: url }, address);
    if (!result.ok) {
      if (result.error === 'urlInvalid') return { status: 'error', message: t('errors.invalid'), fieldErrors: { url: t('pages.errors.urlInvalid') } };
      if (result.error === 'parentIsLink' || result.error === 'tooDeep') return { status: 'error', message: t(`pages.errors.${result.error}`) };
      return { status: 'error', message: t('pages.notFound') };
    }
    afterTreeChange(result);
    redirect(`/admin/pages/${result.pageId}?created=1`);
  },
);

export const movePageUpDownAction = action({ role: 'admin', form: { pageId: id, direction: z.enum(['up', 'down']) } }, async ({ input: { pageId, direction }, t, address }) => {
  const result = await movePageUpDown(pageId, direction, address);
  if (!result.ok) return { status: 'error', message: t(result.error === 'atEdge' ? 'pages.errors.atEdge' : 'pages.notFound') };
  afterTreeChange(result, pageId);
  return { status: 'success', message: t(direction === 'up' ? 'pages.movedUp' : 'pages.movedDown') };
});

export const movePageAction = action({ role: 'admin', form: { pageId: id, parentId: parent } }, async ({ input: { pageId, parentId }, t, address }) => {
  const current = await pageForEditor(pageId);
  if (!current) return { status: 'error', message: t('pages.notFound') };
  // Already there: moving it "under its own parent" would only send it to the end.
  if (current.page.parentId === parentId) return { status: 'success', message: t('pages.alreadyThere') };
  const result = await movePage({ pageId, parentId, position: Number.POSITIVE_INFINITY }, address);
  if (!result.ok) {
    if (result.error === 'cycle' || result.error === 'parentIsLink' || result.error === 'tooDeep') return { status: 'error', message: t(`pages.errors.${result.error}`) };
    return { status: 'error', message: t('pages.notFound') };
  }
  afterTreeChange(result, pageId);
  // The row leaves its list for another one: the tree says what moved where.
  redirect(`/admin/pages?moved=${pageId}`);
});

export type MoveToState = FormState & { from?: { parentId: number | null; position: number } };

/**
 * The tree's drag and drop (and its undo): puts a page under `parentId`
 * (null: top level) at `position` among its new siblings. Called with an
 * argument, not a form; the answer says where the page was, for undo.
 */
export const movePageToAction: CallAction<{ pageId: number; parentId: number | null; position: number }, MoveToState> = action(
  { role: 'admin', input: z.object({ pageId: id, parentId: id.nullable(), position: z.number().int().min(0).max(10_000) }) },
  async ({ input, t, address }) => {
    const result = await movePageTo(input, address);
    if (!result.ok) {
      if (result.error === 'cycle' || result.error === 'parentIsLink' || result.error === 'tooDeep') return { status: 'error', message: t(`pages.errors.${result.error}`) };
      return { status: 'error', message: t('pages.notFound') };
    }
    afterTreeChange(result, input.pageId);
    return { status: 'success', message: t('pages.moved'), from: result.from };
  },
);

export const trashPageAction = action({ role: 'admin', form: { pageId: id } }, async ({ input: { pageId }, t, address }) => {
  const result = await trashPage(pageId, address);
  if (!result.ok) {
    if (result.error === 'protected') return { status: 'error', message: t('pages.trashProtected') };
    if (result.error === 'hasChildren') return { status: 'error', message: t('pages.trashHasChildren') };
    return { status: 'error', message: t('pages.notFound') };
  }
  afterTreeChange(result, pageId);
  revalidatePath('/admin/pages/trash');
  redirect('/admin/pages?trashed=1');
});

export const restorePageAction = action({ role: 'admin', form: { pageId: id } }, async ({ input: { pageId }, t, address }) => {
  const result = await restorePage(pageId, address);
  if (!result.ok) {
    if (result.error === 'pathTaken') return { status: 'error', message: t('pages.restoreTaken', { language: t(`editor.language.${result.locale}`) }) };
    return { status: 'error', message: t('pages.notFound') };
  }
  afterTreeChange(result, pageId);
  revalidatePath('/admin/pages/trash');
  return { status: 'success', message: t('trash.restored') };
});

/** One page of the trash, or 'all' of it. */
export const deletePageForeverAction = action({ role: 'admin', form: { pageId: z.union([z.literal('all'), id]) } }, async ({ input: { pageId }, t, address }) => {
  if (pageId === 'all') {
    const result = await emptyPageTrash(address);
    revalidatePath('/admin/pages/trash');
    return { status: 'success', message: t('pages.deleted', { count: result.deleted }) };
  }
  const result = await deletePageForever(pageId, address);
  if (!result.ok) {
    if (result.error === 'hasChildren') return { status: 'error', message: t('pages.trashHasChildren') };
    return { status: 'error', message: t('pages.notFound') };
  }
  revalidatePath('/admin/pages/trash');
  return { status: 'success', message: t('pages.deleted', { count: 1 }) };
});
