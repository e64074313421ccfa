'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { confirmPageLanguage, loadPageForEditor, restorePageToRevision, savePage, setPageDocuments, setPageLink, setPageMainImage } from '@/db/admin/pages';
import type { PublicationRequest } from '@/db/content/common';
import type { PageChange, PageFields } from '@/db/content/page-writes';
import { guarded } from '@/lib/auth/guard';
import { requireUser } from '@/lib/auth/session';
import { languagesArgument } from '@/i18n/routing';
import { clientAddress } from '@/lib/client-address';
import { scheduleFrom } from '@/lib/dates';
import type { FormState } from '@/lib/form-state';
import { revalidatePublic } from '@/lib/revalidate';
import type { TranslationFormState } from '@/components/admin/TranslationEditor';
import { fieldErrorMessages } from '../field-messages';

/**
 * What any staff member may do to a page: write, publish, schedule and
 * unpublish each language, confirm a language is still right, restore an
 * earlier version, and change where an external link points. Shaping the
 * tree is for admins only, in admin-actions.ts.
 */

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const locale = z.enum(['en', 'sq']);
const optionalVersion = z.union([z.literal('').transform(() => null), z.coerce.number().int().min(0)]);
const intent = z.enum(['save', 'publish', 'schedule', 'unpublish']);

async function messages() {
  const me = await requireUser();
  return getTranslations({ locale: me.preferredLocale, namespace: 'Admin' });
}

/** Every public page that shows something else now, and the editor's own pages. */
function afterPageChange(change: PageChange, pageId: number) {
  revalidatePublic(change.changedPaths, { menu: change.menuChanged });
  revalidatePath('/admin/pages');
  revalidatePath(`/admin/pages/${pageId}`);
}

const FIELD_NAMES = ['title', 'menuTitle', 'path', 'summary', 'body', 'seoTitle', 'seoDescription'] as const;

/**
 * The fields as the form sent them. A form shows only some fields (an
 * external link has a title and nothing else): the others keep the value
 * they have now. The save is refused anyway when `baseVersion` is not the
 * current version, so what is kept is what the form was opened with.
 */
async function fieldsFrom(formData: FormData, pageId: number, lang: 'en' | 'sq'): Promise<PageFields> {
  const sent = (name: (typeof FIELD_NAMES)[number]) => {
    const value = formData.get(name);
    // Browsers send line breaks as CRLF.
    return typeof value === 'string' ? value.replace(/\r\n?/g, '\n') : null;
  };
  const needsCurrent = FIELD_NAMES.some((f) => sent(f) === null);
  const current = needsCurrent ? (await loadPageForEditor(pageId))?.translations[lang] : undefined;
  const pick = (name: (typeof FIELD_NAMES)[number]) => sent(name) ?? current?.[name] ?? '';
  return {
    title: pick('title'),
    menuTitle: pick('menuTitle'),
    // Left empty, the address is made from the title (by the data layer, as for news).
    path: pick('path'),
    summary: pick('summary'),
    body: pick('body'),
    seoTitle: pick('seoTitle'),
    seoDescription: pick('seoDescription'),
  };
}

export async function savePageAction(_prev: TranslationFormState, formData: FormData): Promise<TranslationFormState> {
  return guarded(async () => {
    const t = await messages();
    const parsed = z
      .object({ pageId: id, locale, baseVersion: optionalVersion, intent })
      .safeParse({ pageId: formData.get('pageId'), locale: formData.get('locale'), baseVersion: formData.get('baseVersion'), intent: formData.get('intent') ?? 'save' });
    if (!parsed.success) return { status: 'error', message: t('errors.invalid') };
    const { pageId, baseVersion } = parsed.data;
    let publication: PublicationRequest = { action: 'keep' };
    if (parsed.data.intent === 'publish') publication = { action: 'publish' };
    if (parsed.data.intent === 'unpublish') publication = { action: 'unpublish' };
    if (parsed.data.intent === 'schedule') {
      const at = scheduleFrom(formData);
      if (!at.ok) return { status: 'error', message: t('errors.invalid'), fieldErrors: { publishAt: t(`editor.errors.${at.error}`) } };
      publication = { action: 'schedule', at: at.at };
    }
    const result = await savePage(
      { pageId, locale: parsed.data.locale, baseVersion, fields: await fieldsFrom(formData, pageId, parsed.data.locale), publication },
      clientAddress(await headers()),
    );
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
      message: done[parsed.data.intent],
      version: result.version,
      publication: result.status,
      publishedAt: result.publishedAt?.toISOString() ?? null,
    };
  });
}

export async function confirmPageTranslationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const t = await messages();
    const parsed = z.object({ pageId: id, locale }).safeParse({ pageId: formData.get('pageId'), locale: formData.get('locale') });
    if (!parsed.success) return { status: 'error', message: t('errors.invalid') };
    const result = await confirmPageLanguage(parsed.data.pageId, parsed.data.locale, clientAddress(await headers()));
    if (!result.ok) return { status: 'error', message: t('pages.notFound') };
    revalidatePath('/admin/pages');
    revalidatePath(`/admin/pages/${parsed.data.pageId}`);
    return { status: 'success', message: t('editor.done.confirmed') };
  });
}

export async function restorePageRevisionAction(_prev: TranslationFormState, formData: FormData): Promise<TranslationFormState> {
  return guarded(async () => {
    const t = await messages();
    const parsed = z
      .object({ pageId: id, locale, revisionId: id, baseVersion: z.coerce.number().int().min(0) })
      .safeParse({ pageId: formData.get('pageId'), locale: formData.get('locale'), revisionId: formData.get('revisionId'), baseVersion: formData.get('baseVersion') });
    if (!parsed.success) return { status: 'error', message: t('errors.invalid') };
    const result = await restorePageToRevision(parsed.data, clientAddress(await headers()));
    if (!result.ok) {
      if (result.error === 'stale') return { status: 'error', message: t('editor.stale'), conflict: result.current };
      if (result.error === 'notFound') return { status: 'error', message: t('pages.notFound') };
      if (result.unknownImages) return { status: 'error', message: t('history.restoreUnknownImages', { files: result.unknownImages.join(', ') }) };
      return { status: 'error', message: t('pages.restoreInvalid') };
    }
    afterPageChange(result, parsed.data.pageId);
    revalidatePath(`/admin/pages/${parsed.data.pageId}/history/${parsed.data.locale}`);
    return { status: 'success', message: t('history.restored', { version: result.version }), version: result.version };
  });
}

export async function savePageLinkAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const t = await messages();
    const parsed = z.object({ pageId: id, url: z.string().max(4000) }).safeParse({ pageId: formData.get('pageId'), url: formData.get('url') });
    if (!parsed.success) return { status: 'error', message: t('errors.invalid') };
    const result = await setPageLink(parsed.data.pageId, parsed.data.url, clientAddress(await headers()));
    if (!result.ok) {
      if (result.error === 'urlInvalid') return { status: 'error', message: t('errors.invalid'), fieldErrors: { url: t('pages.errors.urlInvalid') } };
      return { status: 'error', message: t('pages.notFound') };
    }
    afterPageChange(result, parsed.data.pageId);
    return { status: 'success', message: t('pages.linkSaved') };
  });
}

export async function savePageHeroAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const t = await messages();
    const parsed = z
      .object({ pageId: id, heroMediaId: z.union([z.literal('').transform(() => null), id]) })
      .safeParse({ pageId: formData.get('pageId'), heroMediaId: formData.get('heroMediaId') ?? '' });
    if (!parsed.success) return { status: 'error', message: t('errors.invalid') };
    const result = await setPageMainImage(parsed.data.pageId, parsed.data.heroMediaId, clientAddress(await headers()));
    if (!result.ok) {
      if (result.error === 'heroNotFound' || result.error === 'heroNotImage') return { status: 'error', message: t(`editor.errors.${result.error}`) };
      if (result.error === 'heroNoAltLive') return { status: 'error', message: t('editor.errors.heroNoAltLive', { languages: languagesArgument(result.locales) }) };
      return { status: 'error', message: t(result.error === 'notAPage' ? 'errors.invalid' : 'pages.notFound') };
    }
    afterPageChange(result, parsed.data.pageId);
    return { status: 'success', message: t('editor.done.saved') };
  });
}

export async function savePagePublicationsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const t = await messages();
    const parsed = z
      .object({ pageId: id, documents: z.array(id).max(500) })
      .safeParse({ pageId: formData.get('pageId'), documents: formData.getAll('documents') });
    if (!parsed.success) return { status: 'error', message: t('errors.invalid') };
    const result = await setPageDocuments(parsed.data.pageId, parsed.data.documents, clientAddress(await headers()));
    if (!result.ok) {
      if (result.error === 'documentNotFound') return { status: 'error', message: t('pages.publications.notFound') };
      return { status: 'error', message: t(result.error === 'notAPage' ? 'errors.invalid' : 'pages.notFound') };
    }
    afterPageChange(result, parsed.data.pageId);
    return { status: 'success', message: t('editor.done.saved') };
  });
}
