import { and, eq, isNull } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertUserRow } from '@/db/auth/users-core';
import { LIMITS, type PublicationRequest } from '@/db/content/common';
import {
  confirmTranslation,
  createNewsItem,
  deleteNewsForever,
  newsForEditor,
  newsTrash,
  newsType,
  type NewsFields,
  restoreNews,
  restoreNewsRevision,
  saveNewsTranslation,
  saveSharedNewsFields,
  translationStates,
  trashNews,
} from '@/db/content/news-writes';
import { restoreMedia, trashMedia } from '@/db/media/library';
import { isPublic } from '@/db/queries/visibility';
import { richTextImageHtml } from '@/lib/media/rich-text';
import { auditEvents, media, mediaTranslations, mediaUsages, newsItems, newsTranslations, pages, redirects, revisions } from '@/db/schema';
import { revisionOf, revisionList } from '@/db/content/translated';
import { makeTestDatabase } from '../helpers/db';
import { insertMediaRow } from '../helpers/media-rows';

let t: ReturnType<typeof makeTestDatabase>;
let actor: { userId: number; ip: string };
beforeEach(async () => {
  t = makeTestDatabase();
  const user = await insertUserRow(t.db, { email: 'e@iom.int', name: 'E', role: 'editor', password: 'Lumi i Drinit rrjedh ngadalë' }, { id: null });
  actor = { userId: (user as { id: number }).id, ip: '127.0.0.1' };
});
afterEach(() => t.close());

const fields = (over: Partial<NewsFields> = {}): NewsFields => ({
  title: 'Training for judges',
  slug: 'training-for-judges',
  summary: 'Judges and prosecutors met in Durrës.',
  body: '<p>Text</p>',
  dateline: 'Durres',
  seoTitle: null,
  seoDescription: null,
  ...over,
});

function create(locale: 'en' | 'sq' = 'en', over: Partial<NewsFields> = {}, itemId: number | null = null) {
  const result = saveNewsTranslation(t.db, actor, { itemId, locale, baseVersion: null, fields: fields(over) });
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe('saving a translation', () => {
  it('creates a draft at version 1 with its first revision', () => {
    const { itemId, version } = create();
    expect(version).toBe(1);
    const row = t.db.select().from(newsTranslations).where(eq(newsTranslations.newsItemId, itemId)).get()!;
    expect(row).toMatchObject({ status: 'draft', version: 1, title: 'Training for judges' });
    const revs = t.db.select().from(revisions).all();
    expect(revs).toHaveLength(1);
    expect(JSON.parse(revs[0]!.snapshot)).toMatchObject({ title: 'Training for judges', version: 1 });
  });

  it('refuses a save based on an older version, returns the newer text and changes nothing', () => {
    const { itemId } = create();
    const second = saveNewsTranslation(t.db, actor, { itemId, locale: 'en', baseVersion: 1, fields: fields({ title: 'Second title' }) });
    expect(second).toMatchObject({ ok: true, version: 2 });
    const stale = saveNewsTranslation(t.db, actor, { itemId, locale: 'en', baseVersion: 1, fields: fields({ title: 'My stale edit' }) });
    expect(stale).toMatchObject({ ok: false, error: 'stale', current: { title: 'Second title', version: 2 } });
    expect(t.db.select().from(newsTranslations).get()!.title).toBe('Second title');
    expect(t.db.select().from(revisions).all().map((r) => r.version)).toEqual([1, 2]);
  });

  it('sanitizes the body on every save', () => {
    const { itemId } = create('en', { body: '<p onclick="x()">Hi<script>alert(1)</script></p>' });
    expect(t.db.select().from(newsTranslations).where(eq(newsTranslations.newsItemId, itemId)).get()!.body).toBe('<p>Hi</p>');
  });

  it('keeps slugs unique per language only', () => {
    create('en');
    expect(saveNewsTranslation(t.db, actor, { itemId: null, locale: 'en', baseVersion: null, fields: fields() })).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { slug: 'slugTaken' },
    });
    expect(create('sq').ok).toBe(true);
  });

  it('writes a redirect when a published address changes, and keeps no chains', () => {
    const { itemId } = create();
    const published = saveNewsTranslation(t.db, actor, { itemId, locale: 'en', baseVersion: 1, fields: fields(), publication: { action: 'publish' } });
    expect(published).toMatchObject({ ok: true, version: 2, status: 'published' });
    const moved = saveNewsTranslation(t.db, actor, { itemId, locale: 'en', baseVersion: 2, fields: fields({ slug: 'judges-trained' }) });
    expect(moved).toMatchObject({ ok: true });
    expect((moved as { changedPaths: string[] }).changedPaths).toEqual(expect.arrayContaining(['/news/judges-trained', '/news/training-for-judges', '/news', '/']));
    saveNewsTranslation(t.db, actor, { itemId, locale: 'en', baseVersion: 3, fields: fields({ slug: 'judges-trained-in-durres' }) });
    const rows = t.db.select().from(redirects).all().map((r) => `${r.fromPath} -> ${r.toPath}`).sort();
    expect(rows).toEqual(['/news/judges-trained -> /news/judges-trained-in-durres', '/news/training-for-judges -> /news/judges-trained-in-durres']);
  });

  it('writes no redirect for a draft', () => {
    const { itemId } = create();
    saveNewsTranslation(t.db, actor, { itemId, locale: 'en', baseVersion: 1, fields: fields({ slug: 'other' }) });
    expect(t.db.select().from(redirects).all()).toEqual([]);
  });
});

describe('stale translations', () => {
  it('marks the other language when one is edited after it was confirmed, until someone confirms it', () => {
    const { itemId } = create('en');
    create('sq', { title: 'Trajnim për gjyqtarët', slug: 'trajnim-per-gjyqtaret' }, itemId);
    expect(translationStates(t.db, itemId).find((s) => s.locale === 'sq')!.stale).toBe(false);

    saveNewsTranslation(t.db, actor, { itemId, locale: 'en', baseVersion: 1, fields: fields({ body: '<p>New paragraph</p>' }) });
    const states = translationStates(t.db, itemId);
    expect(states.find((s) => s.locale === 'sq')!.stale).toBe(true);
    expect(states.find((s) => s.locale === 'en')!.stale).toBe(false);

    expect(confirmTranslation(t.db, actor, itemId, 'sq')).toEqual({ ok: true });
    expect(translationStates(t.db, itemId).find((s) => s.locale === 'sq')!.stale).toBe(false);
    const sq = t.db.select().from(newsTranslations).where(and(eq(newsTranslations.newsItemId, itemId), eq(newsTranslations.locale, 'sq'))).get()!;
    expect(sq.version).toBe(1);
  });
});

describe('the translation marker points one way', () => {
  const staleOf = (itemId: number) => Object.fromEntries(translationStates(t.db, itemId).map((s) => [s.locale, s.stale]));

  it('a translator bringing the behind language up to date marks neither; the next edit of either marks the other', () => {
    const { itemId } = create('en');
    create('sq', { title: 'Trajnim për gjyqtarët', slug: 'trajnim-per-gjyqtaret' }, itemId);
    saveNewsTranslation(t.db, actor, { itemId, locale: 'en', baseVersion: 1, fields: fields({ body: '<p>New paragraph</p>' }) });
    expect(staleOf(itemId)).toEqual({ en: false, sq: true });

    // The translator updates the Albanian while looking at the new English: the pair is confirmed.
    saveNewsTranslation(t.db, actor, { itemId, locale: 'sq', baseVersion: 1, fields: fields({ title: 'Trajnim për gjyqtarët', slug: 'trajnim-per-gjyqtaret', body: '<p>Paragraf i ri</p>' }) });
    expect(staleOf(itemId)).toEqual({ en: false, sq: false });

    // An edit of a language that was up to date still marks the other.
    saveNewsTranslation(t.db, actor, { itemId, locale: 'sq', baseVersion: 2, fields: fields({ title: 'Trajnim për gjyqtarët', slug: 'trajnim-per-gjyqtaret', body: '<p>Paragraf i ri, më i gjatë</p>' }) });
    expect(staleOf(itemId)).toEqual({ en: true, sq: false });
  });
});

function save(itemId: number, locale: 'en' | 'sq', baseVersion: number, over: Partial<NewsFields> = {}, publication?: PublicationRequest, now?: Date) {
  return saveNewsTranslation(t.db, actor, { itemId, locale, baseVersion, fields: fields(over), publication }, now);
}

function row(itemId: number, locale: 'en' | 'sq') {
  return t.db.select().from(newsTranslations).where(and(eq(newsTranslations.newsItemId, itemId), eq(newsTranslations.locale, locale))).get()!;
}

function publicSlugs(locale: 'en' | 'sq', now = new Date()) {
  return t.db
    .select({ slug: newsTranslations.slug })
    .from(newsTranslations)
    .innerJoin(newsItems, eq(newsItems.id, newsTranslations.newsItemId))
    .where(and(eq(newsTranslations.locale, locale), isNull(newsItems.deletedAt), isPublic(newsTranslations, now)))
    .all()
    .map((r) => r.slug);
}

describe('validation', () => {
  it('makes the slug from the title when it is left empty, with Albanian letters folded', () => {
    const { itemId } = create('sq', { title: 'Trajnim për gjyqtarët në Durrës', slug: '' });
    expect(row(itemId, 'sq').slug).toBe('trajnim-per-gjyqtaret-ne-durres');
  });

  it('refuses bad input beside each field and saves nothing', () => {
    const result = saveNewsTranslation(t.db, actor, {
      itemId: null,
      locale: 'en',
      baseVersion: null,
      fields: fields({ title: 'x'.repeat(5000), slug: 'Has Spaces', summary: 's'.repeat(LIMITS.summary + 1) }),
    });
    expect(result).toEqual({ ok: false, error: 'invalid', fieldErrors: { title: 'tooLong', slug: 'slugInvalid', summary: 'tooLong' } });
    expect(saveNewsTranslation(t.db, actor, { itemId: null, locale: 'en', baseVersion: null, fields: fields({ title: '   ', slug: '' }) })).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { title: 'required' },
    });
    // A title that makes no address (only punctuation) leaves the address to be written by hand.
    expect(saveNewsTranslation(t.db, actor, { itemId: null, locale: 'en', baseVersion: null, fields: fields({ title: '!!!', slug: '' }) })).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { slug: 'required' },
    });
    expect(t.db.select().from(newsItems).all()).toEqual([]);
    expect(t.db.select().from(revisions).all()).toEqual([]);
  });

  it('stores hostile markup neutralised', () => {
    const { itemId } = create('en', {
      body: '<p>Hi<img src=x onerror="alert(1)"></p><iframe src="https://evil.example"></iframe><svg><script>alert(1)</script></svg><p><a href="javascript:alert(1)">x</a></p>',
    });
    const body = row(itemId, 'en').body;
    expect(body).not.toMatch(/onerror|<iframe|<svg|<script|javascript:/i);
    expect(body).toContain('Hi');
  });
});

describe('publishing each language on its own', () => {
  it('publishes English while Albanian stays a draft; only the published language is public', () => {
    const { itemId } = create('en');
    create('sq', { title: 'Trajnim', slug: 'trajnim' }, itemId);
    const result = save(itemId, 'en', 1, {}, { action: 'publish' });
    expect(result).toMatchObject({ ok: true, status: 'published' });
    expect((result as { changedPaths: string[] }).changedPaths).toEqual(expect.arrayContaining(['/news/training-for-judges', '/news', '/']));
    expect(publicSlugs('en')).toEqual(['training-for-judges']);
    expect(publicSlugs('sq')).toEqual([]);
    expect(row(itemId, 'sq').status).toBe('draft');
    // Publishing the Albanian later also refreshes the English page (its switcher now links).
    const sq = save(itemId, 'sq', 1, { title: 'Trajnim', slug: 'trajnim' }, { action: 'publish' });
    expect((sq as { changedPaths: string[] }).changedPaths).toEqual(expect.arrayContaining(['/sq/lajme/trajnim', '/sq/lajme', '/sq', '/news/training-for-judges']));
    expect(publicSlugs('sq')).toEqual(['trajnim']);
  });

  it('refuses to publish an empty body', () => {
    const { itemId } = create('en', { body: '' });
    expect(save(itemId, 'en', 1, { body: '<p> </p>' }, { action: 'publish' })).toMatchObject({ ok: false, fieldErrors: { body: 'emptyBody' } });
    expect(row(itemId, 'en').status).toBe('draft');
  });

  it('keeps the first publication date when an unpublished article is published again', () => {
    const { itemId } = create('en');
    const first = new Date('2026-01-10T08:00:00Z');
    save(itemId, 'en', 1, {}, { action: 'publish' }, first);
    expect(save(itemId, 'en', 2, {}, { action: 'unpublish' }, new Date('2026-01-11T08:00:00Z'))).toMatchObject({ ok: true, status: 'unpublished' });
    expect(publicSlugs('en', new Date('2026-01-12T00:00:00Z'))).toEqual([]);
    save(itemId, 'en', 3, {}, { action: 'publish' }, new Date('2026-01-12T08:00:00Z'));
    expect(row(itemId, 'en').publishedAt).toEqual(first);
  });

  it('refuses to unpublish what is not published', () => {
    const { itemId } = create('en');
    expect(save(itemId, 'en', 1, {}, { action: 'unpublish' })).toMatchObject({ ok: false, fieldErrors: { form: 'notPublished' } });
  });
});

describe('scheduling', () => {
  it('refuses a time in the past', () => {
    const { itemId } = create('en');
    const now = new Date('2026-06-01T10:00:00Z');
    expect(save(itemId, 'en', 1, {}, { action: 'schedule', at: new Date('2026-06-01T09:59:00Z') }, now)).toMatchObject({
      ok: false,
      fieldErrors: { publishAt: 'pastDate' },
    });
    expect(row(itemId, 'en').version).toBe(1);
  });

  it('is public from its time on, with no job run in between', () => {
    const { itemId } = create('en');
    const now = new Date('2026-06-01T10:00:00Z');
    const at = new Date('2026-06-01T12:30:00Z');
    expect(save(itemId, 'en', 1, {}, { action: 'schedule', at }, now)).toMatchObject({ ok: true, status: 'scheduled', publishedAt: at, changedPaths: [] });
    expect(publicSlugs('en', new Date('2026-06-01T12:29:59Z'))).toEqual([]);
    expect(publicSlugs('en', at)).toEqual(['training-for-judges']);
  });
});

describe('revisions', () => {
  it('lists every save newest first and restores an old text as a new revision', () => {
    const { itemId } = create('en', { title: 'First' });
    save(itemId, 'en', 1, { title: 'Second' });
    save(itemId, 'en', 2, { title: 'Third' });
    const list = revisionList(t.db, newsType, itemId, 'en');
    expect(list.map((r) => r.version)).toEqual([3, 2, 1]);
    expect(list[0]!.authorName).toBe('E');
    const first = list.find((r) => r.version === 1)!;
    expect(restoreNewsRevision(t.db, actor, { itemId, revisionId: first.id, baseVersion: 2 })).toMatchObject({ ok: false, error: 'stale' });
    expect(restoreNewsRevision(t.db, actor, { itemId, revisionId: first.id, baseVersion: 3 })).toMatchObject({ ok: true, version: 4 });
    expect(row(itemId, 'en').title).toBe('First');
    expect(revisionList(t.db, newsType, itemId, 'en').map((r) => r.version)).toEqual([4, 3, 2, 1]);
    expect(revisionOf(t.db, newsType, itemId, first.id)!.snapshot.title).toBe('First');
    expect(t.db.select().from(auditEvents).where(eq(auditEvents.action, 'news.restore_revision')).all()).toHaveLength(1);
  });

  it('does not hand out a revision of another item', () => {
    const a = create('en');
    const b = create('en', { slug: 'other' });
    const revB = revisionList(t.db, newsType, b.itemId, 'en')[0]!;
    expect(revisionOf(t.db, newsType, a.itemId, revB.id)).toBeNull();
  });
});

describe('the other language: what changed since it was confirmed', () => {
  it('gives the editor the source text as it was at confirmation', () => {
    const { itemId } = create('en', { body: '<p>Old paragraph</p>' });
    create('sq', { title: 'Trajnim', slug: 'trajnim' }, itemId);
    save(itemId, 'en', 1, { body: '<p>New paragraph</p>' });
    const editor = newsForEditor(t.db, itemId)!;
    expect(editor.translations.sq).toMatchObject({ stale: true, sourceVersion: 1 });
    expect(editor.translations.sq!.sourceBefore!.body).toBe('<p>Old paragraph</p>');
    expect(editor.translations.en!.stale).toBe(false);
  });
});

describe('shared fields', () => {
  it('saves kind and themes with their own version', () => {
    const { itemId } = create('en');
    const theme = t.db.insert(pages).values({ kind: 'page' }).returning().get();
    expect(saveSharedNewsFields(t.db, actor, { itemId, baseVersion: 1, shared: { kind: 'story', themes: [theme.id], heroMediaId: null } })).toMatchObject({ ok: true, version: 2 });
    expect(saveSharedNewsFields(t.db, actor, { itemId, baseVersion: 1, shared: { kind: 'news', themes: [], heroMediaId: null } })).toMatchObject({
      ok: false,
      error: 'stale',
      current: { kind: 'story', themes: [theme.id], version: 2 },
    });
    expect(saveSharedNewsFields(t.db, actor, { itemId, baseVersion: 2, shared: { kind: 'news', themes: [99999], heroMediaId: null } })).toEqual({ ok: false, error: 'invalid' });
    expect(newsForEditor(t.db, itemId)).toMatchObject({ kind: 'story', themes: [theme.id], version: 2 });
  });
});

describe('the first save of a new article', () => {
  const blank: NewsFields = { title: '', slug: '', summary: '', body: '', dateline: '', seoTitle: '', seoDescription: '' };

  it('keeps the shared fields and the other language’s text, as a draft, in one step', () => {
    const theme = t.db.insert(pages).values({ kind: 'page' }).returning().get();
    const photo = insertMediaRow(t.db, 1, { en: 'Judges at a training', sq: 'Gjyqtarë në një trajnim' });
    const result = createNewsItem(t.db, actor, {
      locale: 'en',
      fields: fields(),
      publication: { action: 'publish' },
      other: { ...blank, title: 'Trajnim për gjyqtarët', body: '<p>Teksti</p>' },
      shared: { kind: 'story', themes: [theme.id, theme.id], heroMediaId: photo },
    });
    expect(result).toMatchObject({ ok: true, version: 1, status: 'published' });
    const item = newsForEditor(t.db, (result as { itemId: number }).itemId)!;
    expect(item).toMatchObject({ kind: 'story', themes: [theme.id], heroMediaId: photo });
    expect(item.translations.en).toMatchObject({ status: 'published', title: 'Training for judges' });
    expect(item.translations.sq).toMatchObject({ status: 'draft', title: 'Trajnim për gjyqtarët', slug: 'trajnim-per-gjyqtaret', stale: false });
    expect(t.db.select().from(revisions).all()).toHaveLength(2);
  });

  it('writes no other language when nothing was typed in it', () => {
    const result = createNewsItem(t.db, actor, { locale: 'sq', fields: fields(), other: { ...blank, body: '<p></p>' }, shared: { kind: 'news', themes: [], heroMediaId: null } });
    expect(result.ok).toBe(true);
    expect(t.db.select({ locale: newsTranslations.locale }).from(newsTranslations).all()).toEqual([{ locale: 'sq' }]);
  });

  it('writes nothing at all when either language is refused, and says what is wrong with each', () => {
    create('sq', { slug: 'taken' });
    const before = { items: t.db.select().from(newsItems).all().length, revisions: t.db.select().from(revisions).all().length };
    const shared = { kind: 'news' as const, themes: [], heroMediaId: null };
    expect(createNewsItem(t.db, actor, { locale: 'en', fields: fields(), other: { ...blank, body: '<p>Pa titull</p>' }, shared })).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: {},
      // The address is made from the title: without one, only the title is asked for.
      otherFieldErrors: { title: 'required' },
    });
    expect(createNewsItem(t.db, actor, { locale: 'en', fields: fields({ title: '' }), other: { ...blank, title: 'Zënë', slug: 'taken' }, shared })).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { title: 'required' },
      otherFieldErrors: { slug: 'slugTaken' },
    });
    expect(createNewsItem(t.db, actor, { locale: 'en', fields: fields(), other: null, shared: { ...shared, themes: [99999] } })).toEqual({ ok: false, error: 'sharedInvalid' });
    expect(createNewsItem(t.db, actor, { locale: 'en', fields: fields(), other: null, shared: { ...shared, heroMediaId: 99999 } })).toEqual({ ok: false, error: 'heroNotFound' });
    // The main image without alt text in English: publishing English is refused, with it the whole save.
    const noAlt = insertMediaRow(t.db, 2, { sq: 'Vetëm shqip' });
    expect(createNewsItem(t.db, actor, { locale: 'en', fields: fields(), publication: { action: 'publish' }, other: null, shared: { ...shared, heroMediaId: noAlt } })).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { hero: 'heroNoAlt' },
      otherFieldErrors: {},
    });
    expect({ items: t.db.select().from(newsItems).all().length, revisions: t.db.select().from(revisions).all().length }).toEqual(before);
  });
});

describe('the main image', () => {
  const image = (n: number, texts: { en?: string; sq?: string } = {}, kind: 'image' | 'document' = 'image') => insertMediaRow(t.db, n, texts, kind);
  const shared = (itemId: number, baseVersion: number, heroMediaId: number | null) =>
    saveSharedNewsFields(t.db, actor, { itemId, baseVersion, shared: { kind: 'news', themes: [], heroMediaId } });

  it('is saved with the shared fields, and only an image of the library, not in the trash, is accepted', () => {
    const { itemId } = create('en');
    save(itemId, 'en', 1, {}, { action: 'publish' });
    const photo = image(1, { en: 'Judges at a training' });
    const pdf = image(2, {}, 'document');
    const trashed = image(3, { en: 'Old' });
    t.db.update(media).set({ deletedAt: new Date() }).where(eq(media.id, trashed)).run();

    expect(shared(itemId, 1, 99999)).toEqual({ ok: false, error: 'heroNotFound' });
    expect(shared(itemId, 1, trashed)).toEqual({ ok: false, error: 'heroNotFound' });
    expect(shared(itemId, 1, pdf)).toEqual({ ok: false, error: 'heroNotImage' });
    expect(newsForEditor(t.db, itemId)).toMatchObject({ heroMediaId: null, version: 1 });

    // The live article's pages are revalidated.
    expect(shared(itemId, 1, photo)).toMatchObject({ ok: true, version: 2, changedPaths: expect.arrayContaining(['/news/training-for-judges']) });
    expect(newsForEditor(t.db, itemId)).toMatchObject({ heroMediaId: photo, version: 2 });
    const audit = t.db.select().from(auditEvents).where(eq(auditEvents.action, 'news.update_item')).all();
    expect(JSON.parse(audit.at(-1)!.details!)).toMatchObject({ hero: photo });

    expect(shared(itemId, 2, null)).toMatchObject({ ok: true, version: 3 });
    expect(newsForEditor(t.db, itemId)!.heroMediaId).toBeNull();
  });

  it('without alt text in a language refuses publishing or scheduling that language, not saving it', () => {
    const { itemId } = create('en');
    create('sq', { title: 'Trajnim', slug: 'trajnim' }, itemId);
    const photo = image(1, { en: 'Judges at a training' });
    expect(shared(itemId, 1, photo)).toMatchObject({ ok: true });

    expect(save(itemId, 'sq', 1, { title: 'Trajnim', slug: 'trajnim' }, { action: 'publish' })).toEqual({ ok: false, error: 'invalid', fieldErrors: { hero: 'heroNoAlt' } });
    const later = new Date(Date.now() + 86_400_000);
    expect(save(itemId, 'sq', 1, { title: 'Trajnim', slug: 'trajnim' }, { action: 'schedule', at: later })).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { hero: 'heroNoAlt' },
    });
    expect(row(itemId, 'sq')).toMatchObject({ status: 'draft', version: 1 });
    // A draft is saved as before.
    expect(save(itemId, 'sq', 1, { title: 'Trajnim i ri', slug: 'trajnim' })).toMatchObject({ ok: true, version: 2 });
    // English has its alt text.
    expect(save(itemId, 'en', 1, {}, { action: 'publish' })).toMatchObject({ ok: true, status: 'published' });

    // Marked decorative in Albanian: publishable there.
    t.db.insert(mediaTranslations).values({ mediaId: photo, locale: 'sq', decorative: true }).run();
    expect(save(itemId, 'sq', 2, { title: 'Trajnim i ri', slug: 'trajnim' }, { action: 'publish' })).toMatchObject({ ok: true, status: 'published' });
  });

  it('is refused while it lacks alt text in a language already published or scheduled there', () => {
    const { itemId } = create('en');
    create('sq', { title: 'Trajnim', slug: 'trajnim' }, itemId);
    save(itemId, 'en', 1, {}, { action: 'publish' });
    save(itemId, 'sq', 1, { title: 'Trajnim', slug: 'trajnim' }, { action: 'schedule', at: new Date(Date.now() + 86_400_000) });
    const onlyEnglish = image(1, { en: 'Judges at a training' });
    const none = image(2, {});
    expect(shared(itemId, 1, onlyEnglish)).toEqual({ ok: false, error: 'heroNoAltLive', locales: ['sq'] });
    expect(shared(itemId, 1, none)).toEqual({ ok: false, error: 'heroNoAltLive', locales: expect.arrayContaining(['en', 'sq']) });
    expect(newsForEditor(t.db, itemId)).toMatchObject({ heroMediaId: null, version: 1 });
    // Once the library has the Albanian text, it can be chosen.
    t.db.insert(mediaTranslations).values({ mediaId: onlyEnglish, locale: 'sq', alt: 'Gjyqtarë në një trajnim' }).run();
    expect(shared(itemId, 1, onlyEnglish)).toMatchObject({ ok: true, version: 2 });
  });

  it('with only blank alt text counts as without', () => {
    const { itemId } = create('en');
    const photo = image(1, { en: '   ' });
    expect(shared(itemId, 1, photo)).toMatchObject({ ok: true });
    expect(save(itemId, 'en', 1, {}, { action: 'publish' })).toMatchObject({ ok: false, fieldErrors: { hero: 'heroNoAlt' } });
  });
});

describe('images in the text', () => {
  const imgOf = (n: number, alt = '') => {
    const hash = n.toString(16).padStart(64, '0');
    return richTextImageHtml({ src: `/media/${hash}-320.webp`, srcSet: `/media/${hash}-320.webp 320w`, width: 320, height: 240, alt });
  };
  const uses = (itemId: number) =>
    t.db
      .select({ mediaId: mediaUsages.mediaId, locale: mediaUsages.locale, role: mediaUsages.role })
      .from(mediaUsages)
      .where(and(eq(mediaUsages.entityType, 'news'), eq(mediaUsages.entityId, itemId)))
      .all();

  it('are kept with the text, recorded as uses of that language, and forgotten when removed', () => {
    const photo = insertMediaRow(t.db, 1, { en: 'Judges at a training' });
    const { itemId } = create('en', { body: `<p>Text</p>${imgOf(1, 'Judges at a training')}` });
    expect(row(itemId, 'en').body).toContain(`/media/${'1'.padStart(64, '0')}-320.webp`);
    expect(uses(itemId)).toEqual([{ mediaId: photo, locale: 'en', role: 'body' }]);
    expect(save(itemId, 'en', 1, { body: '<p>Text only</p>' })).toMatchObject({ ok: true });
    expect(uses(itemId)).toEqual([]);
  });

  it('without alt text in the language stop it from being published, scheduled or saved while live', () => {
    const photo = insertMediaRow(t.db, 1, { en: 'Judges at a training' });
    const { itemId } = create('en');
    create('sq', { title: 'Trajnim', slug: 'trajnim', body: `<p>Tekst</p>${imgOf(1)}` }, itemId);
    // A draft is saved, with its use recorded.
    expect(uses(itemId)).toEqual([{ mediaId: photo, locale: 'sq', role: 'body' }]);
    const sq = { title: 'Trajnim', slug: 'trajnim', body: `<p>Tekst</p>${imgOf(1)}` };
    expect(save(itemId, 'sq', 1, sq, { action: 'publish' })).toEqual({ ok: false, error: 'invalid', fieldErrors: { body: 'bodyImageNoAlt' } });
    expect(save(itemId, 'sq', 1, sq, { action: 'schedule', at: new Date(Date.now() + 86_400_000) })).toMatchObject({ fieldErrors: { body: 'bodyImageNoAlt' } });
    // Published without the image, then the image added to the live text: refused too.
    expect(save(itemId, 'sq', 1, { ...sq, body: '<p>Tekst</p>' }, { action: 'publish' })).toMatchObject({ ok: true, status: 'published' });
    expect(save(itemId, 'sq', 2, sq)).toMatchObject({ ok: false, fieldErrors: { body: 'bodyImageNoAlt' } });
    // English has its alt text.
    expect(save(itemId, 'en', 1, { body: `<p>Text</p>${imgOf(1, 'Judges at a training')}` }, { action: 'publish' })).toMatchObject({ ok: true });
    t.db.insert(mediaTranslations).values({ mediaId: photo, locale: 'sq', alt: 'Gjyqtarë në një trajnim' }).run();
    expect(save(itemId, 'sq', 2, sq)).toMatchObject({ ok: true, status: 'published' });
  });

  it('refer only to files of the library: an unknown or trashed file is refused on every save, and named', () => {
    const unknown = `/media/${'0'.repeat(64)}-320.webp`;
    const forged = `<p>Text</p><img src="${unknown}" alt="x">`;
    // Saving a new draft, publishing, saving a draft of an existing item: all refused, nothing written.
    expect(saveNewsTranslation(t.db, actor, { itemId: null, locale: 'en', baseVersion: null, fields: fields({ body: forged }) })).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { body: 'bodyImageUnknown' },
      unknownImages: [unknown],
    });
    expect(t.db.select().from(newsItems).all()).toEqual([]);
    const { itemId } = create('en');
    expect(save(itemId, 'en', 1, { body: forged }, { action: 'publish' })).toMatchObject({ ok: false, fieldErrors: { body: 'bodyImageUnknown' }, unknownImages: [unknown] });
    expect(save(itemId, 'en', 1, { body: forged })).toMatchObject({ ok: false, fieldErrors: { body: 'bodyImageUnknown' } });
    // A known image with a width it was never made in, or in srcset only: refused too.
    const photo = insertMediaRow(t.db, 1, { en: 'Judges at a training' });
    const hash = '1'.padStart(64, '0');
    expect(save(itemId, 'en', 1, { body: `<img src="/media/${hash}-9999.webp" alt="x">` })).toMatchObject({ unknownImages: [`/media/${hash}-9999.webp`] });
    expect(save(itemId, 'en', 1, { body: `<img src="/media/${hash}-320.webp" srcset="/media/${hash}-320.webp 320w, ${unknown} 640w" alt="x">` })).toMatchObject({
      unknownImages: [unknown],
    });
    expect(row(itemId, 'en')).toMatchObject({ version: 1, body: '<p>Text</p>' });
    // The library's own files pass (both formats), and are published.
    const own = `<p>Text</p>${imgOf(1, 'Judges at a training')}<img src="/media/${hash}-320.jpg" alt="Judges at a training">`;
    expect(save(itemId, 'en', 1, { body: own }, { action: 'publish' })).toMatchObject({ ok: true, version: 2 });
    // Text without the image, the image trashed: restoring the version that showed it is refused, naming the file.
    expect(save(itemId, 'en', 2, { body: '<p>Text only</p>' })).toMatchObject({ ok: true, version: 3 });
    expect(trashMedia(t.db, actor, photo)).toEqual({ ok: true });
    const withImage = revisionList(t.db, newsType, itemId, 'en').find((r) => r.version === 2)!;
    expect(restoreNewsRevision(t.db, actor, { itemId, revisionId: withImage.id, baseVersion: 3 })).toMatchObject({
      ok: false,
      fieldErrors: { body: 'bodyImageUnknown' },
      unknownImages: [`/media/${hash}-320.webp`, `/media/${hash}-320.jpg`],
    });
    expect(save(itemId, 'en', 3, { body: own })).toMatchObject({ ok: false, fieldErrors: { body: 'bodyImageUnknown' } });
    expect(restoreMedia(t.db, actor, photo)).toEqual({ ok: true });
    expect(restoreNewsRevision(t.db, actor, { itemId, revisionId: withImage.id, baseVersion: 3 })).toMatchObject({ ok: true, version: 4 });
  });
});

describe('trash', () => {
  it('takes an item off the public site, restores it, and only deletes for good from the trash', () => {
    const { itemId } = create('en');
    save(itemId, 'en', 1, {}, { action: 'publish' });
    const trashed = trashNews(t.db, actor, itemId);
    expect(trashed).toMatchObject({ ok: true, changedPaths: expect.arrayContaining(['/news/training-for-judges', '/news', '/']) });
    expect(publicSlugs('en')).toEqual([]);
    expect(newsTrash(t.db).map((i) => i.id)).toEqual([itemId]);
    expect(save(itemId, 'en', 2, { title: 'Edited in the trash' })).toEqual({ ok: false, error: 'notFound' });
    expect(restoreNews(t.db, actor, itemId)).toMatchObject({ ok: true });
    expect(publicSlugs('en')).toEqual(['training-for-judges']);
    expect(deleteNewsForever(t.db, actor, [itemId])).toBe(0); // not in the trash
    trashNews(t.db, actor, itemId);
    expect(deleteNewsForever(t.db, actor, 'all')).toBe(1);
    expect(t.db.select().from(newsItems).all()).toEqual([]);
    expect(t.db.select().from(revisions).all()).toEqual([]);
    const actions = t.db.select({ a: auditEvents.action }).from(auditEvents).all().map((r) => r.a);
    expect(actions).toEqual(expect.arrayContaining(['news.trash', 'news.restore', 'news.delete_forever', 'news.publish']));
  });
});

describe('the seeded article', () => {
  it('keeps its imported text as a revision and marks the other language once one changes', () => {
    // Imported rows: no revision, never confirmed.
    const item = t.db.insert(newsItems).values({}).returning().get();
    for (const [locale, title, slug] of [['en', 'Imported', 'imported'], ['sq', 'E importuar', 'e-importuar']] as const) {
      t.db.insert(newsTranslations).values({ newsItemId: item.id, locale, title, slug, body: '<p>Imported text</p>', status: 'published', publishedAt: new Date(Date.now() - 1000) }).run();
    }
    expect(save(item.id, 'en', 1, { title: 'Imported, corrected', slug: 'imported' })).toMatchObject({ ok: true, version: 2 });
    expect(revisionList(t.db, newsType, item.id, 'en').map((r) => r.version)).toEqual([2, 1]);
    const editor = newsForEditor(t.db, item.id)!;
    expect(editor.translations.sq!.stale).toBe(true);
    expect(editor.translations.sq!.sourceBefore!.title).toBe('Imported');
  });
});
