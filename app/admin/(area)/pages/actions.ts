'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { confirmPageTranslation, pageForEditor, restorePageRevision, savePageTranslation, setPagePublications, setPageExternalUrl, setPageHero } from '@/db/admin/pages';
import type { PageChange, PageFields } from '@/db/content/page-writes';
import { action, type FormAction } from '@/lib/auth/action';
import { languagesArgument } from '@/i18n/routing';
import { fieldsNamed, id, locale, optionalId, optionalVersion, text, version } from '@/lib/form-input';
import { revalidatePublic } from '@/lib/revalidate';
import type { TranslationFormState } from '@/components/admin/TranslationEditor';
import { fieldErrorMessages } from '../field-messages';
import { publicationFields, publicationRequest } from '../publication';

/**
 * What any staff member may do to a page: write, publish, schedule and
 * unpublish each language, confirm a language is still right, restore an
 * earlier version, and change where an external link points. Shaping the
 * tree is for admins only, in admin-actions.ts.
 */

/** Every public page that shows something else now, and the editor's own pages. */
function afterPageChange(change: PageChange, pageId: number) {
  revalidatePublic(change.changedPaths, { menu: change.menuChanged });
  revalidatePath('/admin/pages');
  revalidatePath(`/admin/pages/${pageId}`);
}

const FIELD_NAMES = ['title', 'menuTitle', 'path', 'summary', 'body', 'seoTitle', 'seoDescription'] as const satisfies readonly (keyof PageFields)[];

/**
 * The fields as the form sent them. A form shows only some fields (an
 * external link has a title and nothing else): the others keep the value
 * they have now. The save is refused anyway when `baseVersion` is not the
 * current version, so what is kept is what the form was opened with.
 */
async function fieldsFrom(sent: Partial<Record<keyof PageFields, string>>, pageId: number, lang: 'en' | 'sq'): Promise<PageFields> {
  const needsCurrent = FIELD_NAMES.some((f) => sent[f] === undefined);
  const current = needsCurrent ? (await pageForEditor(pageId))?.translations[lang] : undefined;
  // Left empty, the address is made from the title (by the data layer, as for news).
  return Object.fromEntries(FIELD_NAMES.map((name) => [name, sent[name] ?? current?.[name] ?? ''])) as PageFields;
}

export const savePageTranslationAction: FormAction<TranslationFormState> = action(
  { role: 'editor', form: { pageId: id, locale, baseVersion: optionalVersion, ...publicationFields, ...fieldsNamed(FIELD_NAMES, text.optional()) } },
  async ({ input, t, address }) => {
    const request = publicationRequest(input);
    if (!request.ok) return { status: 'error', message: t('errors.invalid'), fieldErrors: { publishAt: t(`editor.errors.${request.error}`) } };
    const { pageId, locale, baseVersion } = input;
    const result = await savePageTranslation({ pageId, locale, baseVersion, fields: await fieldsFrom(input, pageId, locale), publication: request.publication }, address);
    if (!result.ok) {
      if (result.error === 'stale') return { status: 'error', message: t('editor.stale'), conflict: result.current };
      if (result.error === 'notFound') return { status: 'error', message: t('pages.notFound') };
      return { status: 'error', message: t('errors.invalid'), fieldErrors: fieldErrorMessages(result.fieldErrors, result.unknownImages, t) };
    }
    afterPageChange(result, pageId);
    const done = {
      save: t('editor.done.saved'),
      publish: t('editor.done.published'),
      schedule: t('pages.done.scheduled'),
      unpublish: t('pages.done.unpublished'),
    } as const;
    return {
      status: 'success',
      message: done[input.intent],
      version: result.version,
      publication: result.status,
      publishedAt: result.publishedAt?.toISOString() ?? null,
    };
  },
);

export const confirmPageTranslationAction = action({ role: 'editor', form: { pageId: id, locale } }, async ({ input: { pageId, locale }, t, address }) => {
  const result = await confirmPageTranslation(pageId, locale, address);
  if (!result.ok) return { status: 'error', message: t('pages.notFound') };
  revalidatePath('/admin/pages');
  revalidatePath(`/admin/pages/${pageId}`);
  return { status: 'success', message: t('editor.done.confirmed') };
});

export const restorePageRevisionAction: FormAction<TranslationFormState> = action(
  { role: 'editor', form: { pageId: id, locale, revisionId: id, baseVersion: version } },
  async ({ input, t, address }) => {
    const result = await restorePageRevision(input, address);
    if (!result.ok) {
      if (result.error === 'stale') return { status: 'error', message: t('editor.stale'), conflict: result.current };
      if (result.error === 'notFound') return { status: 'error', message: t('pages.notFound') };
      if (result.unknownImages) return { status: 'error', message: t('history.restoreUnknownImages', { files: result.unknownImages.join(', ') }) };
      return { status: 'error', message: t('pages.restoreInvalid') };
    }
    afterPageChange(result, input.pageId);
    revalidatePath(`/admin/pages/${input.pageId}/history/${input.locale}`);
    return { status: 'success', message: t('history.restored', { version: result.version }), version: result.version };
  },
);

export const setPageExternalUrlAction = action({ role: 'editor', form: { pageId: id, url: z.string().max(4000) } }, async ({ input: { pageId, url }, t, address }) => {
  const result = await setPageExternalUrl(pageId, url, address);
  if (!result.ok) {
    if (result.error === 'urlInvalid') return { status: 'error', message: t('errors.invalid'), fieldErrors: { url: t('pages.errors.urlInvalid') } };
    return { status: 'error', message: t('pages.notFound') };
  }
  afterPageChange(result, pageId);
  return { status: 'success', message: t('pages.linkSaved') };
});

export const setPageHeroAction = action({ role: 'editor', form: { pageId: id, heroMediaId: optionalId.default(null) } }, async ({ input: { pageId, heroMediaId }, t, address }) => {
  const result = await setPageHero(pageId, heroMediaId, address);
  if (!result.ok) {
    if (result.error === 'heroNotFound' || result.error === 'heroNotImage') return { status: 'error', message: t(`editor.errors.${result.error}`) };
    if (result.error === 'heroNoAltLive') return { status: 'error', message: t('editor.errors.heroNoAltLive', { languages: languagesArgument(result.locales) }) };
    return { status: 'error', message: t(result.error === 'notAPage' ? 'errors.invalid' : 'pages.notFound') };
  }
  afterPageChange(result, pageId);
  return { status: 'success', message: t('editor.done.saved') };
});

export const setPagePublicationsAction = action({ role: 'editor', form: { pageId: id, documents: z.array(id).max(500) } }, async ({ input: { pageId, documents }, t, address }) => {
  const result = await setPagePublications(pageId, documents, address);
  if (!result.ok) {
    if (result.error === 'documentNotFound') return { status: 'error', message: t('pages.publications.notFound') };
    return { status: 'error', message: t(result.error === 'notAPage' ? 'errors.invalid' : 'pages.notFound') };
  }
  afterPageChange(result, pageId);
  return { status: 'success', message: t('editor.done.saved') };
});
