import { describe, expect, it } from 'vitest';
import { preferredLocale } from '@/lib/accept-language';

describe('preferredLocale', () => {
  it('picks the first of our languages by quality', () => {
    expect(preferredLocale('sq-AL,sq;q=0.9,en;q=0.8')).toBe('sq');
    expect(preferredLocale('de-DE,de;q=0.9,en;q=0.8,sq;q=0.7')).toBe('en');
    expect(preferredLocale('en;q=0.5,sq;q=0.9')).toBe('sq');
    expect(preferredLocale('it,sq')).toBe('sq');
  });

  it('has no preference for missing, foreign or refused languages', () => {
    expect(preferredLocale(null)).toBeNull();
    expect(preferredLocale('')).toBeNull();
    expect(preferredLocale('de,fr')).toBeNull();
    expect(preferredLocale('sq;q=0,de')).toBeNull();
    expect(preferredLocale('sq;q=abc')).toBeNull();
  });
});
