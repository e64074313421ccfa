/**
 * Text as staff searches compare it: accents dropped and lower case in any
 * script, so that "korce", "Korçë" and "KORÇË" are the same word (Albanian
 * keyboards are often not at hand: ë and ç get typed as e and c). SQLite's
 * own LIKE only folds ASCII letters' case; db/client.ts registers this as the
 * SQL function fold() on every connection.
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}
