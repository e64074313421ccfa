import { escapeUTF8 } from 'entities';
import { Parser } from 'htmlparser2';

/** Escapes text for use inside HTML (`&`, `<`, `>`, `"` and `'`: safe in text and in quoted attributes). */
export const escapeHtml: (text: string) => string = escapeUTF8;

/** Plain paragraphs of text as HTML <p> elements. */
export function paragraphsToHtml(paragraphs: readonly string[]): string {
  return paragraphs
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n');
}

const NOT_TEXT = new Set(['script', 'style']);

/**
 * The readable text of stored HTML, for the search index: tags out (each one
 * parts words, as it always has in the index), script and style left out,
 * entities decoded, spaces folded.
 */
export function htmlToText(html: string): string {
  let text = '';
  let skipDepth = 0;
  const parser = new Parser({
    ontext(part) {
      if (!skipDepth) text += part;
    },
    onopentag(name) {
      if (NOT_TEXT.has(name)) skipDepth++;
      text += ' ';
    },
    onclosetag(name) {
      if (NOT_TEXT.has(name)) skipDepth = Math.max(0, skipDepth - 1);
      text += ' ';
    },
  });
  parser.end(html);
  return text.replace(/\s+/g, ' ').trim();
}
