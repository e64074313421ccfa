import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { TranslationMeta } from '@/components/admin/TranslationEditor';
import type { Locale } from '@/i18n/routing';
import { type PublicationStatus } from '@/db/schema';
import { formatTiranaDateTime, toTiranaFields } from '@/lib/dates';
import { diffFields } from '@/lib/diff';

/** What "the text" is for stale-translation warnings (lib/text-fingerprint.ts). */
const TEXT_FIELDS = ['title', 'summary', 'body'] as const;

type Text = { title: string; summary: string; body: string };

/**
 * What the editor panel of one language shows besides its fields, for any
 * translated type: version, status and dates prepared for the form, and,
 * when the other language changed since this one was confirmed, what
 * changed (`before`: the other's text then; `other`: its text now).
 */
export async function translationMeta(
  row: { version: number; status: PublicationStatus; publishedAt: Date | null; stale: boolean },
  before: Text | null,
  other: Text | undefined,
  publicPath: string | null,
  uiLocale: Locale,
): Promise<TranslationMeta> {
  const t = await getTranslations({ locale: uiLocale, namespace: 'Admin.editor.fields' });
  const pick = (s: Text) => ({ title: s.title, summary: s.summary, body: s.body });
  const sourceChanges =
    row.stale && before && other
      ? diffFields(pick(before), pick(other), [...TEXT_FIELDS]).map((d) => ({ label: t(d.field as (typeof TEXT_FIELDS)[number]), chunks: d.chunks }))
      : null;
  return {
    version: row.version,
    status: row.status,
    publishedAtLabel: row.publishedAt ? formatTiranaDateTime(row.publishedAt) : null,
    publishAt: row.publishedAt ? toTiranaFields(row.publishedAt) : null,
    stale: row.stale,
    sourceChanges,
    publicPath,
  };
}
