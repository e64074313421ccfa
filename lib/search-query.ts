// No '@/' imports: next.config.ts imports this file, and its loader does not resolve that alias.
import { escapeUTF8 as escapeHtml } from 'entities';

/** Longest query we look at, and how many of its words count. */
export const MAX_QUERY_LENGTH = 200;
export const MAX_QUERY_TERMS = 8;

/**
 * Turns what a visitor typed into a safe FTS5 query: only the words (letters
 * and digits, any script) are kept, each quoted — so `"`, `*`, `NEAR(`, `OR`,
 * `-` or unbalanced quotes are plain text, never syntax — and the last word
 * also matches as a prefix. Returns null when nothing searchable is left.
 */
export function toFtsQuery(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const words = input
    .slice(0, MAX_QUERY_LENGTH)
    .normalize('NFC')
    .match(/[\p{L}\p{N}]+/gu);
  if (!words) return null;
  const terms = words.slice(0, MAX_QUERY_TERMS).map((w) => w.slice(0, 50));
  return terms.map((t, i) => `"${t}"${i === terms.length - 1 ? '*' : ''}`).join(' ');
}

const START = '\u0001';
const END = '\u0002';
export const SNIPPET_MARKS = { start: START, end: END };

/** FTS5 snippet text (with our private marks) as safe HTML with <mark> around the hits. */
export function snippetToHtml(snippet: string): string {
  return escapeHtml(snippet).split(START).join('<mark>').split(END).join('</mark>');
}

/**
 * What a visitor typed, as the search page shows and caches it: at most
 * MAX_QUERY_LENGTH characters, NFC, runs of white space made one space.
 * Two spellings that search the same ("  border ", "border") share one
 * cached result page.
 */
export function normalizeSearchQuery(input: unknown): string {
  if (typeof input !== 'string') return '';
  return input.normalize('NFC').replace(/\s+/gu, ' ').trim().slice(0, MAX_QUERY_LENGTH).trim();
}

/**
 * A query that goes into the internal route's path as it is (percent-encoded
 * by the router): one to ten words of digits and Latin letters (Albanian's ë
 * and ç included), single spaces between, at most 100 characters — already
 * normalized, and nothing in it can change a path. next.config.ts rewrites
 * such queries to the cached result route itself, without the proxy; the
 * proxy's matcher leaves them out (proxy.ts repeats this text: Next reads the
 * matcher without running code; a unit test holds the two equal).
 */
export const SIMPLE_QUERY = '(?=.{1,100}$)[0-9A-Za-zÀ-ÖØ-öø-ɏ]+(?: [0-9A-Za-zÀ-ÖØ-öø-ɏ]+){0,9}';

const SIMPLE = new RegExp(`^(?:${SIMPLE_QUERY})$`);

/**
 * The query as one path segment of the internal, cached result route
 * (/[locale]/search/[key]/[page]): a simple query as it is (see
 * SIMPLE_QUERY), any other as "~" and the base64url of its UTF-8, so no
 * character of the query can change the path. The same query always gets the
 * same key, whichever of next.config.ts and proxy.ts routed it.
 */
export function encodeSearchKey(query: string): string {
  return SIMPLE.test(query) ? query : `~${Buffer.from(query, 'utf8').toString('base64url')}`;
}

/**
 * The query back from its key (as the route's parameter, percent-encoded or
 * not); null when the key is not one encodeSearchKey makes.
 */
export function decodeSearchKey(key: string): string | null {
  let raw: string;
  try {
    raw = decodeURIComponent(key);
  } catch {
    return null;
  }
  if (raw.startsWith('~')) {
    const encoded = raw.slice(1);
    if (!/^[A-Za-z0-9_-]{1,400}$/.test(encoded)) return null;
    const query = Buffer.from(encoded, 'base64url').toString('utf8');
    return query !== '' && encodeSearchKey(query) === raw && normalizeSearchQuery(query) === query ? query : null;
  }
  return SIMPLE.test(raw) ? raw : null;
}
