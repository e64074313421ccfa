import { and, asc, eq, isNull } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertUserRow } from '@/db/auth/users-core';
import {
  createPage,
  deletePageForever,
  emptyPageTrash,
  pageTree,
  pageTrash,
  movePage,
  movePageTo,
  movePageUpDown,
  restorePage,
  setPageExternalUrl,
  type StaffPageNode,
  trashPage,
} from '@/db/content/page-tree';
import { type PageFields, savePageTranslation } from '@/db/content/page-writes';
import { isPublic } from '@/db/queries/visibility';
import { auditEvents, newsItemThemes, pages, pageTranslations, redirects, revisions } from '@/db/schema';
import { seedDatabase } from '@/db/seed';
import { makeTestDatabase } from '../helpers/db';

let t: ReturnType<typeof makeTestDatabase>;
let actor: { userId: number; ip: string };
beforeEach(async () => {
  t = makeTestDatabase();
  const user = await insertUserRow(t.db, { email: 'a@iom.int', name: 'Admin', role: 'admin', password: 'Lumi i Drinit rrjedh ngadalë' }, { id: null });
  actor = { userId: (user as { id: number }).id, ip: '127.0.0.1' };
});
afterEach(() => t.close());

function newPage(parentId: number | null = null): number {
  const result = createPage(t.db, actor, { parentId, kind: 'page' });
  if (!result.ok) throw new Error(result.error);
  return result.pageId;
}

/** A page with an English translation at `path`, published unless told otherwise. */
function pageAt(path: string, parentId: number | null = null, publish = true): number {
  const id = newPage(parentId);
  const fields: PageFields = { title: path, menuTitle: null, path, summary: '', body: `<p>${path}</p>`, seoTitle: null, seoDescription: null };
  const result = savePageTranslation(t.db, actor, { pageId: id, locale: 'en', baseVersion: null, fields, publication: { action: publish ? 'publish' : 'keep' } });
  if (!result.ok) throw new Error(result.error);
  return id;
}

/** [id, position] of a parent's children outside the trash, in order. */
const children = (parentId: number | null) =>
  t.db
    .select({ id: pages.id, position: pages.position })
    .from(pages)
    .where(and(parentId === null ? isNull(pages.parentId) : eq(pages.parentId, parentId), isNull(pages.deletedAt)))
    .orderBy(asc(pages.position))
    .all()
    .map((r) => [r.id, r.position]);
const pageRow = (id: number) => t.db.select().from(pages).where(eq(pages.id, id)).get();
const lastAction = () => t.db.select().from(auditEvents).all().at(-1)!.action;
const publicPaths = () =>
  t.db
    .select({ path: pageTranslations.path })
    .from(pageTranslations)
    .innerJoin(pages, eq(pages.id, pageTranslations.pageId))
    .where(and(isNull(pages.deletedAt), isPublic(pageTranslations, new Date(Date.now() + 1000))))
    .all()
    .map((r) => r.path);

describe('creating pages', () => {
  it('appends a page at the end of its siblings, with no language yet', () => {
    const a = newPage();
    const b = newPage();
    const child1 = newPage(a);
    const child2 = newPage(a);
    expect(children(null)).toEqual([
      [a, 0],
      [b, 1],
    ]);
    expect(children(a)).toEqual([
      [child1, 0],
      [child2, 1],
    ]);
    expect(t.db.select().from(pageTranslations).all()).toEqual([]);
    expect(lastAction()).toBe('page.create');
  });

  it('refuses an unknown or trashed parent, a link as parent, and a link without a web address', () => {
    expect(createPage(t.db, actor, { parentId: 999, kind: 'page' })).toEqual({ ok: false, error: 'notFound' });
    const trashed = newPage();
    trashPage(t.db, actor, trashed);
    expect(createPage(t.db, actor, { parentId: trashed, kind: 'page' })).toEqual({ ok: false, error: 'notFound' });
    const link = createPage(t.db, actor, { parentId: null, kind: 'link', externalUrl: 'https://www.iom.int' });
    expect(link.ok).toBe(true);
    expect(createPage(t.db, actor, { parentId: (link as { pageId: number }).pageId, kind: 'page' })).toEqual({ ok: false, error: 'parentIsLink' });
    for (const externalUrl of [undefined, '', 'javascript:alert(1)', 'ftp://example.org', '//example.org', 'www.iom.int', 'data:text/html,x']) {
      expect(createPage(t.db, actor, { parentId: null, kind: 'link', externalUrl }), String(externalUrl)).toEqual({ ok: false, error: 'urlInvalid' });
    }
    expect(t.db.select().from(pages).all()).toHaveLength(2);
  });

  it('changes where a link points, http and https only', () => {
    const link = createPage(t.db, actor, { parentId: null, kind: 'link', externalUrl: ' https://www.iom.int ' });
    const id = (link as { pageId: number }).pageId;
    expect(pageRow(id)!.externalUrl).toBe('https://www.iom.int/');
    expect(setPageExternalUrl(t.db, actor, id, 'javascript:alert(1)')).toEqual({ ok: false, error: 'urlInvalid' });
    expect(setPageExternalUrl(t.db, actor, id, 'http://iom.int/en')).toMatchObject({ ok: true });
    expect(pageRow(id)!.externalUrl).toBe('http://iom.int/en');
    expect(lastAction()).toBe('page.link');
    expect(setPageExternalUrl(t.db, actor, newPage(), 'https://www.iom.int')).toEqual({ ok: false, error: 'notALink' });
  });
});

describe('moving pages', () => {
  it('reorders within a parent and numbers the siblings 0..n-1', () => {
    const [a, b, c, d] = [newPage(), newPage(), newPage(), newPage()];
    expect(movePage(t.db, actor, { pageId: d, parentId: null, position: 1 })).toMatchObject({ ok: true, menuChanged: true });
    expect(children(null)).toEqual([
      [a, 0],
      [d, 1],
      [b, 2],
      [c, 3],
    ]);
    movePage(t.db, actor, { pageId: a, parentId: null, position: 99 });
    expect(children(null).map(([id]) => id)).toEqual([d, b, c, a]);
    movePage(t.db, actor, { pageId: c, parentId: null, position: -5 });
    expect(children(null)).toEqual([
      [c, 0],
      [d, 1],
      [b, 2],
      [a, 3],
    ]);
    expect(lastAction()).toBe('page.move');
  });

  it('moves across parents and renumbers both', () => {
    const p1 = newPage();
    const p2 = newPage();
    const [x, y, z] = [newPage(p1), newPage(p1), newPage(p1)];
    const w = newPage(p2);
    movePage(t.db, actor, { pageId: x, parentId: p2, position: 0 });
    expect(children(p1)).toEqual([
      [y, 0],
      [z, 1],
    ]);
    expect(children(p2)).toEqual([
      [x, 0],
      [w, 1],
    ]);
    movePage(t.db, actor, { pageId: y, parentId: null, position: 1 });
    expect(children(null)).toEqual([
      [p1, 0],
      [y, 1],
      [p2, 2],
    ]);
    expect(children(p1)).toEqual([[z, 0]]);
  });

  it('moves to a place and says where the page was, so moving it back undoes the move', () => {
    const p1 = newPage();
    const [x, y, z] = [newPage(p1), newPage(p1), newPage(p1)];
    const p2 = newPage();
    const moved = movePageTo(t.db, actor, { pageId: y, parentId: null, position: 1 });
    expect(moved).toMatchObject({ ok: true, menuChanged: true, from: { parentId: p1, position: 1 } });
    expect(children(null).map(([id]) => id)).toEqual([p1, y, p2]);
    expect(children(p1).map(([id]) => id)).toEqual([x, z]);
    const { from } = moved as { from: { parentId: number | null; position: number } };
    expect(movePageTo(t.db, actor, { pageId: y, ...from })).toMatchObject({ ok: true, from: { parentId: null, position: 1 } });
    expect(children(p1)).toEqual([
      [x, 0],
      [y, 1],
      [z, 2],
    ]);
    expect(children(null).map(([id]) => id)).toEqual([p1, p2]);
    expect(lastAction()).toBe('page.move');
    // The same refusals as any move, and nothing moves.
    expect(movePageTo(t.db, actor, { pageId: p1, parentId: x, position: 0 })).toEqual({ ok: false, error: 'cycle' });
    expect(movePageTo(t.db, actor, { pageId: p2, parentId: x, position: 0 })).toEqual({ ok: false, error: 'tooDeep' });
    expect(movePageTo(t.db, actor, { pageId: 999_999, parentId: null, position: 0 })).toEqual({ ok: false, error: 'notFound' });
    expect(children(null).map(([id]) => id)).toEqual([p1, p2]);
  });

  it('names the addresses that show the move: the page and its old and new parents', () => {
    const from = pageAt('from');
    const to = pageAt('to');
    const id = pageAt('moved', from);
    const result = movePage(t.db, actor, { pageId: id, parentId: to, position: 0 });
    expect(result.ok && result.changedPaths.sort()).toEqual(['/', '/from', '/moved', '/to']);
  });

  it('refuses to move a page under itself or one of its descendants', () => {
    const a = newPage();
    const b = newPage(a);
    expect(movePage(t.db, actor, { pageId: a, parentId: a, position: 0 })).toEqual({ ok: false, error: 'cycle' });
    expect(movePage(t.db, actor, { pageId: a, parentId: b, position: 0 })).toEqual({ ok: false, error: 'cycle' });
    expect(pageRow(a)!.parentId).toBeNull();
    expect(pageRow(b)!.parentId).toBe(a);
    // Moving a descendant up is fine.
    expect(movePage(t.db, actor, { pageId: b, parentId: null, position: 0 }).ok).toBe(true);
  });

  it('keeps to the two levels the menu shows', () => {
    const section = newPage();
    const child = newPage(section);
    const other = newPage();
    expect(createPage(t.db, actor, { parentId: child, kind: 'page' })).toEqual({ ok: false, error: 'tooDeep' });
    expect(movePage(t.db, actor, { pageId: other, parentId: child, position: 0 })).toEqual({ ok: false, error: 'tooDeep' });
    // A section with pages of its own cannot become someone's page.
    expect(movePage(t.db, actor, { pageId: section, parentId: other, position: 0 })).toEqual({ ok: false, error: 'tooDeep' });
    expect(pageRow(section)!.parentId).toBeNull();
    expect(movePage(t.db, actor, { pageId: other, parentId: section, position: 0 }).ok).toBe(true);
  });

  it('refuses an unknown or trashed parent, and a page in the trash', () => {
    const a = newPage();
    const gone = newPage();
    trashPage(t.db, actor, gone);
    expect(movePage(t.db, actor, { pageId: a, parentId: 999, position: 0 })).toEqual({ ok: false, error: 'notFound' });
    expect(movePage(t.db, actor, { pageId: a, parentId: gone, position: 0 })).toEqual({ ok: false, error: 'notFound' });
    expect(movePage(t.db, actor, { pageId: gone, parentId: null, position: 0 })).toEqual({ ok: false, error: 'notFound' });
    expect(pageRow(a)!.parentId).toBeNull();
  });

  it('moves one place up or down, and not past either end', () => {
    const [a, b, c] = [newPage(), newPage(), newPage()];
    expect(movePageUpDown(t.db, actor, c, 'up')).toMatchObject({ ok: true, menuChanged: true });
    expect(children(null).map(([id]) => id)).toEqual([a, c, b]);
    movePageUpDown(t.db, actor, a, 'down');
    expect(children(null)).toEqual([
      [c, 0],
      [a, 1],
      [b, 2],
    ]);
    expect(movePageUpDown(t.db, actor, c, 'up')).toEqual({ ok: false, error: 'atEdge' });
    expect(movePageUpDown(t.db, actor, b, 'down')).toEqual({ ok: false, error: 'atEdge' });
    expect(movePageUpDown(t.db, actor, 999, 'down')).toEqual({ ok: false, error: 'notFound' });
  });
});

describe('the trash', () => {
  it('refuses a page with children and a page the code refers to by key', () => {
    seedDatabase(t.db);
    const ourWork = t.db.select().from(pages).where(eq(pages.key, 'our-work')).get()!;
    const governance = t.db.select().from(pages).where(eq(pages.key, 'governance')).get()!;
    expect(trashPage(t.db, actor, governance.id)).toEqual({ ok: false, error: 'protected' });
    const parent = newPage();
    newPage(parent);
    expect(trashPage(t.db, actor, parent)).toEqual({ ok: false, error: 'hasChildren' });
    expect(trashPage(t.db, actor, ourWork.id)).toEqual({ ok: false, error: 'protected' });
    expect(t.db.select().from(pages).where(isNull(pages.deletedAt)).all()).toHaveLength(t.db.select().from(pages).all().length);
  });

  it('takes a live page off the site and renumbers its siblings', () => {
    const a = pageAt('first');
    const b = pageAt('second');
    const c = pageAt('third');
    const result = trashPage(t.db, actor, b);
    expect(result).toEqual({ ok: true, changedPaths: ['/second', '/'], menuChanged: true });
    expect(pageRow(b)!.deletedAt).toBeInstanceOf(Date);
    expect(publicPaths().sort()).toEqual(['first', 'third']);
    expect(children(null)).toEqual([
      [a, 0],
      [c, 1],
    ]);
    expect(pageTrash(t.db)).toMatchObject([{ id: b, translations: { en: { title: 'second', address: '/second', status: 'published' } } }]);
    expect(lastAction()).toBe('page.trash');
    expect(trashPage(t.db, actor, b)).toEqual({ ok: false, error: 'notFound' });
  });

  it('restores a page at the end of its parent, or at the top level when the parent is gone', () => {
    const parent = newPage();
    const child = pageAt('child', parent);
    const sibling = newPage(parent);
    trashPage(t.db, actor, child);
    expect(restorePage(t.db, actor, child)).toEqual({ ok: true, parentId: parent, changedPaths: ['/child', '/'], menuChanged: true });
    expect(children(parent)).toEqual([
      [sibling, 0],
      [child, 1],
    ]);
    expect(publicPaths()).toContain('child');
    expect(lastAction()).toBe('page.restore');

    trashPage(t.db, actor, child);
    trashPage(t.db, actor, sibling);
    trashPage(t.db, actor, parent);
    const top = newPage();
    expect(restorePage(t.db, actor, child)).toMatchObject({ ok: true, parentId: null });
    expect(children(null)).toEqual([
      [top, 0],
      [child, 1],
    ]);
    expect(restorePage(t.db, actor, child)).toEqual({ ok: false, error: 'notFound' });
  });

  it('deletes for good only what is in the trash, with its texts and revisions', () => {
    const kept = pageAt('kept');
    const id = pageAt('gone');
    expect(deletePageForever(t.db, actor, id)).toEqual({ ok: false, error: 'notTrashed' });
    trashPage(t.db, actor, id);
    expect(deletePageForever(t.db, actor, id)).toEqual({ ok: true, changedPaths: [], menuChanged: false });
    expect(pageRow(id)).toBeUndefined();
    expect(t.db.select().from(pageTranslations).where(eq(pageTranslations.pageId, id)).all()).toEqual([]);
    expect(t.db.select().from(revisions).where(eq(revisions.entityId, id)).all()).toEqual([]);
    expect(t.db.select().from(revisions).where(eq(revisions.entityId, kept)).all()).toHaveLength(1);
    expect(lastAction()).toBe('page.delete_forever');
    expect(deletePageForever(t.db, actor, id)).toEqual({ ok: false, error: 'notFound' });
  });

  it('forgets the redirects that led to a page deleted for good, so its address can serve another page', () => {
    const id = pageAt('old-address');
    savePageTranslation(t.db, actor, {
      pageId: id,
      locale: 'en',
      baseVersion: 1,
      fields: { title: 't', menuTitle: null, path: 'new-address', summary: '', body: '<p>x</p>', seoTitle: null, seoDescription: null },
      publication: { action: 'keep' },
    });
    const other = t.db.insert(redirects).values({ locale: 'en', fromPath: '/elsewhere', toPath: '/somewhere' }).returning().get();
    expect(t.db.select().from(redirects).all()).toHaveLength(2);
    trashPage(t.db, actor, id);
    deletePageForever(t.db, actor, id);
    expect(t.db.select().from(redirects).all()).toEqual([other]);
  });

  it('empties the trash: trashed pages (also nested ones) and their revisions go, the rest stays', () => {
    seedDatabase(t.db);
    const theme = t.db.select().from(pages).where(eq(pages.key, 'counter-human-trafficking')).get()!;
    const pagesBefore = t.db.select().from(pages).all().length;
    const parent = pageAt('parent');
    const child = pageAt('child', parent);
    const loose = pageAt('loose');
    const kept = pageAt('kept');
    trashPage(t.db, actor, child);
    trashPage(t.db, actor, parent);
    trashPage(t.db, actor, loose);
    expect(pageTrash(t.db).map((p) => p.id).sort()).toEqual([parent, child, loose].sort());

    expect(emptyPageTrash(t.db, actor)).toEqual({ ok: true, deleted: 3, changedPaths: [], menuChanged: false });
    expect(pageTrash(t.db)).toEqual([]);
    expect(t.db.select().from(pages).all()).toHaveLength(pagesBefore + 1);
    for (const id of [parent, child, loose]) {
      expect(pageRow(id)).toBeUndefined();
      expect(t.db.select().from(revisions).where(and(eq(revisions.entityType, 'page'), eq(revisions.entityId, id))).all()).toEqual([]);
    }
    expect(t.db.select().from(revisions).where(eq(revisions.entityId, kept)).all()).toHaveLength(1);
    expect(t.db.select().from(newsItemThemes).where(eq(newsItemThemes.pageId, theme.id)).all()).toHaveLength(1);
    expect(t.db.select().from(auditEvents).where(eq(auditEvents.action, 'page.delete_forever')).all()).toHaveLength(3);
  });
});

describe('the tree for staff', () => {
  it('lists every page outside the trash, nested and in order, with each language’s state', () => {
    seedDatabase(t.db);
    const tree = pageTree(t.db);
    expect(tree.map((n) => n.key)).toEqual(['who-we-are', 'our-work', 'data-and-resources', 'take-action', '2030-agenda', 'iom-global']);
    const ourWork = tree[1]!;
    expect(ourWork.children.map((n) => n.translations.en!.path)).toEqual([
      'cross-cutting-global',
      'governance',
      'labour-and-migration',
      'counter-human-trafficking',
      'migrant-protection-and-assistance',
      'return-and-reintegration',
    ]);
    expect(tree[0]!.translations.sq).toMatchObject({ title: 'Kush jemi', path: 'kush-jemi', status: 'published', live: true, stale: false, isPlaceholder: true, version: 1 });
    expect(tree.at(-1)).toMatchObject({ kind: 'link', externalUrl: 'https://www.iom.int', translations: { en: { path: null } } });

    const governance = ourWork.children[1]!;
    const edited = savePageTranslation(t.db, actor, {
      pageId: governance.id,
      locale: 'sq',
      baseVersion: 1,
      fields: { title: 'Qeverisja', menuTitle: null, path: 'qeverisja-e-migracionit', summary: '', body: '<p>Tekst</p>', seoTitle: null, seoDescription: null },
      publication: { action: 'keep' },
    });
    expect(edited.ok).toBe(true);
    const extra = pageAt('extra', ourWork.id, false);
    movePage(t.db, actor, { pageId: extra, parentId: ourWork.id, position: 0 });
    const after = pageTree(t.db);
    const flat = (nodes: StaffPageNode[]): StaffPageNode[] => nodes.flatMap((n) => [n, ...flat(n.children)]);
    const g = flat(after).find((n) => n.id === governance.id)!;
    expect(g.translations.en!.stale).toBe(true);
    expect(g.translations.sq).toMatchObject({ stale: false, version: 2, isPlaceholder: false, title: 'Qeverisja' });
    expect(after[1]!.children.map((n) => [n.id, n.position]).slice(0, 3)).toEqual([
      [extra, 0],
      [ourWork.children[0]!.id, 1],
      [governance.id, 2],
    ]);
    expect(after[1]!.children[0]!.translations.en).toMatchObject({ status: 'draft', live: false });

    trashPage(t.db, actor, extra);
    expect(flat(pageTree(t.db)).some((n) => n.id === extra)).toBe(false);
  });
});
