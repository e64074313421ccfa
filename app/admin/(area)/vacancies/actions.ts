'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import {
  confirmVacancyTranslation,
  createVacancy,
  deleteVacanciesForever,
  restoreVacancy,
  restoreVacancyRevision,
  saveVacancyShared,
  saveVacancyTranslation,
  trashVacancy,
} from '@/db/admin/vacancies';
import type { SharedErrors, VacancyFields, VacancyShared } from '@/db/content/vacancy-writes';
import type { TranslationFormState } from '@/components/admin/TranslationEditor';
import { action, type AdminMessages, type FormAction } from '@/lib/auth/action';
import { parseTiranaDateTime } from '@/lib/dates';
import { fieldsNamed, id, locale, optionalVersion, text, version } from '@/lib/form-input';
import type { FormState } from '@/lib/form-state';
import { revalidatePublic } from '@/lib/revalidate';
import { fieldErrorMessages } from '../field-messages';
import { publicationFields, publicationRequest } from '../publication';

const TEXT_FIELDS = ['title', 'slug', 'summary', 'body', 'seoTitle', 'seoDescription'] as const satisfies readonly (keyof VacancyFields)[];
const SHARED_TEXT = ['reference', 'dutyStation', 'unit', 'grade', 'appointmentType', 'appointmentLength', 'estimatedStart', 'project', 'donor', 'applyUrl', 'applyEmail'] as const;

/** What both languages share, as the form sends it: the closing time as a Tirana date and time. */
const sharedForm = {
  ...fieldsNamed(SHARED_TEXT, text.default('')),
  // Always sent by the form (empty when not filled in): a request without them is no form of ours.
  closesAtDate: z.string(),
  closesAtTime: z.string(),
  terms: z.array(id).max(50),
};

export type SharedFormState = FormState & { version?: number };

/** After a vacancy changed: the public pages it touched, and the editor's list and page. */
function afterVacancyChange(changedPaths: string[], itemId: number) {
  revalidatePublic(changedPaths);
  revalidatePath('/admin/vacancies');
  revalidatePath(`/admin/vacancies/${itemId}`);
}

type SharedInput = z.output<z.ZodObject<typeof sharedForm>>;

/** The shared fields as the data layer takes them, or the messages of what is wrong with them. */
function readShared(input: SharedInput, t: AdminMessages): { ok: true; shared: VacancyShared } | { ok: false; state: SharedFormState } {
  // Any moment will do: a closing time in the past closes the vacancy now.
  const closes = parseTiranaDateTime(input.closesAtDate, input.closesAtTime, new Date(0));
  if (!closes.ok) {
    const field = closes.error === 'invalidDate' ? 'closesAtDate' : 'closesAtTime';
    const message = closes.error === 'pastDate' ? t('vacancies.errors.invalidDate') : t(`vacancies.errors.${closes.error}`);
    return { ok: false, state: { status: 'error', message: t('errors.invalid'), fieldErrors: { [field]: message } } };
  }
  const { closesAtDate: _d, closesAtTime: _t, ...rest } = input;
  return { ok: true, shared: { ...rest, closesAt: closes.at } };
}

function sharedErrorState(errors: SharedErrors, t: AdminMessages): SharedFormState {
  const fieldErrors = Object.fromEntries(Object.entries(errors).map(([field, code]) => [field, t(`vacancies.errors.${code}`)]));
  return { status: 'error', message: t('errors.invalid'), fieldErrors };
}

export const createVacancyAction: FormAction<SharedFormState> = action({ role: 'editor', form: sharedForm }, async ({ input, t, address }) => {
  const read = readShared(input, t);
  if (!read.ok) return read.state;
  const result = await createVacancy(read.shared, address);
  if (!result.ok) return sharedErrorState(result.sharedErrors, t);
  revalidatePath('/admin/vacancies');
  redirect(`/admin/vacancies/${result.itemId}?created=1`);
});

export const saveVacancySharedAction: FormAction<SharedFormState> = action(
  { role: 'editor', form: { ...sharedForm, itemId: id, baseVersion: version } },
  async ({ input, t, address }) => {
    const read = readShared(input, t);
    if (!read.ok) return read.state;
    const result = await saveVacancyShared({ itemId: input.itemId, baseVersion: input.baseVersion, shared: read.shared }, address);
    if (!result.ok) {
      if (result.error === 'invalid') return sharedErrorState(result.sharedErrors, t);
      if (result.error === 'stale') return { status: 'error', message: t('vacancies.sharedStale') };
      if (result.error === 'howToApplyMissing') return { status: 'error', message: t('vacancies.errors.howToApplyMissing') };
      return { status: 'error', message: t('editor.notFound') };
    }
    afterVacancyChange(result.changedPaths, input.itemId);
    return { status: 'success', message: t('vacancies.sharedSaved'), version: result.version };
  },
);

export const saveVacancyTranslationAction: FormAction<TranslationFormState> = action(
  { role: 'editor', form: { itemId: id, locale, baseVersion: optionalVersion, ...publicationFields, ...fieldsNamed(TEXT_FIELDS, text.default('')) } },
  async ({ input, t, address }) => {
    const request = publicationRequest(input);
    if (!request.ok) return { status: 'error', message: t('errors.invalid'), fieldErrors: { publishAt: t(`editor.errors.${request.error}`) } };
    const fields = Object.fromEntries(TEXT_FIELDS.map((name) => [name, input[name]])) as VacancyFields;
    const result = await saveVacancyTranslation({ itemId: input.itemId, locale: input.locale, baseVersion: input.baseVersion, fields, publication: request.publication }, address);
    if (!result.ok) {
      if (result.error === 'stale') return { status: 'error', message: t('editor.stale'), conflict: result.current };
      if (result.error === 'notFound') return { status: 'error', message: t('editor.notFound') };
      const errors = fieldErrorMessages(result.fieldErrors, result.unknownImages, t);
      return { status: 'error', message: errors.form ?? t('errors.invalid'), fieldErrors: errors };
    }
    afterVacancyChange(result.changedPaths, input.itemId);
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

export const confirmVacancyTranslationAction = action({ role: 'editor', form: { itemId: id, locale } }, async ({ input, t, address }) => {
  const result = await confirmVacancyTranslation(input.itemId, input.locale, address);
  if (!result.ok) return { status: 'error', message: t('editor.notFound') };
  revalidatePath('/admin/vacancies');
  return { status: 'success', message: t('editor.done.confirmed') };
});

export const restoreVacancyRevisionAction: FormAction<TranslationFormState> = action(
  { role: 'editor', form: { itemId: id, revisionId: id, baseVersion: version } },
  async ({ input, t, address }) => {
    const result = await restoreVacancyRevision(input, address);
    if (!result.ok) {
      if (result.error === 'stale') return { status: 'error', message: t('editor.stale'), conflict: result.current };
      if (result.error === 'invalid') return { status: 'error', message: t('history.restoreInvalid') };
      return { status: 'error', message: t('editor.notFound') };
    }
    afterVacancyChange(result.changedPaths, input.itemId);
    return { status: 'success', message: t('history.restored', { version: result.version }), version: result.version };
  },
);

export const trashVacancyAction = action({ role: 'editor', form: { itemId: id } }, async ({ input: { itemId }, t, address }) => {
  const result = await trashVacancy(itemId, address);
  if (!result.ok) return { status: 'error', message: t('editor.notFound') };
  afterVacancyChange(result.changedPaths, itemId);
  redirect('/admin/vacancies?trashed=1');
});

export const restoreVacancyAction = action({ role: 'admin', form: { itemId: id } }, async ({ input: { itemId }, t, address }) => {
  const result = await restoreVacancy(itemId, address);
  if (!result.ok) return { status: 'error', message: t('editor.notFound') };
  afterVacancyChange(result.changedPaths, itemId);
  redirect('/admin/vacancies/trash?done=restored');
});

/** One vacancy of the trash, or 'all' of it. */
export const deleteVacanciesForeverAction = action({ role: 'admin', form: { itemId: z.union([z.literal('all'), id]) } }, async ({ input: { itemId }, address }) => {
  const count = await deleteVacanciesForever(itemId === 'all' ? 'all' : [itemId], address);
  redirect(`/admin/vacancies/trash?done=deleted&count=${count}`);
});
