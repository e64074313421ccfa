'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef, useState } from 'react';
import { ActionForm } from '@/components/admin/ActionForm';
import { DiffView } from '@/components/admin/DiffView';
import { Field } from '@/components/admin/Field';
import { FormMessage } from '@/components/admin/FormMessage';
import { clearLocalDraft, LocalDraft, localDraftKey } from '@/components/admin/LocalDraft';
import { RichTextEditor } from '@/components/admin/RichTextEditor';
import { SubmitButton } from '@/components/admin/SubmitButton';
import { TextArea } from '@/components/admin/TextArea';
import type { PublicationStatus } from '@/db/schema';
import { type Chunk, diffFields } from '@/lib/diff';
import { idleState } from '@/lib/form-state';
import { confirmTranslationAction, type NewsFormState, saveNewsAction, saveSharedNewsAction, type SharedFormState } from './actions';

type Locale = 'en' | 'sq';

export type TranslationData = {
  title: string;
  slug: string;
  summary: string;
  body: string;
  dateline: string;
  seoTitle: string;
  seoDescription: string;
  version: number;
  status: PublicationStatus;
  /** Shown in the editor's language and Tirana time. */
  publishedAtLabel: string | null;
  /** For the schedule field (Tirana wall clock). */
  publishAtInput: string;
  stale: boolean;
  /** For a stale translation: what changed in the other language since it was last confirmed. */
  sourceChanges: { label: string; chunks: Chunk[] }[] | null;
};

export type EditorProps = {
  /** Whose browser drafts these are (a shared computer keeps each person's apart). */
  userId: number;
  itemId: number | null;
  shared: { kind: string; themes: number[]; version: number };
  themeOptions: { id: number; title: string }[];
  translations: Partial<Record<Locale, TranslationData>>;
  /** Which language the page opens on (narrow screens). */
  initialLocale: Locale;
  /** Set right after an item was created, to drop the "new article" draft kept in the browser. */
  createdLocale: Locale | null;
};

const FIELDS = ['title', 'slug', 'summary', 'dateline', 'body', 'seoTitle', 'seoDescription'] as const;
type FieldName = (typeof FIELDS)[number];

function draftKey(userId: number, itemId: number | null, locale: Locale) {
  return localDraftKey('news', userId, itemId, locale);
}

export function NewsEditor(props: EditorProps) {
  const t = useTranslations('Admin.editor');
  const [active, setActive] = useState<Locale>(props.initialLocale);
  const tabs = useRef<Record<Locale, HTMLButtonElement | null>>({ en: null, sq: null });

  useEffect(() => {
    if (props.createdLocale) clearLocalDraft(draftKey(props.userId, null, props.createdLocale));
  }, [props.createdLocale, props.userId]);

  const onTabKey = (event: React.KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const next: Locale = active === 'en' ? 'sq' : 'en';
    setActive(next);
    tabs.current[next]?.focus();
  };

  return (
    <div>
      {props.itemId !== null ? <SharedForm itemId={props.itemId} shared={props.shared} themeOptions={props.themeOptions} /> : null}
      <div role="tablist" aria-label={t('languages')} className="mt-6 flex gap-2 border-b border-gray-300 lg:hidden" onKeyDown={onTabKey}>
        {(['en', 'sq'] as const).map((l) => (
          <button
            key={l}
            ref={(el) => {
              tabs.current[l] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${l}`}
            aria-controls={`panel-${l}`}
            aria-selected={active === l}
            tabIndex={active === l ? 0 : -1}
            onClick={() => setActive(l)}
            className={`-mb-px rounded-t border px-4 py-2 font-semibold ${active === l ? 'border-gray-300 border-b-white bg-white text-iom-blue' : 'border-transparent text-ink'}`}
          >
            {t(`language.${l}`)}
          </button>
        ))}
      </div>
      <div className="mt-6 grid gap-8 lg:grid-cols-2">
        {(['en', 'sq'] as const).map((l) => (
          <section
            key={l}
            id={`panel-${l}`}
            role="tabpanel"
            aria-labelledby={`heading-${l}`}
            className={`${active === l ? 'block' : 'hidden'} min-w-0 lg:block`}
          >
            <TranslationForm userId={props.userId} itemId={props.itemId} locale={l} data={props.translations[l]} />
          </section>
        ))}
      </div>
    </div>
  );
}

function SharedForm({ itemId, shared, themeOptions }: { itemId: number; shared: EditorProps['shared']; themeOptions: EditorProps['themeOptions'] }) {
  const t = useTranslations('Admin.editor');
  const kinds = useTranslations('Admin.editor.kinds');
  const [state, action, pending] = useActionState<SharedFormState, FormData>(saveSharedNewsAction, idleState);
  const version = state.version ?? shared.version;
  return (
    <ActionForm action={action} aria-labelledby="shared-title" className="rounded border border-gray-300 bg-white p-4">
      <h2 id="shared-title" className="mb-2 text-xl font-bold">
        {t('sharedTitle')}
      </h2>
      <FormMessage state={state} />
      <input type="hidden" name="itemId" value={itemId} />
      <input type="hidden" name="baseVersion" value={version} />
      <div className="flex flex-wrap gap-8">
        <div>
          <label htmlFor="kind" className="block font-semibold">
            {t('kind')}
          </label>
          <select id="kind" name="kind" defaultValue={shared.kind} className="mt-1 rounded border border-gray-500 px-3 py-2">
            {(['news', 'press_release', 'story'] as const).map((k) => (
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
        <SubmitButton pending={pending} variant="secondary">
          {t('saveShared')}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}

function TranslationForm({ userId, itemId, locale, data }: { userId: number; itemId: number | null; locale: Locale; data: TranslationData | undefined }) {
  const t = useTranslations('Admin.editor');
  const statuses = useTranslations('Admin.news.statuses');
  const diffLabels = useTranslations('Admin.diff');
  const [state, action, pending] = useActionState<NewsFormState, FormData>(saveNewsAction, idleState);
  const formRef = useRef<HTMLFormElement>(null);
  const [override, setOverride] = useState<number | null>(null);
  const [mine, setMine] = useState<Record<FieldName, string> | null>(null);
  // Stays in view after "still right", so its answer can be read (the page's data moves on).
  const [staleShown, setStaleShown] = useState(Boolean(data?.stale));
  useEffect(() => {
    if (data?.stale) setStaleShown(true);
  }, [data?.stale]);
  const formId = `news-${locale}`;
  const key = draftKey(userId, itemId, locale);
  const baseVersion = override ?? state.version ?? data?.version ?? null;
  const status = state.publication ?? data?.status ?? null;
  const live = status === 'published' || status === 'scheduled';
  const errors = state.fieldErrors ?? {};

  useEffect(() => {
    if (state.status === 'success') {
      clearLocalDraft(key);
      setOverride(null);
    }
    if (state.conflict && formRef.current) {
      const values = new FormData(formRef.current);
      setMine(Object.fromEntries(FIELDS.map((f) => [f, String(values.get(f) ?? '')])) as Record<FieldName, string>);
    } else {
      setMine(null);
    }
  }, [state, key]);

  const fieldLabel = (f: FieldName) => t(`fields.${f}`);
  const conflictDiff =
    state.conflict && mine && override === null
      ? diffFields(
          Object.fromEntries(FIELDS.map((f) => [f, state.conflict![f] ?? ''])),
          mine,
          [...FIELDS],
        ).map((d) => ({ ...d, label: fieldLabel(d.field as FieldName) }))
      : null;

  return (
    <div>
      <h2 id={`heading-${locale}`} className="text-2xl font-bold" lang={locale}>
        {t(`language.${locale}`)}
      </h2>
      <p className="mt-1 text-sm" data-testid={`status-${locale}`}>
        {status ? statuses(status) : t('notWritten')}
        {data?.publishedAtLabel && live ? ` · ${data.publishedAtLabel}` : null}
      </p>
      {itemId !== null && data ? (
        <p className="mt-1 flex flex-wrap gap-4 text-sm">
          <a href={`/admin/preview/news/${itemId}/${locale}`} target="_blank" rel="noopener" className="font-semibold">
            {t('preview')}
            <span className="sr-only"> ({t('opensInNewTab')})</span>
          </a>
          <Link href={`/admin/news/${itemId}/history/${locale}`} className="font-semibold">
            {t('history')}
          </Link>
        </p>
      ) : null}

      {staleShown && itemId !== null ? <StaleNotice itemId={itemId} locale={locale} changes={data?.sourceChanges ?? null} /> : null}

      <ActionForm action={action} id={formId} ref={formRef} noValidate className="mt-4" lang={locale} aria-labelledby={`heading-${locale}`}>
        <FormMessage state={state} />
        {conflictDiff ? (
          <div role="alert" className="mb-4 rounded border-l-4 border-amber-600 bg-amber-50 p-4" data-testid={`conflict-${locale}`}>
            <p className="font-semibold">{t('conflictTitle', { version: state.conflict!.version })}</p>
            <p className="mt-1 text-sm">{t('conflictHelp')}</p>
            <div className="mt-3 max-h-96 overflow-auto bg-white p-2">
              <DiffView fields={conflictDiff} labels={{ added: diffLabels('added'), removed: diffLabels('removed'), noChanges: diffLabels('noChanges'), legend: diffLabels('legend') }} />
            </div>
            <button type="button" className="mt-3 rounded border border-iom-blue bg-white px-4 py-2 font-semibold text-iom-blue" onClick={() => setOverride(state.conflict!.version)}>
              {t('keepMine')}
            </button>
          </div>
        ) : null}
        {override !== null ? (
          <p role="status" className="mb-4 rounded bg-amber-50 px-4 py-2 text-sm">
            {t('overrideArmed')}
          </p>
        ) : null}
        <input type="hidden" name="itemId" value={itemId ?? ''} />
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="baseVersion" value={baseVersion ?? ''} />
        <Field id={`${locale}-title`} name="title" label={t('fields.title')} defaultValue={data?.title} required maxLength={1000} error={errors.title} />
        <Field
          id={`${locale}-slug`}
          name="slug"
          label={t('fields.slug')}
          hint={t('slugHint')}
          defaultValue={data?.slug}
          maxLength={200}
          autoCapitalize="none"
          spellCheck={false}
          error={errors.slug}
        />
        <TextArea id={`${locale}-summary`} name="summary" label={t('fields.summary')} hint={t('summaryHint')} defaultValue={data?.summary} rows={3} error={errors.summary} />
        <Field id={`${locale}-dateline`} name="dateline" label={t('fields.dateline')} hint={t('datelineHint')} defaultValue={data?.dateline} error={errors.dateline} />
        <RichTextEditor id={`${locale}-body`} name="body" label={t('fields.body')} defaultValue={data?.body ?? ''} error={errors.body} lang={locale} />
        <details className="mb-4 rounded border border-gray-300 bg-white p-3" open={Boolean(errors.seoTitle || errors.seoDescription)}>
          <summary className="cursor-pointer font-semibold">{t('seo')}</summary>
          <div className="mt-3">
            <Field id={`${locale}-seoTitle`} name="seoTitle" label={t('fields.seoTitle')} hint={t('seoTitleHint')} defaultValue={data?.seoTitle} error={errors.seoTitle} />
            <TextArea
              id={`${locale}-seoDescription`}
              name="seoDescription"
              label={t('fields.seoDescription')}
              hint={t('seoDescriptionHint')}
              defaultValue={data?.seoDescription}
              rows={2}
              error={errors.seoDescription}
            />
          </div>
        </details>
        <fieldset className="mb-4 rounded border border-gray-300 bg-white p-3">
          <legend className="px-1 font-semibold">{t('publication')}</legend>
          <div className="mb-3">
            <label htmlFor={`${locale}-publishAt`} className="block font-semibold">
              {t('publishAt')}
            </label>
            <p id={`${locale}-publishAt-hint`} className="text-sm text-muted">
              {t('publishAtHint')}
            </p>
            <input
              id={`${locale}-publishAt`}
              name="publishAt"
              type="datetime-local"
              defaultValue={data?.status === 'scheduled' ? data.publishAtInput : ''}
              aria-invalid={errors.publishAt ? true : undefined}
              aria-describedby={`${locale}-publishAt-hint${errors.publishAt ? ` ${locale}-publishAt-error` : ''}`}
              className="mt-1 rounded border border-gray-500 px-3 py-2 aria-invalid:border-red-700"
            />
            {errors.publishAt ? (
              <p id={`${locale}-publishAt-error`} className="mt-1 text-sm font-semibold text-red-800">
                {errors.publishAt}
              </p>
            ) : null}
          </div>
          {errors.form ? <p className="mb-2 text-sm font-semibold text-red-800">{errors.form}</p> : null}
          <div className="flex flex-wrap gap-3">
            <IntentButton intent="save" pending={pending} variant={live ? 'primary' : 'secondary'}>
              {live ? t('saveLive') : t('saveDraft')}
            </IntentButton>
            {status !== 'published' ? (
              <IntentButton intent="publish" pending={pending}>
                {t('publishNow')}
              </IntentButton>
            ) : null}
            <IntentButton intent="schedule" pending={pending} variant="secondary">
              {t('schedule')}
            </IntentButton>
            {live ? (
              <IntentButton intent="unpublish" pending={pending} variant="secondary">
                {t('unpublish')}
              </IntentButton>
            ) : null}
          </div>
        </fieldset>
      </ActionForm>
      <LocalDraft formId={formId} storageKey={key} baseVersion={baseVersion} />
    </div>
  );
}

function IntentButton({ intent, pending, variant = 'primary', children }: { intent: string; pending: boolean; variant?: 'primary' | 'secondary'; children: React.ReactNode }) {
  const look = variant === 'primary' ? 'bg-iom-blue text-white hover:bg-iom-blue-dark' : 'border border-iom-blue bg-white text-iom-blue hover:bg-gray-50';
  return (
    <button type="submit" name="intent" value={intent} disabled={pending} aria-disabled={pending} className={`rounded px-4 py-2 font-semibold disabled:opacity-60 ${look}`}>
      {children}
    </button>
  );
}

function StaleNotice({ itemId, locale, changes }: { itemId: number; locale: Locale; changes: TranslationData['sourceChanges'] }) {
  const t = useTranslations('Admin.editor');
  const diffLabels = useTranslations('Admin.diff');
  const [state, action, pending] = useActionState(confirmTranslationAction, idleState);
  if (state.status === 'success') return <FormMessage state={state} />;
  return (
    <div className="mt-4 rounded border-l-4 border-amber-600 bg-amber-50 p-4" data-testid={`stale-notice-${locale}`}>
      <p className="font-semibold">{t('staleTitle')}</p>
      <p className="mt-1 text-sm">{t('staleHelp')}</p>
      {changes ? (
        <details className="mt-2">
          <summary className="cursor-pointer font-semibold">{t('staleChanges')}</summary>
          <div className="mt-2 max-h-96 overflow-auto bg-white p-2">
            <DiffView fields={changes} labels={{ added: diffLabels('added'), removed: diffLabels('removed'), noChanges: diffLabels('noChanges'), legend: diffLabels('legend') }} />
          </div>
        </details>
      ) : (
        <p className="mt-1 text-sm">{t('staleNoRecord')}</p>
      )}
      <ActionForm action={action} className="mt-3">
        <FormMessage state={state} />
        <input type="hidden" name="itemId" value={itemId} />
        <input type="hidden" name="locale" value={locale} />
        <SubmitButton pending={pending} variant="secondary">
          {t('confirmStillRight')}
        </SubmitButton>
      </ActionForm>
    </div>
  );
}
