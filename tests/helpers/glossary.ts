import fs from 'node:fs';
import path from 'node:path';

/** One row of docs/glossary.md's table: the English term, the Albanian to use and the Albanian it replaces (backticked text only). */
export type GlossaryEntry = { english: string; use: string[]; avoid: string[] };

export const GLOSSARY_FILE = path.resolve(import.meta.dirname, '..', '..', 'docs', 'glossary.md');

const backticked = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

/** The table's rows; throws when the table's header is not "English | Albanian (use) | Avoid". */
export function glossary(): GlossaryEntry[] {
  const rows = fs.readFileSync(GLOSSARY_FILE, 'utf8').split('\n').filter((l) => l.startsWith('|'));
  if (rows[0] !== '| English | Albanian (use) | Avoid |') throw new Error(`docs/glossary.md: unexpected table header ${rows[0]}`);
  return rows.slice(2).map((row) => {
    const [english = '', use = '', avoid = ''] = row.split('|').slice(1, -1).map((c) => c.trim());
    return { english, use: backticked(use), avoid: backticked(avoid) };
  });
}

/** `term` as whole words (letters of any alphabet, ë and ç too, count as word characters), any case. */
export function wholeWords(term: string): RegExp {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu');
}

/** The glossary's avoided terms that `text` uses. */
export function avoidedTermsIn(text: string): string[] {
  return glossary().flatMap((e) => e.avoid.filter((term) => wholeWords(term).test(text)));
}
