import { and, eq } from 'drizzle-orm';
import type { Locale } from '@/i18n/routing';
import type { Queryable } from '../client';
import { revisions } from '../schema';

/** The stored snapshot (JSON) of one version of a translation, or null when that version has none. */
export function revisionSnapshotJson(q: Queryable, entityType: 'news' | 'page', entityId: number, locale: Locale, version: number): string | null {
  const row = q
    .select({ snapshot: revisions.snapshot })
    .from(revisions)
    .where(and(eq(revisions.entityType, entityType), eq(revisions.entityId, entityId), eq(revisions.locale, locale), eq(revisions.version, version)))
    .get();
  return row?.snapshot ?? null;
}
