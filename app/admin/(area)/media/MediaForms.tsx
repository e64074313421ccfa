'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { ActionForm } from '@/components/admin/ActionForm';
import { Field } from '@/components/admin/Field';
import { FormMessage } from '@/components/admin/FormMessage';
import { SubmitButton } from '@/components/admin/SubmitButton';
import { TextArea } from '@/components/admin/TextArea';
import type { MediaTexts } from '@/db/media/library';
import { type FormState, idleState } from '@/lib/form-state';
import { deleteMediaForeverAction, type MediaFormState, restoreMediaAction, saveMediaTextsAction, trashMediaAction } from './actions';

const LOCALES = ['en', 'sq'] as const;
const EMPTY: MediaTexts = { title: null, alt: null, caption: null, credit: null, decorative: false };

type Props = {
  id: number;
  kind: 'image' | 'document';
  version: number;
  language: 'en' | 'sq' | 'mul' | null;
  texts: Partial<Record<'en' | 'sq', MediaTexts>>;
};

/** Alt text, caption and credit (images) or title and description (PDFs) in both languages, saved together. */
export function MediaTextsForm({ id, kind, version, language, texts }: Props) {
  const t = useTranslations('Admin.media');
  const [state, action, pending] = useActionState<MediaFormState, FormData>(saveMediaTextsAction, idleState);
  const [decorative, setDecorative] = useState({ en: texts.en?.decorative ?? false, sq: texts.sq?.decorative ?? false });
  const currentVersion = state.version ?? version;
  const error = (name: string) => state.fieldErrors?.[name];
  return (
    <ActionForm action={action} aria-labelledby="texts-title" className="rounded border border-gray-200 bg-white p-6">
      <h2 id="texts-title" className="mb-1 text-xl font-bold">
        {t('textsHeading')}
      </h2>
      {kind === 'image' ? <p className="mb-4 text-sm text-muted">{t('textsHint')}</p> : null}
      <FormMessage state={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={currentVersion} />
      {kind === 'document' ? (
        <div className="mb-4">
          <label htmlFor="media-language" className="block font-semibold">
            {t('documentLanguage')}
          </label>
          <select id="media-language" name="language" defaultValue={language ?? ''} className="mt-1 rounded border border-gray-500 px-3 py-2">
            <option value="">{t('documentLanguages.none')}</option>
            <option value="en">{t('documentLanguages.en')}</option>
            <option value="sq">{t('documentLanguages.sq')}</option>
            <option value="mul">{t('documentLanguages.mul')}</option>
          </select>
        </div>
      ) : null}
      <div className="grid gap-6 md:grid-cols-2">
        {LOCALES.map((locale) => {
          const value = texts[locale] ?? EMPTY;
          return (
            <fieldset key={locale} className="rounded border border-gray-300 p-4" data-testid={`texts-${locale}`}>
              <legend className="px-1 font-bold">
                {t(`documentLanguages.${locale}`)}
              </legend>
              {kind === 'image' ? (
                <>
                  <TextArea
                    id={`${locale}-alt`}
                    name={`${locale}.alt`}
                    lang={locale}
                    label={t('alt')}
                    hint={t('altHint')}
                    rows={2}
                    maxLength={300}
                    defaultValue={value.alt ?? ''}
                    disabled={decorative[locale]}
                    error={error(`${locale}.alt`)}
                  />
                  <div className="mb-4 flex items-center gap-2">
                    <input
                      id={`${locale}-decorative`}
                      name={`${locale}.decorative`}
                      type="checkbox"
                      defaultChecked={value.decorative}
                      onChange={(e) => setDecorative((d) => ({ ...d, [locale]: e.currentTarget.checked }))}
                      className="h-5 w-5"
                    />
                    <label htmlFor={`${locale}-decorative`}>{t('decorative')}</label>
                  </div>
                  <TextArea id={`${locale}-caption`} name={`${locale}.caption`} lang={locale} label={t('caption')} rows={2} maxLength={1000} defaultValue={value.caption ?? ''} error={error(`${locale}.caption`)} />
                  <Field id={`${locale}-credit`} name={`${locale}.credit`} lang={locale} label={t('credit')} hint={t('creditHint')} maxLength={200} defaultValue={value.credit ?? ''} error={error(`${locale}.credit`)} />
                </>
              ) : (
                <>
                  <Field id={`${locale}-title`} name={`${locale}.title`} lang={locale} label={t('docTitle')} maxLength={300} defaultValue={value.title ?? ''} error={error(`${locale}.title`)} />
                  <TextArea id={`${locale}-caption`} name={`${locale}.caption`} lang={locale} label={t('description')} rows={3} maxLength={1000} defaultValue={value.caption ?? ''} error={error(`${locale}.caption`)} />
                </>
              )}
            </fieldset>
          );
        })}
      </div>
      <div className="mt-4">
        <SubmitButton pending={pending}>{t('save')}</SubmitButton>
      </div>
    </ActionForm>
  );
}

/** Move to the trash (refused, with the places named, while the file is used); from the trash: restore, or delete for good (admins). */
export function MediaTrashForms({ id, trashed, canDelete }: { id: number; trashed: boolean; canDelete: boolean }) {
  const t = useTranslations('Admin.media');
  // One state for the three buttons: the page changes around them (trash ⇄ restore), the last answer stays.
  const [state, action, pending] = useActionState(async (prev: FormState, formData: FormData) => {
    const intent = formData.get('intent');
    if (intent === 'restore') return restoreMediaAction(prev, formData);
    if (intent === 'delete') return deleteMediaForeverAction(prev, formData);
    return trashMediaAction(prev, formData);
  }, idleState);
  return (
    <div className="space-y-3" data-testid="trash-forms">
      <FormMessage state={state} />
      {trashed ? (
        <div className="flex flex-wrap items-center gap-3">
          <ActionForm action={action}>
            <input type="hidden" name="id" value={id} />
            <input type="hidden" name="intent" value="restore" />
            <SubmitButton pending={pending}>{t('restore')}</SubmitButton>
          </ActionForm>
          {canDelete ? (
            <ActionForm action={action} className="flex items-center gap-3">
              <input type="hidden" name="id" value={id} />
              <input type="hidden" name="intent" value="delete" />
              <SubmitButton variant="secondary" pending={pending}>
                {t('deleteForever')}
              </SubmitButton>
              <span className="text-sm text-muted">{t('deleteWarning')}</span>
            </ActionForm>
          ) : null}
        </div>
      ) : (
        <ActionForm action={action}>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="intent" value="trash" />
          <SubmitButton variant="secondary" pending={pending}>
            {t('trash')}
          </SubmitButton>
        </ActionForm>
      )}
    </div>
  );
}
