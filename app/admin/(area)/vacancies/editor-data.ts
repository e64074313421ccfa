import 'server-only';
import type { VacancyForEditor } from '@/db/content/vacancy-writes';
import { vacancyPath } from '@/db/queries/addresses';
import { isLive } from '@/db/queries/visibility';
import type { Locale } from '@/i18n/routing';
import { toTiranaFields } from '@/lib/dates';
import { translationMeta } from '../translation-meta';
import type { SharedValues, VacancyTranslationData } from './VacancyEditor';

/** The shared fields as the form shows them: the closing time on Tirana's clock. */
export function sharedValues(item: VacancyForEditor): SharedValues {
  const closes = toTiranaFields(item.closesAt);
  return {
    reference: item.reference,
    dutyStation: item.dutyStation,
    unit: item.unit,
    grade: item.grade,
    appointmentType: item.appointmentType,
    appointmentLength: item.appointmentLength,
    estimatedStart: item.estimatedStart,
    closesAtDate: closes.date,
    closesAtTime: closes.time,
    project: item.project,
    donor: item.donor,
    applyUrl: item.applyUrl ?? '',
    applyEmail: item.applyEmail ?? '',
    version: item.version,
  };
}

/** What each language's panel needs, with dates and diffs prepared here. */
export async function vacancyTranslations(item: VacancyForEditor, uiLocale: Locale): Promise<Partial<Record<Locale, VacancyTranslationData>>> {
  const out: Partial<Record<Locale, VacancyTranslationData>> = {};
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
      seoTitle: row.seoTitle ?? '',
      seoDescription: row.seoDescription ?? '',
      ...(await translationMeta(row, row.sourceBefore, other, isLive(row, now) ? vacancyPath(locale, row.slug) : null, uiLocale)),
    };
  }
  return out;
}
