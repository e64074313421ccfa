import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import sq from '@/messages/sq.json';

/**
 * The staff guide (docs/editing.md, and docs/editing.sq.md in Albanian) names
 * the interface's buttons, labels and headings in bold, with the interface's
 * own words. This keeps those words true as the interface changes: every
 * bold phrase of a guide is a string of the matching messages file (a string
 * with `{name}` arguments matches with one word or number in their place), and the two
 * guides keep the same sections, so neither falls behind the other.
 */

const GUIDES = [
  { file: 'docs/editing.md', other: 'editing.sq.md', messages: en },
  { file: 'docs/editing.sq.md', other: 'editing.md', messages: sq },
] as const;

function read(file: string): string {
  return fs.readFileSync(path.join(process.cwd(), file), 'utf8');
}

/** Every string of a messages file, nested keys flattened. */
function messageStrings(value: unknown): string[] {
  return typeof value === 'string' ? [value] : Object.values(value as object).flatMap(messageStrings);
}

/**
 * One matcher per message: the string itself, or, when its only arguments
 * are simple ones (`{title}`), a pattern with one word or number in their place. Plural
 * and select messages match only as written.
 */
function matchers(messages: object): ((label: string) => boolean)[] {
  return messageStrings(messages).map((message) => {
    if (!/^[^{}]*(\{\w+\}[^{}]*)+$/.test(message)) return (label) => label === message;
    const pattern = message
      .split(/\{\w+\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('\\S+');
    const re = new RegExp(`^${pattern}$`, 'u');
    return (label) => label === message || re.test(label);
  });
}

/** The phrases a guide writes in bold (`**…**`), line breaks inside one read as spaces. */
function boldPhrases(markdown: string): string[] {
  return Array.from(markdown.matchAll(/\*\*([^*]+?)\*\*/g), (m) => m[1]!.replace(/\s+/g, ' ').trim());
}

/** The bold phrases of a guide that no string of the messages file is. */
function unknownLabels(markdown: string, messages: object): string[] {
  const known = matchers(messages);
  return [...new Set(boldPhrases(markdown))].filter((label) => !known.some((matches) => matches(label)));
}

/** The guide's outline: the level of each `##` and `###` heading, in order. */
function outline(markdown: string): number[] {
  return Array.from(markdown.replace(/^```[\s\S]*?^```/gm, '').matchAll(/^(#{2,3}) \S/gm), (m) => m[1]!.length);
}

describe('the staff guide (docs/editing.md, docs/editing.sq.md)', () => {
  it('finds a bold label that the interface does not have, and accepts one it has', () => {
    expect(unknownLabels('Press **Publish now**, then **Publish later**.', en)).toEqual(['Publish later']);
    expect(unknownLabels('Shtypni **Publiko tani**.', sq)).toEqual([]);
    expect(unknownLabels('Press **Publiko tani**.', en)).toEqual(['Publiko tani']);
    // An argument stands for one word or number; the words around it must match.
    expect(unknownLabels('**Restore version 3** and **Version 3**', en)).toEqual([]);
    expect(unknownLabels('**Restore the version 3**', en)).toEqual(['Restore the version 3']);
    // A phrase broken over two lines is one phrase.
    expect(boldPhrases('the **Save\n  draft** button')).toEqual(['Save draft']);
  });

  it.each(GUIDES.map((g) => [g.file, g] as const))('%s quotes only strings of its interface language, in bold', (file, guide) => {
    const text = read(file);
    expect(boldPhrases(text).length, file).toBeGreaterThan(60);
    expect(unknownLabels(text, guide.messages), file).toEqual([]);
  });

  it.each(GUIDES.map((g) => [g.file, g] as const))('%s links to the other language at its top', (file, guide) => {
    const top = read(file).split('\n').slice(0, 5).join('\n');
    expect(top, file).toContain(`](${guide.other})`);
  });

  it('both guides have the same sections, in the same order', () => {
    const [english, albanian] = GUIDES.map((g) => outline(read(g.file)));
    expect(english!.filter((level) => level === 2).length).toBeGreaterThan(5);
    expect(albanian).toEqual(english);
  });
});
