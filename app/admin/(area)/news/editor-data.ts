import 'server-only';
import { articlePath } from '@/db/queries/addresses';
import { isLive } from '@/db/queries/visibility';
import type { NewsForEditor } from '@/db/content/news-writes';
import type { Locale } from '@/i18n/routing';
import { translationMeta } from '../translation-meta';
import type { TranslationData } from './NewsEditor';

/** What the editor's client components need of each language, with dates and diffs prepared here. */
export async function editorTranslations(item: NewsForEditor | null, uiLocale: Locale): Promise<Partial<Record<Locale, TranslationData>>> {
  const out: Partial<Record<Locale, TranslationData>> = {};
  if (!item) return out;
  const now = new Date();
  for (const locale of ['en', 'sq'] as const) {
    const row = item.translations[locale];
    if (!row) continue;
    const other = item.translations[locale === 'en' ? 'sq' : 'en'];
    out[locale] = {
      title: row.title,
      slug: row.slug,
      summary: row.summary,
      body: row.body,
      dateline: row.dateline ?? '',
      seoTitle: row.seoTitle ?? '',
      seoDescription: row.seoDescription ?? '',
      ...(await translationMeta(row, row.sourceBefore, other, isLive(row, now) ? articlePath(locale, row.slug) : null, uiLocale)),
    };
  }
  return out;
}
