'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import {
  addPageToTree,
  deletePageFromTrash,
  emptyPagesTrash,
  loadPageForEditor,
  movePageInTree,
  movePageStep,
  movePageToPlace,
  movePageToTrash,
  restorePageFromTrash,
} from '@/db/admin/pages';
import type { PageChange } from '@/db/content/page-writes';
import { guarded } from '@/lib/auth/guard';
import { requireUser } from '@/lib/auth/session';
import { clientAddress } from '@/lib/client-address';
import type { FormState } from '@/lib/form-state';
import { revalidatePublic } from '@/lib/revalidate';

/**
 * What only admins may do to pages: add them to the tree, move and reorder
 * them, move them to the trash, and restore or delete what is in the trash.
 * Every action here checks for an admin before it reads its input (the
 * admin-auth end-to-end test calls each one as an editor, by this file's path).
 */

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** '' is the top level. */
const parent = z.union([z.literal('').transform(() => null), id]);

async function adminMessages() {
  const me = await requireUser('admin');
  return getTranslations({ locale: me.preferredLocale, namespace: 'Admin' });
}

function afterTreeChange(change: PageChange, pageId?: number) {
  revalidatePublic(change.changedPaths, { menu: change.menuChanged });
  revalidatePath('/admin/pages');
  if (pageId !== undefined) revalidatePath(`/admin/pages/${pageId}`);
}

export async function addPageAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const t = await adminMessages();
    const parsed = z
      .object({ kind: z.enum(['page', 'link']), parentId: parent, url: z.string().max(4000).optional() })
      .safeParse({ kind: formData.get('kind'), parentId: formData.get('parentId') ?? '', url: formData.get('url') ?? undefined });
    if (!parsed.success) return { status: 'error', message: t('errors.invalid') };
    const { kind, parentId, url } = parsed.data;
    const result = await addPageToTree({ kind, parentId, externalUrl: url }, clientAddress(await headers()));
    if (!result.ok) {
      if (result.error === 'urlInvalid') return { status: 'error', message: t('errors.invalid'), fieldErrors: { url: t('pages.errors.urlInvalid') } };
      if (result.error === 'parentIsLink' || result.error === 'tooDeep') return { status: 'error', message: t(`pages.errors.${result.error}`) };
      return { status: 'error', message: t('pages.notFound') };
    }
    afterTreeChange(result);
    redirect(`/admin/pages/${result.pageId}?created=1`);
  });
}

export async function movePageStepAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const t = await adminMessages();
    const parsed = z.object({ pageId: id, direction: z.enum(['up', 'down']) }).safeParse({ pageId: formData.get('pageId'), direction: formData.get('direction') });
    if (!parsed.success) return { status: 'error', message: t('errors.invalid') };
    const result = await movePageStep(parsed.data.pageId, parsed.data.direction, clientAddress(await headers()));
    if (!result.ok) return { status: 'error', message: t(result.error === 'atEdge' ? 'pages.errors.atEdge' : 'pages.notFound') };
    afterTreeChange(result, parsed.data.pageId);
    return { status: 'success', message: t(parsed.data.direction === 'up' ? 'pages.movedUp' : 'pages.movedDown') };
  });
}

export async function movePageUnderAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const t = await adminMessages();
    const parsed = z.object({ pageId: id, parentId: parent }).safeParse({ pageId: formData.get('pageId'), parentId: formData.get('parentId') });
    if (!parsed.success) return { status: 'error', message: t('errors.invalid') };
    const { pageId, parentId } = parsed.data;
    const current = await loadPageForEditor(pageId);
    if (!current) return { status: 'error', message: t('pages.notFound') };
    // Already there: moving it "under its own parent" would only send it to the end.
    if (current.page.parentId === parentId) return { status: 'success', message: t('pages.alreadyThere') };
    const result = await movePageInTree({ pageId, parentId, position: Number.POSITIVE_INFINITY }, clientAddress(await headers()));
    if (!result.ok) {
      if (result.error === 'cycle' || result.error === 'parentIsLink' || result.error === 'tooDeep') return { status: 'error', message: t(`pages.errors.${result.error}`) };
      return { status: 'error', message: t('pages.notFound') };
    }
    afterTreeChange(result, pageId);
    // The row leaves its list for another one: the tree says what moved where.
    redirect(`/admin/pages?moved=${pageId}`);
  });
}

export type MoveToState = FormState & { from?: { parentId: number | null; position: number } };

/**
 * The tree's drag and drop (and its undo): puts a page under `parentId`
 * (null: top level) at `position` among its new siblings. Called with
 * arguments, not a form; the answer says where the page was, for undo.
 */
export async function movePageToAction(pageId: unknown, parentId: unknown, position: unknown): Promise<MoveToState> {
  return guarded(async (): Promise<MoveToState> => {
    const t = await adminMessages();
    const parsed = z
      .object({ pageId: id, parentId: id.nullable(), position: z.number().int().min(0).max(10_000) })
      .safeParse({ pageId, parentId, position });
    if (!parsed.success) return { status: 'error', message: t('errors.invalid') };
    const result = await movePageToPlace(parsed.data, clientAddress(await headers()));
    if (!result.ok) {
      if (result.error === 'cycle' || result.error === 'parentIsLink' || result.error === 'tooDeep') return { status: 'error', message: t(`pages.errors.${result.error}`) };
      return { status: 'error', message: t('pages.notFound') };
    }
    afterTreeChange(result, parsed.data.pageId);
    return { status: 'success', message: t('pages.moved'), from: result.from };
  });
}

export async function trashPageAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const t = await adminMessages();
    const parsed = id.safeParse(formData.get('pageId'));
    if (!parsed.success) return { status: 'error', message: t('errors.invalid') };
    const result = await movePageToTrash(parsed.data, clientAddress(await headers()));
    if (!result.ok) {
      if (result.error === 'protected') return { status: 'error', message: t('pages.trashProtected') };
      if (result.error === 'hasChildren') return { status: 'error', message: t('pages.trashHasChildren') };
      return { status: 'error', message: t('pages.notFound') };
    }
    afterTreeChange(result, parsed.data);
    revalidatePath('/admin/pages/trash');
    redirect('/admin/pages?trashed=1');
  });
}

export async function restorePageAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const t = await adminMessages();
    const parsed = id.safeParse(formData.get('pageId'));
    if (!parsed.success) return { status: 'error', message: t('errors.invalid') };
    const result = await restorePageFromTrash(parsed.data, clientAddress(await headers()));
    if (!result.ok) {
      if (result.error === 'pathTaken') return { status: 'error', message: t('pages.restoreTaken', { language: t(`editor.language.${result.locale}`) }) };
      return { status: 'error', message: t('pages.notFound') };
    }
    afterTreeChange(result, parsed.data);
    revalidatePath('/admin/pages/trash');
    return { status: 'success', message: t('trash.restored') };
  });
}

export async function deletePageForeverAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const t = await adminMessages();
    const ip = clientAddress(await headers());
    if (formData.get('pageId') === 'all') {
      const result = await emptyPagesTrash(ip);
      revalidatePath('/admin/pages/trash');
      return { status: 'success', message: t('pages.deleted', { count: result.deleted }) };
    }
    const parsed = id.safeParse(formData.get('pageId'));
    if (!parsed.success) return { status: 'error', message: t('errors.invalid') };
    const result = await deletePageFromTrash(parsed.data, ip);
    if (!result.ok) {
      if (result.error === 'hasChildren') return { status: 'error', message: t('pages.trashHasChildren') };
      return { status: 'error', message: t('pages.notFound') };
    }
    revalidatePath('/admin/pages/trash');
    return { status: 'success', message: t('pages.deleted', { count: 1 }) };
  });
}
