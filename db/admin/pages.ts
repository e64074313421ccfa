import 'server-only';
import type { Locale } from '@/i18n/routing';
import { requireUser } from '@/lib/auth/session';
import type { CreatePageInput } from '../content/page-tree';
import * as tree from '../content/page-tree';
import type { SavePageInput } from '../content/page-writes';
import * as writes from '../content/page-writes';
import { getDb } from '../index';
import * as queries from '../queries/pages';

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

export async function pageTree() {
  await requireUser();
  return tree.pageTree(getDb());
}

export async function pageForEditor(pageId: number) {
  await requireUser();
  return writes.pageForEditor(getDb(), pageId);
}

export async function savePageTranslation(input: SavePageInput, ip: string | null) {
  return writes.savePageTranslation(getDb(), await actor(ip), input);
}

export async function confirmPageTranslation(pageId: number, locale: Locale, ip: string | null) {
  return writes.confirmPageTranslation(getDb(), await actor(ip), pageId, locale);
}



export async function restorePageRevision(input: { pageId: number; locale: Locale; revisionId: number; baseVersion: number | null }, ip: string | null) {
  return writes.restorePageRevision(getDb(), await actor(ip), input);
}

/** Where an external link points is part of editing it, like its titles. */
export async function setPageExternalUrl(pageId: number, externalUrl: string, ip: string | null) {
  return tree.setPageExternalUrl(getDb(), await actor(ip), pageId, externalUrl);
}

/** One language of a page as the public page would show it, for staff only. */
export async function pagePreview(pageId: number, locale: Locale) {
  await requireUser();
  return queries.pagePreview(getDb(), pageId, locale);
}

// ---------------------------------------------------------------- admins only: the tree

export async function createPage(input: CreatePageInput, ip: string | null) {
  return tree.createPage(getDb(), await actor(ip, 'admin'), input);
}

export async function movePage(input: { pageId: number; parentId: number | null; position: number }, ip: string | null) {
  return tree.movePage(getDb(), await actor(ip, 'admin'), input);
}

/** A drag and drop move; the result says where the page was, for undo. */
export async function movePageTo(input: { pageId: number; parentId: number | null; position: number }, ip: string | null) {
  return tree.movePageTo(getDb(), await actor(ip, 'admin'), input);
}

export async function movePageUpDown(pageId: number, direction: 'up' | 'down', ip: string | null) {
  return tree.movePageUpDown(getDb(), await actor(ip, 'admin'), pageId, direction);
}

export async function trashPage(pageId: number, ip: string | null) {
  return tree.trashPage(getDb(), await actor(ip, 'admin'), pageId);
}

// ---------------------------------------------------------------- admins only: the trash

export async function pageTrash() {
  await requireUser('admin');
  return tree.pageTrash(getDb());
}

export async function restorePage(pageId: number, ip: string | null) {
  return tree.restorePage(getDb(), await actor(ip, 'admin'), pageId);
}

export async function deletePageForever(pageId: number, ip: string | null) {
  return tree.deletePageForever(getDb(), await actor(ip, 'admin'), pageId);
}

export async function emptyPageTrash(ip: string | null) {
  return tree.emptyPageTrash(getDb(), await actor(ip, 'admin'));
}

export async function setPageHero(pageId: number, heroMediaId: number | null, ip: string | null) {
  return tree.setPageHero(getDb(), await actor(ip), pageId, heroMediaId);
}

export async function setPagePublications(pageId: number, mediaIds: number[], ip: string | null) {
  return tree.setPagePublications(getDb(), await actor(ip), pageId, mediaIds);
}
