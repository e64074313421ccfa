'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { deleteMediaFromTrash, type LibraryImage, type LibraryImagePage, loadLibraryImage, loadMedia, moveMediaToTrash, restoreMediaFromTrash, saveMediaTextsFor, searchLibraryImages } from '@/db/admin/media';
import type { MediaTextsInput } from '@/db/media/library';
import { DOCUMENT_LANGUAGES } from '@/lib/vocabulary';
import { locales } from '@/i18n/routing';
import { guarded } from '@/lib/auth/guard';
import { requireUser } from '@/lib/auth/session';
import { clientAddress } from '@/lib/client-address';
import type { FormState } from '@/lib/form-state';
import { revalidatePublic } from '@/lib/revalidate';
import { describeUse } from './uses';

export type MediaFormState = FormState & { version?: number };

const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const versionSchema = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const languageSchema = z.union([z.literal('').transform(() => null), z.enum(DOCUMENT_LANGUAGES)]);

async function messages() {
  const me = await requireUser();
  return { me, t: await getTranslations({ locale: me.preferredLocale, namespace: 'Admin.media' }), errors: await getTranslations({ locale: me.preferredLocale, namespace: 'Admin.errors' }) };
}

const field = (formData: FormData, name: string): string | null => {
  const value = formData.get(name);
  return typeof value === 'string' ? value : null;
};

/** Public pages showing this file are rendered anew (its alt text or caption changed). */
function afterChange(id: number, used: boolean) {
  revalidatePath('/admin/media');
  revalidatePath(`/admin/media/${id}`);
  if (used) revalidatePublic([], { menu: true });
}

export async function saveMediaTextsAction(_prev: MediaFormState, formData: FormData): Promise<MediaFormState> {
  return guarded(async () => {
    const { t, errors } = await messages();
    const id = idSchema.safeParse(formData.get('id'));
    const version = versionSchema.safeParse(formData.get('version'));
    const language = formData.has('language') ? languageSchema.safeParse(formData.get('language')) : null;
    if (!id.success || !version.success || (language && !language.success)) return { status: 'error', message: errors('invalid') };
    const texts = Object.fromEntries(
      (['en', 'sq'] as const).map((locale) => [
        locale,
        {
          title: field(formData, `${locale}.title`),
          alt: field(formData, `${locale}.alt`),
          caption: field(formData, `${locale}.caption`),
          credit: field(formData, `${locale}.credit`),
          decorative: formData.get(`${locale}.decorative`) === 'on',
        },
      ]),
    ) as MediaTextsInput;
    const result = await saveMediaTextsFor(
      { id: id.data, baseVersion: version.data, language: language?.success ? language.data : undefined, texts },
      clientAddress(await headers()),
    );
    if (!result.ok) {
      if (result.error === 'invalid') {
        const fieldErrors = Object.fromEntries(Object.keys(result.fieldErrors).map((k) => [k, t('errors.tooLong')]));
        return { status: 'error', message: errors('invalid'), fieldErrors };
      }
      return { status: 'error', message: t(`errors.${result.error}`) };
    }
    const item = await loadMedia(id.data);
    afterChange(id.data, (item?.usages.length ?? 0) > 0);
    return { status: 'success', message: t('saved'), version: result.version };
  });
}

export async function trashMediaAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const { me, t, errors } = await messages();
    const id = idSchema.safeParse(formData.get('id'));
    if (!id.success) return { status: 'error', message: errors('invalid') };
    const result = await moveMediaToTrash(id.data, clientAddress(await headers()));
    if (!result.ok) {
      if (result.error === 'inUse') {
        const places = result.usages.map((u) => describeUse(u, me.preferredLocale, t).text).join('; ');
        return { status: 'error', step: 'inUse', message: t('errors.inUse', { places }) };
      }
      return { status: 'error', message: t('errors.notFound') };
    }
    afterChange(id.data, false);
    return { status: 'success', message: t('trashed') };
  });
}

export async function restoreMediaAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const { t, errors } = await messages();
    const id = idSchema.safeParse(formData.get('id'));
    if (!id.success) return { status: 'error', message: errors('invalid') };
    const result = await restoreMediaFromTrash(id.data, clientAddress(await headers()));
    if (!result.ok) return { status: 'error', message: t('errors.notFound') };
    afterChange(id.data, false);
    return { status: 'success', message: t('restored') };
  });
}

export async function deleteMediaForeverAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await guarded(async () => {
    const { me, t, errors } = await messages();
    const id = idSchema.safeParse(formData.get('id'));
    if (!id.success) return { status: 'error', message: errors('invalid') };
    const result = await deleteMediaFromTrash(id.data, clientAddress(await headers()));
    if (!result.ok) {
      if (result.error === 'inUse') {
        const places = result.usages.map((u) => describeUse(u, me.preferredLocale, t).text).join('; ');
        return { status: 'error', message: t('errors.inUse', { places }) };
      }
      return { status: 'error', message: t('errors.notFound') };
    }
    revalidatePath('/admin/media');
    return { status: 'success', step: 'deleted', message: t('deleted') };
  });
  if (state.step === 'deleted') redirect('/admin/media?type=trash&deleted=1');
  return state;
}

export type ImageSearchState = FormState & { result?: LibraryImagePage };

const searchSchema = z.object({
  query: z.string().max(200).catch(''),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
  locale: z.enum(locales),
});

/** The image dialog's search: one page of the library's images (db/admin/media.ts searchLibraryImages). */
export async function searchLibraryImagesAction(input: unknown): Promise<ImageSearchState> {
  return guarded(async () => {
    const { errors } = await messages();
    const parsed = searchSchema.safeParse(input);
    if (!parsed.success) return { status: 'error', message: errors('invalid') };
    return { status: 'success', result: await searchLibraryImages(parsed.data) };
  });
}

export type ImageAltState = FormState & { image?: LibraryImage };

/**
 * The image dialog's alt-text form: the alt text of both languages (or
 * "decorative"), each required, saved with the image's other texts kept.
 */
export async function saveImageAltAction(_prev: ImageAltState, formData: FormData): Promise<ImageAltState> {
  return guarded(async () => {
    const { t, errors } = await messages();
    const id = idSchema.safeParse(formData.get('id'));
    const version = versionSchema.safeParse(formData.get('version'));
    const locale = z.enum(locales).safeParse(formData.get('locale'));
    if (!id.success || !version.success || !locale.success) return { status: 'error', message: errors('invalid') };
    const item = await loadMedia(id.data);
    if (!item || item.kind !== 'image') return { status: 'error', message: t('errors.notFound') };
    const fieldErrors: Record<string, string> = {};
    const texts = Object.fromEntries(
      locales.map((l) => {
        const decorative = formData.get(`${l}.decorative`) === 'on';
        const alt = field(formData, `${l}.alt`)?.trim() ?? '';
        if (!decorative && alt === '') fieldErrors[`${l}.alt`] = t('dialog.altRequired', { language: t(`languages.${l}`) });
        return [l, { ...item.texts[l], alt, decorative }];
      }),
    ) as MediaTextsInput;
    if (Object.keys(fieldErrors).length > 0) return { status: 'error', message: t('dialog.altMissing'), fieldErrors };
    const result = await saveMediaTextsFor({ id: id.data, baseVersion: version.data, texts }, clientAddress(await headers()));
    if (!result.ok) {
      if (result.error === 'invalid') {
        return { status: 'error', message: errors('invalid'), fieldErrors: Object.fromEntries(Object.keys(result.fieldErrors).map((k) => [k, t('errors.tooLong')])) };
      }
      return { status: 'error', message: t(`errors.${result.error}`) };
    }
    afterChange(id.data, item.usages.length > 0);
    return { status: 'success', message: t('saved'), image: (await loadLibraryImage(id.data, locale.data)) ?? undefined };
  });
}
