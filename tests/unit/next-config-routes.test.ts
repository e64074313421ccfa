import { describe, expect, it } from 'vitest';
import nextConfig from '@/next.config';
import { SIMPLE_QUERY } from '@/lib/search-query';

// next.config.ts makes its redirects and rewrites from the addresses of
// i18n/routing.ts; these are the rules it made when they were written out by
// hand (every public address, 301 and rewrite as before), so a change to the
// generation that moves an address fails here, before any build.
const PAGE = { type: 'query', key: 'page', value: '(?<page>[2-9]|[1-9][0-9]{1,5})' };
const Q = { type: 'query', key: 'q', value: `(?<q>${SIMPLE_QUERY})` };
const SEARCH_PAGE = { type: 'query', key: 'page', value: '(?<page>[1-9][0-9]{0,5})' };

describe('next.config.ts routing, made from i18n/routing.ts', () => {
  it('redirects as it always did', async () => {
    expect(await nextConfig.redirects!()).toEqual([
      { source: '/en', destination: '/', permanent: true },
      { source: '/en/:path*', destination: '/:path*', permanent: true },
      { source: '/lajme/:rest*', destination: '/news/:rest*', permanent: true },
      { source: '/njoftime-per-shtyp/:rest*', destination: '/press-releases', permanent: true },
      { source: '/histori/:rest*', destination: '/stories', permanent: true },
      { source: '/kerko/:rest*', destination: '/search', permanent: true },
      { source: '/angazhohu/vende-pune/:rest*', destination: '/take-action/vacancies/:rest*', permanent: true },
      { source: '/sq/news/:rest*', destination: '/sq/lajme/:rest*', permanent: true },
      { source: '/sq/press-releases/:rest*', destination: '/sq/njoftime-per-shtyp', permanent: true },
      { source: '/sq/stories/:rest*', destination: '/sq/histori', permanent: true },
      { source: '/sq/search/:rest*', destination: '/sq/kerko', permanent: true },
      { source: '/sq/take-action/vacancies/:rest*', destination: '/sq/angazhohu/vende-pune/:rest*', permanent: true },
      { source: '/news/page/:n', destination: '/news?page=:n', permanent: true },
      { source: '/sq/lajme/page/:n', destination: '/sq/lajme?page=:n', permanent: true },
      // The lists of one kind of news (issue 18, point 5).
      { source: '/press-releases/page/:n', destination: '/press-releases?page=:n', permanent: true },
      { source: '/sq/njoftime-per-shtyp/page/:n', destination: '/sq/njoftime-per-shtyp?page=:n', permanent: true },
      { source: '/stories/page/:n', destination: '/stories?page=:n', permanent: true },
      { source: '/sq/histori/page/:n', destination: '/sq/histori?page=:n', permanent: true },
      { source: '/search/:rest+', destination: '/search', permanent: true },
      { source: '/sq/kerko/:rest+', destination: '/sq/kerko', permanent: true },
    ]);
  });

  it('rewrites as it always did', async () => {
    expect(await nextConfig.rewrites!()).toEqual({
      beforeFiles: [
        { source: '/', destination: '/en' },
        { source: '/news', has: [PAGE], destination: '/en/news/page/:page' },
        { source: '/sq/lajme', has: [PAGE], destination: '/sq/news/page/:page' },
        { source: '/press-releases', has: [PAGE], destination: '/en/press-releases/page/:page' },
        { source: '/sq/njoftime-per-shtyp', has: [PAGE], destination: '/sq/press-releases/page/:page' },
        { source: '/stories', has: [PAGE], destination: '/en/stories/page/:page' },
        { source: '/sq/histori', has: [PAGE], destination: '/sq/stories/page/:page' },
        { source: '/search', has: [Q, SEARCH_PAGE], destination: '/en/search/:q/:page' },
        { source: '/search', has: [Q], destination: '/en/search/:q/1' },
        { source: '/sq/kerko', has: [Q, SEARCH_PAGE], destination: '/sq/search/:q/:page' },
        { source: '/sq/kerko', has: [Q], destination: '/sq/search/:q/1' },
        { source: '/sq/kerko', destination: '/sq/search' },
        { source: '/sq/njoftime-per-shtyp', destination: '/sq/press-releases' },
        { source: '/sq/histori', destination: '/sq/stories' },
        { source: '/news/feed.xml', destination: '/en/news/feed.xml' },
        { source: '/sq/lajme/feed.xml', destination: '/sq/news/feed.xml' },
        { source: '/take-action/vacancies/feed.xml', destination: '/en/take-action/vacancies/feed.xml' },
        { source: '/sq/angazhohu/vende-pune/feed.xml', destination: '/sq/take-action/vacancies/feed.xml' },
        { source: '/sq/lajme', destination: '/sq/news' },
        { source: '/sq/lajme/:slug((?:[^/%]|%[0-7][0-9A-Fa-f])+)', destination: '/sq/news/:slug' },
        { source: '/sq/angazhohu/vende-pune', destination: '/sq/take-action/vacancies' },
        { source: '/sq/angazhohu/vende-pune/:slug((?:[^/%]|%[0-7][0-9A-Fa-f])+)', destination: '/sq/take-action/vacancies/:slug' },
      ],
      afterFiles: [{ source: '/:path((?!(?:sq|en|admin)(?:/|$)|(?:_next|media)/|sitemaps/[^/]*$).*)', destination: '/en/:path' }],
    });
  });
});
