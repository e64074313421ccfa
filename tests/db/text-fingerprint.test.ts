import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { describe, expect, it } from 'vitest';
import { migrationsFolder, openDatabase } from '@/db/client';
import { newsOverview } from '@/db/content/news-list';
import { confirmTranslation, type NewsFields, saveNewsTranslation } from '@/db/content/news-writes';
import { newsTranslations, pageTranslations } from '@/db/schema';
import { textFingerprint } from '@/lib/text-fingerprint';
import { makeTempDir, useStaffTestDatabase } from '../helpers/db';

/**
 * Each translation stores its own text's fingerprint (text_fingerprint), kept
 * by the database on every write, so the dashboard finds stale translations
 * without reading or hashing any body.
 */

const t = useStaffTestDatabase({ email: 'f@iom.int', name: 'F', role: 'editor' });

const fields = (title: string, slug: string): NewsFields => ({ title, slug, summary: 'Summary', body: `<p>${title}</p>`, dateline: null, seoTitle: null, seoDescription: null });

function save(itemId: number | null, locale: 'en' | 'sq', baseVersion: number | null, title: string) {
  const result = saveNewsTranslation(t.db, t.actor, { itemId, locale, baseVersion, fields: fields(title, `${locale}-${title.toLowerCase().replace(/\W+/g, '-')}`) });
  if (!result.ok) throw new Error(result.error);
  return result;
}

const row = (itemId: number, locale: 'en' | 'sq') =>
  t.db.select().from(newsTranslations).where(eq(newsTranslations.newsItemId, itemId)).all().find((r) => r.locale === locale)!;

describe('the stored text fingerprint', () => {
  it('is written with every save, and with any other write of the text', () => {
    const { itemId } = save(null, 'en', null, 'First words');
    expect(row(itemId, 'en').textFingerprint).toBe(textFingerprint(row(itemId, 'en')));
    save(itemId, 'en', 1, 'Second words');
    expect(row(itemId, 'en').textFingerprint).toBe(textFingerprint({ title: 'Second words', summary: 'Summary', body: '<p>Second words</p>' }));
    // A write outside the editor (an import, a fix by hand) keeps it true as well.
    t.db.update(newsTranslations).set({ summary: 'Changed by hand' }).where(eq(newsTranslations.id, row(itemId, 'en').id)).run();
    expect(row(itemId, 'en').textFingerprint).toBe(textFingerprint(row(itemId, 'en')));
  });

  it('tells the dashboard which translations are out of date', () => {
    const { itemId } = save(null, 'en', null, 'English text');
    save(itemId, 'sq', null, 'Teksti shqip');
    expect(newsOverview(t.db)).toEqual({ drafts: 2, stale: 0, scheduled: [] });
    const at = new Date(Date.now() + 86_400_000);
    saveNewsTranslation(t.db, t.actor, { itemId, locale: 'sq', baseVersion: 1, fields: fields('Teksti shqip', 'sq-teksti-shqip'), publication: { action: 'schedule', at } });
    expect(newsOverview(t.db)).toEqual({ drafts: 1, stale: 0, scheduled: [{ id: itemId, locale: 'sq', title: 'Teksti shqip', publishedAt: at }] });
    // English changes: the Albanian, confirmed against the old English, is behind.
    save(itemId, 'en', 1, 'English text, corrected');
    expect(newsOverview(t.db).stale).toBe(1);
    expect(confirmTranslation(t.db, t.actor, itemId, 'sq')).toEqual({ ok: true });
    expect(newsOverview(t.db).stale).toBe(0);
  });

  it('is filled in for every translation written before the migration', () => {
    // A database at the migration before this one, with a page and an article in it.
    const folder = makeTempDir('iom-migrations-');
    const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder(), 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    const index = journal.entries.findIndex((e) => e.tag.endsWith('_text_fingerprint'));
    expect(index).toBeGreaterThan(0);
    fs.mkdirSync(path.join(folder, 'meta'));
    fs.writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, index) }));
    for (const e of journal.entries.slice(0, index)) fs.copyFileSync(path.join(migrationsFolder(), `${e.tag}.sql`), path.join(folder, `${e.tag}.sql`));
    const dataDir = makeTempDir('iom-before-');
    const db = openDatabase(dataDir);
    try {
      migrate(db, { migrationsFolder: folder });
      db.$client.exec(`
        INSERT INTO news_items (id) VALUES (1);
        INSERT INTO news_translations (news_item_id, locale, slug, title, summary, body) VALUES (1, 'en', 'old', 'Old article', 'S', '<p>B</p>');
        INSERT INTO pages (id, kind) VALUES (1, 'page');
        INSERT INTO page_translations (page_id, locale, path, title, summary, body) VALUES (1, 'sq', 'faqe', 'Faqe e vjetër', '', '<p>Tekst</p>');
      `);
      migrate(db, { migrationsFolder: migrationsFolder() });
      const article = db.select().from(newsTranslations).get()!;
      const page = db.select().from(pageTranslations).get()!;
      expect(article.textFingerprint).toBe(textFingerprint(article));
      expect(page.textFingerprint).toBe(textFingerprint(page));
    } finally {
      db.$client.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
