import 'server-only';
import { type Locale, locales } from '@/i18n/routing';
import { requireUser } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { mediaUrl } from '@/lib/media/files';
import { getDb } from '../index';
import { signedInActor } from './actor';
import {
  type MediaFilter,
  type MediaItem,
  type MediaTextsInput,
} from '../media/library';
import * as library from '../media/library';
import { pagePublicationIds } from '../content/page-tree';
import { vacancyTermIds } from '../content/vacancy-writes';
import { type PublicImage, publicImage } from '../media/public';
import type { DOCUMENT_LANGUAGES } from '../schema';

/**
 * Staff reads and writes of the media library. Each function checks the
 * caller first, whoever calls it; db/media/library.ts does the work.
 */

export async function mediaList(filter: MediaFilter) {
  await requireUser();
  return library.mediaList(getDb(), filter);
}

export async function mediaItem(id: number) {
  await requireUser();
  return library.mediaItem(getDb(), id);
}

export async function uploadMedia(input: { bytes: Uint8Array; fileName: string }, ip: string | null) {
  return library.uploadMedia(getDb(), env().dataDir, await signedInActor(ip), input);
}

export async function saveMediaTexts(
  input: { id: number; baseVersion: number; language?: (typeof DOCUMENT_LANGUAGES)[number] | null; texts: MediaTextsInput },
  ip: string | null,
) {
  return library.saveMediaTexts(getDb(), await signedInActor(ip), input);
}

/** Any staff member may move an unused file to the trash and restore it; only admins delete for good. */
export async function trashMedia(id: number, ip: string | null) {
  return library.trashMedia(getDb(), await signedInActor(ip), id);
}

export async function restoreMedia(id: number, ip: string | null) {
  return library.restoreMedia(getDb(), await signedInActor(ip), id);
}

export async function deleteMediaForever(id: number, ip: string | null) {
  return library.deleteMediaForever(getDb(), env().dataDir, await signedInActor(ip, 'admin'), id);
}


/** An image the editors can choose as a main image: a small thumbnail, the file name, and its alt text in each language. */
export type HeroOption = {
  id: number;
  fileName: string;
  thumb: { src: string; width: number; height: number } | null;
  alt: Partial<Record<Locale, string>>;
  decorative: Locale[];
};

function heroOption(item: MediaItem): HeroOption {
  const small = item.variants[0];
  return {
    id: item.id,
    fileName: item.fileName,
    thumb: small?.files.webp ? { src: mediaUrl(small.files.webp), width: small.width, height: small.height } : null,
    alt: Object.fromEntries(locales.flatMap((l) => (item.texts[l]?.alt?.trim() ? [[l, item.texts[l]!.alt!.trim()]] : []))),
    decorative: locales.filter((l) => item.texts[l]?.decorative),
  };
}

/** The image now chosen as a main image, to show beside the "Choose image" button. */
export async function heroImageChoice(current: number | null): Promise<HeroOption | null> {
  await requireUser();
  if (current === null) return null;
  const item = library.mediaItem(getDb(), current);
  return item && item.kind === 'image' ? heroOption(item) : null;
}

/** An image of the image dialog: what HeroOption says, its version (for saving its alt text) and, when it can be inserted into a text in the dialog's language, the image to insert. */
export type LibraryImage = HeroOption & { version: number; image: Pick<PublicImage, 'src' | 'srcSet' | 'width' | 'height' | 'alt'> | null };
export type LibraryImagePage = { items: LibraryImage[]; total: number; page: number; pages: number };
export const IMAGE_DIALOG_PAGE_SIZE = 12;

function asLibraryImage(db: ReturnType<typeof getDb>, item: MediaItem, locale: Locale): LibraryImage {
  const image = publicImage(db, item.id, locale);
  return { ...heroOption(item), version: item.version, image: image ? { src: image.src, srcSet: image.srcSet, width: image.width, height: image.height, alt: image.alt } : null };
}

/** One page of the library's images, newest first; `query` matches file names and texts in either language, case and accents ignored (mediaList). */
export async function libraryImageSearch({ query, page, locale }: { query: string; page: number; locale: Locale }): Promise<LibraryImagePage> {
  await requireUser();
  const db = getDb();
  const found = library.mediaList(db, { kind: 'image', q: query, page, pageSize: IMAGE_DIALOG_PAGE_SIZE });
  return { items: found.items.map((i) => asLibraryImage(db, i, locale)), total: found.total, page: found.page, pages: found.pageCount };
}

/** One image of the library as the image dialog shows it (after an upload or a save of its alt text). */
export async function libraryImage(id: number, locale: Locale): Promise<LibraryImage | null> {
  await requireUser();
  const db = getDb();
  const item = library.mediaItem(db, id);
  return item && item.kind === 'image' && !item.deletedAt ? asLibraryImage(db, item, locale) : null;
}

/** A PDF the editors can list as a publication on a page. */
export type PublicationOption = { id: number; title: string; size: number; checked: boolean };

/** The library's newest PDFs, with those the page lists now always among them (checked). */
export async function publicationOptions(pageId: number, uiLocale: Locale): Promise<PublicationOption[]> {
  await requireUser();
  return documentOptions(pagePublicationIds(getDb(), pageId), uiLocale);
}

/** The library's newest PDFs, with those a vacancy lists as its terms of reference always among them (checked). */
export async function vacancyTermsOptions(itemId: number | null, uiLocale: Locale): Promise<PublicationOption[]> {
  await requireUser();
  return documentOptions(itemId === null ? [] : vacancyTermIds(getDb(), itemId), uiLocale);
}

function documentOptions(chosen: readonly number[], uiLocale: Locale): PublicationOption[] {
  const db = getDb();
  const items = library.mediaList(db, { kind: 'document' }).items;
  for (const id of chosen) {
    if (!items.some((i) => i.id === id)) {
      const item = library.mediaItem(db, id);
      if (item) items.push(item);
    }
  }
  return items.map((i) => ({ id: i.id, title: i.texts[uiLocale]?.title || i.fileName, size: i.size, checked: chosen.includes(i.id) }));
}
