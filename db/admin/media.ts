import 'server-only';
import { type Locale, locales } from '@/i18n/routing';
import { requireUser } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { mediaUrl } from '@/lib/media/files';
import { getDb } from '../index';
import {
  type Actor,
  deleteMediaForever,
  getMediaItem,
  listMediaItems,
  type MediaFilter,
  type MediaItem,
  type MediaTextsInput,
  restoreMedia,
  saveMediaTexts,
  trashMedia,
  uploadMedia,
} from '../media/library';
import { pagePublicationIds } from '../content/page-tree';
import { type PublicImage, publicImage } from '../media/public';
import type { DOCUMENT_LANGUAGES } from '../schema';

/**
 * Staff reads and writes of the media library. Each function checks the
 * caller first, whoever calls it; db/media/library.ts does the work.
 */

async function actor(ip: string | null, role?: 'admin'): Promise<Actor> {
  const user = await requireUser(role);
  return { userId: user.id, ip };
}

export async function listMedia(filter: MediaFilter) {
  await requireUser();
  return listMediaItems(getDb(), filter);
}

export async function loadMedia(id: number) {
  await requireUser();
  return getMediaItem(getDb(), id);
}

export async function uploadMediaFile(input: { bytes: Uint8Array; fileName: string }, ip: string | null) {
  return uploadMedia(getDb(), env().dataDir, await actor(ip), input);
}

export async function saveMediaTextsFor(
  input: { id: number; baseVersion: number; language?: (typeof DOCUMENT_LANGUAGES)[number] | null; texts: MediaTextsInput },
  ip: string | null,
) {
  return saveMediaTexts(getDb(), await actor(ip), input);
}

/** Any staff member may move an unused file to the trash and restore it; only admins delete for good. */
export async function moveMediaToTrash(id: number, ip: string | null) {
  return trashMedia(getDb(), await actor(ip), id);
}

export async function restoreMediaFromTrash(id: number, ip: string | null) {
  return restoreMedia(getDb(), await actor(ip), id);
}

export async function deleteMediaFromTrash(id: number, ip: string | null) {
  return deleteMediaForever(getDb(), env().dataDir, await actor(ip, 'admin'), id);
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

/** The newest images of the library for the main-image picker, with the one now chosen (`current`) always among them. */
export async function heroImageOptions(current: number | null): Promise<HeroOption[]> {
  await requireUser();
  const db = getDb();
  const items = listMediaItems(db, { kind: 'image' }).items;
  if (current !== null && !items.some((i) => i.id === current)) {
    const chosen = getMediaItem(db, current);
    if (chosen && chosen.kind === 'image') items.unshift(chosen);
  }
  return items.map(heroOption);
}

/** An image the editors can insert into a text in one language: only images with alt text there (or marked decorative). */
export type RichTextImageOption = {
  id: number;
  fileName: string;
  thumb: { src: string; width: number; height: number } | null;
  image: Pick<PublicImage, 'src' | 'srcSet' | 'width' | 'height' | 'alt'>;
};

/** The newest images of the library that can be inserted into a text in each language. */
export async function richTextImageOptions(): Promise<Record<Locale, RichTextImageOption[]>> {
  await requireUser();
  const db = getDb();
  const items = listMediaItems(db, { kind: 'image' }).items;
  const out: Record<Locale, RichTextImageOption[]> = { en: [], sq: [] };
  for (const locale of locales) {
    for (const item of items) {
      const image = publicImage(db, item.id, locale);
      if (!image) continue;
      const { thumb } = heroOption(item);
      out[locale].push({ id: item.id, fileName: item.fileName, thumb, image: { src: image.src, srcSet: image.srcSet, width: image.width, height: image.height, alt: image.alt } });
    }
  }
  return out;
}

/** A PDF the editors can list as a publication on a page. */
export type PublicationOption = { id: number; title: string; size: number; checked: boolean };

/** The library's newest PDFs, with those the page lists now always among them (checked). */
export async function publicationOptions(pageId: number, uiLocale: Locale): Promise<PublicationOption[]> {
  await requireUser();
  const db = getDb();
  const chosen = pagePublicationIds(db, pageId);
  const items = listMediaItems(db, { kind: 'document' }).items;
  for (const id of chosen) {
    if (!items.some((i) => i.id === id)) {
      const item = getMediaItem(db, id);
      if (item) items.push(item);
    }
  }
  return items.map((i) => ({ id: i.id, title: i.texts[uiLocale]?.title || i.fileName, size: i.size, checked: chosen.includes(i.id) }));
}
