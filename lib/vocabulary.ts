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
