import { describe, expect, it } from 'vitest';
import { htmlToText } from '@/lib/html';
import { MAX_QUERY_TERMS, snippetToHtml, SNIPPET_MARKS, toFtsQuery } from '@/lib/search-query';

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
