import { AsyncLocalStorage } from 'node:async_hooks';
import { beforeAll, describe, expect, it } from 'vitest';
import { implicitTags, nextCacheRevalidations, type PathRevalidation } from '@/lib/next-cache';

let nextsOwnTags: (call: PathRevalidation) => string[];

beforeAll(async () => {
  // As the Next server does at start, before its request stores are made.
  (globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage = AsyncLocalStorage;
  const { revalidatePath } = await import('next/cache');
  // The store Next keeps for a request; revalidatePath records its tags there.
  const { workAsyncStorage } = await import('next/dist/server/app-render/work-async-storage.external');
  /** The tags Next's own revalidatePath expires for `call`, as it records them in a request. */
  nextsOwnTags = ({ path, type }) => {
    const store = { incrementalCache: {}, pendingRevalidatedTags: [] as { tag: string }[] };
    workAsyncStorage.run(store as never, () => revalidatePath(path, type));
    return store.pendingRevalidatedTags.map((t) => t.tag);
  };
});

describe('Next’s cache, dropped outside a request', () => {
  it('expires what revalidatePath expires for every kind of change', () => {
    const changes = [
      { paths: ['/news/first-article', '/news', '/'], news: true },
      { paths: ['/sq/lajme/artikulli-i-pare', '/sq/lajme', '/sq'], news: true },
      { paths: ['/who-we-are/our-team'] },
      { paths: [], menu: true },
    ];
    const calls = changes.flatMap(nextCacheRevalidations);
    expect(calls.length).toBeGreaterThan(10);
    for (const call of [...calls, { path: '/index' }, { path: '/news/' }, { path: '/news/çështje' }]) {
      expect(implicitTags(call), JSON.stringify(call)).toEqual(nextsOwnTags(call));
    }
  });

  it('maps public addresses to the routes the cache knows them by', () => {
    expect(nextCacheRevalidations({ paths: ['/news/x', '/sq/lajme', '/sq'], news: true })).toEqual([
      { path: '/en/news/x' },
      { path: '/sq/news' },
      { path: '/sq' },
      { path: '/[locale]/search/[key]/[page]', type: 'page' },
      { path: '/[locale]/news/page/[n]', type: 'page' },
      { path: '/news/feed.xml' },
      { path: '/sq/lajme/feed.xml' },
    ]);
    expect(nextCacheRevalidations({ paths: ['/who-we-are'], menu: true })).toEqual([{ path: '/', type: 'layout' }]);
    expect(nextCacheRevalidations({ paths: [] })).toEqual([]);
  });
});
