import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { foldForSearch } from '@/lib/fold';

/** A LIKE pattern for "contains `q`", folded like fold() and with LIKE's wildcards typed by a person escaped. */
export function containsPattern(q: string): string {
  return `%${foldForSearch(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `column` contains the text of `pattern` (from containsPattern), ignoring case and accents. */
export function foldedLike(column: SQLWrapper, pattern: string): SQL {
  return sql`fold(${column}) LIKE ${pattern} ESCAPE '\\'`;
}
