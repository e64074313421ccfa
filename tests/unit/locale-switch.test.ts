import { describe, expect, it } from 'vitest';
import { localeOfPath } from '@/i18n/paths';
import { languageSwitchHref, switchTarget } from '@/lib/locale-switch';

describe('the language switch', () => {
  it('links through /api/locale with the target address as a parameter', () => {
    expect(languageSwitchHref('sq', '/sq/lajme/një-lajm?x=1&y=2')).toBe('/api/locale?to=sq&next=%2Fsq%2Flajme%2Fnj%C3%AB-lajm%3Fx%3D1%26y%3D2');
    // (localizedPath's addresses: percent-encoded, the query as URLSearchParams writes it)
    const params = new URL(languageSwitchHref('en', '/search?q=k%C3%ABrkim+i+ri'), 'http://x').searchParams;
    expect(switchTarget(params.get('to'), params.get('next'))).toEqual({ locale: 'en', location: '/search?q=k%C3%ABrkim+i+ri' });
  });

  it('goes on to a public address of this site in the chosen language', () => {
    expect(switchTarget('sq', '/sq/lajme?page=2')).toEqual({ locale: 'sq', location: '/sq/lajme?page=2' });
    expect(switchTarget('sq', '/sq')).toEqual({ locale: 'sq', location: '/sq' });
    expect(switchTarget('en', '/')).toEqual({ locale: 'en', location: '/' });
    expect(switchTarget('en', '/who-we-are')).toEqual({ locale: 'en', location: '/who-we-are' });
  });

  it.each([
    ['//evil.example/sq'],
    ['///evil.example'],
    ['/\\evil.example'],
    ['/\t/evil.example'],
    ['/%0a/evil.example'.replace('%0a', '\n')],
    [' /sq'],
    ['https://evil.example/sq'],
    ['javascript:alert(1)'],
    ['sq/lajme'],
    ['/admin/users'],
    ['/api/locale?to=sq&next=/sq'],
    ['/_next/static/x.js'],
    ['/sq/../admin'],
    ['/news'], // English address for the Albanian choice
    [''],
    [null],
    [`/sq/${'a'.repeat(2000)}`],
  ])('sends %j to the home page of the chosen language, never elsewhere', (next) => {
    expect(switchTarget('sq', next)).toEqual({ locale: 'sq', location: '/sq' });
  });

  it('keeps a normalised path on this site', () => {
    expect(switchTarget('en', '/news/../who-we-are')).toEqual({ locale: 'en', location: '/who-we-are' });
    expect(switchTarget('en', '/%2F%2Fevil.example')).toEqual({ locale: 'en', location: '/%2F%2Fevil.example' });
  });

  it('refuses a language the site does not have', () => {
    for (const to of ['de', 'EN', '', null, 'sq ']) expect(switchTarget(to, '/')).toBeNull();
  });

  it('knows the language of an address', () => {
    expect(localeOfPath('/sq')).toBe('sq');
    expect(localeOfPath('/sq/lajme')).toBe('sq');
    expect(localeOfPath('/sqx')).toBe('en');
    expect(localeOfPath('/')).toBe('en');
  });
});
