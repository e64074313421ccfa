'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/admin/ActionForm';
import { Field } from '@/components/admin/Field';
import { HeroPicker } from '@/components/admin/HeroPicker';
import { ItemFormBody, useItemForm } from '@/components/admin/ItemForm';
import { localDraftKey } from '@/components/admin/LocalDraft';
import { LanguagePanels, type Locale, TextFields, TranslationForm, type TranslationMeta } from '@/components/admin/TranslationEditor';
import type { HeroOption, PublicationOption } from '@/db/admin/media';
import { formatBytes } from '@/lib/media/format';
import { PUBLICATION_STATUSES } from '@/lib/vocabulary';
import { confirmPageTranslationAction, savePageTranslationAction, setPageHeroAction, setPageExternalUrlAction, setPagePublicationsAction } from './actions';

export type PageTranslationData = TranslationMeta & {
  title: string;
  menuTitle: string;
  path: string;
  summary: string;
  body: string;
  seoTitle: string;
  seoDescription: string;
  isPlaceholder: boolean;
};

export type PageEditorProps = {
  /** Whose browser drafts these are (a shared computer keeps each person's apart). */
  userId: number;
  pageId: number;
  kind: 'page' | 'link';
  /** For an external link: where it points. */
  externalUrl: string | null;
  /** A page's main image: its id, and the image itself for the main-image choice. */
  heroMediaId: number | null;
  heroImage: HeroOption | null;
  /** The library's PDFs the page can list as publications. */
  publications: PublicationOption[];
  /** The editor's language (for file sizes). */
  uiLocale: Locale;
  translations: Partial<Record<Locale, PageTranslationData>>;
  /** Which language the page opens on (narrow screens). */
  initialLocale: Locale;
};

/** The look of the forms of what a page has once for both languages. */
const BOX = 'mt-6 rounded border border-gray-300 bg-white p-4';

const PAGE_FIELDS = ['title', 'menuTitle', 'path', 'summary', 'body', 'seoTitle', 'seoDescription'] as const;
const LINK_FIELDS = ['title'] as const;

function pageDraftKey(userId: number, pageId: number, locale: Locale) {
  return localDraftKey('page', userId, pageId, locale);
}

/** The page editor: both languages side by side; an external link has its address and a title per language. */
export function PageEditor(props: PageEditorProps) {
  return (
    <div>
      {props.kind === 'link' ? <LinkForm pageId={props.pageId} url={props.externalUrl ?? ''} /> : (
        <>
          <HeroForm pageId={props.pageId} current={props.heroImage} />
          <PublicationsForm pageId={props.pageId} options={props.publications} uiLocale={props.uiLocale} />
        </>
      )}
      <LanguagePanels initialLocale={props.initialLocale}>
        {(locale) => <PageTranslationForm userId={props.userId} pageId={props.pageId} kind={props.kind} locale={locale} data={props.translations[locale]} insertImages={props.kind === 'page'} />}
      </LanguagePanels>
    </div>
  );
}

function PageTranslationForm({
  userId,
  pageId,
  kind,
  locale,
  data,
  insertImages,
}: {
  userId: number;
  pageId: number;
  kind: 'page' | 'link';
  locale: Locale;
  data: PageTranslationData | undefined;
  insertImages: boolean;
}) {
  const t = useTranslations('Admin.editor');
  const p = useTranslations('Admin.pages');
  const statuses = useTranslations('Admin.pages.statuses');
  const fieldLabel = (f: (typeof PAGE_FIELDS)[number]) => (f === 'menuTitle' || f === 'path' ? p(`fields.${f}`) : t(`fields.${f}`));
  const names = kind === 'link' ? LINK_FIELDS : PAGE_FIELDS;
  return (
    <TranslationForm
      locale={locale}
      formId={`page-${locale}`}
      draftKey={pageDraftKey(userId, pageId, locale)}
      action={savePageTranslationAction}
      hidden={{ pageId, locale }}
      meta={data}
      item={{ segment: 'pages', id: pageId, preview: kind === 'page' }}
      conflictFields={names.map((f) => ({ name: f, label: fieldLabel(f) }))}
      confirm={{ action: confirmPageTranslationAction, hidden: { pageId, locale } }}
      statusLabels={Object.fromEntries(PUBLICATION_STATUSES.map((s) => [s, statuses(s)])) as Record<(typeof PUBLICATION_STATUSES)[number], string>}
      publishAtHint={kind === 'link' ? p('publishAtHintLink') : p('publishAtHint')}
    >
      {(errors) => (
        <>
          {data?.isPlaceholder ? (
            <p className="mb-4 rounded border-l-4 border-amber-600 bg-amber-50 px-4 py-3 text-sm" data-testid={`placeholder-${locale}`}>
              {p('placeholderNote')}
            </p>
          ) : null}
          {kind === 'page' ? (
            <TextFields
              locale={locale}
              values={data}
              errors={errors}
              address={{ name: 'path', label: p('fields.path'), hint: p('pathHint'), maxLength: 400 }}
              summaryHint={p('summaryHint')}
              insertImages={insertImages}
              afterTitle={
                <Field
                  id={`${locale}-menuTitle`}
                  name="menuTitle"
                  label={p('fields.menuTitle')}
                  hint={p('menuTitleHint')}
                  defaultValue={data?.menuTitle}
                  maxLength={1000}
                  error={errors.menuTitle}
                />
              }
            />
          ) : (
            // An external link has a title and nothing else.
            <Field id={`${locale}-title`} name="title" label={t('fields.title')} defaultValue={data?.title} required maxLength={1000} error={errors.title} />
          )}
        </>
      )}
    </TranslationForm>
  );
}

function HeroForm({ pageId, current }: { pageId: number; current: HeroOption | null }) {
  const t = useTranslations('Admin.editor.hero');
  const { state, action, pending, formRef } = useItemForm(setPageHeroAction);
  return (
    <ActionForm action={action} ref={formRef} aria-label={t('label')} className={BOX} data-testid="hero-form">
      <ItemFormBody state={state} pending={pending} hidden={{ pageId }} submitLabel={t('save')}>
        <HeroPicker id="page-hero" current={current} />
      </ItemFormBody>
    </ActionForm>
  );
}

function PublicationsForm({ pageId, options, uiLocale }: { pageId: number; options: PublicationOption[]; uiLocale: Locale }) {
  const p = useTranslations('Admin.pages.publications');
  const { state, action, pending, formRef } = useItemForm(setPagePublicationsAction);
  return (
    <ActionForm action={action} ref={formRef} aria-label={p('title')} className={BOX} data-testid="publications-form">
      <ItemFormBody state={state} pending={pending} hidden={{ pageId }} submitLabel={p('save')}>
      <fieldset aria-describedby="publications-hint">
        <legend className="font-semibold">{p('title')}</legend>
        <p id="publications-hint" className="text-sm text-muted">
          {p('hint')}
        </p>
        {options.length === 0 ? <p className="mt-2 text-sm">{p('empty')}</p> : null}
        <ul className="mt-2 max-h-72 space-y-1 overflow-y-auto">
          {options.map((o) => (
            <li key={o.id}>
              <label className="flex items-center gap-2">
                <input type="checkbox" name="documents" value={o.id} defaultChecked={o.checked} className="size-4" />
                <span>
                  {o.title} <span className="text-sm text-muted">(PDF, {formatBytes(o.size, uiLocale)})</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      </ItemFormBody>
    </ActionForm>
  );
}

function LinkForm({ pageId, url }: { pageId: number; url: string }) {
  const p = useTranslations('Admin.pages');
  const { state, action, pending, formRef } = useItemForm(setPageExternalUrlAction);
  return (
    <ActionForm action={action} ref={formRef} aria-labelledby="link-title" className={BOX} noValidate>
      <h2 id="link-title" className="mb-2 text-xl font-bold">
        {p('linkTitle')}
      </h2>
      <ItemFormBody state={state} pending={pending} hidden={{ pageId }} submitLabel={p('saveLink')}>
      <Field
        id="link-url"
        name="url"
        type="url"
        label={p('linkUrl')}
        hint={p('linkUrlHint')}
        defaultValue={url}
        required
        maxLength={2000}
        autoCapitalize="none"
        spellCheck={false}
        error={state.fieldErrors?.url}
      />
      </ItemFormBody>
    </ActionForm>
  );
}
