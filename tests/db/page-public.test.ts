import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/db';

// Staff writes seen through the public reads the site uses (the menu, the
// page view, the proxy's address index), on the process's database in
// DATA_DIR exactly as the server opens it: point it at a fresh folder first.
const dataDir = makeTempDir();
process.env.DATA_DIR = dataDir;

const { getDb } = await import('@/db/index');
const { siteMenu, publishedPageByPath, pagePreview } = await import('@/db/queries/pages');
const { redirectTarget, pageRedirect } = await import('@/db/queries/addresses');
const { insertUserRow } = await import('@/db/auth/users-core');
const { createPage, trashPage } = await import('@/db/content/page-tree');
const { savePageTranslation } = await import('@/db/content/page-writes');
const { pages } = await import('@/db/schema');

let actor: { userId: number; ip: string | null };
let ourWork: number;

beforeAll(async () => {
  const db = getDb(); // migrates and imports the seed
  const user = await insertUserRow(db, { email: 'p@iom.int', name: 'P', role: 'editor', password: 'Lumi i Drinit rrjedh ngadalë' }, { id: null });
  actor = { userId: (user as { id: number }).id, ip: null };
  ourWork = db.select().from(pages).where(eq(pages.key, 'our-work')).get()!.id;
});

afterAll(() => {
  (globalThis as { iomAddressIndex?: { conn: { close(): void } } }).iomAddressIndex?.conn.close();
  getDb().$client.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const fields = (title: string, path: string) => ({ title, menuTitle: null, path, summary: `${title}.`, body: `<p>${title}</p>`, seoTitle: null, seoDescription: null });
const menuPaths = (locale: 'en' | 'sq') => siteMenu(locale).find((m) => m.pageId === ourWork)!.children.map((c) => c.path);

describe('a page staff add', () => {
  let id: number;

  it('appears only in the language that is published', () => {
    const created = createPage(getDb(), actor, { parentId: ourWork, kind: 'page' });
    if (!created.ok) throw new Error(created.error);
    id = created.pageId;
    expect(savePageTranslation(getDb(), actor, { pageId: id, locale: 'en', baseVersion: null, fields: fields('Migration Health', 'migration-health'), publication: { action: 'publish' } }).ok).toBe(true);
    expect(savePageTranslation(getDb(), actor, { pageId: id, locale: 'sq', baseVersion: null, fields: fields('Shëndeti', 'shendeti'), publication: { action: 'keep' } }).ok).toBe(true);

    expect(menuPaths('en')).toContain('migration-health');
    expect(menuPaths('sq')).not.toContain('shendeti');
    const page = publishedPageByPath('en', 'migration-health')!;
    expect(page).toMatchObject({ title: 'Migration Health', alternates: { en: 'migration-health' }, parent: { path: 'our-work' } });
    expect(page.alternates.sq).toBeUndefined();
    expect(publishedPageByPath('sq', 'shendeti')).toBeNull();
  });

  it('shows its draft language to staff previews only, as the public page would', () => {
    const preview = pagePreview(getDb(), id, 'sq')!;
    expect(preview).toMatchObject({ title: 'Shëndeti', path: 'shendeti', body: '<p>Shëndeti</p>', parent: { path: 'puna-jone' }, alternates: { en: 'migration-health' } });
    expect(preview.publishedAt).toBeInstanceOf(Date);
    // An external link has no page of its own.
    const link = getDb().select().from(pages).where(eq(pages.key, 'iom-global')).get()!;
    expect(pagePreview(getDb(), link.id, 'en')).toBeNull();
  });

  it('answers at its new address after a path change, and its old one moves there', () => {
    expect(
      savePageTranslation(getDb(), actor, { pageId: id, locale: 'en', baseVersion: 1, fields: fields('Migration Health', 'health'), publication: { action: 'keep' } }),
    ).toMatchObject({ ok: true, version: 2 });
    expect(publishedPageByPath('en', 'migration-health')).toBeNull();
    expect(publishedPageByPath('en', 'health')).not.toBeNull();
    expect(redirectTarget('en', '/migration-health')).toBe('/health');
    expect(pageRedirect('en', 'migration-health')).toBe('/health');
    expect(pageRedirect('en', 'health')).toBeUndefined();
    expect(pageRedirect('sq', 'migration-health')).toBeUndefined();
  });

  it('disappears from the menu and its address when trashed', () => {
    expect(trashPage(getDb(), actor, id)).toMatchObject({ ok: true, menuChanged: true });
    expect(menuPaths('en')).not.toContain('health');
    expect(publishedPageByPath('en', 'health')).toBeNull();
    expect(pagePreview(getDb(), id, 'en')).toBeNull();
  });
});
