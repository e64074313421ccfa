import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { insertUserRow } from '@/db/auth/users-core';
import { claimDuePurges, listPurges, waitedForItsTime } from '@/db/cdn-outbox';
import { createNewsItem, type NewsFields, restoreNews, saveNewsTranslation, trashNews } from '@/db/content/news-writes';
import { saveMediaTexts, trashMedia } from '@/db/media/library';
import { createPage, trashPage } from '@/db/content/page-tree';
import { savePageTranslation } from '@/db/content/page-writes';
import { cdnPurges, media } from '@/db/schema';
import { deliverAndPrune, deliverDuePurges } from '@/db/cdn-delivery';
import { readCdnTargets } from '@/lib/cdn/targets';
import { makeTestDatabase } from '../helpers/db';
import { insertMediaRow } from '../helpers/media-rows';

let t: ReturnType<typeof makeTestDatabase>;
let actor: { userId: number; ip: string };
beforeEach(async () => {
  t = makeTestDatabase();
  const editor = { email: 'e@iom.int', name: 'E', role: 'editor' as const, password: 'Lumi i Drinit rrjedh ngadalë' };
  actor = { userId: ((await insertUserRow(t.db, editor, { id: null })) as { id: number }).id, ip: '127.0.0.1' };
});
afterEach(() => {
  vi.unstubAllEnvs();
  t.close();
});

const ARTICLE: NewsFields = { title: 'Training for judges', slug: 'training-for-judges', summary: 'Judges met.', body: '<p>Text</p>', dateline: null, seoTitle: null, seoDescription: null };
const fields = (over: Partial<NewsFields> = {}): NewsFields => ({ ...ARTICLE, ...over });

function publishNews(now = new Date()) {
  const result = saveNewsTranslation(t.db, actor, { itemId: null, locale: 'en', baseVersion: null, fields: fields(), publication: { action: 'publish' } }, now);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result;
}

const rows = () => t.db.select().from(cdnPurges).all();

/** Makes `change` (with one CDN configured) and returns the tags of the one purge it queued. */
function purgedBy(change: () => { ok: boolean }): string[] {
  const before = rows().length;
  expect(change().ok).toBe(true);
  const added = rows().slice(before);
  expect(added).toHaveLength(1);
  return added[0]!.tags.split(' ');
}

describe('the purge outbox', () => {
  it('stays empty when no CDN is configured', () => {
    publishNews();
    expect(rows()).toEqual([]);
  });

  it('queues a publish for each configured CDN, with the tags the article carries', () => {
    vi.stubEnv('CDN_VARNISH_URLS', 'http://127.0.0.1:6081');
    vi.stubEnv('CDN_FASTLY_SERVICE_ID', 'svc');
    vi.stubEnv('CDN_FASTLY_API_TOKEN', 'tok');
    const now = new Date();
    publishNews(now);
    expect(rows().map((r) => [r.target, r.tags, r.dueAt.getTime(), r.sentAt])).toEqual([
      ['varnish', 'addr/ addr/news addr/news/training-for-judges feed news-list search sitemap', now.getTime(), null],
      ['fastly', 'addr/ addr/news addr/news/training-for-judges feed news-list search sitemap', now.getTime(), null],
    ]);
  });

  it('queues nothing for a refused save (the purge is in the change’s own transaction)', () => {
    vi.stubEnv('CDN_VARNISH_URLS', 'http://127.0.0.1:6081');
    const { itemId } = publishNews();
    const before = rows().length;
    const stale = saveNewsTranslation(t.db, actor, { itemId, locale: 'en', baseVersion: 0, fields: fields({ title: 'Late' }), publication: { action: 'keep' } });
    expect(stale).toMatchObject({ ok: false, error: 'stale' });
    const invalid = saveNewsTranslation(t.db, actor, { itemId, locale: 'en', baseVersion: 1, fields: fields({ body: '' }), publication: { action: 'keep' } });
    expect(invalid).toMatchObject({ ok: false, error: 'invalid' });
    expect(rows()).toHaveLength(before);
  });

  it('queues an unpublish and a trash', () => {
    vi.stubEnv('CDN_VARNISH_URLS', 'http://127.0.0.1:6081');
    const { itemId, version } = publishNews();
    const unpublish = () => saveNewsTranslation(t.db, actor, { itemId, locale: 'en', baseVersion: version, fields: fields(), publication: { action: 'unpublish' } });
    expect(purgedBy(unpublish)).toContain('addr/news/training-for-judges');
    saveNewsTranslation(t.db, actor, { itemId, locale: 'en', baseVersion: version + 1, fields: fields(), publication: { action: 'publish' } });
    expect(purgedBy(() => trashNews(t.db, actor, itemId))).toContain('addr/news/training-for-judges');
  });

  it('queues an edit of a live article, its address change (both addresses) and its restore from the trash', () => {
    vi.stubEnv('CDN_VARNISH_URLS', 'http://127.0.0.1:6081');
    const { itemId, version } = publishNews();
    const save = (baseVersion: number, over: Partial<NewsFields>) => () =>
      saveNewsTranslation(t.db, actor, { itemId, locale: 'en', baseVersion, fields: fields(over), publication: { action: 'keep' } });
    expect(purgedBy(save(version, { summary: 'Judges met again.' }))).toContain('addr/news/training-for-judges');
    expect(purgedBy(save(version + 1, { slug: 'judges-trained' }))).toEqual(expect.arrayContaining(['addr/news/training-for-judges', 'addr/news/judges-trained', 'news-list']));
    expect(trashNews(t.db, actor, itemId).ok).toBe(true);
    expect(purgedBy(() => restoreNews(t.db, actor, itemId))).toContain('addr/news/judges-trained');
  });

  it('drops everything for new texts of an image a live page shows, nothing for a file no page shows', () => {
    vi.stubEnv('CDN_VARNISH_URLS', 'http://127.0.0.1:6081');
    const used = insertMediaRow(t.db, 1, { en: 'Judges at a training', sq: 'Gjyqtarë në një trajnim' });
    const unused = insertMediaRow(t.db, 2, { en: 'A road', sq: 'Një rrugë' });
    const empty = { title: null, alt: null, caption: null, credit: null };
    const created = createNewsItem(t.db, actor, { locale: 'en', fields: fields(), publication: { action: 'publish' }, other: { ...empty, title: '', slug: '', summary: '', body: '', dateline: null, seoTitle: null, seoDescription: null }, shared: { kind: 'news', themes: [], heroMediaId: used } });
    expect(created).toMatchObject({ ok: true });
    const count = rows().length;
    const texts = (alt: string) => ({ en: { ...empty, alt }, sq: { ...empty, alt: `${alt} (shqip)` } });
    const baseVersion = t.db.select({ version: media.version }).from(media).get()!.version;
    expect(saveMediaTexts(t.db, actor, { id: unused, baseVersion, texts: texts('A new road') })).toMatchObject({ ok: true });
    // A file no page uses: trashed (a used one is refused), served by nobody's cache.
    expect(trashMedia(t.db, actor, unused)).toEqual({ ok: true });
    expect(rows()).toHaveLength(count);
    expect(purgedBy(() => saveMediaTexts(t.db, actor, { id: used, baseVersion, texts: texts('Judges trained') }))).toEqual(['site']);
  });

  it('makes a scheduled item’s purge due at its time', () => {
    vi.stubEnv('CDN_VARNISH_URLS', 'http://127.0.0.1:6081');
    const now = new Date();
    const at = new Date(now.getTime() + 3 * 3600_000);
    const result = saveNewsTranslation(t.db, actor, { itemId: null, locale: 'en', baseVersion: null, fields: fields(), publication: { action: 'schedule', at } }, now);
    expect(result).toMatchObject({ ok: true, status: 'scheduled' });
    const due = rows().filter((r) => r.tags.includes('addr/news/training-for-judges'));
    // Nothing public changed at the save (a draft until then): the one purge is at its time.
    expect(rows().map((r) => r.dueAt.getTime())).toEqual([at.getTime()]);
    expect(due).toHaveLength(1);
    expect(claimDuePurges(t.db, new Date(at.getTime() - 1))).toEqual([]);
    expect(claimDuePurges(t.db, at).map((r) => r.id)).toEqual(due.map((r) => r.id));
  });

  it('queues a page trashed from the tree, which changes the menu (everything)', () => {
    vi.stubEnv('CDN_VARNISH_URLS', 'http://127.0.0.1:6081');
    const created = createPage(t.db, actor, { parentId: null, kind: 'page' });
    if (!created.ok) throw new Error(created.error);
    const page = { title: 'Migration Health', menuTitle: null, path: 'migration-health', summary: 'S', body: '<p>Text</p>', seoTitle: null, seoDescription: null };
    savePageTranslation(t.db, actor, { pageId: created.pageId, locale: 'en', baseVersion: null, fields: page, publication: { action: 'publish' } });
    expect(trashPage(t.db, actor, created.pageId).ok).toBe(true);
    expect(rows().at(-1)!.tags).toBe('site');
  });

  it('never gives the same row to two senders', () => {
    vi.stubEnv('CDN_VARNISH_URLS', 'http://127.0.0.1:6081');
    publishNews();
    const now = new Date();
    expect(claimDuePurges(t.db, now)).toHaveLength(1);
    expect(claimDuePurges(t.db, now)).toEqual([]);
  });
});

/** A stand-in Varnish on a free port that records what it is sent; stopped after the test. */
async function recordingCdn(): Promise<{ received: string[]; close: () => Promise<void> }> {
  const received: string[] = [];
  const server = http.createServer((req, res) => {
    received.push(`${req.method} ${req.headers.xkey}`);
    res.writeHead(200).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  vi.stubEnv('CDN_VARNISH_URLS', `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  return { received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('a purge queued for later', () => {
  it('makes the origin’s cache drop its pages first, once for every CDN, and only at its time', async () => {
    vi.stubEnv('CDN_VARNISH_URLS', 'http://127.0.0.1:6081');
    vi.stubEnv('CDN_FASTLY_SERVICE_ID', 'svc');
    vi.stubEnv('CDN_FASTLY_API_TOKEN', 'tok');
    const targets = readCdnTargets();
    const events: string[] = [];
    // The CDNs' stand-in: it takes every purge, recording it after the origin's expiry.
    const fetchImpl = (async (url: string | URL | Request, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      events.push(headers.get('xkey') ? `varnish ${headers.get('xkey')}` : `fastly ${JSON.parse(String(init?.body)).surrogate_keys.join(' ')}`);
      return new Response('{}', { status: 200 });
    }) as typeof fetch;
    const expireOrigin = async (tags: string[]) => {
      events.push(`origin ${tags.join(' ')}`);
      return true;
    };
    const now = new Date();
    publishNews(now);
    const at = new Date(now.getTime() + 3_600_000);
    saveNewsTranslation(t.db, actor, { itemId: null, locale: 'en', baseVersion: null, fields: fields({ slug: 'later', title: 'Later' }), publication: { action: 'schedule', at } }, now);
    expect(rows().map(waitedForItsTime)).toEqual([false, false, true, true]);
    // The publish goes at once, the origin's cache untouched (the editor's request revalidated it).
    expect(await deliverDuePurges(t.db, { now, targets, fetchImpl, expireOrigin })).toEqual({ sent: 2, failed: 0 });
    expect(events.filter((e) => e.startsWith('origin'))).toEqual([]);
    events.length = 0;
    // The loop is told to wake at the scheduled time.
    expect(await deliverAndPrune(t.db, { expireOrigin })).toEqual(at);
    expect(await deliverDuePurges(t.db, { now: at, targets, fetchImpl, expireOrigin })).toEqual({ sent: 2, failed: 0 });
    const tags = 'addr/ addr/news addr/news/later feed news-list search sitemap';
    expect(events).toEqual([`origin ${tags}`, `varnish ${tags}`, `fastly ${tags}`]);
  });

  it('waits, unsent and untried, while the origin’s cache cannot be reached', async () => {
    const cdn = await recordingCdn();
    try {
      const now = new Date();
      const at = new Date(now.getTime() + 60_000);
      saveNewsTranslation(t.db, actor, { itemId: null, locale: 'en', baseVersion: null, fields: fields(), publication: { action: 'schedule', at } }, now);
      let reachable = false;
      const expireOrigin = async () => reachable;
      expect(await deliverDuePurges(t.db, { now: at, expireOrigin })).toEqual({ sent: 0, failed: 0 });
      expect(rows()).toMatchObject([{ attempts: 0, sentAt: null, claimedUntil: null, dueAt: at }]);
      expect(cdn.received).toEqual([]);
      reachable = true;
      expect(await deliverDuePurges(t.db, { now: at, expireOrigin })).toEqual({ sent: 1, failed: 0 });
      expect(cdn.received).toHaveLength(1);
    } finally {
      await cdn.close();
    }
  });
});

describe('delivery', () => {
  it('keeps every purge while the CDN is down, retrying later each time, and delivers them when it is back', async () => {
    // The Varnish address: a port nothing listens on until the CDN comes back.
    const received: string[] = [];
    const server = http.createServer((req, res) => {
      received.push(`${req.method} ${req.headers.xkey}`);
      res.writeHead(200).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    vi.stubEnv('CDN_VARNISH_URLS', `http://127.0.0.1:${port}`);
    const targets = readCdnTargets();

    let now = new Date();
    publishNews(now);
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect(await deliverDuePurges(t.db, { now, targets })).toEqual({ sent: 0, failed: 1 });
      const row = rows()[0]!;
      expect(row).toMatchObject({ attempts: attempt, sentAt: null, claimedUntil: null, lastError: 'varnish: no answer (ECONNREFUSED)' });
      delays.push(row.dueAt.getTime() - now.getTime());
      // Not due again before its time.
      expect(await deliverDuePurges(t.db, { now: new Date(row.dueAt.getTime() - 1), targets })).toEqual({ sent: 0, failed: 0 });
      now = row.dueAt;
    }
    expect(delays).toEqual([5_000, 10_000, 20_000, 40_000, 80_000]);
    // Another change while it is down.
    saveNewsTranslation(t.db, actor, { itemId: null, locale: 'en', baseVersion: null, fields: fields({ slug: 'second', title: 'Second' }), publication: { action: 'publish' } }, now);

    const back = http.createServer((req, res) => {
      received.push(`${req.method} ${req.headers.xkey}`);
      res.writeHead(200).end();
    });
    await new Promise<void>((resolve) => back.listen(port, '127.0.0.1', resolve));
    try {
      expect(await deliverDuePurges(t.db, { now, targets })).toEqual({ sent: 2, failed: 0 });
    } finally {
      await new Promise<void>((resolve) => back.close(() => resolve()));
    }
    expect(received).toEqual([
      'PURGE addr/ addr/news addr/news/training-for-judges feed news-list search sitemap',
      'PURGE addr/ addr/news addr/news/second feed news-list search sitemap',
    ]);
    expect(listPurges(t.db).waiting).toEqual([]);
    expect(listPurges(t.db).sent.map((r) => r.sentAt)).toEqual([now, now]);
  });
});
