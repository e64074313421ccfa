import { describe, expect, it } from 'vitest';
import type { PublicationRequest } from '@/db/content/common';
import { newsType, restoreNews, trashNews } from '@/db/content/news-writes';
import { createPage, restorePage, trashPage } from '@/db/content/page-tree';
import { pageType } from '@/db/content/page-writes';
import { createVacancy, vacancyType, vacancyWrites } from '@/db/content/vacancy-writes';
import {
  confirmTranslation,
  revisionList,
  restoreRevision,
  saveTranslation,
  staleness,
  type Snapshot,
  type TextFields,
  type TranslatedItem,
  type TranslatedType,
  type TranslationRow,
} from '@/db/content/translated';
import type { Locale } from '@/i18n/routing';
import { auditEvents, newsItems } from '@/db/schema';
import { useStaffTestDatabase } from '../helpers/db';

/**
 * The same behaviour, case by case, for every translated type: news and
 * pages run through one core (db/content/translated.ts) with their own
 * declarations, and must answer alike.
 */

const t = useStaffTestDatabase({ email: 'e@iom.int', name: 'E', role: 'editor' });

type Own<F> = {
  /** A new item with no language written yet. */
  newItem(): number;
  /** One language's fields with this title and body, its address left to be made from the title. */
  fields(title: string, body: string): F;
  /** The public address of a title's address in a language. */
  address(locale: Locale, title: string): string;
  trash(itemId: number): { ok: boolean; changedPaths?: string[] };
  restore(itemId: number): { ok: boolean; changedPaths?: string[] };
};

/** One type's case: the core's functions bound to its declaration, and what is its own. */
function caseOf<I extends TranslatedItem, R extends TranslationRow, F extends TextFields, S extends Snapshot, C extends { changedPaths: string[] }>(
  name: string,
  type: TranslatedType<I, R, F, S, C>,
  own: Own<F>,
) {
  return {
    name,
    entity: type.entity,
    ...own,
    save: (itemId: number, locale: Locale, baseVersion: number | null, title: string, publication: PublicationRequest = { action: 'keep' }, now?: Date) =>
      saveTranslation(t.db, type, t.actor, { itemId, locale, baseVersion, fields: own.fields(title, `<p>${title}: the text.</p>`), publication }, now),
    row: (itemId: number, locale: Locale) => type.translations(t.db, itemId).find((r) => r.locale === locale),
    revisions: (itemId: number, locale: Locale) => revisionList(t.db, type, itemId, locale),
    restoreRevision: (itemId: number, revisionId: number, baseVersion: number) => restoreRevision(t.db, type, t.actor, { itemId, revisionId, baseVersion }),
    confirm: (itemId: number, locale: Locale) => confirmTranslation(t.db, type, t.actor, itemId, locale),
    stale: (itemId: number) => {
      const marks = staleness(t.db, type, itemId, type.translations(t.db, itemId));
      return { en: marks.en?.stale, sq: marks.sq?.stale };
    },
  };
}

/** A vacancy's shared fields, open for long enough for every case below. */
const SHARED = {
  reference: 'CON 2025-07',
  dutyStation: 'Tirana',
  unit: 'Labour mobility',
  grade: 'NO-A',
  appointmentType: 'Fixed term',
  appointmentLength: 'One year',
  estimatedStart: 'As soon as possible',
  closesAt: new Date('2099-01-01T16:00:00Z'),
  project: '',
  donor: '',
  applyUrl: '',
  applyEmail: 'hr.tirana@iom.int',
  terms: [],
};

const slug = (title: string) => title.toLowerCase().replace(/[^a-z0-9]+/g, '-');

const cases = [
  caseOf('news', newsType, {
    newItem: () => {
      const now = new Date();
      return t.db.insert(newsItems).values({ authorId: t.actor.userId, createdAt: now, updatedAt: now }).returning({ id: newsItems.id }).get().id;
    },
    fields: (title, body) => ({ title, slug: '', summary: 'A summary.', body, dateline: null, seoTitle: null, seoDescription: null }),
    address: (locale, title) => `${locale === 'sq' ? '/sq/lajme' : '/news'}/${slug(title)}`,
    trash: (id) => trashNews(t.db, t.actor, id),
    restore: (id) => restoreNews(t.db, t.actor, id),
  }),
  caseOf('pages', pageType, {
    newItem: () => {
      const created = createPage(t.db, t.actor, { parentId: null, kind: 'page' });
      if (!created.ok) throw new Error(created.error);
      return created.pageId;
    },
    fields: (title, body) => ({ title, menuTitle: null, path: '', summary: 'A summary.', body, seoTitle: null, seoDescription: null }),
    address: (locale, title) => `${locale === 'sq' ? '/sq' : ''}/${slug(title)}`,
    trash: (id) => trashPage(t.db, t.actor, id),
    restore: (id) => restorePage(t.db, t.actor, id),
  }),
  caseOf('vacancies', vacancyType, {
    newItem: () => {
      const created = createVacancy(t.db, t.actor, { ...SHARED, reference: `REF ${Math.random()}` });
      if (!created.ok) throw new Error(JSON.stringify(created));
      return created.itemId;
    },
    fields: (title, body) => ({ title, slug: '', summary: 'A summary.', body, seoTitle: null, seoDescription: null }),
    address: (locale, title) => `${locale === 'sq' ? '/sq/angazhohu/vende-pune' : '/take-action/vacancies'}/${slug(title)}`,
    trash: (id) => vacancyWrites.trash(t.db, t.actor, id),
    restore: (id) => vacancyWrites.restore(t.db, t.actor, id),
  }),
];

describe.each(cases)('$name, through the one core', (c) => {
  const audit = () => t.db.select({ action: auditEvents.action }).from(auditEvents).all().map((e) => e.action);

  it('refuses a save of one language based on an older version, with the newer text, and changes nothing', () => {
    const id = c.newItem();
    expect(c.save(id, 'en', null, 'First title')).toMatchObject({ ok: true, version: 1 });
    expect(c.save(id, 'en', 1, 'Second title')).toMatchObject({ ok: true, version: 2 });
    expect(c.save(id, 'en', 1, 'Lost title')).toMatchObject({ ok: false, error: 'stale', current: { title: 'Second title', version: 2 } });
    expect(c.row(id, 'en')).toMatchObject({ title: 'Second title', version: 2 });
    expect(c.revisions(id, 'en').map((r) => r.version)).toEqual([2, 1]);
  });

  it('names every refused field at once, in one shape', () => {
    const id = c.newItem();
    const at = new Date(Date.now() - 60_000);
    expect(c.save(id, 'en', null, '   ', { action: 'schedule', at })).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { title: 'required', publishAt: 'pastDate' },
    });
    expect(c.row(id, 'en')).toBeUndefined();
  });

  it('restores an earlier text as a new revision, and history says so', () => {
    const id = c.newItem();
    c.save(id, 'en', null, 'First title');
    c.save(id, 'en', 1, 'Second title');
    const first = c.revisions(id, 'en').find((r) => r.version === 1)!;
    expect(c.restoreRevision(id, first.id, 1)).toMatchObject({ ok: false, error: 'stale' });
    expect(c.restoreRevision(id, first.id, 2)).toMatchObject({ ok: true, version: 3 });
    expect(c.row(id, 'en')).toMatchObject({ title: 'First title', version: 3 });
    const newest = c.revisions(id, 'en')[0]!;
    expect(newest).toMatchObject({ version: 3, title: 'First title', changes: [{ kind: 'address' }, { kind: 'restored', version: 1 }] });
    expect(audit()).toContain(`${c.entity}.restore_revision`);
  });

  it('marks only the language that is behind, and a confirmation clears that mark one way', () => {
    const id = c.newItem();
    c.save(id, 'en', null, 'English title');
    c.save(id, 'sq', null, 'Titull shqip');
    expect(c.stale(id)).toEqual({ en: false, sq: false });
    c.save(id, 'en', 1, 'English title changed');
    expect(c.stale(id)).toEqual({ en: false, sq: true });
    expect(c.confirm(id, 'sq')).toEqual({ ok: true });
    expect(c.stale(id)).toEqual({ en: false, sq: false });
    expect(c.row(id, 'sq')).toMatchObject({ version: 1 });
    expect(c.confirm(c.newItem(), 'sq')).toEqual({ ok: false, error: 'notFound' });
    expect(audit()).toContain(`${c.entity}.confirm_translation`);
  });

  it('schedules a language: not public before its time, public from it, and never in the past', () => {
    const id = c.newItem();
    const now = new Date('2026-03-01T10:00:00Z');
    const at = new Date('2026-03-02T08:00:00Z');
    c.save(id, 'en', null, 'Planned', { action: 'keep' }, now);
    expect(c.save(id, 'en', 1, 'Planned', { action: 'schedule', at: new Date('2026-03-01T09:00:00Z') }, now)).toMatchObject({
      ok: false,
      error: 'invalid',
      fieldErrors: { publishAt: 'pastDate' },
    });
    expect(c.save(id, 'en', 1, 'Planned', { action: 'schedule', at }, now)).toMatchObject({ ok: true, status: 'scheduled', publishedAt: at, changedPaths: [] });
    expect(c.row(id, 'en')).toMatchObject({ status: 'scheduled', publishedAt: at, version: 2 });
    expect(audit()).toContain(`${c.entity}.schedule`);
  });

  it('moves an item to the trash, off the public site and out of reach of saves, and restores it', () => {
    const id = c.newItem();
    expect(c.save(id, 'en', null, 'Live title', { action: 'publish' })).toMatchObject({ ok: true, status: 'published' });
    const trashed = c.trash(id);
    expect(trashed.ok).toBe(true);
    expect(trashed.changedPaths).toContain(c.address('en', 'Live title'));
    expect(c.save(id, 'en', 1, 'Edited in the trash')).toEqual({ ok: false, error: 'notFound' });
    expect(c.confirm(id, 'en')).toEqual({ ok: false, error: 'notFound' });
    const restored = c.restore(id);
    expect(restored.ok).toBe(true);
    expect(restored.changedPaths).toContain(c.address('en', 'Live title'));
    expect(c.save(id, 'en', 1, 'Edited again')).toMatchObject({ ok: true, version: 2 });
    expect(audit()).toEqual(expect.arrayContaining([`${c.entity}.trash`, `${c.entity}.restore`]));
  });
});
