import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSeed, seedFilePath } from '@/db/seed';
import { type SeedPage, seedPages } from '@/db/seed-content';
import sq from '@/messages/sq.json';
import { glossary, wholeWords } from '../helpers/glossary';

/**
 * docs/glossary.md is the one list of Albanian terms: every Albanian string
 * of the interface (messages/sq.json) and of the seed (the menu's titles and
 * texts, the article's title) uses its terms and none it replaces.
 */

function strings(value: unknown, key = ''): [string, string][] {
  if (typeof value === 'string') return [[key, value]];
  return Object.entries(value as object).flatMap(([k, v]) => strings(v, key ? `${key}.${k}` : k));
}

function seedStrings(nodes: SeedPage[]): [string, string][] {
  return nodes.flatMap((n) => [
    ...[n.sq.title, n.sq.menuTitle, n.sq.summary, ...(n.sq.body ?? [])].flatMap((s) => (s ? [[`seed:${n.key}`, s] as [string, string]] : [])),
    ...seedStrings(n.children ?? []),
  ]);
}

const seed = parseSeed(fs.readFileSync(seedFilePath(), 'utf8'));
const ALBANIAN: [string, string][] = [
  ...strings(sq),
  ...seedStrings(seedPages(seed.sectionTexts)),
  ['seed:article', seed.article.sq.title],
];

function offenders(test: (text: string) => boolean): string[] {
  return ALBANIAN.filter(([, text]) => test(text)).map(([key, text]) => `${key}: ${text}`);
}

describe('the Albanian glossary (docs/glossary.md)', () => {
  const entries = glossary();

  it('is a table of English terms with the Albanian to use', () => {
    expect(entries.length).toBeGreaterThan(20);
    for (const e of entries) {
      expect(e.english, JSON.stringify(e)).not.toBe('');
      expect(e.use.length, e.english).toBeGreaterThan(0);
    }
  });

  it('matches whole words only, in any case, with ë and ç as letters', () => {
    expect(wholeWords('Kontakt').test('Na kontaktoni')).toBe(false);
    expect(wholeWords('Kontakt').test('Footer: KONTAKT')).toBe(true);
    expect(wholeWords('draft').test('Ruaj draftin')).toBe(false);
    expect(wholeWords('Angazhohu').test('Angazhohuni')).toBe(false);
    expect(wholeWords('cështjet').test('efektivitet cështjet e migrantëve')).toBe(true);
    expect(wholeWords('shqip').test('Shqipëri')).toBe(false);
  });

  it.each(entries.filter((e) => e.avoid.length > 0).map((e) => [e.english, e] as const))('no Albanian string uses what replaces "%s"', (_, e) => {
    for (const term of e.avoid) expect(offenders((text) => wholeWords(term).test(text)), term).toEqual([]);
  });

  it('every term to use is one the strings use', () => {
    const all = ALBANIAN.map(([, text]) => text.toLocaleLowerCase('sq')).join('\n');
    for (const e of entries) for (const term of e.use) expect(all, `${e.english}: ${term}`).toContain(term.toLocaleLowerCase('sq'));
  });

  it('writes language names in lower case inside a sentence', () => {
    // A capital is right only where a sentence, a label or an ICU branch begins.
    const midSentence = /(?<![.:!?{]\s*|^\s*)(?<![\p{L}\p{N}])(Anglisht|Shqip)(?![\p{L}\p{N}])/u;
    expect(midSentence.test('Pa tekst alternativ në Anglisht')).toBe(true);
    expect(midSentence.test('Shqip')).toBe(false);
    expect(offenders((text) => midSentence.test(text))).toEqual([]);
  });

  it('quotes with „…“ and writes the apostrophe ’', () => {
    const wrongQuotes = (text: string) => /[„“”]/.test(text.replace(/„[^„“”]*“/g, ''));
    expect(wrongQuotes('për “{query}”')).toBe(true);
    expect(wrongQuotes('faqes „{title}”')).toBe(true);
    expect(wrongQuotes('për „{query}“')).toBe(false);
    expect(offenders(wrongQuotes)).toEqual([]);
    expect(offenders((text) => text.includes("'"))).toEqual([]);
  });
});
