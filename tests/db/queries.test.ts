import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNews } from '../helpers/content';
import { makeTempDir } from '../helpers/db';

// The public queries use the process's database in DATA_DIR, exactly as the
// server does: point it at a fresh folder before the modules load.
const dataDir = makeTempDir();
process.env.DATA_DIR = dataDir;

const { getDb } = await import('@/db/index');
const { publishedNews, publishedNewsBySlug, relatedNews } = await import('@/db/queries/news');
const { siteMenu, publishedPageByPath } = await import('@/db/queries/pages');
const { newsItemThemes, newsTranslations, pageTranslations, pages } = await import('@/db/schema');

const DAY = 24 * 60 * 60 * 1000;
let bilingual: number;

beforeAll(() => {
  const db = getDb(); // migrates and imports the seed
  bilingual = addNews(db, { publishedAt: new Date(Date.now() - DAY), en: { title: 'Both languages' }, sq: { title: 'Të dyja gjuhët' } });
  addNews(db, { publishedAt: new Date(Date.now() - 2 * DAY), en: { title: 'Only English' } });
  addNews(db, { publishedAt: new Date(Date.now() - 3 * DAY), en: { title: 'A draft', status: 'draft' } });
  addNews(db, { publishedAt: new Date(Date.now() - 4 * DAY), en: { title: 'Taken down', status: 'unpublished' } });
  addNews(db, { publishedAt: new Date(Date.now() - 5 * DAY), en: { title: 'Was scheduled', status: 'scheduled' } });
  addNews(db, { publishedAt: new Date(Date.now() + DAY), en: { title: 'Scheduled for tomorrow', status: 'scheduled' } });
});

afterAll(() => {
  getDb().$client.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the database connection', () => {
  it('uses WAL, foreign keys and a busy timeout', () => {
    const sqlite = getDb().$client;
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(fs.existsSync(`${dataDir}/iom-albania.sqlite`)).toBe(true);
  });

  it('applies the migrations once: running them again changes nothing', async () => {
    const { migrateDatabase } = await import('@/db/client');
    const count = () => getDb().$client.prepare('select count(*) as n from __drizzle_migrations').get();
    const before = count();
    migrateDatabase(getDb());
    expect(count()).toEqual(before);
  });
});

describe('news visible to the public', () => {
  it('lists only what is published and due, newest first, per language', () => {
    const en = publishedNews('en').items.map((i) => i.title);
    expect(en.slice(0, 3)).toEqual(['Both languages', 'Only English', 'Was scheduled']);
    expect(en).not.toContain('A draft');
    expect(en).not.toContain('Taken down');
    expect(en).not.toContain('Scheduled for tomorrow');
    const sq = publishedNews('sq').items.map((i) => i.title);
    expect(sq[0]).toBe('Të dyja gjuhët');
    expect(sq).not.toContain('Only English');
  });

  it('pages the list', () => {
    const page = publishedNews('en', 1, 2);
    expect(page.items).toHaveLength(2);
    expect(page.total).toBe(4);
    expect(page.pageCount).toBe(2);
    expect(publishedNews('en', 2, 2).items.map((i) => i.title)).toEqual(['Was scheduled', 'IOM trains judges and prosecutors in Western Balkans countries to deal more effectively with migrant issues']);
  });

  it('finds an article with its published translation only', () => {
    const en = publishedNewsBySlug('en', 'both-languages')!;
    expect(en.alternates).toEqual({ en: 'both-languages', sq: 'te-dyja-gjuhet' });
    expect(publishedNewsBySlug('en', 'only-english')!.alternates).toEqual({ en: 'only-english' });
    expect(publishedNewsBySlug('en', 'a-draft')).toBeNull();
    expect(publishedNewsBySlug('en', 'scheduled-for-tomorrow')).toBeNull();
    expect(publishedNewsBySlug('sq', 'both-languages')).toBeNull();
  });

  it('drops the link to a translation that is taken down', () => {
    getDb().update(newsTranslations).set({ status: 'unpublished' }).where(eq(newsTranslations.slug, 'te-dyja-gjuhet')).run();
    expect(publishedNewsBySlug('en', 'both-languages')!.alternates).toEqual({ en: 'both-languages' });
    expect(publishedNews('sq').items.map((i) => i.title)).not.toContain('Të dyja gjuhët');
    getDb().update(newsTranslations).set({ status: 'published' }).where(eq(newsTranslations.newsItemId, bilingual)).run();
  });

  it('gives the seed article its themes in the reader’s language', () => {
    const article = publishedNewsBySlug('sq', 'iom-trajnon-gjyqtare-dhe-prokurore-nga-vendet-e-ballkanit-perendimor-qe-te')!;
    expect(article.themes.map((t) => t.path)).toEqual(['kunder-trafikimit-te-qenieve-njerezore', 'mbrojtja-dhe-ndihma-per-migrantet']);
  });
});

describe('related news', () => {
  it('lists other published articles sharing a theme, newest first, in the reader’s language', () => {
    const db = getDb();
    const seedItem = publishedNewsBySlug('en', 'iom-trains-judges-and-prosecutors-western-balkans-countries-deal-more-effectively-migrant-issues')!.id;
    const theme = (key: string) => db.select({ id: pages.id }).from(pages).where(eq(pages.key, key)).get()!.id;
    const older = addNews(db, { publishedAt: new Date(Date.now() - 20 * DAY), en: { title: 'Older on trafficking' }, sq: { title: 'Më e vjetër për trafikimin' } });
    const newer = addNews(db, { publishedAt: new Date(Date.now() - 10 * DAY), en: { title: 'Newer on trafficking' } });
    const draft = addNews(db, { publishedAt: new Date(Date.now() - 9 * DAY), en: { title: 'Draft on trafficking', status: 'draft' } });
    const elsewhere = addNews(db, { publishedAt: new Date(Date.now() - 8 * DAY), en: { title: 'On labour' } });
    for (const id of [older, newer, draft]) db.insert(newsItemThemes).values({ newsItemId: id, pageId: theme('counter-human-trafficking') }).run();
    db.insert(newsItemThemes).values({ newsItemId: newer, pageId: theme('migrant-protection-and-assistance') }).run();
    db.insert(newsItemThemes).values({ newsItemId: elsewhere, pageId: theme('labour-and-migration') }).run();

    expect(relatedNews('en', seedItem).map((n) => n.title)).toEqual(['Newer on trafficking', 'Older on trafficking']);
    expect(relatedNews('sq', seedItem).map((n) => n.title)).toEqual(['Më e vjetër për trafikimin']);
    expect(relatedNews('en', seedItem, 1).map((n) => n.title)).toEqual(['Newer on trafficking']);
    expect(relatedNews('en', older).map((n) => n.id)).toEqual([newer, seedItem]);
    expect(relatedNews('en', elsewhere)).toEqual([]);
    for (const id of [older, newer, draft, elsewhere]) db.delete(newsItemThemes).where(eq(newsItemThemes.newsItemId, id)).run();
  });
});

describe('pages visible to the public', () => {
  it('builds the menu from the tree in each language', () => {
    const menu = siteMenu('sq');
    expect(menu.map((m) => m.title)).toEqual(['Kush jemi', 'Puna jonë', 'Të dhëna dhe burime', 'Angazhohuni', 'Agjenda 2030', 'IOM Global']);
    expect(menu[0]!.children.map((c) => c.path)).toEqual(['iom-ne-shqiperi', 'kontakt']);
    expect(menu.at(-1)!.externalUrl).toBe('https://www.iom.int');
  });

  it('finds a page by its path with the other language’s path and its parent', () => {
    const page = publishedPageByPath('en', 'governance')!;
    expect(page.alternates).toEqual({ en: 'governance', sq: 'qeverisja-e-migracionit' });
    expect(page.parent).toEqual({ title: 'Our Work', path: 'our-work' });
    expect(publishedPageByPath('en', 'qeverisja-e-migracionit')).toBeNull();
    expect(publishedPageByPath('en', 'iom-global')).toBeNull();
  });

  it('hides a draft translation and a deleted page', () => {
    const db = getDb();
    db.update(pageTranslations).set({ status: 'draft' }).where(eq(pageTranslations.path, 'angazhohu')).run();
    expect(publishedPageByPath('sq', 'angazhohu')).toBeNull();
    expect(siteMenu('sq').map((m) => m.title)).not.toContain('Angazhohuni');
    expect(publishedPageByPath('en', 'take-action')!.alternates).toEqual({ en: 'take-action' });

    const row = db.select().from(pageTranslations).where(eq(pageTranslations.path, '2030-agenda')).get()!;
    db.update(pages).set({ deletedAt: new Date() }).where(eq(pages.id, row.pageId)).run();
    expect(publishedPageByPath('en', '2030-agenda')).toBeNull();
    expect(siteMenu('en').map((m) => m.path)).not.toContain('2030-agenda');
  });
});
