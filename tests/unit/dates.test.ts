import { describe, expect, it } from 'vitest';
import { formatDate } from '@/lib/dates';

describe('formatDate', () => {
  it('writes dates as readers of each language do', () => {
    const d = new Date('2019-04-09T10:00:00Z');
    expect(formatDate(d, 'en')).toBe('9 April 2019');
    expect(formatDate(d, 'sq')).toBe('9 prill 2019');
  });

  it('uses Tirana time, not UTC', () => {
    // 23:30 UTC on 31 December is already 1 January in Tirana (UTC+1).
    const d = new Date('2024-12-31T23:30:00Z');
    expect(formatDate(d, 'en')).toBe('1 January 2025');
    expect(formatDate(d, 'sq')).toBe('1 janar 2025');
  });

});
