/**
 * The words of the content model that both the database's columns and the
 * editor's forms use: db/schema.ts builds its enum columns from these, and
 * the editor area (client components included) offers and checks them from
 * here, without importing the schema.
 */
export const PUBLICATION_STATUSES = ['draft', 'scheduled', 'published', 'unpublished'] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];

export const NEWS_KINDS = ['news', 'press_release', 'story'] as const;

/** The language of a document: English, Albanian, or several. */
export const DOCUMENT_LANGUAGES = ['en', 'sq', 'mul'] as const;

/** A vacancy's grade or category, as IOM names them (the editor offers these and nothing else). */
export const VACANCY_GRADES = [
  'G-1', 'G-2', 'G-3', 'G-4', 'G-5', 'G-6', 'G-7',
  'NO-A', 'NO-B', 'NO-C', 'NO-D',
  'P-1', 'P-2', 'P-3', 'P-4', 'P-5',
  'consultant', 'intern',
] as const;
export type VacancyGrade = (typeof VACANCY_GRADES)[number];
