import { and, asc, eq, isNull } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertUserRow } from '@/db/auth/users-core';
import type { PublicationRequest } from '@/db/content/common';
import { createPage, pagePublicationIds, setPageHero, setPagePublications, trashPage } from '@/db/content/page-tree';
import {
  confirmPageTranslation,
  pageForEditor,
  type PageFields,
  pageType,
  restorePageRevision,
  type SavePageResult,
  savePageTranslation,
} from '@/db/content/page-writes';
import { trashMedia } from '@/db/media/library';
import { isPublic } from '@/db/queries/visibility';
import { richTextImageHtml } from '@/lib/media/rich-text';
import { auditEvents, media, mediaTranslations, mediaUsages, pages, pageTranslations, redirects, revisions } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import { revisionOf, revisionList } from '@/db/content/translated';
import { makeTestDatabase } from '../helpers/db';
import { insertMediaRow } from '../helpers/media-rows';

let t: ReturnType<typeof makeTestDatabase>;
let actor: { userId: number; ip: string };
beforeEach(async () => {
  t = makeTestDatabase();
  const user = await insertUserRow(t.db, { email: 'e@iom.int', name: 'Elira Hoxha', role: 'editor', password: 'Lumi i Drinit rrjedh ngadalë' }, { id: null });
  actor = { userId: (user as { id: number }).id, ip: '127.0.0.1' };
});
afterEach(() => t.close());

const MINUTE = 60_000;
type Locale = 'en' | 'sq';

const fields = (over: Partial<PageFields> = {}): PageFields => ({
  title: 'Migration Health',
  menuTitle: null,
  path: 'migration-health',
  summary: 'Health services for migrants.',
  body: '<p>Text</p>',
  seoTitle: null,
  seoDescription: null,
  ...over,
});

function newPage(parentId: number | null = null, kind: 'page' | 'link' = 'page', externalUrl?: string): number {
  const result = createPage(t.db, actor, { parentId, kind, externalUrl });
  if (!result.ok) throw new Error(result.error);
  return result.pageId;
}

function save(
  pageId: number,
  locale: Locale,
  baseVersion: number | null,
  over: Partial<PageFields> = {},
  publication: PublicationRequest = { action: 'keep' },
  now?: Date,
): SavePageResult {
  return savePageTranslation(t.db, actor, { pageId, locale, baseVersion, fields: fields(over), publication }, now);
}

/** The one answer of a refused save: every refused field at once. */
function invalid(fieldErrors: Record<string, string>, unknownImages?: string[]) {
  return { ok: false, error: 'invalid', fieldErrors, ...(unknownImages ? { unknownImages } : {}) };
}

function saved(result: SavePageResult) {
  if (!result.ok) throw new Error(`expected a save, got ${JSON.stringify(result)}`);
  return result;
}

const row = (pageId: number, locale: Locale) =>
  t.db.select().from(pageTranslations).where(and(eq(pageTranslations.pageId, pageId), eq(pageTranslations.locale, locale))).get();
const revisionsOf = (pageId: number, locale: Locale) =>
  t.db.select().from(revisions).where(and(eq(revisions.entityId, pageId), eq(revisions.locale, locale), eq(revisions.entityType, 'page'))).orderBy(asc(revisions.version)).all();
const actions = () => t.db.select().from(auditEvents).orderBy(asc(auditEvents.id)).all().map((e) => e.action);
const redirectRows = () => t.db.select().from(redirects).all().map((r) => `${r.locale} ${r.fromPath} -> ${r.toPath}`).sort();
const seededId = (key: string) => t.db.select().from(pages).where(eq(pages.key, key)).get()!.id;
/** The page ids the public can see in a language at `now` (the rule every public query uses). */
const publicIds = (locale: Locale, now: Date) =>
  t.db
    .select({ id: pageTranslations.pageId })
    .from(pageTranslations)
    .innerJoin(pages, eq(pages.id, pageTranslations.pageId))
    .where(and(eq(pageTranslations.locale, locale), isNull(pages.deletedAt), isPublic(pageTranslations, now)))
    .all()
    .map((r) => r.id);

describe('saving a page translation', () => {
  it('creates a language on its first save: a draft at version 1 with a revision and an audit event', () => {
    const id = newPage();
    const result = saved(save(id, 'en', null));
    expect(result).toMatchObject({ pageId: id, version: 1, changedPaths: [], menuChanged: false });
    expect(row(id, 'en')).toMatchObject({ status: 'draft', version: 1, title: 'Migration Health', path: 'migration-health', isPlaceholder: false });
    expect(row(id, 'sq')).toBeUndefined();
    const revs = revisionsOf(id, 'en');
    expect(revs).toHaveLength(1);
    expect(revs[0]!.authorId).toBe(actor.userId);
    expect(JSON.parse(revs[0]!.snapshot)).toMatchObject({ title: 'Migration Health', path: 'migration-health', status: 'draft', publishedAt: null, version: 1 });
    expect(actions()).toEqual(['user.create', 'page.create', 'page.create_translation']);
  });

  it('bumps the version on every save and keeps every save as a revision', () => {
    const id = newPage();
    save(id, 'en', null);
    expect(saved(save(id, 'en', 1, { title: 'Second' })).version).toBe(2);
    expect(saved(save(id, 'en', 2, { title: 'Third' }, { action: 'publish' })).version).toBe(3);
    expect(row(id, 'en')).toMatchObject({ version: 3, title: 'Third', status: 'published' });
    const snaps = revisionsOf(id, 'en').map((r) => JSON.parse(r.snapshot));
    expect(snaps.map((s) => [s.version, s.title, s.status])).toEqual([
      [1, 'Migration Health', 'draft'],
      [2, 'Second', 'draft'],
      [3, 'Third', 'published'],
    ]);
    expect(snaps[2].publishedAt).toBe(row(id, 'en')!.publishedAt!.toISOString());
    expect(actions().slice(-3)).toEqual(['page.create_translation', 'page.save', 'page.publish']);
  });

  it('refuses a save based on an older version, returns the newer text and writes nothing', () => {
    const id = newPage();
    save(id, 'en', null);
    save(id, 'en', 1, { title: 'Newer title', body: '<p>Newer body</p>' });
    const before = { revs: revisionsOf(id, 'en').length, audit: actions().length };
    const stale = save(id, 'en', 1, { title: 'My edit', path: 'my-edit' }, { action: 'publish' });
    expect(stale).toMatchObject({ ok: false, error: 'stale', current: { title: 'Newer title', body: '<p>Newer body</p>', version: 2, status: 'draft' } });
    expect(row(id, 'en')).toMatchObject({ title: 'Newer title', version: 2, status: 'draft', path: 'migration-health' });
    expect(revisionsOf(id, 'en')).toHaveLength(before.revs);
    expect(actions()).toHaveLength(before.audit);
  });

  it('refuses to create a language that someone else created meanwhile', () => {
    const id = newPage();
    save(id, 'sq', null, { title: 'Shëndeti', path: 'shendeti' });
    expect(save(id, 'sq', null, { title: 'Tjetër', path: 'tjeter' })).toMatchObject({ ok: false, error: 'stale', current: { title: 'Shëndeti', version: 1 } });
    expect(row(id, 'sq')!.title).toBe('Shëndeti');
  });

  it('answers notFound for an unknown page, a page in the trash, and a version of a language that does not exist', () => {
    expect(save(9999, 'en', null)).toEqual({ ok: false, error: 'notFound' });
    const id = newPage();
    expect(save(id, 'en', 3)).toEqual({ ok: false, error: 'notFound' });
    save(id, 'en', null);
    expect(trashPage(t.db, actor, id).ok).toBe(true);
    expect(save(id, 'en', 1, { title: 'Edited in the trash' })).toEqual({ ok: false, error: 'notFound' });
    expect(row(id, 'en')!.title).toBe('Migration Health');
  });

  it('trims the fields and keeps empty optional ones as null', () => {
    const id = newPage();
    save(id, 'en', null, { title: '  Spaced  ', menuTitle: '  ', summary: ' s ', seoTitle: ' ', seoDescription: ' d ', path: ' /spaced/ ' });
    expect(row(id, 'en')).toMatchObject({ title: 'Spaced', menuTitle: null, summary: 's', seoTitle: null, seoDescription: 'd', path: 'spaced' });
  });

  it('stores a hostile body sanitized', () => {
    const id = newPage();
    const body = [
      '<p>Kept<script>alert(1)</script></p>',
      '<p><img src="x" onerror="alert(2)">Image</p>',
      '<p><a href="javascript:alert(3)">bad link</a> <a href="https://www.iom.int" onclick="x()">good link</a></p>',
      '<iframe src="https://evil.example"></iframe>',
      '<svg onload="alert(4)"><circle r="1"/></svg>',
    ].join('');
    save(id, 'en', null, { body });
    const stored = row(id, 'en')!.body;
    for (const bad of ['<script', 'alert', 'onerror', 'onload', 'onclick', 'javascript:', '<iframe', '<svg', '<img', 'evil.example']) {
      expect(stored).not.toContain(bad);
    }
    expect(stored).toContain('Kept');
    expect(stored).toContain('<a href="https://www.iom.int" rel="noopener noreferrer">good link</a>');
    expect(JSON.parse(revisionsOf(id, 'en')[0]!.snapshot).body).toBe(stored);
  });

  it('refuses a missing or too long field, naming it, and writes nothing', () => {
    const id = newPage();
    expect(save(id, 'en', null, { title: '   ' })).toEqual(invalid({ title: 'required' }));
    expect(save(id, 'en', null, { title: 'x'.repeat(5000) })).toEqual(invalid({ title: 'tooLong' }));
    expect(save(id, 'en', null, { summary: 'x'.repeat(601) })).toEqual(invalid({ summary: 'tooLong' }));
    expect(save(id, 'en', null, { seoDescription: 'x'.repeat(321) })).toEqual(invalid({ seoDescription: 'tooLong' }));
    expect(save(id, 'en', null, { path: `a${'-b'.repeat(100)}` })).toEqual(invalid({ path: 'tooLong' }));
    expect(row(id, 'en')).toBeUndefined();
    expect(revisionsOf(id, 'en')).toHaveLength(0);
    expect(actions()).not.toContain('page.create_translation');
  });

  it('names every refused field at once, as for news', () => {
    const id = newPage();
    expect(save(id, 'en', null, { title: '', summary: 'x'.repeat(601), path: 'Bad Path' }, { action: 'publish' })).toEqual(
      invalid({ title: 'required', summary: 'tooLong', path: 'pathInvalid' }),
    );
    expect(row(id, 'en')).toBeUndefined();
  });

  it('makes an address left empty from the title, in the data layer as for news', () => {
    const id = newPage();
    saved(save(id, 'en', null, { title: 'Migration Health Services', path: '  ' }));
    expect(row(id, 'en')).toMatchObject({ path: 'migration-health-services' });
  });

  it('treats an external link as having no path and no body', () => {
    const id = newPage(null, 'link', 'https://www.iom.int/news');
    const result = saved(save(id, 'en', null, { title: 'IOM Global', path: 'iom-global', body: '<p>ignored</p>' }, { action: 'publish' }));
    expect(result.menuChanged).toBe(true);
    expect(row(id, 'en')).toMatchObject({ path: null, body: '', status: 'published' });
    expect(result.changedPaths).toEqual(['/']);
  });
});

describe('addresses', () => {
  it('refuses the first segments of the site’s own routes in each language', () => {
    const id = newPage();
    for (const path of ['news', 'search', 'admin', 'api', 'sitemaps', 'en', 'sq', 'news/more', 'lajme']) {
      expect(save(id, 'en', null, { path }), path).toEqual(invalid({ path: 'pathReserved' }));
    }
    for (const path of ['lajme', 'kerko', 'admin', 'api', 'sitemaps', 'en', 'sq', 'lajme/te-tjera', 'news']) {
      expect(save(id, 'sq', null, { path }), path).toEqual(invalid({ path: 'pathReserved' }));
    }
    // Only the whole first segment is reserved.
    expect(saved(save(id, 'en', null, { path: 'about/news' })).version).toBe(1);
    expect(saved(save(id, 'sq', null, { path: 'lajmet-e-zyres' })).version).toBe(1);
  });

  it('refuses malformed paths', () => {
    const id = newPage();
    for (const path of ['Who-We-Are', 'who we are', 'a//b', 'kush-jemë', '-a', 'a-', 'a--b', 'a_b', 'a.html', 'a?b']) {
      expect(save(id, 'en', null, { path }), path).toEqual(invalid({ path: 'pathInvalid' }));
    }
    // An address left empty is made from the title; a title with no letters leaves it empty, and without a title only the title is missing.
    expect(save(id, 'en', null, { title: '!!!', path: ' / ' })).toEqual(invalid({ path: 'required' }));
    expect(save(id, 'en', null, { title: ' ', path: null })).toEqual(invalid({ title: 'required' }));
    expect(row(id, 'en')).toBeUndefined();
  });

  it('keeps paths unique per language only, and says when a page in the trash holds one', () => {
    const first = newPage();
    const second = newPage();
    save(first, 'en', null, { path: 'health' });
    expect(save(second, 'en', null, { path: 'health' })).toEqual(invalid({ path: 'pathTaken' }));
    expect(saved(save(second, 'sq', null, { path: 'health' })).version).toBe(1);
    trashPage(t.db, actor, first);
    expect(save(second, 'en', null, { path: 'health' })).toEqual(invalid({ path: 'pathTakenTrash' }));
  });

  it('leaves a 301 when a live page’s path changes, and re-points it on the next change (no chains)', () => {
    const id = newPage();
    save(id, 'en', null, { path: 'health' }, { action: 'publish' });
    save(id, 'sq', null, { title: 'Shëndeti', path: 'shendeti' }, { action: 'publish' });
    const moved = saved(save(id, 'en', 1, { path: 'migration-health' }));
    expect(moved.changedPaths).toEqual(expect.arrayContaining(['/health', '/migration-health', '/', '/sq/shendeti']));
    expect(moved.menuChanged).toBe(true);
    expect(redirectRows()).toEqual(['en /health -> /migration-health']);

    const again = saved(save(id, 'en', 2, { path: 'health-of-migrants' }));
    expect(redirectRows()).toEqual(['en /health -> /health-of-migrants', 'en /migration-health -> /health-of-migrants']);
    // The first address's cached redirect (to the middle one) is refreshed too.
    expect(again.changedPaths).toEqual(expect.arrayContaining(['/health', '/migration-health', '/health-of-migrants']));

    // Back to the first address: it is the page's own again, not a redirect to itself.
    save(id, 'en', 3, { path: 'health' });
    expect(redirectRows()).toEqual(['en /health-of-migrants -> /health', 'en /migration-health -> /health']);

    save(id, 'sq', 1, { title: 'Shëndeti', path: 'shendeti-i-migranteve' });
    expect(redirectRows()).toContain('sq /sq/shendeti -> /sq/shendeti-i-migranteve');
  });

  it('writes no redirect when a draft or a not-yet-due page changes its path', () => {
    const id = newPage();
    save(id, 'en', null, { path: 'health' });
    const result = saved(save(id, 'en', 1, { path: 'other' }));
    expect(result).toMatchObject({ changedPaths: [], menuChanged: false });
    save(id, 'en', 2, { path: 'other' }, { action: 'schedule', at: new Date(Date.now() + 60 * MINUTE) });
    save(id, 'en', 3, { path: 'later' });
    expect(redirectRows()).toEqual([]);
  });

  it('moving a page in the tree never changes its address', async () => {
    const { movePage } = await import('@/db/content/page-tree');
    const parent = newPage();
    const id = newPage();
    save(id, 'en', null, { path: 'health' }, { action: 'publish' });
    expect(movePage(t.db, actor, { pageId: id, parentId: parent, position: 0 }).ok).toBe(true);
    expect(row(id, 'en')!.path).toBe('health');
    expect(redirectRows()).toEqual([]);
  });
});

describe('publication', () => {
  it('publishes each language on its own', () => {
    const id = newPage();
    save(id, 'sq', null, { title: 'Shëndeti', path: 'shendeti' });
    const result = saved(save(id, 'en', null, {}, { action: 'publish' }));
    expect(result.menuChanged).toBe(true);
    expect(result.changedPaths).toEqual(expect.arrayContaining(['/migration-health', '/']));
    expect(result.changedPaths).not.toContain('/sq');
    const now = new Date(Date.now() + 1000);
    expect(publicIds('en', now)).toContain(id);
    expect(publicIds('sq', now)).not.toContain(id);
    expect(row(id, 'sq')!.status).toBe('draft');
  });

  it('refuses to schedule in the past, and writes nothing', () => {
    const id = newPage();
    const now = new Date('2026-03-01T10:00:00Z');
    save(id, 'en', null, {}, { action: 'keep' }, now);
    expect(save(id, 'en', 1, { title: 'Changed' }, { action: 'schedule', at: new Date('2026-03-01T09:59:00Z') }, now)).toEqual(invalid({ publishAt: 'pastDate' }));
    expect(save(id, 'en', 1, {}, { action: 'schedule', at: now }, now)).toEqual(invalid({ publishAt: 'pastDate' }));
    expect(row(id, 'en')).toMatchObject({ version: 1, status: 'draft', title: 'Migration Health' });
    expect(revisionsOf(id, 'en')).toHaveLength(1);
  });

  it('makes a scheduled page public when its time comes', () => {
    const id = newPage();
    const now = new Date('2026-03-01T10:00:00Z');
    const at = new Date('2026-03-02T08:00:00Z');
    const result = saved(save(id, 'en', null, {}, { action: 'schedule', at }, now));
    expect(result).toMatchObject({ changedPaths: [], menuChanged: false });
    expect(row(id, 'en')).toMatchObject({ status: 'scheduled', publishedAt: at });
    expect(publicIds('en', new Date(at.getTime() - 1))).not.toContain(id);
    expect(publicIds('en', at)).toContain(id);
    expect(actions().at(-1)).toBe('page.schedule');
  });

  it('refuses to publish an empty page, to empty a live page, and to unpublish a draft', () => {
    const id = newPage();
    expect(save(id, 'en', null, { body: '<p> </p><script>x</script>' }, { action: 'publish' })).toEqual(invalid({ body: 'emptyBody' }));
    expect(save(id, 'en', null, { body: '<h2> </h2><br>&nbsp;' }, { action: 'publish' })).toEqual(invalid({ body: 'emptyBody' }));
    save(id, 'en', null);
    expect(save(id, 'en', 1, {}, { action: 'unpublish' })).toEqual(invalid({ form: 'notPublished' }));
    save(id, 'en', 1, {}, { action: 'publish' });
    expect(save(id, 'en', 2, { body: '' })).toEqual(invalid({ body: 'emptyBody' }));
    expect(row(id, 'en')).toMatchObject({ version: 2, body: '<p>Text</p>' });
  });

  it('unpublishing takes a live page out of the menu and its address', () => {
    const id = newPage();
    save(id, 'en', null, {}, { action: 'publish' });
    const result = saved(save(id, 'en', 1, {}, { action: 'unpublish' }));
    expect(result.menuChanged).toBe(true);
    expect(result.changedPaths).toEqual(expect.arrayContaining(['/migration-health', '/']));
    expect(publicIds('en', new Date(Date.now() + 1000))).not.toContain(id);
    expect(actions().at(-1)).toBe('page.unpublish');
  });

  it('says the menu changed only when what the menu shows changed', () => {
    const parent = newPage();
    save(parent, 'en', null, { title: 'Our Work', path: 'our-work' }, { action: 'publish' });
    const id = newPage(parent);
    save(id, 'en', null, {}, { action: 'publish' });
    const body = saved(save(id, 'en', 1, { body: '<p>Other text</p>', summary: 'Other summary' }));
    expect(body.menuChanged).toBe(false);
    expect(body.changedPaths.sort()).toEqual(['/', '/migration-health', '/our-work']);
    expect(saved(save(id, 'en', 2, { menuTitle: 'Health' })).menuChanged).toBe(true);
    // The menu shows the menu title, so the title alone no longer changes it.
    expect(saved(save(id, 'en', 3, { menuTitle: 'Health', title: 'Health of migrants' })).menuChanged).toBe(false);
  });
});

describe('revisions', () => {
  it('lists a language’s revisions newest first, with their author', () => {
    const id = newPage();
    save(id, 'en', null);
    save(id, 'en', 1, { title: 'Second' });
    save(id, 'sq', null, { title: 'Shëndeti', path: 'shendeti' });
    const list = revisionList(t.db, pageType, id, 'en');
    expect(list.map((r) => [r.version, r.title, r.authorName])).toEqual([
      [2, 'Second', 'Elira Hoxha'],
      [1, 'Migration Health', 'Elira Hoxha'],
    ]);
    const one = revisionOf(t.db, pageType, id, list[1]!.id)!;
    expect(one).toMatchObject({ itemId: id, locale: 'en', version: 1, authorName: 'Elira Hoxha', snapshot: { title: 'Migration Health', body: '<p>Text</p>' } });
  });

  it('restores an old text as a new save, keeping the publication as it is now', () => {
    const id = newPage();
    save(id, 'en', null, { title: 'First', body: '<p>First body</p>' });
    save(id, 'en', 1, { title: 'Second', body: '<p>Second body</p>' }, { action: 'publish' });
    const first = revisionList(t.db, pageType, id, 'en').find((r) => r.version === 1)!;
    const result = saved(restorePageRevision(t.db, actor, { pageId: id, locale: 'en', revisionId: first.id, baseVersion: 2 }));
    expect(result.version).toBe(3);
    expect(row(id, 'en')).toMatchObject({ title: 'First', body: '<p>First body</p>', status: 'published', version: 3 });
    const revs = revisionsOf(id, 'en');
    expect(revs).toHaveLength(3);
    expect(JSON.parse(revs[2]!.snapshot)).toMatchObject({ title: 'First', status: 'published', version: 3 });
    expect(actions().at(-1)).toBe('page.restore_revision');
    // Restoring is a save: a stale base is refused.
    expect(restorePageRevision(t.db, actor, { pageId: id, locale: 'en', revisionId: first.id, baseVersion: 2 })).toMatchObject({ ok: false, error: 'stale' });
    // Only the page's own revisions of that language.
    expect(restorePageRevision(t.db, actor, { pageId: id, locale: 'sq', revisionId: first.id, baseVersion: 3 })).toEqual({ ok: false, error: 'notFound' });
  });
});

describe('the seeded pages', () => {
  it('take a first save at the version of the row, keep the seed text as a revision, and stop being placeholders', () => {
    seedDatabase(t.db);
    const id = seededId('contact');
    const seededEn = row(id, 'en')!;
    expect(seededEn).toMatchObject({ version: 1, isPlaceholder: true, status: 'published' });
    expect(revisionsOf(id, 'en')).toHaveLength(0);

    const result = saved(save(id, 'en', 1, { title: 'Contact', path: 'contact', body: '<p>Rruga e Elbasanit, Tirana</p>' }));
    expect(result.version).toBe(2);
    expect(result.menuChanged).toBe(false);
    expect(result.changedPaths).toEqual(expect.arrayContaining(['/contact', '/who-we-are', '/']));
    expect(row(id, 'en')).toMatchObject({ version: 2, isPlaceholder: false, status: 'published' });
    expect(row(id, 'sq')!.isPlaceholder).toBe(true);

    const revs = revisionsOf(id, 'en');
    expect(revs.map((r) => [r.version, r.authorId])).toEqual([
      [1, null],
      [2, actor.userId],
    ]);
    expect(JSON.parse(revs[0]!.snapshot)).toMatchObject({ body: seededEn.body, isPlaceholder: true });

    // Restoring the seed's text brings back its placeholder mark too.
    saved(restorePageRevision(t.db, actor, { pageId: id, locale: 'en', revisionId: revs[0]!.id, baseVersion: 2 }));
    expect(row(id, 'en')).toMatchObject({ version: 3, body: seededEn.body, isPlaceholder: true });
  });
});

describe('stale translations', () => {
  it('marks the other language when one changes after it was confirmed, shows what changed, and clears on confirm', () => {
    const id = newPage();
    save(id, 'en', null, { body: '<p>Original English</p>' });
    save(id, 'sq', null, { title: 'Shëndeti', path: 'shendeti', body: '<p>Shqip</p>' });
    expect(pageForEditor(t.db, id)!.translations.sq!.stale).toBe(false);

    save(id, 'en', 1, { body: '<p>Changed English</p>' });
    const editor = pageForEditor(t.db, id)!;
    expect(editor.translations.sq).toMatchObject({ stale: true, sourceVersion: 1, sourceThen: { version: 1, body: '<p>Original English</p>' } });
    expect(editor.translations.en).toMatchObject({ stale: false, sourceThen: null, body: '<p>Changed English</p>' });

    expect(confirmPageTranslation(t.db, actor, id, 'sq')).toEqual({ ok: true });
    const after = pageForEditor(t.db, id)!.translations.sq!;
    expect(after).toMatchObject({ stale: false, sourceVersion: 2, version: 1, sourceThen: null });
    expect(actions().at(-1)).toBe('page.confirm_translation');
    expect(confirmPageTranslation(t.db, actor, newPage(), 'sq')).toEqual({ ok: false, error: 'notFound' });
  });

  it('saving the out-of-date language confirms it', () => {
    const id = newPage();
    save(id, 'en', null);
    save(id, 'sq', null, { title: 'Shëndeti', path: 'shendeti' });
    save(id, 'en', 1, { title: 'Changed' });
    expect(pageForEditor(t.db, id)!.translations.sq!.stale).toBe(true);
    save(id, 'sq', 1, { title: 'Shëndeti i ndryshuar', path: 'shendeti' });
    expect(pageForEditor(t.db, id)!.translations.sq!.stale).toBe(false);
    // …and the pair: the English, which the Albanian just caught up with, is not marked behind it.
    expect(pageForEditor(t.db, id)!.translations.en!.stale).toBe(false);
  });

  it('treats the seeded languages as confirmed against each other', () => {
    seedDatabase(t.db);
    const id = seededId('governance');
    expect(pageForEditor(t.db, id)!.translations.sq!.stale).toBe(false);
    const seededEn = row(id, 'en')!;
    save(id, 'en', 1, { title: seededEn.title, path: 'governance', body: '<p>The office’s own text</p>' });
    const sq = pageForEditor(t.db, id)!.translations.sq!;
    expect(sq.stale).toBe(true);
    expect(sq.sourceThen).toMatchObject({ version: 1, body: seededEn.body });
  });
});

describe('the main image', () => {
  it('is set on a page (an image of the library, not in the trash), and its live addresses are revalidated', () => {
    const pageId = newPage();
    saved(save(pageId, 'en', null, {}, { action: 'publish' }));
    const photo = insertMediaRow(t.db, 1, { en: 'Nurses at a health centre' });
    const pdf = insertMediaRow(t.db, 2, {}, 'document');
    const trashed = insertMediaRow(t.db, 3, { en: 'Old' });
    t.db.update(media).set({ deletedAt: new Date() }).where(eq(media.id, trashed)).run();
    expect(setPageHero(t.db, actor, pageId, 99999)).toEqual({ ok: false, error: 'heroNotFound' });
    expect(setPageHero(t.db, actor, pageId, trashed)).toEqual({ ok: false, error: 'heroNotFound' });
    expect(setPageHero(t.db, actor, pageId, pdf)).toEqual({ ok: false, error: 'heroNotImage' });
    const link = newPage(null, 'link', 'https://www.iom.int/');
    expect(setPageHero(t.db, actor, link, photo)).toEqual({ ok: false, error: 'notAPage' });

    expect(setPageHero(t.db, actor, pageId, photo)).toMatchObject({ ok: true, menuChanged: false, changedPaths: expect.arrayContaining(['/migration-health']) });
    expect(t.db.select().from(pages).where(eq(pages.id, pageId)).get()!.heroMediaId).toBe(photo);
    expect(actions().at(-1)).toBe('page.hero');
    expect(setPageHero(t.db, actor, pageId, null)).toMatchObject({ ok: true });
    expect(t.db.select().from(pages).where(eq(pages.id, pageId)).get()!.heroMediaId).toBeNull();
  });

  it('is refused while it lacks alt text in a language where the page is live', () => {
    const pageId = newPage();
    saved(save(pageId, 'en', null, {}, { action: 'publish' }));
    const albanianOnly = insertMediaRow(t.db, 1, { sq: 'Infermiere në një qendër shëndetësore' });
    expect(setPageHero(t.db, actor, pageId, albanianOnly)).toEqual({ ok: false, error: 'heroNoAltLive', locales: ['en'] });
    expect(t.db.select().from(pages).where(eq(pages.id, pageId)).get()!.heroMediaId).toBeNull();
    t.db.insert(mediaTranslations).values({ mediaId: albanianOnly, locale: 'en', decorative: true }).run();
    expect(setPageHero(t.db, actor, pageId, albanianOnly)).toMatchObject({ ok: true });
  });

  it('without alt text in a language refuses publishing or scheduling that language (not saving a draft); decorative is enough', () => {
    const pageId = newPage();
    const photo = insertMediaRow(t.db, 1, { en: 'Nurses at a health centre' });
    expect(setPageHero(t.db, actor, pageId, photo)).toMatchObject({ ok: true, changedPaths: [] });
    saved(save(pageId, 'en', null, {}, { action: 'publish' }));
    saved(save(pageId, 'sq', null, { title: 'Shëndeti i migrantëve', path: 'shendeti-i-migranteve' }));
    expect(save(pageId, 'sq', 1, { title: 'Shëndeti i migrantëve', path: 'shendeti-i-migranteve' }, { action: 'publish' })).toEqual(invalid({ hero: 'heroNoAlt' }));
    const later = new Date(Date.now() + 60 * MINUTE);
    expect(save(pageId, 'sq', 1, { title: 'Shëndeti i migrantëve', path: 'shendeti-i-migranteve' }, { action: 'schedule', at: later })).toEqual(invalid({ hero: 'heroNoAlt' }));
    expect(row(pageId, 'sq')).toMatchObject({ status: 'draft', version: 1 });
    t.db.insert(mediaTranslations).values({ mediaId: photo, locale: 'sq', decorative: true }).run();
    expect(save(pageId, 'sq', 1, { title: 'Shëndeti i migrantëve', path: 'shendeti-i-migranteve' }, { action: 'publish' })).toMatchObject({ ok: true, status: 'published' });
  });
});

describe('images in the text', () => {
  it('are recorded as uses of that language, and stop publishing while they have no alt text there', () => {
    const pageId = newPage();
    const photo = insertMediaRow(t.db, 7, { en: 'Nurses at a health centre' });
    const hash = (7).toString(16).padStart(64, '0');
    const img = richTextImageHtml({ src: `/media/${hash}-320.webp`, srcSet: `/media/${hash}-320.webp 320w`, width: 320, height: 240, alt: '' });
    const sq = { title: 'Shëndeti', path: 'shendeti', body: `<p>Tekst</p>${img}` };
    saved(save(pageId, 'sq', null, sq));
    const uses = () => t.db.select({ mediaId: mediaUsages.mediaId, locale: mediaUsages.locale }).from(mediaUsages).where(eq(mediaUsages.entityId, pageId)).all();
    expect(uses()).toEqual([{ mediaId: photo, locale: 'sq' }]);
    expect(save(pageId, 'sq', 1, sq, { action: 'publish' })).toEqual(invalid({ body: 'bodyImageNoAlt' }));
    t.db.insert(mediaTranslations).values({ mediaId: photo, locale: 'sq', alt: 'Infermiere në një qendër shëndetësore' }).run();
    expect(save(pageId, 'sq', 1, sq, { action: 'publish' })).toMatchObject({ ok: true, status: 'published' });
    saved(save(pageId, 'sq', 2, { ...sq, body: '<p>Tekst</p>' }));
    expect(uses()).toEqual([]);
  });

  it('refer only to files of the library: an unknown or trashed file is refused on every save, and named', () => {
    const pageId = newPage();
    const unknown = `/media/${'0'.repeat(64)}-320.webp`;
    const forged = `<p>Text</p><img src="${unknown}" alt="x">`;
    expect(save(pageId, 'en', null, { body: forged })).toEqual(invalid({ body: 'bodyImageUnknown' }, [unknown]));
    expect(save(pageId, 'en', null, { body: forged }, { action: 'publish' })).toEqual(invalid({ body: 'bodyImageUnknown' }, [unknown]));
    expect(row(pageId, 'en')).toBeUndefined();
    const photo = insertMediaRow(t.db, 7, { en: 'Nurses at a health centre' });
    const hash = (7).toString(16).padStart(64, '0');
    const img = richTextImageHtml({ src: `/media/${hash}-320.webp`, srcSet: `/media/${hash}-320.webp 320w`, width: 320, height: 240, alt: 'Nurses at a health centre' });
    saved(save(pageId, 'en', null, { body: `<p>Text</p>${img}` }, { action: 'publish' }));
    saved(save(pageId, 'en', 1, { body: '<p>Text only</p>' }));
    expect(trashMedia(t.db, actor, photo)).toEqual({ ok: true });
    expect(save(pageId, 'en', 2, { body: `<p>Text</p>${img}` })).toEqual(invalid({ body: 'bodyImageUnknown' }, [`/media/${hash}-320.webp`]));
    const first = revisionsOf(pageId, 'en')[0]!;
    expect(restorePageRevision(t.db, actor, { pageId, locale: 'en', revisionId: first.id, baseVersion: 2 })).toEqual(invalid({ body: 'bodyImageUnknown' }, [`/media/${hash}-320.webp`]));
    expect(row(pageId, 'en')).toMatchObject({ version: 2, body: '<p>Text only</p>' });
  });
});

describe('publications', () => {
  it('are PDFs of the library listed on a page, replaced as a whole; images, trashed or unknown files are refused', () => {
    const pageId = newPage();
    saved(save(pageId, 'en', null, {}, { action: 'publish' }));
    const report = insertMediaRow(t.db, 11, {}, 'document');
    const other = insertMediaRow(t.db, 12, {}, 'document');
    const photo = insertMediaRow(t.db, 13, { en: 'A photo' });
    expect(setPagePublications(t.db, actor, pageId, [report, other])).toMatchObject({ ok: true, menuChanged: false, changedPaths: expect.arrayContaining(['/migration-health']) });
    expect(pagePublicationIds(t.db, pageId).sort()).toEqual([report, other].sort());
    expect(setPagePublications(t.db, actor, pageId, [photo])).toEqual({ ok: false, error: 'documentNotFound' });
    expect(setPagePublications(t.db, actor, pageId, [99999])).toEqual({ ok: false, error: 'documentNotFound' });
    expect(setPagePublications(t.db, actor, pageId, [other])).toMatchObject({ ok: true });
    expect(pagePublicationIds(t.db, pageId)).toEqual([other]);
    expect(actions().at(-1)).toBe('page.publications');
    const link = newPage(null, 'link', 'https://www.iom.int/');
    expect(setPagePublications(t.db, actor, link, [other])).toEqual({ ok: false, error: 'notAPage' });
  });
});
