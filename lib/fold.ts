/**
 * Text as staff searches compare it: lower case, and the accents Unicode
 * writes as combining marks dropped (ë ç é ü …, not letters of their own such
 * as ø or ł), so that "korce", "Korçë" and "KORÇË" are the same word (Albanian
 * keyboards are often not at hand: ë and ç get typed as e and c). SQLite's
 * own LIKE only folds ASCII letters' case; db/client.ts registers this as the
 * SQL function fold() on every connection.
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}
