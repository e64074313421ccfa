'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { deleteMediaForever, type LibraryImage, type LibraryImagePage, libraryImage, mediaItem, trashMedia, restoreMedia, saveMediaTexts, libraryImageSearch } from '@/db/admin/media';
import type { MediaTextsInput } from '@/db/media/library';
import type { MediaUse } from '@/db/media/usages';
import { DOCUMENT_LANGUAGES } from '@/lib/vocabulary';
import { type Locale, locales } from '@/i18n/routing';
import { action, type AdminMessages, type CallAction, type FormAction } from '@/lib/auth/action';
import { checkbox, fieldsNamed, id, locale, version } from '@/lib/form-input';
import type { FormState } from '@/lib/form-state';
import { revalidatePublic } from '@/lib/revalidate';
import { describeUse } from './uses';

export type MediaFormState = FormState & { version?: number };

const TEXT_FIELDS = ['title', 'alt', 'caption', 'credit'] as const;
/** Both languages' texts as the form sends them; a field not sent keeps its value. */
const textFields = {
  ...fieldsNamed(TEXT_FIELDS, z.string().optional(), 'en.'),
  ...fieldsNamed(TEXT_FIELDS, z.string().optional(), 'sq.'),
  ...fieldsNamed(['en.decorative', 'sq.decorative'], checkbox),
};

/** Public pages showing this file are rendered anew (its alt text or caption changed). */
function afterChange(id: number, used: boolean) {
  revalidatePath('/admin/media');
  revalidatePath(`/admin/media/${id}`);
  if (used) revalidatePublic([], { menu: true });
}

/** A refused trash or delete: where the file is still used, in the user's language. */
async function inUseMessage(usages: MediaUse[], locale: Locale): Promise<string> {
  const t = await getTranslations({ locale, namespace: 'Admin.media' });
  return t('errors.inUse', { places: usages.map((u) => describeUse(u, locale, t).text).join('; ') });
}

/** The texts' fields refused as too long, each with its message. */
function tooLong(fieldErrors: object, t: AdminMessages): Record<string, string> {
  return Object.fromEntries(Object.keys(fieldErrors).map((k) => [k, t('media.errors.tooLong')]));
}

export const saveMediaTextsAction: FormAction<MediaFormState> = action(
  {
    role: 'editor',
    form: {
      id,
      version,
      // Documents only; '' is "not said".
      language: z.union([z.literal('').transform(() => null), z.enum(DOCUMENT_LANGUAGES)]).optional(),
      ...textFields,
    },
  },
  async ({ input, t, address }) => {
    const texts = Object.fromEntries(
      locales.map((l) => [l, { title: input[`${l}.title`], alt: input[`${l}.alt`], caption: input[`${l}.caption`], credit: input[`${l}.credit`], decorative: input[`${l}.decorative`] }]),
    ) as MediaTextsInput;
    const result = await saveMediaTexts({ id: input.id, baseVersion: input.version, language: input.language, texts }, address);
    if (!result.ok) {
      if (result.error === 'invalid') return { status: 'error', message: t('errors.invalid'), fieldErrors: tooLong(result.fieldErrors, t) };
      return { status: 'error', message: t(`media.errors.${result.error}`) };
    }
    const item = await mediaItem(input.id);
    afterChange(input.id, (item?.usages.length ?? 0) > 0);
    return { status: 'success', message: t('media.saved'), version: result.version };
  },
);

export const trashMediaAction = action({ role: 'editor', form: { id } }, async ({ input: { id }, t, locale, address }) => {
  const result = await trashMedia(id, address);
  if (!result.ok) {
    if (result.error === 'inUse') return { status: 'error', step: 'inUse', message: await inUseMessage(result.usages, locale) };
    return { status: 'error', message: t('media.errors.notFound') };
  }
  afterChange(id, false);
  return { status: 'success', message: t('media.trashed') };
});

export const restoreMediaAction = action({ role: 'editor', form: { id } }, async ({ input: { id }, t, address }) => {
  const result = await restoreMedia(id, address);
  if (!result.ok) return { status: 'error', message: t('media.errors.notFound') };
  afterChange(id, false);
  return { status: 'success', message: t('media.restored') };
});

export const deleteMediaForeverAction = action({ role: 'editor', form: { id } }, async ({ input: { id }, t, locale, address }) => {
  const result = await deleteMediaForever(id, address);
  if (!result.ok) {
    if (result.error === 'inUse') return { status: 'error', message: await inUseMessage(result.usages, locale) };
    return { status: 'error', message: t('media.errors.notFound') };
  }
  revalidatePath('/admin/media');
  redirect('/admin/media?type=trash&deleted=1');
});

export type ImageSearchState = FormState & { result?: LibraryImagePage };

/** The image dialog's search: one page of the library's images (db/admin/media.ts libraryImageSearch). */
export const libraryImageSearchAction: CallAction<{ query: string; page: number; locale: Locale }, ImageSearchState> = action(
  {
    role: 'editor',
    input: z.object({
      query: z.string().max(200).catch(''),
      page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
      locale,
    }),
  },
  async ({ input }) => ({ status: 'success', result: await libraryImageSearch(input) }),
);

export type ImageAltState = FormState & { image?: LibraryImage };

/**
 * The image dialog's alt-text form: the alt text of both languages (or
 * "decorative"), each required, saved with the image's other texts kept.
 */
export const saveImageAltAction: FormAction<ImageAltState> = action(
  { role: 'editor', form: { id, version, locale, ...fieldsNamed(['en.alt', 'sq.alt'], z.string().default('')), ...fieldsNamed(['en.decorative', 'sq.decorative'], checkbox) } },
  async ({ input, t, address }) => {
    const item = await mediaItem(input.id);
    if (!item || item.kind !== 'image') return { status: 'error', message: t('media.errors.notFound') };
    const fieldErrors: Record<string, string> = {};
    const texts = Object.fromEntries(
      locales.map((l) => {
        const decorative = input[`${l}.decorative`];
        const alt = input[`${l}.alt`].trim();
        if (!decorative && alt === '') fieldErrors[`${l}.alt`] = t('media.dialog.altRequired', { language: t(`media.languages.${l}`) });
        return [l, { ...item.texts[l], alt, decorative }];
      }),
    ) as MediaTextsInput;
    if (Object.keys(fieldErrors).length > 0) return { status: 'error', message: t('media.dialog.altMissing'), fieldErrors };
    const result = await saveMediaTexts({ id: input.id, baseVersion: input.version, texts }, address);
    if (!result.ok) {
      if (result.error === 'invalid') return { status: 'error', message: t('errors.invalid'), fieldErrors: tooLong(result.fieldErrors, t) };
      return { status: 'error', message: t(`media.errors.${result.error}`) };
    }
    afterChange(input.id, item.usages.length > 0);
    return { status: 'success', message: t('media.saved'), image: (await libraryImage(input.id, input.locale)) ?? undefined };
  },
);
