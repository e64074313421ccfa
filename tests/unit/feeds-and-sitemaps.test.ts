import { describe, expect, it } from 'vitest';
import { rfc822, rssXml } from '@/lib/rss';
import { chunkEntries, type SitemapEntry, sitemapIndexXml, urlsetXml } from '@/lib/sitemap';
import { escapeXml } from '@/lib/xml';

describe('XML escaping', () => {
  it('escapes markup and drops characters XML cannot carry', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;');
    expect(escapeXml('a\u0000b\u0008c\u000bd')).toBe('abcd');
    expect(escapeXml('Shqipëri – ç')).toBe('Shqipëri – ç');
  });
});

describe('RSS', () => {
  it('writes dates in RFC 822 and escapes every text', () => {
    expect(rfc822(new Date('2019-04-09T10:00:00Z'))).toBe('Tue, 09 Apr 2019 10:00:00 GMT');
    const xml = rssXml({
      title: 'News – IOM Albania',
      link: 'https://example.org/news',
      selfLink: 'https://example.org/news/feed.xml',
      description: 'A & B',
      language: 'en',
      items: [{ title: '<script>x</script>', link: 'https://example.org/news/a?b=1&c=2', guid: 'https://example.org/news/a', description: 'd', pubDate: new Date('2019-04-09T10:00:00Z') }],
    });
    expect(xml).toContain('<title>&lt;script&gt;x&lt;/script&gt;</title>');
    expect(xml).toContain('<link>https://example.org/news/a?b=1&amp;c=2</link>');
    expect(xml).toContain('<pubDate>Tue, 09 Apr 2019 10:00:00 GMT</pubDate>');
    expect(xml).toContain('<atom:link href="https://example.org/news/feed.xml" rel="self" type="application/rss+xml"/>');
    expect(xml).not.toContain('<script>');
  });
});

describe('sitemaps', () => {
  const entry = (n: number): SitemapEntry => ({
    loc: `https://example.org/p${n}`,
    lastmod: new Date('2024-01-01T00:00:00Z'),
    alternates: [{ hreflang: 'en', href: `https://example.org/p${n}` }, { hreflang: 'sq', href: `https://example.org/sq/p${n}` }],
  });

  it('lists addresses with their language alternates', () => {
    const xml = urlsetXml([entry(1)]);
    expect(xml).toContain('<loc>https://example.org/p1</loc><lastmod>2024-01-01T00:00:00.000Z</lastmod>');
    expect(xml).toContain('<xhtml:link rel="alternate" hreflang="sq" href="https://example.org/sq/p1"/>');
  });

  it('splits past the limit into files listed by an index', () => {
    const chunks = chunkEntries(Array.from({ length: 7 }, (_, i) => entry(i)), 3);
    expect(chunks.map((c) => c.length)).toEqual([3, 3, 1]);
    expect(chunkEntries([], 3)).toEqual([[]]);
    const index = sitemapIndexXml([{ loc: 'https://example.org/sitemaps/1.xml' }, { loc: 'https://example.org/sitemaps/2.xml' }]);
    expect(index).toContain('<sitemapindex');
    expect(index.match(/<sitemap>/g)).toHaveLength(2);
  });
});
