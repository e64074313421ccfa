import { documentName, parseVariants } from '@/lib/media/files';
import type { Queryable } from '../client';
import { type MediaKind, media } from '../schema';

/**
 * Which files in DATA_DIR/uploads the media rows use. Kept apart from the
 * library (which loads the image tools) for the backup, which only reads.
 */

/** Every stored file name of a media row. */
export function storedNames(row: { kind: MediaKind; hash: string; variants: string }): string[] {
  if (row.kind === 'document') return [documentName(row.hash)];
  return parseVariants(row.variants).flatMap((v) => Object.values(v.files));
}

/** Every file name the media rows use, trashed ones included. */
export function usedFileNames(db: Queryable): Set<string> {
  const rows = db.select({ kind: media.kind, hash: media.hash, variants: media.variants }).from(media).all();
  return new Set(rows.flatMap(storedNames));
}

/** The content hashes of every media row, trashed ones included (for sweepUploads). */
export function knownHashes(db: Queryable): Set<string> {
  return new Set(db.select({ hash: media.hash }).from(media).all().map((r) => r.hash));
}
