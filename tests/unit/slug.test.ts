import { describe, expect, it } from 'vitest';
import { isValidSlug, slugify } from '@/lib/slug';

describe('slugify', () => {
  it('folds Albanian letters and joins words with hyphens', () => {
    expect(slugify('Çështje ndërfushore (Globale)')).toBe('ceshtje-nderfushore-globale');
    expect(slugify('IOM në Shqipëri')).toBe('iom-ne-shqiperi');
    expect(slugify('  Të dhëna   dhe burime! ')).toBe('te-dhena-dhe-burime');
    expect(slugify('ËÇ ëç')).toBe('ec-ec');
  });

  it('cuts at a word, never inside one, within the limit', () => {
    const slug = slugify('IOM trajnon gjyqtarë dhe prokurorë nga vendet e Ballkanit Perëndimor që të trajtojnë më me efektivitet cështjet e migrantëve');
    expect(slug).toBe('iom-trajnon-gjyqtare-dhe-prokurore-nga-vendet-e-ballkanit-perendimor-qe-te');
    expect(slugify('alpha beta gamma', 11)).toBe('alpha-beta');
    expect(slugify('a'.repeat(100), 80)).toHaveLength(80);
  });

  it('drops apostrophes and symbols', () => {
    expect(slugify('IOM’s “work” & data')).toBe('ioms-work-data');
    expect(slugify('<script>alert(1)</script>')).toBe('script-alert-1-script');
  });

  it('validates slugs', () => {
    expect(isValidSlug('kush-jemi')).toBe(true);
    expect(isValidSlug('Kush-jemi')).toBe(false);
    expect(isValidSlug('-a')).toBe(false);
    expect(isValidSlug('a--b')).toBe(false);
    expect(isValidSlug('')).toBe(false);
  });
});
