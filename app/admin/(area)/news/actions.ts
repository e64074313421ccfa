'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import {
  confirmNewsTranslation,
  createNews,
  moveNewsToTrash,
  restoreNewsToRevision,
  saveNews,
  saveSharedNews,
} from '@/db/admin/news';
import type { PublicationRequest } from '@/db/content/common';
import type { CreateNewsResult, NewsFields } from '@/db/content/news-writes';
import { NEWS_KINDS } from '@/lib/vocabulary';
import { guarded } from '@/lib/auth/guard';
import { requireUser } from '@/lib/auth/session';
import { languagesArgument } from '@/i18n/routing';
import { clientAddress } from '@/lib/client-address';
import { scheduleFrom } from '@/lib/dates';
import type { FormState } from '@/lib/form-state';
import type { TranslationFormState } from '@/components/admin/TranslationEditor';
import { fieldErrorMessages } from '../field-messages';
import { afterNewsChange } from './revalidate';

/** What the editor's per-language form gets back (see components/admin/TranslationEditor.tsx); `conflict` is a NewsSnapshot. */
export type NewsFormState = TranslationFormState;

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const locale = z.enum(['en', 'sq']);
const optionalVersion = z.union([z.literal('').transform(() => null), z.coerce.number().int().min(0)]);
const intent = z.enum(['save', 'publish', 'schedule', 'unpublish']);

async function messages() {
  const me = await requireUser();
  return getTranslations({ locale: me.preferredLocale, namespace: 'Admin' });
}

/** A text field as typed; browsers send line breaks as CRLF. */
const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === 'string' ? value.replace(/\r\n?/g, '\n') : '';
};

/** One language's fields as typed; `prefix` reads the other language's, sent along with a first save. */
function newsFields(formData: FormData, prefix = ''): NewsFields {
  const field = (name: keyof NewsFields) => text(formData, prefix + name);
  return {
    title: field('title'),
    slug: field('slug'),
    summary: field('summary'),
    body: field('body'),
    dateline: field('dateline'),
    seoTitle: field('seoTitle'),
    seoDescription: field('seoDescription'),
  };
}

/** The fields both languages share (kind, themes, main image), as the editor sends them. */
const sharedSchema = z.object({
  kind: z.enum(NEWS_KINDS),
  themes: z.array(id).max(50),
  heroMediaId: z.union([z.literal('').transform(() => null), id]),
});
const sharedInput = (formData: FormData) => ({ kind: formData.get('kind') ?? 'news', themes: formData.getAll('themes'), heroMediaId: formData.get('heroMediaId') ?? '' });

export async function saveNewsAction(_prev: NewsFormState, formData: FormData): Promise<NewsFormState> {
  return guarded(async () => {
    const t = await messages();
    const parsed = z
      .object({ itemId: z.union([z.literal(''), id]), locale, baseVersion: optionalVersion, intent })
      .safeParse({ itemId: formData.get('itemId'), locale: formData.get('locale'), baseVersion: formData.get('baseVersion'), intent: formData.get('intent') ?? 'save' });
    if (!parsed.success) return { status: 'error', message: t('errors.invalid') };
    const { itemId, baseVersion } = parsed.data;
    let publication: PublicationRequest = { action: 'keep' };
    if (parsed.data.intent === 'publish') publication = { action: 'publish' };
    if (parsed.data.intent === 'unpublish') publication = { action: 'unpublish' };
    if (parsed.data.intent === 'schedule') {
      const at = scheduleFrom(formData);
      if (!at.ok) return { status: 'error', message: t('errors.invalid'), fieldErrors: { publishAt: t(`editor.errors.${at.error}`) } };
      publication = { action: 'schedule', at: at.at };
    }
    const ip = clientAddress(await headers());
    const fields = newsFields(formData);
    let result: CreateNewsResult;
    if (itemId === '') {
      // The first save keeps everything typed: the shared fields and the other language's text come along.
      const shared = sharedSchema.safeParse(sharedInput(formData));
      if (!shared.success) return { status: 'error', message: t('errors.invalid') };
      const other = formData.has('other.title') ? newsFields(formData, 'other.') : null;
      result = await createNews({ locale: parsed.data.locale, fields, publication, other, shared: shared.data }, ip);
    } else {
      result = await saveNews({ itemId, locale: parsed.data.locale, baseVersion, fields, publication }, ip);
    }
    if (!result.ok) {
      if (result.error === 'stale') return { status: 'error', message: t('editor.stale'), conflict: result.current };
      if (result.error === 'notFound') return { status: 'error', message: t('editor.notFound') };
      if (result.error !== 'invalid') return { status: 'error', message: result.error === 'sharedInvalid' ? t('errors.invalid') : t(`editor.errors.${result.error}`) };
      const otherErrors = result.otherFieldErrors && Object.keys(result.otherFieldErrors).length > 0 ? fieldErrorMessages(result.otherFieldErrors, result.otherUnknownImages, t) : undefined;
      return {
        status: 'error',
        message: otherErrors ? t('editor.firstSaveOtherInvalid', { language: parsed.data.locale === 'en' ? 'sq' : 'en' }) : t('errors.invalid'),
        fieldErrors: fieldErrorMessages(result.fieldErrors, result.unknownImages, t),
        otherFieldErrors: otherErrors,
      };
    }
    afterNewsChange(result.changedPaths, result.itemId);
    if (itemId === '') redirect(`/admin/news/${result.itemId}?created=${parsed.data.locale}`);
    const done = { save: 'saved', publish: 'published', schedule: 'scheduled', unpublish: 'unpublished' } as const;
    return {
      status: 'success',
      message: t(`editor.done.${done[parsed.data.intent]}`),
      version: result.version,
      publication: result.status,
      publishedAt: result.publishedAt?.toISOString() ?? null,
    };
  });
}

export type SharedFormState = FormState & { version?: number };

export async function saveSharedNewsAction(_prev: SharedFormState, formData: FormData): Promise<SharedFormState> {
  return guarded(async () => {
    const t = await messages();
    const parsed = sharedSchema
      .extend({ itemId: id, baseVersion: z.coerce.number().int().min(0) })
      .safeParse({ ...sharedInput(formData), itemId: formData.get('itemId'), baseVersion: formData.get('baseVersion') });
    if (!parsed.success) return { status: 'error', message: t('errors.invalid') };
    const { itemId, baseVersion, kind, themes, heroMediaId } = parsed.data;
    const result = await saveSharedNews({ itemId, baseVersion, shared: { kind, themes, heroMediaId } }, clientAddress(await headers()));
    if (!result.ok) {
      if (result.error === 'stale') return { status: 'error', message: t('editor.sharedStale'), version: undefined };
      if (result.error === 'heroNotFound' || result.error === 'heroNotImage') return { status: 'error', message: t(`editor.errors.${result.error}`) };
      if (result.error === 'heroNoAltLive') return { status: 'error', message: t('editor.errors.heroNoAltLive', { languages: languagesArgument(result.locales) }) };
      return { status: 'error', message: t(result.error === 'notFound' ? 'editor.notFound' : 'errors.invalid') };
    }
    afterNewsChange(result.changedPaths, itemId);
    return { status: 'success', message: t('editor.done.saved'), version: result.version };
  });
}

export async function confirmTranslationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const t = await messages();
    const parsed = z.object({ itemId: id, locale }).safeParse({ itemId: formData.get('itemId'), locale: formData.get('locale') });
    if (!parsed.success) return { status: 'error', message: t('errors.invalid') };
    const result = await confirmNewsTranslation(parsed.data.itemId, parsed.data.locale, clientAddress(await headers()));
    if (!result.ok) return { status: 'error', message: t('editor.notFound') };
    // The list's marker goes; the open editor keeps the notice with this answer in it.
    revalidatePath('/admin/news');
    return { status: 'success', message: t('editor.done.confirmed') };
  });
}

export async function restoreRevisionAction(_prev: NewsFormState, formData: FormData): Promise<NewsFormState> {
  return guarded(async () => {
    const t = await messages();
    const parsed = z
      .object({ itemId: id, revisionId: id, baseVersion: z.coerce.number().int().min(0) })
      .safeParse({ itemId: formData.get('itemId'), revisionId: formData.get('revisionId'), baseVersion: formData.get('baseVersion') });
    if (!parsed.success) return { status: 'error', message: t('errors.invalid') };
    const result = await restoreNewsToRevision(parsed.data, clientAddress(await headers()));
    if (!result.ok) {
      if (result.error === 'stale') return { status: 'error', message: t('editor.stale'), conflict: result.current };
      if (result.error === 'invalid' && result.unknownImages) {
        return { status: 'error', message: t('history.restoreUnknownImages', { files: result.unknownImages.join(', ') }) };
      }
      if (result.error === 'invalid') return { status: 'error', message: t('history.restoreInvalid') };
      return { status: 'error', message: t('editor.notFound') };
    }
    afterNewsChange(result.changedPaths, parsed.data.itemId);
    return { status: 'success', message: t('history.restored', { version: result.version }), version: result.version };
  });
}

export async function trashNewsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const t = await messages();
    const parsed = id.safeParse(formData.get('itemId'));
    if (!parsed.success) return { status: 'error', message: t('errors.invalid') };
    const result = await moveNewsToTrash(parsed.data, clientAddress(await headers()));
    if (!result.ok) return { status: 'error', message: t('editor.notFound') };
    afterNewsChange(result.changedPaths, parsed.data);
    redirect('/admin/news?trashed=1');
  });
}
