import 'server-only';
import { getTranslations } from 'next-intl/server';
import { articlePath } from '@/db/queries/addresses';
import { isLive } from '@/db/queries/visibility';
import type { NewsForEditor, NewsSnapshot } from '@/db/content/news-writes';
import type { Locale } from '@/i18n/routing';
import { formatTiranaDateTime, toTiranaFields } from '@/lib/dates';
import { diffFields } from '@/lib/diff';
import type { TranslationData } from './NewsEditor';

const TEXT_FIELDS = ['title', 'summary', 'body'] as const;

/** What the editor's client components need of each language, with dates and diffs prepared here. */
export async function editorTranslations(item: NewsForEditor | null, uiLocale: Locale): Promise<Partial<Record<Locale, TranslationData>>> {
  const t = await getTranslations({ locale: uiLocale, namespace: 'Admin.editor.fields' });
  const out: Partial<Record<Locale, TranslationData>> = {};
  if (!item) return out;
  const now = new Date();
  for (const locale of ['en', 'sq'] as const) {
    const row = item.translations[locale];
    if (!row) continue;
    const other = item.translations[locale === 'en' ? 'sq' : 'en'];
    let sourceChanges: TranslationData['sourceChanges'] = null;
    if (row.stale && row.sourceBefore && other) {
      const before = pick(row.sourceBefore);
      const after = pick(other);
      sourceChanges = diffFields(before, after, [...TEXT_FIELDS]).map((d) => ({ ...d, label: t(d.field as (typeof TEXT_FIELDS)[number]) }));
    }
    out[locale] = {
      title: row.title,
      slug: row.slug,
      summary: row.summary,
      body: row.body,
      dateline: row.dateline ?? '',
      seoTitle: row.seoTitle ?? '',
      seoDescription: row.seoDescription ?? '',
      version: row.version,
      status: row.status,
      publishedAtLabel: row.publishedAt ? formatTiranaDateTime(row.publishedAt) : null,
      publishAt: row.publishedAt ? toTiranaFields(row.publishedAt) : null,
      stale: row.stale,
      sourceChanges,
      publicPath: isLive(row, now) ? articlePath(locale, row.slug) : null,
    };
  }
  return out;
}

function pick(s: Pick<NewsSnapshot, 'title' | 'summary' | 'body'>): Record<string, string> {
  return { title: s.title, summary: s.summary, body: s.body };
}
