import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertUserRow } from '@/db/auth/users-core';
import { newsList } from '@/db/content/news-list';
import { saveNewsTranslation } from '@/db/content/news-writes';
import { seedDatabase } from '@/db/seed';
import { makeTestDatabase } from '../helpers/db';

let t: ReturnType<typeof makeTestDatabase>;
let actor: { userId: number; ip: null };
beforeEach(async () => {
  t = makeTestDatabase();
  seedDatabase(t.db);
  const u = await insertUserRow(t.db, { email: 'e@iom.int', name: 'E', role: 'editor', password: 'Lumi i Drinit rrjedh ngadalë' }, { id: null });
  actor = { userId: (u as { id: number }).id, ip: null };
});
afterEach(() => t.close());

const base = { summary: 's', body: '<p>b</p>', dateline: null, seoTitle: null, seoDescription: null };

describe('the staff news list', () => {
  it('shows both languages of each item, newest first, with filters', () => {
    const en = saveNewsTranslation(t.db, actor, { itemId: null, locale: 'en', baseVersion: null, fields: { ...base, title: 'English draft 100% done', slug: 'english-draft' } });
    expect(en.ok).toBe(true);
    const all = newsList(t.db);
    expect(all.total).toBe(2);
    expect(all.rows[0]!.languages.en!.title).toBe('English draft 100% done');
    expect(all.rows[0]!.languages.sq).toBeUndefined();
    expect(all.rows[1]!.languages.sq!.title).toMatch(/^IOM trajnon/);

    expect(newsList(t.db, { completeness: 'en-only' }).rows).toHaveLength(1);
    expect(newsList(t.db, { completeness: 'both' }).rows).toHaveLength(1);
    expect(newsList(t.db, { completeness: 'sq-only' }).rows).toHaveLength(0);
    expect(newsList(t.db, { status: 'draft' }).rows).toHaveLength(1);
    expect(newsList(t.db, { status: 'published' }).rows).toHaveLength(1);
    expect(newsList(t.db, { q: 'trajnon' }).rows).toHaveLength(1);
    // LIKE wildcards typed by a person are plain characters.
    expect(newsList(t.db, { q: '100%' }).rows).toHaveLength(1);
    expect(newsList(t.db, { q: '%' }).rows).toHaveLength(1);
    expect(newsList(t.db, { q: '_' }).rows).toHaveLength(0);
  });

  it('finds a title whatever the case and accents typed', () => {
    const sq = saveNewsTranslation(t.db, actor, { itemId: null, locale: 'sq', baseVersion: null, fields: { ...base, title: 'Të kthyerit hapin punishte në Korçë', slug: 'te-kthyerit' } });
    expect(sq.ok).toBe(true);
    const titles = (q: string) => newsList(t.db, { q }).rows.map((r) => r.languages.sq?.title ?? r.languages.en?.title);
    for (const q of ['Korçë', 'korce', 'KORÇË', 'KORCE', 'te kthyerit', 'TË KTHYERIT', 'Korc\u0327e\u0308'.normalize('NFD')]) {
      expect({ q, titles: titles(q) }).toEqual({ q, titles: ['Të kthyerit hapin punishte në Korçë'] });
    }
    expect(titles('korca')).toEqual([]);
  });
});
