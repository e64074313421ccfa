import { describe, expect, it } from 'vitest';
// Next's own matching of next.config.ts's header rules (what its router runs on each request).
import { getPathMatch } from 'next/dist/shared/lib/router/utils/path-match';
import { compileNonPath } from 'next/dist/shared/lib/router/utils/prepare-destination';
import nextConfig from '@/next.config';
import { changeOfTags, purgeTags } from '@/lib/cache-tags';

type Rule = { source: string; headers: { key: string; value: string }[] };

async function responseHeaders(pathname: string): Promise<Record<string, string>> {
  const rules = (await nextConfig.headers!()) as Rule[];
  const out: Record<string, string> = {};
  for (const rule of rules) {
    const params = getPathMatch(rule.source)(pathname);
    if (!params) continue;
    for (const { key, value } of rule.headers) out[key] = Object.keys(params).length > 0 ? compileNonPath(value, params) : value;
  }
  return out;
}

async function tagsOf(pathname: string): Promise<string[]> {
  const headers = await responseHeaders(pathname);
  const keys = headers['Surrogate-Key']?.split(' ') ?? [];
  // Cloudflare's header names the same tags.
  expect(headers['Cache-Tag']?.split(',') ?? []).toEqual(keys);
  return keys;
}

describe('cache tags on public responses', () => {
  it('names the page, its kind and its language', async () => {
    expect(await tagsOf('/')).toEqual(['site', 'lang-en', 'home', 'addr/']);
    expect(await tagsOf('/sq')).toEqual(['site', 'lang-sq', 'home', 'addr/sq']);
    expect(await tagsOf('/news')).toEqual(['site', 'lang-en', 'news-list', 'addr/news']);
    expect(await tagsOf('/sq/lajme')).toEqual(['site', 'lang-sq', 'news-list', 'addr/sq/lajme']);
    expect(await tagsOf('/news/first-article')).toEqual(['site', 'lang-en', 'news', 'addr/news/first-article']);
    expect(await tagsOf('/sq/lajme/artikulli-i-pare')).toEqual(['site', 'lang-sq', 'news', 'addr/sq/lajme/artikulli-i-pare']);
    expect(await tagsOf('/news/feed.xml')).toEqual(['site', 'lang-en', 'feed', 'news-list', 'addr/news/feed.xml']);
    expect(await tagsOf('/sq/kerko')).toEqual(['site', 'lang-sq', 'search']);
    expect(await tagsOf('/who-we-are/our-team')).toEqual(['site', 'lang-en', 'addr/who-we-are/our-team']);
    expect(await tagsOf('/sq/kush-jemi')).toEqual(['site', 'lang-sq', 'addr/sq/kush-jemi']);
    expect(await tagsOf('/sitemap.xml')).toEqual(['site', 'sitemap']);
    expect(await tagsOf('/sitemaps/news-en.xml')).toEqual(['site', 'sitemap']);
  });

  it('leaves the uncached areas untagged', async () => {
    for (const path of ['/admin', '/admin/news/1', '/api/health', '/api/locale', '/media/1/x.jpg', '/_next/static/x.js']) {
      expect(await tagsOf(path), path).toEqual([]);
    }
  });

  it('purges every page a news publish touched, and no other', async () => {
    // The paths the news declaration returns for an English article (db/content/news-writes.ts livePaths).
    const tags = purgeTags({ paths: ['/news/first-article', '/news', '/'], news: true });
    const hit = async (path: string) => (await tagsOf(path)).some((t) => tags.includes(t));
    for (const path of ['/news/first-article', '/news', '/', '/news/feed.xml', '/sq/lajme/feed.xml', '/search', '/sq/kerko', '/sitemap.xml']) {
      expect(await hit(path), path).toBe(true);
    }
    for (const path of ['/news/another', '/sq', '/who-we-are', '/sq/lajme/artikulli-i-pare']) expect(await hit(path), path).toBe(false);
  });

  it('drops everything when the menu changes, nothing when nothing public did', () => {
    expect(purgeTags({ paths: ['/who-we-are'], menu: true })).toEqual(['site']);
    expect(purgeTags({ paths: [] })).toEqual([]);
    expect(purgeTags({ paths: [], news: true })).toEqual([]);
  });

  it('reads back from a purge’s tags the change they were made from', () => {
    // What the purge loop makes Next's own cache drop when a scheduled item reaches its time (lib/next-cache.ts).
    const changes = [
      { paths: ['/news/first-article', '/news', '/'], news: true },
      { paths: ['/sq/lajme/artikulli-i-pare', '/sq/lajme', '/sq'], news: true },
      { paths: ['/who-we-are/our-team', '/sq/kush-jemi/ekipi'] },
      { paths: [], menu: true },
    ];
    for (const change of changes) {
      const back = changeOfTags(purgeTags(change));
      expect({ ...back, paths: [...back.paths].sort() }, JSON.stringify(change)).toEqual({ ...change, paths: [...change.paths].sort() });
    }
    expect(changeOfTags(purgeTags({ paths: ['/who-we-are'], menu: true }))).toEqual({ paths: [], menu: true });
  });
});
