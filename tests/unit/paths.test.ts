import { createNavigation } from 'next-intl/navigation';
import { describe, expect, it } from 'vitest';
import { type AppHref, feedPath, internalPath, internalRoutePath, localizedPath, sectionRoutes } from '@/i18n/paths';
import { pagePathProblem, reservedPrefixes } from '@/db/content/page-paths';
import { locales, routing } from '@/i18n/routing';

// next-intl's own getPathname, which public pages no longer import (it would
// bring next-intl's client Link into their JavaScript): ours must agree.
const { getPathname } = createNavigation(routing);

const hrefs: AppHref[] = [
  '/',
  '/news',
  '/search',
  '/press-releases',
  '/stories',
  { pathname: '/news', query: { page: '3' } },
  { pathname: '/press-releases', query: { page: '2' } },
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

describe('the addresses made from the routing', () => {
  it('maps a public address to its route inside app/[locale], as revalidatePath knows it', () => {
    expect(internalPath('/')).toBe('/en');
    expect(internalPath('/sq')).toBe('/sq');
    expect(internalPath('/news')).toBe('/en/news');
    expect(internalPath('/news/iom-trains-judges')).toBe('/en/news/iom-trains-judges');
    expect(internalPath('/sq/lajme')).toBe('/sq/news');
    expect(internalPath('/sq/lajme/trajnim')).toBe('/sq/news/trajnim');
    expect(internalPath('/sq/kerko')).toBe('/sq/search');
    expect(internalPath('/who-we-are/contact')).toBe('/en/who-we-are/contact');
    expect(internalPath('/sq/kush-jemi')).toBe('/sq/kush-jemi');
    // Only a whole first segment is a section's.
    expect(internalPath('/sq/lajmet')).toBe('/sq/lajmet');
    expect(internalPath('/lajme/x')).toBe('/en/lajme/x');
    expect(internalPath('/squash')).toBe('/en/squash');
  });

  it('inverts localizedPath for every address without a query', () => {
    for (const href of hrefs) {
      if (typeof href !== 'string' && href.query) continue;
      for (const locale of locales) {
        const path = localizedPath(href, locale);
        expect(internalPath(path)).toBe(localizedPath(href, 'en') === '/' ? `/${locale}` : `/${locale}${localizedPath(href, 'en')}`);
      }
    }
  });

  it('names the routes and feeds', () => {
    expect(sectionRoutes()).toEqual(['/news', '/press-releases', '/stories', '/search', '/take-action/vacancies']);
    expect(feedPath('sq', '/take-action/vacancies')).toBe('/sq/angazhohu/vende-pune/feed.xml');
    expect(internalRoutePath('/news', 'sq')).toBe('/sq/news');
    expect(internalRoutePath('/', 'en')).toBe('/en');
    expect(feedPath('en')).toBe('/news/feed.xml');
    expect(feedPath('sq')).toBe('/sq/lajme/feed.xml');
  });

  it('maps a section below a page to its route, and leaves the page its own address', () => {
    expect(internalPath('/sq/angazhohu/vende-pune')).toBe('/sq/take-action/vacancies');
    expect(internalPath('/sq/angazhohu/vende-pune/asistent-x')).toBe('/sq/take-action/vacancies/asistent-x');
    expect(internalPath('/take-action/vacancies/x')).toBe('/en/take-action/vacancies/x');
    expect(internalPath('/sq/angazhohu')).toBe('/sq/angazhohu');
    expect(internalPath('/sq/angazhohu/vende-punesh-te-tjera')).toBe('/sq/angazhohu/vende-punesh-te-tjera');
    expect(pagePathProblem('en', 'take-action')).toBeNull();
    expect(pagePathProblem('sq', 'angazhohu/vullnetaret')).toBeNull();
    expect(pagePathProblem('en', 'take-action/vacancies')).toBe('pathReserved');
    expect(pagePathProblem('sq', 'angazhohu/vende-pune/x')).toBe('pathReserved');
    expect(pagePathProblem('sq', 'take-action/vacancies')).toBe('pathReserved');
  });

  it("keeps every language's section names from page addresses", () => {
    const technical = ['admin', 'api', 'sitemaps', 'sitemap.xml', 'robots.txt', '_next', '_vercel', 'en', 'sq'];
    expect(reservedPrefixes('en')).toEqual(['news', 'press-releases', 'stories', 'search', 'take-action/vacancies', ...technical, 'lajme', 'njoftime-per-shtyp', 'histori', 'kerko', 'angazhohu/vende-pune']);
    expect(reservedPrefixes('sq')).toEqual(['lajme', 'njoftime-per-shtyp', 'histori', 'kerko', 'angazhohu/vende-pune', ...technical, 'news', 'press-releases', 'stories', 'search', 'take-action/vacancies']);
  });

  it('gives the default language the routes’ own names (next.config.ts rewrites only the others)', () => {
    for (const route of sectionRoutes()) expect(localizedPath(route, routing.defaultLocale)).toBe(route);
  });
});
