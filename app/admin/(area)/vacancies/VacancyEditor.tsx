'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useRef } from 'react';
import { ActionForm } from '@/components/admin/ActionForm';
import { Field } from '@/components/admin/Field';
import { FormMessage } from '@/components/admin/FormMessage';
import { localDraftKey } from '@/components/admin/LocalDraft';
import { SubmitButton } from '@/components/admin/SubmitButton';
import { useUnsavedForm } from '@/components/admin/UnsavedChanges';
import { LanguagePanels, type Locale, TextFields, TranslationForm, type TranslationMeta } from '@/components/admin/TranslationEditor';
import type { PublicationOption } from '@/db/admin/media';
import { idleState } from '@/lib/form-state';
import { PUBLICATION_STATUSES, type PublicationStatus, VACANCY_GRADES } from '@/lib/vocabulary';
import { confirmVacancyTranslationAction, createVacancyAction, saveVacancySharedAction, saveVacancyTranslationAction, type SharedFormState } from './actions';

export type VacancyTranslationData = TranslationMeta & { title: string; slug: string; summary: string; body: string; seoTitle: string; seoDescription: string };

/** The shared fields as the form shows them (the closing time as Tirana date and time). */
export type SharedValues = {
  reference: string;
  dutyStation: string;
  unit: string;
  grade: string;
  appointmentType: string;
  appointmentLength: string;
  estimatedStart: string;
  closesAtDate: string;
  closesAtTime: string;
  project: string;
  donor: string;
  applyUrl: string;
  applyEmail: string;
  version: number;
};

const FIELDS = ['title', 'slug', 'summary', 'body', 'seoTitle', 'seoDescription'] as const;
const TEXT_SHARED = ['dutyStation', 'unit', 'appointmentType', 'appointmentLength', 'estimatedStart', 'project', 'donor'] as const;

/**
 * What both languages of a vacancy share. For a new vacancy this form
 * creates it; the languages are written next, in the panels below.
 */
export function VacancySharedForm({ itemId, values, terms }: { itemId: number | null; values: SharedValues | null; terms: PublicationOption[] }) {
  const t = useTranslations('Admin.vacancies');
  const grades = useTranslations('Admin.vacancies.grades');
  const [state, formAction, pending] = useActionState<SharedFormState, FormData>(itemId === null ? createVacancyAction : saveVacancySharedAction, idleState);
  const formRef = useRef<HTMLFormElement>(null);
  useUnsavedForm(formRef, state);
  const errors = state.fieldErrors ?? {};
  const gradeLabel = (g: (typeof VACANCY_GRADES)[number]) => (g === 'consultant' || g === 'intern' ? grades(g) : g);
  return (
    <ActionForm action={formAction} ref={formRef} aria-labelledby="vacancy-shared-title" className="rounded border border-gray-300 bg-white p-4" data-testid="vacancy-shared">
      <h2 id="vacancy-shared-title" className="mb-2 text-xl font-bold">
        {t('sharedTitle')}
      </h2>
      <FormMessage state={state} />
      {itemId !== null ? (
        <>
          <input type="hidden" name="itemId" value={itemId} />
          <input type="hidden" name="baseVersion" value={state.version ?? values?.version ?? 1} />
        </>
      ) : null}
      <div className="grid gap-x-8 md:grid-cols-2">
        <Field name="reference" label={t('fields.reference')} hint={t('hints.reference')} defaultValue={values?.reference} required maxLength={40} error={errors.reference} />
        <div className="mt-4">
          <label htmlFor="vacancy-grade" className="block font-semibold">
            {t('fields.grade')}
          </label>
          <select id="vacancy-grade" name="grade" defaultValue={values?.grade ?? 'NO-A'} className="mt-1 rounded border border-gray-500 px-3 py-2">
            {VACANCY_GRADES.map((g) => (
              <option key={g} value={g}>
                {gradeLabel(g)}
              </option>
            ))}
          </select>
        </div>
        {TEXT_SHARED.map((name) => (
          <Field key={name} name={name} label={t(`fields.${name}`)} defaultValue={values?.[name]} required={name === 'dutyStation'} maxLength={200} error={errors[name]} />
        ))}
      </div>
      <fieldset className="mt-4" aria-describedby="closes-hint">
        <legend className="font-semibold">{t('fields.closesAt')}</legend>
        <p id="closes-hint" className="text-sm text-muted">
          {t('hints.closesAt')}
        </p>
        <div className="flex flex-wrap gap-4">
          <Field id="closesAtDate" name="closesAtDate" label="DD.MM.YYYY" defaultValue={values?.closesAtDate} required inputMode="numeric" error={errors.closesAtDate} />
          <Field id="closesAtTime" name="closesAtTime" label="HH:MM" defaultValue={values?.closesAtTime ?? '16:00'} required inputMode="numeric" error={errors.closesAtTime} />
        </div>
      </fieldset>
      <fieldset className="mt-4" aria-describedby="apply-hint">
        <legend className="font-semibold">{t('fields.applyUrl')} / {t('fields.applyEmail')}</legend>
        <p id="apply-hint" className="text-sm text-muted">
          {t('hints.howToApply')}
        </p>
        <Field name="applyUrl" type="url" label={t('fields.applyUrl')} defaultValue={values?.applyUrl} maxLength={2000} error={errors.applyUrl} />
        <Field name="applyEmail" type="email" label={t('fields.applyEmail')} defaultValue={values?.applyEmail} maxLength={200} error={errors.applyEmail} />
      </fieldset>
      <fieldset className="mt-4" aria-describedby="terms-hint">
        <legend className="font-semibold">{t('fields.terms')}</legend>
        <p id="terms-hint" className="text-sm text-muted">
          {t('hints.terms')}
        </p>
        {errors.terms ? <p className="text-red-800">{errors.terms}</p> : null}
        {terms.length === 0 ? <p>{t('noDocuments')}</p> : null}
        {terms.map((o) => (
          <label key={o.id} className="flex items-center gap-2">
            <input type="checkbox" name="terms" value={o.id} defaultChecked={o.checked} className="size-4" />
            {o.title}
          </label>
        ))}
      </fieldset>
      <div className="mt-4">
        <SubmitButton pending={pending} variant={itemId === null ? 'primary' : 'secondary'}>
          {itemId === null ? t('create') : t('saveShared')}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}

/** Both languages of a vacancy side by side, each saved, published and kept in history by the core. */
export function VacancyTranslations({ userId, itemId, translations, initialLocale }: { userId: number; itemId: number; translations: Partial<Record<Locale, VacancyTranslationData>>; initialLocale: Locale }) {
  const t = useTranslations('Admin.editor');
  const statuses = useTranslations('Admin.news.statuses');
  return (
    <LanguagePanels initialLocale={initialLocale}>
      {(locale) => {
        const data = translations[locale];
        return (
          <TranslationForm
            locale={locale}
            formId={`vacancy-${locale}`}
            draftKey={localDraftKey('vacancies', userId, itemId, locale)}
            action={saveVacancyTranslationAction}
            hidden={{ itemId, locale }}
            meta={data}
            item={{ segment: 'vacancies', id: itemId, preview: true }}
            conflictFields={FIELDS.map((f) => ({ name: f, label: t(`fields.${f}`) }))}
            confirm={{ action: confirmVacancyTranslationAction, hidden: { itemId, locale } }}
            statusLabels={Object.fromEntries(PUBLICATION_STATUSES.map((s) => [s, statuses(s)])) as Record<PublicationStatus, string>}
            publishAtHint={t('publishAtHint')}
          >
            {(errors) => (
              <TextFields
                locale={locale}
                values={data}
                errors={errors}
                address={{ name: 'slug', label: t('fields.slug'), hint: t('slugHint'), maxLength: 200 }}
                summaryHint={t('summaryHint')}
                insertImages
              />
            )}
          </TranslationForm>
        );
      }}
    </LanguagePanels>
  );
}
