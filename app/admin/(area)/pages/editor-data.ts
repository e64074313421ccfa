import 'server-only';
import { pagePublicPath } from '@/db/queries/addresses';
import type { PageForEditor } from '@/db/content/page-writes';
import type { Locale } from '@/i18n/routing';
import { translationMeta } from '../translation-meta';
import type { PageTranslationData } from './PageEditor';

/** What the editor's client components need of each language, with dates and diffs prepared here. */
export async function pageEditorTranslations(item: PageForEditor, uiLocale: Locale): Promise<Partial<Record<Locale, PageTranslationData>>> {
  const out: Partial<Record<Locale, PageTranslationData>> = {};
  for (const locale of ['en', 'sq'] as const) {
    const row = item.translations[locale];
    if (!row) continue;
    const other = item.translations[locale === 'en' ? 'sq' : 'en'];
    const publicPath = item.page.kind === 'page' && row.live && row.path ? pagePublicPath(locale, row.path) : null;
    out[locale] = {
      title: row.title,
      menuTitle: row.menuTitle ?? '',
      path: row.path ?? '',
      summary: row.summary,
      body: row.body,
      seoTitle: row.seoTitle ?? '',
      seoDescription: row.seoDescription ?? '',
      isPlaceholder: row.isPlaceholder,
      ...(await translationMeta(row, row.sourceThen, other, publicPath, uiLocale)),
    };
  }
  return out;
}
