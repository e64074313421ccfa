import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertUserRow } from '@/db/auth/users-core';
import { createVacancy, saveVacancyShared, type VacancyShared, vacancyWrites } from '@/db/content/vacancy-writes';
import { openVacancies, publishedVacancies, publishedVacancy } from '@/db/queries/vacancies';
import { auditEvents } from '@/db/schema';
import { makeTestDatabase } from '../helpers/db';

/**
 * Vacancies on the translated-content core (tests/db/translated.test.ts runs
 * the core's cases on them too): what is theirs — the shared fields, the
 * closing time that keeps them from going live once passed, and the
 * open/closed state derived at read time, tried here with an injected clock.
 */

let t: ReturnType<typeof makeTestDatabase>;
let actor: { userId: number; ip: string };
beforeEach(async () => {
  t = makeTestDatabase();
  const user = await insertUserRow(t.db, { email: 'e@iom.int', name: 'E', role: 'editor', password: 'Lumi i Drinit rrjedh ngadalë' }, { id: null });
  actor = { userId: (user as { id: number }).id, ip: '127.0.0.1' };
});
afterEach(() => t.close());

const T0 = new Date('2026-12-01T09:00:00Z');
const shared = (over: Partial<VacancyShared> = {}): VacancyShared => ({
  reference: 'CON 2025-07',
  dutyStation: 'Tirana',
  unit: 'Migration management',
  grade: 'NO-A',
  appointmentType: 'Fixed term',
  appointmentLength: 'One year',
  estimatedStart: 'January 2027',
  closesAt: new Date('2026-12-10T15:00:00Z'),
  project: 'Border management',
  donor: 'European Union',
  applyUrl: 'https://www.iom.int/apply',
  applyEmail: '',
  terms: [],
  ...over,
});

function create(over: Partial<VacancyShared> = {}): number {
  const created = createVacancy(t.db, actor, shared(over), T0);
  if (!created.ok) throw new Error(JSON.stringify(created));
  return created.itemId;
}

const text = (title: string) => ({ title, slug: '', summary: `${title}, in short.`, body: `<p>${title}: the duties.</p>`, seoTitle: null, seoDescription: null });

function publish(itemId: number, locale: 'en' | 'sq', title: string, now = T0) {
  return vacancyWrites.save(t.db, actor, { itemId, locale, baseVersion: null, fields: text(title), publication: { action: 'publish' } }, now);
}

describe('vacancies', () => {
  it('checks the shared fields: reference once, a grade of the list, a real link and address', () => {
    create();
    expect(createVacancy(t.db, actor, shared({ grade: 'P-9', applyUrl: 'javascript:alert(1)', applyEmail: 'not an address', dutyStation: ' ' }), T0)).toEqual({
      ok: false,
      error: 'invalid',
      sharedErrors: { reference: 'referenceTaken', grade: 'gradeInvalid', applyUrl: 'urlInvalid', applyEmail: 'emailInvalid', dutyStation: 'required' },
    });
    expect(createVacancy(t.db, actor, shared({ reference: 'SVN 2026-01', terms: [999] }), T0)).toMatchObject({ ok: false, sharedErrors: { terms: 'documentNotFound' } });
  });

  it('is not published once closed, nor without a way to apply', () => {
    const closed = create({ closesAt: new Date(T0.getTime() - 1000) });
    expect(publish(closed, 'en', 'Driver')).toMatchObject({ ok: false, error: 'invalid', fieldErrors: { form: 'closingPassed' } });
    const noWay = create({ reference: 'SVN 2026-02', applyUrl: '' });
    expect(publish(noWay, 'en', 'Clerk')).toMatchObject({ ok: false, error: 'invalid', fieldErrors: { form: 'howToApplyMissing' } });
    // Scheduled for after its closing time: refused too.
    const late = create({ reference: 'SVN 2026-03' });
    expect(
      vacancyWrites.save(t.db, actor, { itemId: late, locale: 'en', baseVersion: null, fields: text('Late'), publication: { action: 'schedule', at: new Date('2026-12-11T00:00:00Z') } }, T0),
    ).toMatchObject({ ok: false, fieldErrors: { form: 'closingPassed' } });
    // A draft is fine whatever the dates.
    expect(vacancyWrites.save(t.db, actor, { itemId: closed, locale: 'en', baseVersion: null, fields: text('Driver') }, T0)).toMatchObject({ ok: true, status: 'draft' });
  });

  it('closes by itself at its closing time: out of the open list and feed, still readable, marked closed', () => {
    const closesAt = new Date('2026-12-10T15:00:00Z');
    const id = create({ closesAt });
    expect(publish(id, 'en', 'Project Assistant')).toMatchObject({ ok: true, status: 'published', changedPaths: expect.arrayContaining(['/take-action/vacancies/project-assistant', '/take-action/vacancies', '/take-action/vacancies/feed.xml']) });
    expect(publish(id, 'sq', 'Asistent projekti')).toMatchObject({ ok: true, changedPaths: expect.arrayContaining(['/sq/angazhohu/vende-pune/asistent-projekti']) });
    const later = create({ reference: 'CON 2025-08', closesAt: new Date('2026-12-20T15:00:00Z') });
    publish(later, 'en', 'Finance Clerk');

    const before = new Date(closesAt.getTime() - 1);
    expect(publishedVacancies(t.db, 'en', before).map((v) => [v.title, v.state])).toEqual([
      ['Project Assistant', 'open'],
      ['Finance Clerk', 'open'],
    ]);
    expect(openVacancies(t.db, 'en', before).map((v) => v.title)).toEqual(['Project Assistant', 'Finance Clerk']);
    // Only the English of the second exists: the Albanian list does not show it.
    expect(publishedVacancies(t.db, 'sq', before).map((v) => v.title)).toEqual(['Asistent projekti']);

    // At its closing time, with nothing written in between.
    expect(publishedVacancies(t.db, 'en', closesAt).map((v) => [v.title, v.state])).toEqual([
      ['Finance Clerk', 'open'],
      ['Project Assistant', 'closed'],
    ]);
    expect(openVacancies(t.db, 'en', closesAt).map((v) => v.title)).toEqual(['Finance Clerk']);
    expect(publishedVacancy(t.db, 'en', 'project-assistant', closesAt)).toMatchObject({ state: 'closed', reference: 'CON 2025-07', alternates: { en: 'project-assistant', sq: 'asistent-projekti' } });
    expect(publishedVacancy(t.db, 'sq', 'asistent-projekti', before)).toMatchObject({ state: 'open', donor: 'European Union' });
  });

  it('closes early when staff move the closing time into the past, and says where it showed', () => {
    const id = create();
    publish(id, 'en', 'Driver');
    const now = new Date('2026-12-05T10:00:00Z');
    const saved = saveVacancyShared(t.db, actor, { itemId: id, baseVersion: 1, shared: shared({ closesAt: new Date('2026-12-05T09:00:00Z') }) }, now);
    expect(saved).toMatchObject({ ok: true, version: 2, changedPaths: expect.arrayContaining(['/take-action/vacancies/driver', '/take-action/vacancies']) });
    expect(openVacancies(t.db, 'en', now)).toEqual([]);
    expect(publishedVacancy(t.db, 'en', 'driver', now)).toMatchObject({ state: 'closed' });
    // A save from the old version is refused; a published vacancy keeps a way to apply.
    expect(saveVacancyShared(t.db, actor, { itemId: id, baseVersion: 1, shared: shared() }, now)).toEqual({ ok: false, error: 'stale', version: 2 });
    expect(saveVacancyShared(t.db, actor, { itemId: id, baseVersion: 2, shared: shared({ applyUrl: '' }) }, now)).toEqual({ ok: false, error: 'howToApplyMissing' });
    const actions = t.db.select({ action: auditEvents.action }).from(auditEvents).all().map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['vacancy.create_item', 'vacancy.create', 'vacancy.publish', 'vacancy.update_item']));
  });
});
