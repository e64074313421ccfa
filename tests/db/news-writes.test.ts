import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertUserRow } from '@/db/auth/users-core';
import { confirmTranslation, type NewsFields, saveNewsTranslation, translationStates } from '@/db/content/news-writes';
import { newsTranslations, redirects, revisions } from '@/db/schema';
import { makeTestDatabase } from '../helpers/db';

let t: ReturnType<typeof makeTestDatabase>;
let actor: { userId: number; ip: string };
beforeEach(async () => {
  t = makeTestDatabase();
  const user = await insertUserRow(t.db, { email: 'e@iom.int', name: 'E', role: 'editor', password: 'Lumi i Drinit rrjedh ngadalë' }, { id: null });
  actor = { userId: (user as { id: number }).id, ip: '127.0.0.1' };
});
afterEach(() => t.close());

const fields = (over: Partial<NewsFields> = {}): NewsFields => ({
  title: 'Training for judges',
  slug: 'training-for-judges',
  summary: 'Judges and prosecutors met in Durrës.',
  body: '<p>Text</p>',
  dateline: 'Durres',
  seoTitle: null,
  seoDescription: null,
  ...over,
});

function create(locale: 'en' | 'sq' = 'en', over: Partial<NewsFields> = {}, itemId: number | null = null) {
  const result = saveNewsTranslation(t.db, actor, { itemId, locale, baseVersion: null, fields: fields(over) });
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe('saving a translation', () => {
  it('creates a draft at version 1 with its first revision', () => {
    const { itemId, version } = create();
    expect(version).toBe(1);
    const row = t.db.select().from(newsTranslations).where(eq(newsTranslations.newsItemId, itemId)).get()!;
    expect(row).toMatchObject({ status: 'draft', version: 1, title: 'Training for judges' });
    const revs = t.db.select().from(revisions).all();
    expect(revs).toHaveLength(1);
    expect(JSON.parse(revs[0]!.snapshot)).toMatchObject({ title: 'Training for judges', version: 1 });
  });

  it('refuses a save based on an older version, returns the newer text and changes nothing', () => {
    const { itemId } = create();
    const second = saveNewsTranslation(t.db, actor, { itemId, locale: 'en', baseVersion: 1, fields: fields({ title: 'Second title' }) });
    expect(second).toMatchObject({ ok: true, version: 2 });
    const stale = saveNewsTranslation(t.db, actor, { itemId, locale: 'en', baseVersion: 1, fields: fields({ title: 'My stale edit' }) });
    expect(stale).toMatchObject({ ok: false, error: 'stale', current: { title: 'Second title', version: 2 } });
    expect(t.db.select().from(newsTranslations).get()!.title).toBe('Second title');
    expect(t.db.select().from(revisions).all().map((r) => r.version)).toEqual([1, 2]);
  });

  it('sanitizes the body on every save', () => {
    const { itemId } = create('en', { body: '<p onclick="x()">Hi<script>alert(1)</script></p>' });
    expect(t.db.select().from(newsTranslations).where(eq(newsTranslations.newsItemId, itemId)).get()!.body).toBe('<p>Hi</p>');
  });

  it('keeps slugs unique per language only', () => {
    create('en');
    expect(saveNewsTranslation(t.db, actor, { itemId: null, locale: 'en', baseVersion: null, fields: fields() })).toEqual({ ok: false, error: 'slugTaken' });
    expect(create('sq').ok).toBe(true);
  });

  it('writes a redirect when a published address changes, and keeps no chains', () => {
    const { itemId } = create();
    t.db.update(newsTranslations).set({ status: 'published', publishedAt: new Date(Date.now() - 1000) }).run();
    const moved = saveNewsTranslation(t.db, actor, { itemId, locale: 'en', baseVersion: 1, fields: fields({ slug: 'judges-trained' }) });
    expect(moved).toMatchObject({ ok: true });
    expect((moved as { changedPaths: string[] }).changedPaths).toEqual(expect.arrayContaining(['/news/judges-trained', '/news/training-for-judges', '/news', '/']));
    saveNewsTranslation(t.db, actor, { itemId, locale: 'en', baseVersion: 2, fields: fields({ slug: 'judges-trained-in-durres' }) });
    const rows = t.db.select().from(redirects).all().map((r) => `${r.fromPath} -> ${r.toPath}`).sort();
    expect(rows).toEqual(['/news/judges-trained -> /news/judges-trained-in-durres', '/news/training-for-judges -> /news/judges-trained-in-durres']);
  });

  it('writes no redirect for a draft', () => {
    const { itemId } = create();
    saveNewsTranslation(t.db, actor, { itemId, locale: 'en', baseVersion: 1, fields: fields({ slug: 'other' }) });
    expect(t.db.select().from(redirects).all()).toEqual([]);
  });
});

describe('stale translations', () => {
  it('marks the other language when one is edited after it was confirmed, until someone confirms it', () => {
    const { itemId } = create('en');
    create('sq', { title: 'Trajnim për gjyqtarët', slug: 'trajnim-per-gjyqtaret' }, itemId);
    expect(translationStates(t.db, itemId).find((s) => s.locale === 'sq')!.stale).toBe(false);

    saveNewsTranslation(t.db, actor, { itemId, locale: 'en', baseVersion: 1, fields: fields({ body: '<p>New paragraph</p>' }) });
    const states = translationStates(t.db, itemId);
    expect(states.find((s) => s.locale === 'sq')!.stale).toBe(true);
    expect(states.find((s) => s.locale === 'en')!.stale).toBe(false);

    expect(confirmTranslation(t.db, actor, itemId, 'sq')).toBe(true);
    expect(translationStates(t.db, itemId).find((s) => s.locale === 'sq')!.stale).toBe(false);
    const sq = t.db.select().from(newsTranslations).where(and(eq(newsTranslations.newsItemId, itemId), eq(newsTranslations.locale, 'sq'))).get()!;
    expect(sq.version).toBe(1);
  });
});
