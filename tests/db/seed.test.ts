import fs from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newsTranslations, pageTranslations, pages, seedImports } from '@/db/schema';
import { isStale, textFingerprint } from '@/db/content/common';
import { ALBANIAN_MARKER, CORRECTED_PAGE_TITLES, parseSeed, seedDatabase, seedFilePath } from '@/db/seed';
import { FORMER_PLACEHOLDER_PARAGRAPHS } from '@/db/seed-content';
import { paragraphsToHtml } from '@/lib/html';
import { slugify } from '@/lib/slug';
import { makeTestDatabase } from '../helpers/db';

let t: ReturnType<typeof makeTestDatabase>;
beforeEach(() => {
  t = makeTestDatabase();
});
afterEach(() => t.close());

function snapshot() {
  const q = (table: string) => t.db.$client.prepare(`select * from ${table} order by 1, 2`).all();
  return ['pages', 'page_translations', 'news_items', 'news_translations', 'news_item_themes', 'seed_imports'].map(q);
}

describe('seed parsing', () => {
  const seed = parseSeed(fs.readFileSync(seedFilePath(), 'utf8'));

  it('splits the article into English and Albanian at the marker', () => {
    expect(seed.article.en.title).toBe(
      'IOM trains judges and prosecutors in Western Balkans countries to deal more effectively with migrant issues',
    );
    expect(seed.article.sq.title).toMatch(/^IOM trajnon gjyqtarë dhe prokurorë/);
    expect(seed.article.en.paragraphs).toHaveLength(3);
    expect(seed.article.sq.paragraphs).toHaveLength(3);
    expect(seed.article.en.paragraphs[0]).toMatch(/^Another round of IOM’s successful/);
    expect(seed.article.sq.paragraphs[0]).toMatch(/^U zhvillua një tjetër raund/);
    const all = JSON.stringify(seed.article);
    expect(all).not.toContain(ALBANIAN_MARKER);
    expect(seed.article.en.paragraphs.join(' ')).not.toMatch(/trajnon|Trajnimi/);
  });

  it('keeps the dateline as its own field in each language', () => {
    expect(seed.article.en.dateline).toBe('Durres, 9-10 April 2019');
    expect(seed.article.sq.dateline).toBe('Durrës, 9-10 prill 2019');
    expect(seed.article.publishedAt.toISOString()).toBe('2019-04-09T10:00:00.000Z');
  });

  it('corrects the source’s typo in the Albanian title, and leaves the file as scraped', () => {
    expect(seed.article.sq.title).toBe(
      'IOM trajnon gjyqtarë dhe prokurorë nga vendet e Ballkanit Perëndimor që të trajtojnë më me efektivitet çështjet e migrantëve',
    );
    expect(fs.readFileSync(seedFilePath(), 'utf8')).toContain('më me efektivitet cështjet e migrantëve');
  });

  it('finds the section texts under their menu titles', () => {
    expect(seed.sectionTexts['Who We Are']).toMatch(/^The International Organization for Migration \(IOM\)/);
    expect(seed.sectionTexts['Our Work']).toMatch(/^As the leading inter-governmental organization/);
  });
});

describe('seed import', () => {
  it('imports the menu pages and the article in both languages', () => {
    expect(seedDatabase(t.db)).toEqual({ imported: true });
    const en = t.db.select().from(newsTranslations).where(eq(newsTranslations.locale, 'en')).get()!;
    const sq = t.db.select().from(newsTranslations).where(eq(newsTranslations.locale, 'sq')).get()!;
    expect(en.slug).toBe(
      'iom-trains-judges-and-prosecutors-western-balkans-countries-deal-more-effectively-migrant-issues',
    );
    expect(sq.slug).toBe('iom-trajnon-gjyqtare-dhe-prokurore-nga-vendet-e-ballkanit-perendimor-qe-te');
    expect(sq.slug.length).toBeLessThanOrEqual(80);
    expect(sq.title).toContain('efektivitet çështjet e migrantëve');
    expect(slugify(sq.title)).toBe(sq.slug);
    expect(en.newsItemId).toBe(sq.newsItemId);
    expect(sq.body).toContain('<p>U zhvillua një tjetër raund');
    expect(sq.body).not.toContain('Durrës, 9-10');

    const paths = t.db.select().from(pageTranslations).all().map((p) => `${p.locale}:${p.path}`);
    for (const p of ['en:who-we-are', 'sq:kush-jemi', 'en:iom-albania', 'sq:iom-ne-shqiperi', 'en:contact', 'sq:kontakt',
      'en:our-work', 'sq:puna-jone', 'en:cross-cutting-global', 'sq:ceshtje-nderfushore-globale', 'en:governance',
      'en:labour-and-migration', 'en:counter-human-trafficking', 'en:data-and-resources', 'sq:te-dhena-dhe-burime',
      'en:take-action', 'sq:angazhohu', 'en:2030-agenda', 'sq:agjenda-2030']) {
      expect(paths).toContain(p);
    }
    const link = t.db.select().from(pages).where(eq(pages.key, 'iom-global')).get()!;
    expect(link.kind).toBe('link');
    expect(link.externalUrl).toBe('https://www.iom.int');
  });

  it('titles the Albanian menu as docs/glossary.md says, at the addresses of the first imports', () => {
    seedDatabase(t.db);
    const title = (path: string) => t.db.select().from(pageTranslations).where(eq(pageTranslations.path, path)).get()?.title;
    expect(title('kontakt')).toBe('Na kontaktoni');
    expect(title('angazhohu')).toBe('Angazhohuni');
    expect(title('ceshtje-nderfushore-globale')).toBe('Çështje ndërsektoriale (globale)');
  });

  it('marks placeholder text and keeps the seed text as the office wrote it', () => {
    seedDatabase(t.db);
    const rows = t.db.select().from(pageTranslations).all();
    const who = rows.find((r) => r.path === 'who-we-are')!;
    expect(who.isPlaceholder).toBe(false);
    expect(who.body).toContain('IOM has had a presence in Albania since 1992.');
    expect(rows.find((r) => r.path === 'kush-jemi')!.isPlaceholder).toBe(true);
    expect(rows.find((r) => r.path === 'governance')!.isPlaceholder).toBe(true);
  });

  it('changes nothing when run again', () => {
    seedDatabase(t.db);
    const before = snapshot();
    expect(seedDatabase(t.db)).toEqual({ imported: false });
    expect(snapshot()).toEqual(before);
  });

  it('leaves a database that already has content alone', () => {
    t.db.insert(pages).values({ key: 'own' }).run();
    expect(seedDatabase(t.db)).toEqual({ imported: false });
    expect(t.db.select().from(pages).all()).toHaveLength(1);
    expect(t.db.select().from(seedImports).all()).toHaveLength(1);
  });

  describe('in a database an earlier version of the seed imported', () => {
    const OLD_ARTICLE_TITLE =
      'IOM trajnon gjyqtarë dhe prokurorë nga vendet e Ballkanit Perëndimor që të trajtojnë më me efektivitet cështjet e migrantëve';
    const sqPage = (key: string) =>
      t.db.select({ t: pageTranslations }).from(pageTranslations).innerJoin(pages, eq(pages.id, pageTranslations.pageId))
        .where(and(eq(pages.key, key), eq(pageTranslations.locale, 'sq'))).get()!.t;
    const article = (locale: 'en' | 'sq') => t.db.select().from(newsTranslations).where(eq(newsTranslations.locale, locale)).get()!;

    /** The titles as the seed imported them before its corrections. */
    function importedBefore() {
      seedDatabase(t.db);
      for (const [key, before] of CORRECTED_PAGE_TITLES) {
        t.db.update(pageTranslations).set({ title: before }).where(eq(pageTranslations.id, sqPage(key).id)).run();
      }
      t.db.update(newsTranslations).set({ title: OLD_ARTICLE_TITLE }).where(eq(newsTranslations.locale, 'sq')).run();
    }

    it('corrects the Albanian titles at the next start and keeps their addresses', () => {
      importedBefore();
      expect(sqPage('contact').title).toBe('Kontakt');
      expect(seedDatabase(t.db)).toEqual({ imported: false });
      expect(sqPage('contact')).toMatchObject({ title: 'Na kontaktoni', path: 'kontakt', version: 1 });
      expect(sqPage('take-action')).toMatchObject({ title: 'Angazhohuni', path: 'angazhohu' });
      expect(sqPage('cross-cutting-global')).toMatchObject({ title: 'Çështje ndërsektoriale (globale)', path: 'ceshtje-nderfushore-globale' });
      expect(article('sq')).toMatchObject({ title: expect.stringContaining('efektivitet çështjet'), slug: 'iom-trajnon-gjyqtare-dhe-prokurore-nga-vendet-e-ballkanit-perendimor-qe-te' });
      // The search index follows (its triggers).
      expect(t.db.$client.prepare("select count(*) n from search_sq where title like '%çështjet%'").get()).toEqual({ n: 1 });
      const before = snapshot();
      seedDatabase(t.db);
      expect(snapshot()).toEqual(before);
    });

    it('takes the old "preparing the text" paragraph out of placeholder bodies staff never saved', () => {
      seedDatabase(t.db);
      const pagePair = (key: string) =>
        t.db.select({ t: pageTranslations }).from(pageTranslations).innerJoin(pages, eq(pages.id, pageTranslations.pageId))
          .where(eq(pages.key, key)).all().map((r) => r.t);
      // As the earlier seed wrote them: summary, then the notice paragraph.
      for (const key of ['governance', 'take-action']) {
        for (const row of pagePair(key)) {
          const notice = FORMER_PLACEHOLDER_PARAGRAPHS[row.locale === 'en' ? 0 : 1];
          t.db.update(pageTranslations).set({ body: paragraphsToHtml([row.summary, notice]) }).where(eq(pageTranslations.id, row.id)).run();
        }
      }
      const en = pagePair('governance').find((r) => r.locale === 'en')!;
      const sq = pagePair('governance').find((r) => r.locale === 'sq')!;
      t.db.update(pageTranslations).set({ sourceFingerprint: textFingerprint(sq) }).where(eq(pageTranslations.id, en.id)).run();
      // Staff saved this one: it stays as they left it.
      const saved = pagePair('take-action').find((r) => r.locale === 'en')!;
      t.db.update(pageTranslations).set({ version: 2 }).where(eq(pageTranslations.id, saved.id)).run();

      seedDatabase(t.db);
      for (const row of pagePair('governance')) {
        expect(row.body).toBe(paragraphsToHtml([row.summary]));
        expect(row.body).not.toMatch(/preparing|përgatit/);
      }
      // Confirmed against the old Albanian text, still confirmed against the corrected one.
      const after = pagePair('governance');
      expect(after.find((r) => r.locale === 'en')!.sourceFingerprint).toBe(textFingerprint(after.find((r) => r.locale === 'sq')!));
      expect(pagePair('take-action').find((r) => r.id === saved.id)!.body).toContain('preparing the text');
      expect(pagePair('take-action').find((r) => r.locale === 'sq')!.body).not.toContain('përgatit');
      const before = snapshot();
      seedDatabase(t.db);
      expect(snapshot()).toEqual(before);
    });

    it('leaves a title staff saved, even unchanged, as it is', () => {
      importedBefore();
      t.db.update(pageTranslations).set({ version: 2 }).where(eq(pageTranslations.id, sqPage('contact').id)).run();
      t.db.update(pageTranslations).set({ title: 'Kontakti ynë' }).where(eq(pageTranslations.id, sqPage('take-action').id)).run();
      t.db.update(newsTranslations).set({ version: 3 }).where(eq(newsTranslations.locale, 'sq')).run();
      seedDatabase(t.db);
      expect(sqPage('contact').title).toBe('Kontakt');
      expect(sqPage('take-action').title).toBe('Kontakti ynë');
      expect(article('sq').title).toBe(OLD_ARTICLE_TITLE);
      expect(sqPage('cross-cutting-global').title).toBe('Çështje ndërsektoriale (globale)');
    });

    it('keeps a translation confirmed against the old title confirmed', () => {
      importedBefore();
      const en = article('en');
      t.db.update(newsTranslations).set({ sourceFingerprint: textFingerprint(article('sq')), sourceVersion: 1 }).where(eq(newsTranslations.id, en.id)).run();
      seedDatabase(t.db);
      expect(article('sq').title).toContain('çështjet');
      expect(isStale(article('en'), article('sq'))).toBe(false);
      // A translation confirmed against other text stays as it was (here: stale).
      t.db.update(newsTranslations).set({ title: OLD_ARTICLE_TITLE }).where(eq(newsTranslations.locale, 'sq')).run();
      t.db.update(newsTranslations).set({ sourceFingerprint: 'other text' }).where(eq(newsTranslations.id, en.id)).run();
      seedDatabase(t.db);
      expect(article('en').sourceFingerprint).toBe('other text');
    });
  });
});
