import 'server-only';
import { getTranslations } from 'next-intl/server';
import { pagePublicPath } from '@/db/queries/addresses';
import type { PageForEditor, PageSnapshot, PageTranslationForEditor } from '@/db/content/page-writes';
import type { Locale } from '@/i18n/routing';
import { formatTiranaDateTime, toTiranaFields } from '@/lib/dates';
import { diffFields } from '@/lib/diff';
import type { PageTranslationData } from './PageEditor';

/** What "the text" is for stale-translation warnings (db/content/common.ts textFingerprint). */
const TEXT_FIELDS = ['title', 'summary', 'body'] as const;

/** What the editor's client components need of each language, with dates and diffs prepared here. */
export async function pageEditorTranslations(item: PageForEditor, uiLocale: Locale): Promise<Partial<Record<Locale, PageTranslationData>>> {
  const t = await getTranslations({ locale: uiLocale, namespace: 'Admin.editor.fields' });
  const out: Partial<Record<Locale, PageTranslationData>> = {};
  for (const locale of ['en', 'sq'] as const) {
    const row = item.translations[locale];
    if (!row) continue;
    const other = item.translations[locale === 'en' ? 'sq' : 'en'];
    let sourceChanges: PageTranslationData['sourceChanges'] = null;
    if (row.stale && row.sourceThen && other) {
      sourceChanges = diffFields(pick(row.sourceThen), pick(other), [...TEXT_FIELDS]).map((d) => ({
        label: t(d.field as (typeof TEXT_FIELDS)[number]),
        chunks: d.chunks,
      }));
    }
    out[locale] = {
      title: row.title,
      menuTitle: row.menuTitle ?? '',
      path: row.path ?? '',
      summary: row.summary,
      body: row.body,
      seoTitle: row.seoTitle ?? '',
      seoDescription: row.seoDescription ?? '',
      isPlaceholder: row.isPlaceholder,
      version: row.version,
      status: row.status,
      publishedAtLabel: row.publishedAt ? formatTiranaDateTime(row.publishedAt) : null,
      publishAt: row.publishedAt ? toTiranaFields(row.publishedAt) : null,
      stale: row.stale,
      sourceChanges,
      publicPath: item.page.kind === 'page' && row.live && row.path ? pagePublicPath(locale, row.path) : null,
    };
  }
  return out;
}

function pick(s: Pick<PageSnapshot | PageTranslationForEditor, 'title' | 'summary' | 'body'>): Record<string, string> {
  return { title: s.title, summary: s.summary, body: s.body };
}
