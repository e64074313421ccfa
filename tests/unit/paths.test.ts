import { createNavigation } from 'next-intl/navigation';
import { describe, expect, it } from 'vitest';
import { type AppHref, localizedPath } from '@/i18n/paths';
import { locales, routing } from '@/i18n/routing';

// next-intl's own getPathname, which public pages no longer import (it would
// bring next-intl's client Link into their JavaScript): ours must agree.
const { getPathname } = createNavigation(routing);

const hrefs: AppHref[] = [
  '/',
  '/news',
  '/search',
  { pathname: '/news', query: { page: '3' } },
  { pathname: '/search', query: { q: 'fëmijë & "çështje"' } },
  { pathname: '/search', query: { q: 'border', page: '2' } },
  { pathname: '/', query: { x: ['a', 'b'] } },
  { pathname: '/news/[slug]', params: { slug: 'iom-trains-judges' } },
  { pathname: '/news/[slug]', params: { slug: 'fëmijët-në-lëvizje' } },
  { pathname: '/[...path]', params: { path: ['who-we-are'] } },
  { pathname: '/[...path]', params: { path: ['puna-jone', 'kthimi-vullnetar'] } },
  { pathname: '/[...path]', params: { path: ['çështje', 'ëndrra'] } },
];

describe('localizedPath', () => {
  it.each(hrefs.flatMap((href) => locales.map((locale) => [JSON.stringify(href), locale, href] as const)))('%s in %s is what next-intl makes', (_name, locale, href) => {
    expect(localizedPath(href, locale)).toBe(getPathname({ href, locale } as Parameters<typeof getPathname>[0]));
  });

  it('localizes templates and prefixes Albanian only', () => {
    expect(localizedPath('/news', 'sq')).toBe('/sq/lajme');
    expect(localizedPath('/', 'sq')).toBe('/sq');
    expect(localizedPath({ pathname: '/news/[slug]', params: { slug: 'x' } }, 'en')).toBe('/news/x');
    expect(localizedPath({ pathname: '/search', query: { q: 'a b' } }, 'sq')).toBe('/sq/kerko?q=a+b');
  });
});
