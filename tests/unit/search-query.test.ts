import { describe, expect, it } from 'vitest';
import { htmlToText } from '@/lib/html';
import fs from 'node:fs';
import path from 'node:path';
import { decodeSearchKey, encodeSearchKey, MAX_QUERY_LENGTH, MAX_QUERY_TERMS, normalizeSearchQuery, SIMPLE_QUERY, snippetToHtml, SNIPPET_MARKS, toFtsQuery } from '@/lib/search-query';

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
    for (const query of ['fëmijë çështje', '../../admin', '..', 'a/b?c#d%2F', '100%', '<script>', 'é', 'x'.repeat(MAX_QUERY_LENGTH)]) {
      const key = encodeSearchKey(query);
      expect(key).toMatch(/^(?:~[A-Za-z0-9_-]+|[0-9A-Za-z\u00C0-\u024F ]+)$/);
      // The route's parameter may come percent-encoded or not.
      expect(decodeSearchKey(key)).toBe(query);
      expect(decodeSearchKey(encodeURIComponent(key))).toBe(query);
    }
  });

  it('keeps simple queries as they are, so next.config.ts can route them without the proxy', () => {
    for (const query of ['border', 'fëmijë çështje', 'Kthim Vullnetar 2024', 'ÇËSHTJE']) {
      expect(encodeSearchKey(query)).toBe(query);
      expect(new RegExp(`^(?:${SIMPLE_QUERY})$`).test(query)).toBe(true);
    }
    for (const query of ['', ' border', 'border ', 'two  spaces', 'a-b', "IOM's", 'a/b', '..', 'x'.repeat(101), 'one two three four five six seven eight nine ten eleven']) {
      expect(encodeSearchKey(query)).toMatch(/^~/);
    }
  });

  it('matches the copy of the simple-query pattern in the proxy’s matcher', () => {
    // Next reads the matcher without running proxy.ts, so it holds a literal copy.
    const source = fs.readFileSync(path.join(process.cwd(), 'proxy.ts'), 'utf8');
    const literal = `value: '${SIMPLE_QUERY}'`;
    expect(source.split(literal)).toHaveLength(2);
  });

  it('refuses keys it did not make', () => {
    expect(decodeSearchKey('')).toBeNull();
    expect(decodeSearchKey('a/b')).toBeNull();
    expect(decodeSearchKey('a%2Fb')).toBeNull();
    expect(decodeSearchKey('~abc=')).toBeNull();
    expect(decodeSearchKey('~')).toBeNull();
    expect(decodeSearchKey('%E0%A4%A')).toBeNull();
    expect(decodeSearchKey('x'.repeat(101))).toBeNull();
    expect(decodeSearchKey(encodeSearchKey(' padded '))).toBeNull();
    expect(decodeSearchKey(encodeSearchKey('two  spaces'))).toBeNull();
    expect(decodeSearchKey(`~${Buffer.from([0xff, 0xfe]).toString('base64url')}`)).toBeNull();
    // A simple query in base64 is not the key encodeSearchKey makes for it.
    expect(decodeSearchKey(`~${Buffer.from('border').toString('base64url')}`)).toBeNull();
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

  it('reads HTML as a browser does: every entity, quoted ">", stray "<", unclosed script', () => {
    expect(htmlToText('<p>Wait&hellip; caf&eacute; 2019&#150;2024</p>')).toBe('Wait… café 2019–2024');
    expect(htmlToText('<p title="a > b">x</p>')).toBe('x');
    expect(htmlToText('<p>1 < 2</p>')).toBe('1 < 2');
    expect(htmlToText('<p>ok</p><script>alert(1)')).toBe('ok');
    expect(htmlToText('<p>a<!-- <b>c</b> -->d</p>')).toBe('ad');
  });

  it('parts words at every tag, as the search index always has', () => {
    expect(htmlToText('<p>one</p><p>two<br>three <strong>four</strong>five</p>')).toBe('one two three four five');
  });
});
