'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import {
  confirmNewsTranslation,
  createNewsItem,
  trashNews,
  restoreNewsRevision,
  saveNewsTranslation,
  saveSharedNewsFields,
} from '@/db/admin/news';
import type { CreateNewsResult, NewsFields, SharedNewsFields } from '@/db/content/news-writes';
import { NEWS_KINDS } from '@/lib/vocabulary';
import { action, type FormAction } from '@/lib/auth/action';
import { languagesArgument } from '@/i18n/routing';
import { fieldsNamed, id, locale, optionalId, optionalVersion, text, version } from '@/lib/form-input';
import type { FormState } from '@/lib/form-state';
import type { TranslationFormState } from '@/components/admin/TranslationEditor';
import { fieldErrorMessages } from '../field-messages';
import { publicationFields, publicationRequest } from '../publication';
import { afterNewsChange } from './revalidate';

/** What the editor's per-language form gets back (see components/admin/TranslationEditor.tsx); `conflict` is a NewsSnapshot. */
export type NewsFormState = TranslationFormState;

const NEWS_FIELDS = ['title', 'slug', 'summary', 'body', 'dateline', 'seoTitle', 'seoDescription'] as const satisfies readonly (keyof NewsFields)[];

/** One language's fields as typed. */
function newsFields(input: Partial<Record<`${'' | 'other.'}${keyof NewsFields}`, string>>, prefix: '' | 'other.' = ''): NewsFields {
  return Object.fromEntries(NEWS_FIELDS.map((name) => [name, input[`${prefix}${name}`] ?? ''])) as NewsFields;
}

/** The fields both languages share (kind, themes, main image, media contact), as the editor sends them. */
const sharedFields = {
  kind: z.enum(NEWS_KINDS).default('news'),
  themes: z.array(id).max(50),
  heroMediaId: optionalId.default(null),
  // Checked by the data layer (lib/media-contact.ts), which says which field is wrong.
  mediaContactName: text.default(''),
  mediaContactPhone: text.default(''),
  mediaContactEmail: text.default(''),
};

/** The shared fields as the data layer takes them. */
function sharedOf(input: z.infer<z.ZodObject<typeof sharedFields>>): SharedNewsFields {
  return {
    kind: input.kind,
    themes: input.themes,
    heroMediaId: input.heroMediaId,
    mediaContact: { name: input.mediaContactName, phone: input.mediaContactPhone, email: input.mediaContactEmail },
  };
}

export const saveNewsTranslationAction: FormAction<NewsFormState> = action(
  {
    role: 'editor',
    form: {
      itemId: z.union([z.literal(''), id]),
      locale,
      baseVersion: optionalVersion,
      ...publicationFields,
      ...fieldsNamed(NEWS_FIELDS, text.default('')),
      // A first save keeps everything typed: the shared fields and the other language's text come along.
      ...sharedFields,
      ...fieldsNamed(NEWS_FIELDS, text.optional(), 'other.'),
    },
  },
  async ({ input, t, address }) => {
    const request = publicationRequest(input);
    if (!request.ok) return { status: 'error', message: t('errors.invalid'), fieldErrors: { publishAt: t(`editor.errors.${request.error}`) } };
    const { itemId, locale, baseVersion, publication } = { ...input, publication: request.publication };
    const fields = newsFields(input);
    let result: CreateNewsResult;
    if (itemId === '') {
      const other = input['other.title'] === undefined ? null : newsFields(input, 'other.');
      result = await createNewsItem({ locale, fields, publication, other, shared: sharedOf(input) }, address);
    } else {
      result = await saveNewsTranslation({ itemId, locale, baseVersion, fields, publication }, address);
    }
    if (!result.ok) {
      if (result.error === 'stale') return { status: 'error', message: t('editor.stale'), conflict: result.current };
      if (result.error === 'notFound') return { status: 'error', message: t('editor.notFound') };
      if (result.error !== 'invalid') return { status: 'error', message: result.error === 'sharedInvalid' ? t('errors.invalid') : t(`editor.errors.${result.error}`) };
      const otherErrors = result.otherFieldErrors && Object.keys(result.otherFieldErrors).length > 0 ? fieldErrorMessages(result.otherFieldErrors, result.otherUnknownImages, t) : undefined;
      return {
        status: 'error',
        message: otherErrors ? t('editor.firstSaveOtherInvalid', { language: locale === 'en' ? 'sq' : 'en' }) : t('errors.invalid'),
        fieldErrors: fieldErrorMessages(result.fieldErrors, result.unknownImages, t),
        otherFieldErrors: otherErrors,
      };
    }
    afterNewsChange(result.changedPaths, result.itemId);
    if (itemId === '') redirect(`/admin/news/${result.itemId}?created=${locale}`);
    const done = { save: 'saved', publish: 'published', schedule: 'scheduled', unpublish: 'unpublished' } as const;
    return {
      status: 'success',
      message: t(`editor.done.${done[input.intent]}`),
      version: result.version,
      publication: result.status,
      publishedAt: result.publishedAt?.toISOString() ?? null,
    };
  },
);

export type SharedFormState = FormState & { version?: number };

export const saveSharedNewsFieldsAction: FormAction<SharedFormState> = action(
  { role: 'editor', form: { ...sharedFields, itemId: id, baseVersion: version } },
  async ({ input, t, address }) => {
    const { itemId, baseVersion } = input;
    const result = await saveSharedNewsFields({ itemId, baseVersion, shared: sharedOf(input) }, address);
    if (!result.ok) {
      if (result.error === 'stale') return { status: 'error', message: t('editor.sharedStale'), version: undefined };
      if (result.error === 'heroNotFound' || result.error === 'heroNotImage' || result.error === 'mediaContactInvalid') return { status: 'error', message: t(`editor.errors.${result.error}`) };
      if (result.error === 'heroNoAltLive') return { status: 'error', message: t('editor.errors.heroNoAltLive', { languages: languagesArgument(result.locales) }) };
      return { status: 'error', message: t(result.error === 'notFound' ? 'editor.notFound' : 'errors.invalid') };
    }
    afterNewsChange(result.changedPaths, itemId);
    return { status: 'success', message: t('editor.done.saved'), version: result.version };
  },
);

export const confirmNewsTranslationAction = action({ role: 'editor', form: { itemId: id, locale } }, async ({ input, t, address }) => {
  const result = await confirmNewsTranslation(input.itemId, input.locale, address);
  if (!result.ok) return { status: 'error', message: t('editor.notFound') };
  // The list's marker goes; the open editor keeps the notice with this answer in it.
  revalidatePath('/admin/news');
  return { status: 'success', message: t('editor.done.confirmed') };
});

export const restoreNewsRevisionAction: FormAction<NewsFormState> = action(
  { role: 'editor', form: { itemId: id, revisionId: id, baseVersion: version } },
  async ({ input, t, address }) => {
    const result = await restoreNewsRevision(input, address);
    if (!result.ok) {
      if (result.error === 'stale') return { status: 'error', message: t('editor.stale'), conflict: result.current };
      if (result.error === 'invalid' && result.unknownImages) {
        return { status: 'error', message: t('history.restoreUnknownImages', { files: result.unknownImages.join(', ') }) };
      }
      if (result.error === 'invalid') return { status: 'error', message: t('history.restoreInvalid') };
      return { status: 'error', message: t('editor.notFound') };
    }
    afterNewsChange(result.changedPaths, input.itemId);
    return { status: 'success', message: t('history.restored', { version: result.version }), version: result.version };
  },
);

export const trashNewsAction = action({ role: 'editor', form: { itemId: id } }, async ({ input: { itemId }, t, address }) => {
  const result = await trashNews(itemId, address);
  if (!result.ok) return { status: 'error', message: t('editor.notFound') };
  afterNewsChange(result.changedPaths, itemId);
  redirect('/admin/news?trashed=1');
});
