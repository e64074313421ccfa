import 'server-only';
import type { Locale } from '@/i18n/routing';
import { requireUser } from '@/lib/auth/session';
import {
  createPage,
  type CreatePageInput,
  deletePageForever,
  emptyPageTrash,
  listPagesForStaff,
  listPageTrash,
  movePage,
  movePageTo,
  movePageUpDown,
  restorePage,
  setPageExternalUrl,
  setPageHero,
  setPagePublications,
  trashPage,
} from '../content/page-tree';
import {
  confirmPageTranslation,
  getPageForEditor,
  restorePageRevision,
  savePageTranslation,
  type SavePageInput,
} from '../content/page-writes';
import { getDb } from '../index';
import { pageForPreview } from '../queries/pages';

/**
 * Staff reads and writes of pages. Each function checks the caller first,
 * whoever calls it; the content functions do the work in one transaction
 * each and know nothing of sessions.
 *
 * Who may do what: any staff member edits, publishes and restores the
 * languages of a page (and where an external link points); only admins
 * shape the tree — add, move, reorder, move to the trash — and see,
 * restore and empty the trash.
 */

async function actor(ip: string | null, role?: 'admin') {
  const user = await requireUser(role);
  return { userId: user.id, ip };
}

// ---------------------------------------------------------------- any staff member

export async function listPageTree() {
  await requireUser();
  return listPagesForStaff(getDb());
}

export async function loadPageForEditor(pageId: number) {
  await requireUser();
  return getPageForEditor(getDb(), pageId);
}

export async function savePage(input: SavePageInput, ip: string | null) {
  return savePageTranslation(getDb(), await actor(ip), input);
}

export async function confirmPageLanguage(pageId: number, locale: Locale, ip: string | null) {
  return confirmPageTranslation(getDb(), await actor(ip), pageId, locale);
}



export async function restorePageToRevision(input: { pageId: number; locale: Locale; revisionId: number; baseVersion: number | null }, ip: string | null) {
  return restorePageRevision(getDb(), await actor(ip), input);
}

/** Where an external link points is part of editing it, like its titles. */
export async function setPageLink(pageId: number, externalUrl: string, ip: string | null) {
  return setPageExternalUrl(getDb(), await actor(ip), pageId, externalUrl);
}

/** One language of a page as the public page would show it, for staff only. */
export async function previewPage(pageId: number, locale: Locale) {
  await requireUser();
  return pageForPreview(getDb(), pageId, locale);
}

// ---------------------------------------------------------------- admins only: the tree

export async function addPageToTree(input: CreatePageInput, ip: string | null) {
  return createPage(getDb(), await actor(ip, 'admin'), input);
}

export async function movePageInTree(input: { pageId: number; parentId: number | null; position: number }, ip: string | null) {
  return movePage(getDb(), await actor(ip, 'admin'), input);
}

/** A drag and drop move; the result says where the page was, for undo. */
export async function movePageToPlace(input: { pageId: number; parentId: number | null; position: number }, ip: string | null) {
  return movePageTo(getDb(), await actor(ip, 'admin'), input);
}

export async function movePageStep(pageId: number, direction: 'up' | 'down', ip: string | null) {
  return movePageUpDown(getDb(), await actor(ip, 'admin'), pageId, direction);
}

export async function movePageToTrash(pageId: number, ip: string | null) {
  return trashPage(getDb(), await actor(ip, 'admin'), pageId);
}

// ---------------------------------------------------------------- admins only: the trash

export async function pageTrash() {
  await requireUser('admin');
  return listPageTrash(getDb());
}

export async function restorePageFromTrash(pageId: number, ip: string | null) {
  return restorePage(getDb(), await actor(ip, 'admin'), pageId);
}

export async function deletePageFromTrash(pageId: number, ip: string | null) {
  return deletePageForever(getDb(), await actor(ip, 'admin'), pageId);
}

export async function emptyPagesTrash(ip: string | null) {
  return emptyPageTrash(getDb(), await actor(ip, 'admin'));
}

export async function setPageMainImage(pageId: number, heroMediaId: number | null, ip: string | null) {
  return setPageHero(getDb(), await actor(ip), pageId, heroMediaId);
}

export async function setPageDocuments(pageId: number, mediaIds: number[], ip: string | null) {
  return setPagePublications(getDb(), await actor(ip), pageId, mediaIds);
}
