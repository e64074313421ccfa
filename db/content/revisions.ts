import { and, eq } from 'drizzle-orm';
import type { Locale } from '@/i18n/routing';
import type { Queryable } from '../client';
import { z } from 'zod';
import { type ContentEntity, PUBLICATION_STATUSES, revisions } from '../schema';

/**
 * Reading stored snapshots defensively: a revision written before a field
 * existed (or a damaged one) gets that field's empty value, never a crash.
 */
export const snapshotText = z.string().catch('');
export const snapshotOptionalText = z.string().nullable().catch(null);

/** A snapshot schema: the translation's own fields plus what every snapshot keeps. */
export function snapshotSchema<T extends z.ZodRawShape>(fields: T) {
  return z.object({
    ...fields,
    version: z.number().int().catch(0),
    status: z.enum(PUBLICATION_STATUSES).catch('draft'),
    /** ISO 8601, UTC. */
    publishedAt: snapshotOptionalText,
  });
}

/** Reads a stored snapshot (JSON) with its type's schema. */
export function parseSnapshot<S extends z.ZodType>(schema: S, json: string): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    value = {};
  }
  return schema.parse(value && typeof value === 'object' ? value : {});
}

/** The stored snapshot (JSON) of one version of a translation, or null when that version has none. */
export function revisionSnapshotJson(q: Queryable, entityType: ContentEntity, entityId: number, locale: Locale, version: number): string | null {
  const row = q
    .select({ snapshot: revisions.snapshot })
    .from(revisions)
    .where(and(eq(revisions.entityType, entityType), eq(revisions.entityId, entityId), eq(revisions.locale, locale), eq(revisions.version, version)))
    .get();
  return row?.snapshot ?? null;
}

/** What one save did besides saving the text (see describeRevisions). */
export type RevisionChange = { kind: 'published' | 'scheduled' | 'unpublished' | 'address' } | { kind: 'restored'; version: number };

type SnapshotLike = { readonly [field: string]: unknown };

/**
 * What each save did, read from the snapshots themselves, so revisions saved
 * before this was shown are described too: it published, scheduled or
 * unpublished the language (its status changed), changed its address, or
 * brought back the text of an earlier version (its text became that
 * version's again). `rows` are newest first, as history lists them.
 */
export function describeRevisions<R extends { version: number; snapshot: SnapshotLike }>(
  rows: readonly R[],
  textFields: readonly string[],
  addressField: string,
): (Omit<R, 'snapshot'> & { changes: RevisionChange[] })[] {
  const text = (s: SnapshotLike) => JSON.stringify(textFields.map((f) => s[f] ?? ''));
  const oldestFirst = [...rows].reverse();
  const described = oldestFirst.map(({ snapshot: cur, ...row }, i) => {
    const prev = oldestFirst[i - 1]?.snapshot;
    const changes: RevisionChange[] = [];
    const status = cur.status;
    const rescheduled = status === 'scheduled' && prev?.status === 'scheduled' && prev.publishedAt !== cur.publishedAt;
    if ((prev ? prev.status !== status : status !== 'draft') || rescheduled) {
      changes.push({ kind: status === 'published' ? 'published' : status === 'scheduled' ? 'scheduled' : 'unpublished' });
    }
    if (prev && (prev[addressField] ?? '') !== (cur[addressField] ?? '')) changes.push({ kind: 'address' });
    if (prev && text(prev) !== text(cur)) {
      const earlier = oldestFirst.slice(0, i - 1).findLast((r) => text(r.snapshot) === text(cur));
      if (earlier) changes.push({ kind: 'restored', version: earlier.version });
    }
    return { ...row, changes };
  });
  return described.reverse();
}
