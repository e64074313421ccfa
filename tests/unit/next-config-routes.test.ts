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
      { source: '/kerko/:rest*', destination: '/search', permanent: true },
      { source: '/angazhohu/vende-pune/:rest*', destination: '/take-action/vacancies/:rest*', permanent: true },
      { source: '/sq/news/:rest*', destination: '/sq/lajme/:rest*', permanent: true },
      { source: '/sq/search/:rest*', destination: '/sq/kerko', permanent: true },
      { source: '/sq/take-action/vacancies/:rest*', destination: '/sq/angazhohu/vende-pune/:rest*', permanent: true },
      { source: '/news/page/:n', destination: '/news?page=:n', permanent: true },
      { source: '/sq/lajme/page/:n', destination: '/sq/lajme?page=:n', permanent: true },
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
        { source: '/search', has: [Q, SEARCH_PAGE], destination: '/en/search/:q/:page' },
        { source: '/search', has: [Q], destination: '/en/search/:q/1' },
        { source: '/sq/kerko', has: [Q, SEARCH_PAGE], destination: '/sq/search/:q/:page' },
        { source: '/sq/kerko', has: [Q], destination: '/sq/search/:q/1' },
        { source: '/sq/kerko', destination: '/sq/search' },
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
