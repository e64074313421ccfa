import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNews } from '../helpers/content';
import { makeTempDir } from '../helpers/db';

const dataDir = makeTempDir();
process.env.DATA_DIR = dataDir;

const { getDb } = await import('@/db/index');
const { searchResults } = await import('@/db/queries/search');
const { newsTranslations, newsItems } = await import('@/db/schema');

const DAY = 86_400_000;

beforeAll(() => {
  const db = getDb(); // migrations, seed (indexed by the triggers as it is inserted)
  addNews(db, {
    publishedAt: new Date(Date.now() - DAY),
    sq: { title: 'Mbrojtja e fëmijëve migrantë', body: ['Çështjet e fëmijëve të pashoqëruar në kufi.'] },
    en: { title: 'Protecting migrant children', body: ['Unaccompanied children at the border.'] },
  });
  addNews(db, { publishedAt: new Date(Date.now() - DAY), sq: { title: 'Draft për fëmijët', status: 'draft' } });
  addNews(db, { publishedAt: new Date(Date.now() + DAY), sq: { title: 'Planifikuar fëmijët', status: 'scheduled' } });
  for (let i = 0; i < 15; i++) addNews(db, { publishedAt: new Date(Date.now() - 2 * DAY), en: { title: `Border report ${i}`, body: ['border'] } });
});

afterAll(() => {
  getDb().$client.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('site search', () => {
  it('finds Albanian words typed without ë and ç', () => {
    expect(searchResults('sq', 'femije').hits[0]!.title).toBe('Mbrojtja e fëmijëve migrantë');
    expect(searchResults('sq', 'ceshtjet').hits.map((h) => h.title)).toContain('Mbrojtja e fëmijëve migrantë');
    expect(searchResults('sq', 'fëmijë').total).toBe(1);
    expect(searchResults('sq', 'gjyqtare').hits[0]!.address).toBe('iom-trajnon-gjyqtare-dhe-prokurore-nga-vendet-e-ballkanit-perendimor-qe-te');
  });

  it('searches one language at a time and shows only what is published and due', () => {
    expect(searchResults('en', 'femije').total).toBe(0);
    expect(searchResults('sq', 'draft').total).toBe(0);
    expect(searchResults('sq', 'planifikuar').total).toBe(0);
  });

  it('ranks a title match first and marks the hits in the snippet', () => {
    const results = searchResults('en', 'children');
    expect(results.hits[0]!.title).toBe('Protecting migrant children');
    expect(results.hits[0]!.snippet).toContain('\u0001children\u0002');
  });

  it('finds pages too', () => {
    const hit = searchResults('sq', 'kush jemi').hits.find((h) => h.kind === 'page');
    expect(hit?.address).toBe('kush-jemi');
  });

  it('pages the results', () => {
    const first = searchResults('en', 'border', 1);
    expect(first.total).toBe(16);
    expect(first.pageCount).toBe(2);
    expect(first.hits).toHaveLength(10);
    expect(searchResults('en', 'border', 2).hits).toHaveLength(6);
  });

  it('survives hostile queries', () => {
    for (const q of ['"', '*', 'NEAR(', 'OR', '"unbalanced', 'a'.repeat(2000), '', ['x'], ') OR 1=1 --']) {
      expect(() => searchResults('en', q)).not.toThrow();
    }
    expect(searchResults('en', 'NEAR(').total).toBe(0);
  });

  it('follows edits and deletions in the same transaction', () => {
    const db = getDb();
    const row = db.select().from(newsTranslations).where(eq(newsTranslations.title, 'Protecting migrant children')).get()!;
    db.update(newsTranslations).set({ title: 'Protecting displaced children' }).where(eq(newsTranslations.id, row.id)).run();
    expect(searchResults('en', 'displaced').hits.map((h) => h.title)).toEqual(['Protecting displaced children']);
    expect(searchResults('en', 'migrant children').total).toBe(0);
    const before = searchResults('sq', 'femije').total;
    db.delete(newsItems).where(eq(newsItems.id, row.newsItemId)).run();
    expect(searchResults('en', 'displaced').total).toBe(0);
    expect(searchResults('sq', 'femije').total).toBe(before - 1);
  });
});
