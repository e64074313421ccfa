import { describe, expect, it } from 'vitest';
import { htmlToText } from '@/lib/html';
import { decodeSearchKey, encodeSearchKey, MAX_QUERY_LENGTH, MAX_QUERY_TERMS, normalizeSearchQuery, snippetToHtml, SNIPPET_MARKS, toFtsQuery } from '@/lib/search-query';

describe('toFtsQuery', () => {
  it('quotes each word and lets the last one match as a prefix', () => {
    expect(toFtsQuery('fëmijë migrantë')).toBe('"fëmijë" "migrantë"*');
    expect(toFtsQuery('  judges ')).toBe('"judges"*');
  });

  it('turns FTS syntax into plain words', () => {
    for (const hostile of ['"', '*', 'NEAR(', 'a OR b', '"unbalanced', 'x AND NOT y', '-minus', '^caret', 'col:value', '(((']) {
      const query = toFtsQuery(hostile);
      if (query === null) continue;
      expect(query).toMatch(/^("[\p{L}\p{N}]+"\*? ?)+$/u);
    }
    expect(toFtsQuery('a OR b')).toBe('"a" "OR" "b"*');
    expect(toFtsQuery('"')).toBeNull();
  });

  it('has nothing to search for empty, non-text or overlong input beyond its limits', () => {
    expect(toFtsQuery('')).toBeNull();
    expect(toFtsQuery(['x'])).toBeNull();
    expect(toFtsQuery(undefined)).toBeNull();
    expect(toFtsQuery('word '.repeat(2000))!.split(' ')).toHaveLength(MAX_QUERY_TERMS);
  });
});

describe('the cached result route', () => {
  it('shares one page between spellings that search the same', () => {
    expect(normalizeSearchQuery('  kthim \n\t vullnetar ')).toBe('kthim vullnetar');
    expect(normalizeSearchQuery('e\u0308')).toBe('ë');
    expect(normalizeSearchQuery(['x'])).toBe('');
    expect(normalizeSearchQuery(null)).toBe('');
    expect(normalizeSearchQuery('a'.repeat(5000))).toHaveLength(MAX_QUERY_LENGTH);
  });

  it('carries any query in one path segment and back', () => {
    for (const query of ['fëmijë çështje', '../../admin', 'a/b?c#d%2F', '<script>', 'x'.repeat(MAX_QUERY_LENGTH)]) {
      const key = encodeSearchKey(query);
      expect(key).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeSearchKey(key)).toBe(query);
    }
  });

  it('refuses keys it did not make', () => {
    expect(decodeSearchKey('')).toBeNull();
    expect(decodeSearchKey('a/b')).toBeNull();
    expect(decodeSearchKey('abc=')).toBeNull();
    expect(decodeSearchKey(encodeSearchKey(' padded '))).toBeNull();
    expect(decodeSearchKey(encodeSearchKey('two  spaces'))).toBeNull();
    expect(decodeSearchKey(Buffer.from([0xff, 0xfe]).toString('base64url'))).toBeNull();
  });
});

describe('snippets', () => {
  it('are escaped, with only our marks turned into <mark>', () => {
    const raw = `a <b>&amp; ${SNIPPET_MARKS.start}fëmijë${SNIPPET_MARKS.end} <script>`;
    expect(snippetToHtml(raw)).toBe('a &lt;b&gt;&amp;amp; <mark>fëmijë</mark> &lt;script&gt;');
  });
});

describe('htmlToText', () => {
  it('keeps the words and decodes entities', () => {
    expect(htmlToText('<p>Tom &amp; Jerry</p><p>&#235; &#xE7; &nbsp;x</p><script>alert(1)</script>')).toBe('Tom & Jerry ë ç x');
  });
});
