import { and, desc, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Locale } from '@/i18n/routing';
import { cleanFileName, withExtension } from '@/lib/media/file-name';
import { parseVariants, type Variant } from '@/lib/media/files';
import { prepareUpload, sha256, type UploadRefusal } from '@/lib/media/prepare';
import { discardStaged, publishStaged, removeStored, stageFiles, sweepUploads, syncDir, uploadsDir } from '@/lib/media/storage';
import { recordAudit } from '../auth/audit-log';
import { queuePurge } from '../cdn-outbox';
import type { DB, Queryable } from '../client';
import { DOCUMENT_LANGUAGES, LOCALES, media, type MediaKind, mediaTranslations, users } from '../schema';
import { containsPattern, foldedLike } from '../text-match';
import { knownHashes, storedNames } from './stored';
import { type MediaUse, usagesOf } from './usages';

/**
 * The media library: uploads, texts per language, trash. No access check
 * here — db/admin/media.ts checks the caller first.
 *
 * Storage stays consistent: an upload's files are written under temporary
 * names first, then moved to their real names inside the transaction that
 * inserts the row; if anything fails, the transaction rolls back and the
 * files are removed. A crash between the two leaves only files without a row,
 * which sweepUploads removes at the next start (never a row without files).
 */

import type { Actor } from '../auth/actor';

export type UploadResult =
  | { ok: true; id: number; kind: MediaKind; status: 'created' | 'duplicate' | 'restored' }
  | { ok: false; error: UploadRefusal | 'failed' };

let queue: Promise<unknown> = Promise.resolve();

/**
 * One upload at a time in this process: decoding a 40-megapixel image takes
 * a few hundred megabytes and both cores, and two uploads of the same bytes
 * must not race for the same file names.
 */
function oneAtATime<T>(run: () => Promise<T>): Promise<T> {
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}

export type UploadOptions = {
  /** Tests: runs inside the transaction after the files are in place (to make it fail). */
  beforeCommit?: () => void;
};

export function uploadMedia(db: DB, dataDir: string, actor: Actor, input: { bytes: Uint8Array; fileName: string }, options: UploadOptions = {}): Promise<UploadResult> {
  if (input.bytes.length === 0) return Promise.resolve({ ok: false, error: 'empty' });
  return oneAtATime(() => storeUpload(db, dataDir, actor, input, options));
}

async function storeUpload(db: DB, dataDir: string, actor: Actor, input: { bytes: Uint8Array; fileName: string }, options: UploadOptions): Promise<UploadResult> {
  const hash = sha256(input.bytes);
  const existing = db.select({ id: media.id, kind: media.kind, deletedAt: media.deletedAt }).from(media).where(eq(media.hash, hash)).get();
  if (existing && !existing.deletedAt) return { ok: true, id: existing.id, kind: existing.kind, status: 'duplicate' };

  const prepared = await prepareUpload(input.bytes, hash);
  if (!prepared.ok) return prepared;
  const upload = prepared.upload;
  const fallback = upload.kind === 'image' ? 'image' : 'document.pdf';
  const cleaned = cleanFileName(input.fileName, fallback);
  const fileName = upload.kind === 'document' ? withExtension(cleaned, 'pdf') : cleaned;

  let staged: Awaited<ReturnType<typeof stageFiles>>;
  try {
    staged = await stageFiles(dataDir, upload.files);
  } catch {
    return { ok: false, error: 'failed' };
  }
  const finals: string[] = [];
  try {
    const result = db.transaction((tx): UploadResult => {
      const values = {
        kind: upload.kind,
        mime: upload.mime,
        fileName,
        size: input.bytes.length,
        width: upload.width,
        height: upload.height,
        hash,
        variants: JSON.stringify(upload.variants),
      };
      let id: number;
      let status: 'created' | 'restored';
      if (existing) {
        // The same bytes were in the trash: they come back (with their texts), files made anew.
        tx.update(media).set({ ...values, deletedAt: null, updatedAt: new Date() }).where(eq(media.id, existing.id)).run();
        id = existing.id;
        status = 'restored';
      } else {
        id = tx.insert(media).values({ ...values, createdBy: actor.userId }).returning({ id: media.id }).get().id;
        status = 'created';
      }
      recordAudit(tx, {
        userId: actor.userId,
        action: 'media.upload',
        entityType: 'media',
        entityId: id,
        details: { kind: upload.kind, mime: upload.mime, size: input.bytes.length, files: upload.files.length, ...(status === 'restored' ? { restored: true } : {}) },
        ip: actor.ip,
      });
      publishStaged(staged, finals);
      options.beforeCommit?.();
      return { ok: true, id, kind: upload.kind, status };
    });
    syncDir(uploadsDir(dataDir));
    return result;
  } catch {
    discardStaged(staged, finals);
    return { ok: false, error: 'failed' };
  }
}

export type MediaTexts = { title: string | null; alt: string | null; caption: string | null; credit: string | null; decorative: boolean };

export type MediaItem = {
  id: number;
  kind: MediaKind;
  mime: string;
  fileName: string;
  size: number;
  width: number | null;
  height: number | null;
  hash: string;
  variants: Variant[];
  language: (typeof DOCUMENT_LANGUAGES)[number] | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  createdByName: string | null;
  texts: Partial<Record<Locale, MediaTexts>>;
  usages: MediaUse[];
};

const itemColumns = {
  id: media.id,
  kind: media.kind,
  mime: media.mime,
  fileName: media.fileName,
  size: media.size,
  width: media.width,
  height: media.height,
  hash: media.hash,
  variants: media.variants,
  language: media.language,
  version: media.version,
  createdAt: media.createdAt,
  updatedAt: media.updatedAt,
  deletedAt: media.deletedAt,
  createdByName: users.name,
};

function textsOf(db: Queryable, ids: number[]): Map<number, Partial<Record<Locale, MediaTexts>>> {
  const result = new Map<number, Partial<Record<Locale, MediaTexts>>>();
  if (ids.length === 0) return result;
  for (const t of db.select().from(mediaTranslations).where(inArray(mediaTranslations.mediaId, ids)).all()) {
    const texts = result.get(t.mediaId) ?? {};
    texts[t.locale] = { title: t.title, alt: t.alt, caption: t.caption, credit: t.credit, decorative: t.decorative };
    result.set(t.mediaId, texts);
  }
  return result;
}

type ItemRow = Omit<MediaItem, 'variants' | 'texts' | 'usages'> & { variants: string };

function complete(db: Queryable, rows: ItemRow[]): MediaItem[] {
  const ids = rows.map((r) => r.id);
  const texts = textsOf(db, ids);
  const uses = usagesOf(db, ids);
  return rows.map((r) => ({ ...r, variants: parseVariants(r.variants), texts: texts.get(r.id) ?? {}, usages: uses.get(r.id) ?? [] }));
}

export function mediaItem(db: Queryable, id: number): MediaItem | null {
  const row = db.select(itemColumns).from(media).leftJoin(users, eq(users.id, media.createdBy)).where(eq(media.id, id)).get();
  return row ? complete(db, [row])[0]! : null;
}

export type MediaFilter = { q?: string; kind?: MediaKind; trash?: boolean; page?: number; pageSize?: number };
export const MEDIA_PAGE_SIZE = 48;

/** Newest first; `q` matches the file name, or the alt text, title or caption in either language. */
export function mediaList(db: Queryable, filter: MediaFilter): { items: MediaItem[]; total: number; page: number; pageCount: number } {
  const q = filter.q?.trim().slice(0, 200);
  const pattern = q ? containsPattern(q) : null;
  const textMatch = pattern
    ? db
        .select({ id: mediaTranslations.mediaId })
        .from(mediaTranslations)
        .where(
          or(
            foldedLike(mediaTranslations.alt, pattern),
            foldedLike(mediaTranslations.title, pattern),
            foldedLike(mediaTranslations.caption, pattern),
          ),
        )
    : null;
  const where = and(
    filter.trash ? isNotNull(media.deletedAt) : isNull(media.deletedAt),
    filter.kind ? eq(media.kind, filter.kind) : undefined,
    pattern && textMatch ? or(foldedLike(media.fileName, pattern), inArray(media.id, textMatch)) : undefined,
  );
  const total = db.select({ n: sql<number>`count(*)` }).from(media).where(where).get()?.n ?? 0;
  const size = filter.pageSize ?? MEDIA_PAGE_SIZE;
  const pageCount = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, filter.page ?? 1), pageCount);
  const rows = db
    .select(itemColumns)
    .from(media)
    .leftJoin(users, eq(users.id, media.createdBy))
    .where(where)
    .orderBy(desc(media.createdAt), desc(media.id))
    .limit(size)
    .offset((page - 1) * size)
    .all();
  return { items: complete(db, rows), total, page, pageCount };
}

export const TEXT_LIMITS = { title: 300, alt: 300, caption: 1000, credit: 200 } as const;

export type MediaTextsInput = Record<Locale, { title?: string | null; alt?: string | null; caption?: string | null; credit?: string | null; decorative?: boolean }>;
export type TextFieldErrors = Partial<Record<`${Locale}.${keyof typeof TEXT_LIMITS}`, 'tooLong'>>;

export type SaveTextsResult =
  | { ok: true; version: number }
  | { ok: false; error: 'notFound' | 'stale' }
  | { ok: false; error: 'invalid'; fieldErrors: TextFieldErrors };

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

function cleanText(value: string | null | undefined, multiline = false): string | null {
  if (value == null) return null;
  let text = value.normalize('NFC').replace(CONTROL, '');
  text = multiline ? text.replace(/\r\n?/g, '\n').replace(/[ \t]+/g, ' ').replace(/\n{3,}/g, '\n\n') : text.replace(/\s+/g, ' ');
  text = text.trim();
  return text === '' ? null : text;
}

/** Saves the texts of both languages (and a document's language) at once; refused when someone saved since `baseVersion`. */
export function saveMediaTexts(
  db: DB,
  actor: Actor,
  input: { id: number; baseVersion: number; language?: (typeof DOCUMENT_LANGUAGES)[number] | null; texts: MediaTextsInput },
): SaveTextsResult {
  const cleaned = {} as Record<Locale, MediaTexts>;
  const fieldErrors: TextFieldErrors = {};
  for (const locale of LOCALES) {
    const t = input.texts[locale];
    const decorative = t.decorative === true;
    const values: MediaTexts = {
      title: cleanText(t.title),
      // A decorative image is shown with an empty alt: a stale text must not linger.
      alt: decorative ? null : cleanText(t.alt),
      caption: cleanText(t.caption, true),
      credit: cleanText(t.credit),
      decorative,
    };
    for (const field of ['title', 'alt', 'caption', 'credit'] as const) {
      if ((values[field]?.length ?? 0) > TEXT_LIMITS[field]) fieldErrors[`${locale}.${field}`] = 'tooLong';
    }
    cleaned[locale] = values;
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, error: 'invalid', fieldErrors };

  return db.transaction((tx): SaveTextsResult => {
    const row = tx.select({ kind: media.kind, version: media.version, language: media.language }).from(media).where(eq(media.id, input.id)).get();
    if (!row) return { ok: false, error: 'notFound' };
    if (row.version !== input.baseVersion) return { ok: false, error: 'stale' };
    const now = new Date();
    const before = textsOf(tx, [input.id]).get(input.id) ?? {};
    const changed: string[] = [];
    for (const locale of LOCALES) {
      const values = row.kind === 'image' ? { ...cleaned[locale], title: null } : { ...cleaned[locale], alt: null, decorative: false, credit: null };
      const old = before[locale];
      if (old && (['title', 'alt', 'caption', 'credit', 'decorative'] as const).every((k) => old[k] === values[k])) continue;
      if (!old && !values.title && !values.alt && !values.caption && !values.credit && !values.decorative) continue;
      changed.push(locale);
      tx.insert(mediaTranslations)
        .values({ mediaId: input.id, locale, ...values, updatedAt: now })
        .onConflictDoUpdate({ target: [mediaTranslations.mediaId, mediaTranslations.locale], set: { ...values, updatedAt: now } })
        .run();
    }
    const language = row.kind === 'document' && input.language !== undefined ? input.language : row.language;
    if (language !== row.language) changed.push('language');
    if (changed.length === 0) return { ok: true, version: row.version };
    tx.update(media).set({ language, version: row.version + 1, updatedAt: now }).where(eq(media.id, input.id)).run();
    recordAudit(tx, { userId: actor.userId, action: 'media.update', entityType: 'media', entityId: input.id, details: { changed: changed.join(',') }, ip: actor.ip });
    // Pages showing the file show its new texts: the CDN drops every page, as Next's cache does (media actions).
    if ((usagesOf(tx, [input.id]).get(input.id) ?? []).length > 0) queuePurge(tx, { paths: [], menu: true }, now);
    return { ok: true, version: row.version + 1 };
  });
}

export type TrashMediaResult = { ok: true } | { ok: false; error: 'notFound' } | { ok: false; error: 'inUse'; usages: MediaUse[] };

/** Moves an unused file to the trash: it stops being served at once; nothing is deleted. */
export function trashMedia(db: DB, actor: Actor, id: number, now = new Date()): TrashMediaResult {
  return db.transaction((tx): TrashMediaResult => {
    const row = tx.select({ id: media.id }).from(media).where(and(eq(media.id, id), isNull(media.deletedAt))).get();
    if (!row) return { ok: false, error: 'notFound' };
    const usages = usagesOf(tx, [id]).get(id) ?? [];
    if (usages.length > 0) return { ok: false, error: 'inUse', usages };
    tx.update(media).set({ deletedAt: now, updatedAt: now }).where(eq(media.id, id)).run();
    recordAudit(tx, { userId: actor.userId, action: 'media.delete', entityType: 'media', entityId: id, ip: actor.ip });
    return { ok: true };
  });
}

export function restoreMedia(db: DB, actor: Actor, id: number, now = new Date()): { ok: boolean } {
  return db.transaction((tx) => {
    const result = tx.update(media).set({ deletedAt: null, updatedAt: now }).where(and(eq(media.id, id), isNotNull(media.deletedAt))).run();
    if (result.changes !== 1) return { ok: false };
    recordAudit(tx, { userId: actor.userId, action: 'media.restore', entityType: 'media', entityId: id, ip: actor.ip });
    return { ok: true };
  });
}

/**
 * Deletes a trashed file for good: its row, then its files (a crash between
 * the two leaves files that sweepUploads removes). Refused while used.
 */
export function deleteMediaForever(db: DB, dataDir: string, actor: Actor, id: number): TrashMediaResult {
  const result = db.transaction((tx): TrashMediaResult & { names?: string[] } => {
    const row = tx.select().from(media).where(and(eq(media.id, id), isNotNull(media.deletedAt))).get();
    if (!row) return { ok: false, error: 'notFound' };
    const usages = usagesOf(tx, [id]).get(id) ?? [];
    if (usages.length > 0) return { ok: false, error: 'inUse', usages };
    tx.delete(media).where(eq(media.id, id)).run();
    recordAudit(tx, { userId: actor.userId, action: 'media.delete_forever', entityType: 'media', entityId: id, details: { fileName: row.fileName }, ip: actor.ip });
    return { ok: true, names: storedNames(row) };
  });
  if (result.ok && result.names) removeStored(dataDir, result.names);
  return result.ok ? { ok: true } : result;
}

/** Removes what a crash can leave in the uploads folder (see sweepUploads). Run at start. */
export function sweepMediaFiles(db: Queryable, dataDir: string): string[] {
  return sweepUploads(dataDir, knownHashes(db));
}
