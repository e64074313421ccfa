'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { ActionForm } from '@/components/admin/ActionForm';
import { Field } from '@/components/admin/Field';
import { HeroPicker } from '@/components/admin/HeroPicker';
import { ItemFormBody, useItemForm } from '@/components/admin/ItemForm';
import { clearLocalDraft, localDraftKey } from '@/components/admin/LocalDraft';
import { LanguagePanels, type Locale, TextFields, TranslationForm, type TranslationMeta } from '@/components/admin/TranslationEditor';
import type { HeroOption } from '@/db/admin/media';
import { PUBLICATION_STATUSES, type PublicationStatus } from '@/lib/vocabulary';
import type { MediaContact } from '@/lib/media-contact';
import { confirmNewsTranslationAction, type NewsFormState, saveNewsTranslationAction, saveSharedNewsFieldsAction, type SharedFormState } from './actions';

export type TranslationData = TranslationMeta & {
  title: string;
  slug: string;
  summary: string;
  body: string;
  dateline: string;
  seoTitle: string;
  seoDescription: string;
};

export type EditorProps = {
  /** Whose browser drafts these are (a shared computer keeps each person's apart). */
  userId: number;
  itemId: number | null;
  shared: { kind: string; themes: number[]; heroMediaId: number | null; mediaContact: MediaContact; version: number };
  themeOptions: { id: number; title: string }[];
  /** The main image now chosen (the image dialog chooses another). */
  heroImage: HeroOption | null;
  translations: Partial<Record<Locale, TranslationData>>;
  /** Which language the page opens on (narrow screens). */
  initialLocale: Locale;
  /** Set right after an item was created, to drop the "new article" drafts kept in the browser. */
  createdLocale: Locale | null;
};

const FIELDS = ['title', 'slug', 'summary', 'dateline', 'body', 'seoTitle', 'seoDescription'] as const;
const LOCALES = ['en', 'sq'] as const;
const SHARED_FORM_ID = 'news-shared';
const NEWS_KIND_OPTIONS = ['news', 'press_release', 'story'] as const;

function draftKey(userId: number, itemId: number | null, locale: Locale) {
  return localDraftKey('news', userId, itemId, locale);
}

type Carried = { locale: Locale; message: string; errors: Partial<Record<string, string>> };

/**
 * The save action of a language of a new article: the first save sends the
 * shared fields and the other language's text with it, so that nothing typed
 * is left behind (see createNewsItem). When the other language's text is
 * refused, `onCarried` learns what to show beside it.
 */
function firstSaveAction(locale: Locale, onCarried: (carried: Carried | null) => void) {
  const other: Locale = locale === 'en' ? 'sq' : 'en';
  return async (state: NewsFormState, formData: FormData): Promise<NewsFormState> => {
    const shared = document.getElementById(SHARED_FORM_ID);
    if (shared instanceof HTMLFormElement) for (const [name, value] of new FormData(shared)) formData.append(name, value);
    const otherForm = document.getElementById(`news-${other}`);
    if (otherForm instanceof HTMLFormElement) {
      const values = new FormData(otherForm);
      for (const name of FIELDS) formData.set(`other.${name}`, values.get(name) ?? '');
    }
    // A successful first save redirects to the new article (the call then throws, and nothing below runs).
    const result = await saveNewsTranslationAction(state, formData);
    onCarried(result.otherFieldErrors ? { locale: other, message: result.message ?? '', errors: result.otherFieldErrors } : null);
    return result;
  };
}

export function NewsEditor(props: EditorProps) {
  const [carried, setCarried] = useState<Carried | null>(null);
  useEffect(() => {
    // Everything typed on "New article" was saved with it: nothing is left to offer there, or anywhere else.
    if (props.createdLocale) for (const l of LOCALES) clearLocalDraft(draftKey(props.userId, null, l));
  }, [props.createdLocale, props.userId]);

  return (
    <div>
      <SharedForm itemId={props.itemId} shared={props.shared} themeOptions={props.themeOptions} heroImage={props.heroImage} />
      <LanguagePanels initialLocale={props.initialLocale}>
        {(l) => (
          <NewsTranslationForm
            userId={props.userId}
            itemId={props.itemId}
            locale={l}
            data={props.translations[l]}
            action={props.itemId === null ? firstSaveAction(l, setCarried) : saveNewsTranslationAction}
            carried={carried?.locale === l ? carried : null}
          />
        )}
      </LanguagePanels>
    </div>
  );
}

/**
 * What both languages share. For a new article it has no button of its own:
 * it is saved with the first save of either language.
 */
function SharedForm({
  itemId,
  shared,
  themeOptions,
  heroImage,
}: {
  itemId: number | null;
  shared: EditorProps['shared'];
  themeOptions: EditorProps['themeOptions'];
  heroImage: HeroOption | null;
}) {
  const t = useTranslations('Admin.editor');
  const kinds = useTranslations('Admin.editor.kinds');
  const { state, action, pending, formRef } = useItemForm<SharedFormState>(saveSharedNewsFieldsAction);
  const version = state.version ?? shared.version;
  // Folded when the page opens on themes or a main image already chosen (then the user's to open and close).
  const [openAtFirst] = useState(shared.themes.length === 0 && shared.heroMediaId === null);
  const detailsRef = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    // A refused save is shown, never folded away.
    if (state.status === 'error' && detailsRef.current) detailsRef.current.open = true;
  }, [state]);
  const heading = (
    <h2 id="shared-title" className="mb-2 text-xl font-bold">
      {t('sharedTitle')}
    </h2>
  );
  const fields = (
    <>
      <div className="flex flex-wrap gap-8">
        <div>
          <label htmlFor="kind" className="block font-semibold">
            {t('kind')}
          </label>
          <select id="kind" name="kind" defaultValue={shared.kind} className="mt-1 rounded border border-gray-500 px-3 py-2">
            {NEWS_KIND_OPTIONS.map((k) => (
              <option key={k} value={k}>
                {kinds(k)}
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend className="font-semibold">{t('themes')}</legend>
          <div className="mt-1 flex flex-wrap gap-x-6 gap-y-1">
            {themeOptions.map((o) => (
              <label key={o.id} className="flex items-center gap-2">
                <input type="checkbox" name="themes" value={o.id} defaultChecked={shared.themes.includes(o.id)} className="size-4" />
                {o.title}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <div className="mt-4">
        <HeroPicker id="news-hero" current={heroImage} />
      </div>
      <fieldset className="mt-4" aria-describedby="media-contact-hint" data-testid="media-contact-fields">
        <legend className="font-semibold">{t('mediaContact.title')}</legend>
        <p id="media-contact-hint" className="mb-2 text-sm text-muted">
          {t('mediaContact.hint')}
        </p>
        <div className="flex flex-wrap gap-x-6">
          <Field id="media-contact-name" name="mediaContactName" label={t('mediaContact.name')} defaultValue={shared.mediaContact.name ?? ''} maxLength={120} autoComplete="off" />
          <Field id="media-contact-phone" name="mediaContactPhone" label={t('mediaContact.phone')} defaultValue={shared.mediaContact.phone ?? ''} maxLength={40} type="tel" autoComplete="off" />
          <Field id="media-contact-email" name="mediaContactEmail" label={t('mediaContact.email')} defaultValue={shared.mediaContact.email ?? ''} maxLength={254} type="email" autoComplete="off" />
        </div>
      </fieldset>
    </>
  );
  const look = 'rounded border border-gray-300 bg-white p-4';
  if (itemId === null) {
    return (
      <form id={SHARED_FORM_ID} ref={formRef} aria-labelledby="shared-title" aria-describedby="shared-first-save" className={look} onSubmit={(e) => e.preventDefault()}>
        {heading}
        <p id="shared-first-save" className="mb-2 text-sm text-muted">
          {t('sharedFirstSave')}
        </p>
        {fields}
      </form>
    );
  }
  // Once chosen, the shared fields fold to one line so the title is in view.
  return (
    <ActionForm action={action} ref={formRef} aria-labelledby="shared-title" className={look}>
      <details ref={detailsRef} open={openAtFirst} data-testid="shared-fields">
        <summary className="cursor-pointer">
          <h2 id="shared-title" className="inline text-xl font-bold">
            {t('sharedTitle')}
          </h2>
          <span className="ml-2 text-sm text-muted" data-testid="shared-summary">
            {t('sharedSummary', { kind: kinds(shared.kind as (typeof NEWS_KIND_OPTIONS)[number]), themes: shared.themes.length, hero: shared.heroMediaId === null ? 'no' : 'yes' })}
          </span>
        </summary>
        <div className="mt-3">
          <ItemFormBody state={state} pending={pending} hidden={{ itemId, baseVersion: version }} submitLabel={t('saveShared')}>
            {fields}
          </ItemFormBody>
        </div>
      </details>
    </ActionForm>
  );
}

function NewsTranslationForm({
  userId,
  itemId,
  locale,
  data,
  action,
  carried,
}: {
  userId: number;
  itemId: number | null;
  locale: Locale;
  data: TranslationData | undefined;
  action: typeof saveNewsTranslationAction;
  carried: Carried | null;
}) {
  const t = useTranslations('Admin.editor');
  const statuses = useTranslations('Admin.news.statuses');
  return (
    <TranslationForm
      locale={locale}
      formId={`news-${locale}`}
      draftKey={draftKey(userId, itemId, locale)}
      action={action}
      carried={carried}
      hidden={{ itemId: itemId ?? '', locale }}
      meta={data}
      item={{ segment: 'news', id: itemId, preview: true }}
      conflictFields={FIELDS.map((f) => ({ name: f, label: t(`fields.${f}`) }))}
      confirm={itemId !== null ? { action: confirmNewsTranslationAction, hidden: { itemId, locale } } : null}
      statusLabels={Object.fromEntries(PUBLICATION_STATUSES.map((s) => [s, statuses(s)])) as Record<PublicationStatus, string>}
      publishAtHint={t('publishAtHint')}
    >
      {(errors) => (
        <>
          <TextFields
            locale={locale}
            values={data}
            errors={errors}
            address={{ name: 'slug', label: t('fields.slug'), hint: t('slugHint'), maxLength: 200 }}
            summaryHint={t('summaryHint')}
            insertImages
            afterSummary={<Field id={`${locale}-dateline`} name="dateline" label={t('fields.dateline')} hint={t('datelineHint')} defaultValue={data?.dateline} error={errors.dateline} />}
          />
        </>
      )}
    </TranslationForm>
  );
}
