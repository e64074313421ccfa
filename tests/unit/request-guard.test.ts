import { describe, expect, it } from 'vitest';
import { NestingMeter, requestPath } from '@/lib/request-guard';

function maxNesting(...chunks: string[]): number {
  const meter = new NestingMeter();
  for (const chunk of chunks) meter.feed(Buffer.from(chunk));
  return meter.max;
}

describe('NestingMeter', () => {
  it('counts the deepest [ / { nesting across chunks', () => {
    expect(maxNesting('[1,{"a":[2]}]')).toBe(3);
    expect(maxNesting('[[[', '[]]', ']]')).toBe(4);
    expect(maxNesting('no brackets at all')).toBe(0);
  });

  it('cannot be fooled: closing brackets never count below zero, brackets in strings count', () => {
    // An earlier field of closers does not hide a later field's depth.
    expect(maxNesting(']]]]]]]]', '[[[[')).toBe(4);
    expect(maxNesting('"[[[["')).toBe(4);
  });
});

describe('requestPath', () => {
  it('is the path Next routes, dot segments resolved', () => {
    expect(requestPath('/admin/news?x=1')).toBe('/admin/news');
    expect(requestPath('/admin/../news')).toBe('/news');
    expect(requestPath('/admin/%2e%2e/sq')).toBe('/sq');
    expect(requestPath('/sq/lajme')).toBe('/sq/lajme');
  });

  it('is empty for addresses Next only redirects', () => {
    expect(requestPath('//admin/x')).toBe('');
    expect(requestPath('/admin\\x')).toBe('');
  });
});
