'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { type ReactNode, useActionState, useEffect, useEffectEvent, useRef, useState } from 'react';
import { ActionForm } from '@/components/admin/ActionForm';
import { ConflictNotice } from '@/components/admin/ConflictNotice';
import { DiffView } from '@/components/admin/DiffView';
import { Field } from '@/components/admin/Field';
import { FormMessage } from '@/components/admin/FormMessage';
import { clearLocalDraft, LocalDraft } from '@/components/admin/LocalDraft';
import { SubmitButton } from '@/components/admin/SubmitButton';
import { TextArea } from '@/components/admin/TextArea';
import { RichTextEditor } from '@/components/admin/RichTextEditor';
import type { PublicationStatus } from '@/db/schema';
import { formatTiranaDateTime } from '@/lib/dates';
import { type Chunk, diffFields } from '@/lib/diff';
import { type FormState, idleState } from '@/lib/form-state';

/**
 * What the news and page editors share: both languages side by side (tabs on
 * narrow screens) and, for each language, a form that carries the version it
 * was opened at, shows a refused save's newer text as a diff with "keep my
 * text", warns when the other language changed since this one was checked,
 * keeps unsaved text in the browser (offered back at the top of the form),
 * asks before the page is left with unsaved changes, and publishes,
 * schedules (Tirana time) or unpublishes that language alone. The fields
 * themselves are the caller's.
 */

export type Locale = 'en' | 'sq';

/** What a save action answers with. */
export type TranslationFormState = FormState & {
  version?: number;
  publication?: PublicationStatus;
  publishedAt?: string | null;
  /** The newer text someone else saved, when this save was refused as stale. */
  conflict?: { version: number } & Record<string, unknown>;
  /** A refused first save of a new item: what is wrong with the other language's text, sent along with it. */
  otherFieldErrors?: Partial<Record<string, string>>;
};

/** The state of one language when the page was rendered (dates and diffs prepared on the server). */
export type TranslationMeta = {
  version: number;
  status: PublicationStatus;
  /** Shown in the editor's language and Tirana time. */
  publishedAtLabel: string | null;
  /** For the schedule fields (Tirana wall clock: "01.12.2026", "10:30"). */
  publishAt: { date: string; time: string } | null;
  stale: boolean;
  /** For a stale translation: what changed in the other language since it was last confirmed. */
  sourceChanges: { label: string; chunks: Chunk[] }[] | null;
  /** The public address, while the public can see this language. */
  publicPath: string | null;
};

type SaveAction = (state: TranslationFormState, formData: FormData) => Promise<TranslationFormState>;
type ConfirmAction = (state: FormState, formData: FormData) => Promise<FormState>;

/** Both languages side by side on wide screens, as two tabs on narrow ones. */
export function LanguagePanels({ initialLocale, children }: { initialLocale: Locale; children: (locale: Locale) => ReactNode }) {
  const t = useTranslations('Admin.editor');
  const [active, setActive] = useState<Locale>(initialLocale);
  const tabs = useRef<Record<Locale, HTMLButtonElement | null>>({ en: null, sq: null });

  const onTabKey = (event: React.KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const next: Locale = active === 'en' ? 'sq' : 'en';
    setActive(next);
    tabs.current[next]?.focus();
  };

  return (
    <>
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
            {children(l)}
          </section>
        ))}
      </div>
    </>
  );
}

export type TranslationFormProps = {
  locale: Locale;
  /** The form's id (for the local draft), unique on the page. */
  formId: string;
  /** Where this browser keeps unsaved text of this form. */
  draftKey: string;
  action: SaveAction;
  /** Hidden inputs that say what is saved (the item's id, the language). */
  hidden: Record<string, string | number>;
  /** This language as saved; undefined when it is not written yet. */
  meta: TranslationMeta | undefined;
  /** The item, by its type's address segment ('news', 'pages') and id (null before its first save): its preview (when it has one) and history links, once the language exists. */
  item: { segment: string; id: number | null; preview: boolean };
  /** The form's text fields, compared with the newer text when a save is refused. */
  conflictFields: readonly { name: string; label: string }[];
  /** Marks this language as still right against the other, when it may be out of date. */
  confirm: { action: ConfirmAction; hidden: Record<string, string | number> } | null;
  statusLabels: Record<PublicationStatus, string>;
  /** What the schedule field's hint says appears at the chosen time. */
  publishAtHint: string;
  /** The fields, given the errors per field name. */
  children: (errors: Partial<Record<string, string>>) => ReactNode;
  /** This language's text was sent with the other language's refused first save: why, and what to correct. */
  carried?: { message: string; errors: Partial<Record<string, string>> } | null;
};

export function TranslationForm(props: TranslationFormProps) {
  const { locale, formId, draftKey, meta } = props;
  const { segment, id: itemId } = props.item;
  const links =
    itemId !== null && meta
      ? { preview: props.item.preview ? `/admin/preview/${segment}/${itemId}/${locale}` : null, history: `/admin/${segment}/${itemId}/history/${locale}` }
      : null;
  const t = useTranslations('Admin.editor');
  const [state, action, pending] = useActionState<TranslationFormState, FormData>(props.action, idleState);
  const formRef = useRef<HTMLFormElement>(null);
  const [override, setOverride] = useState<number | null>(null);
  const [mine, setMine] = useState<Record<string, string> | null>(null);
  const names = props.conflictFields.map((f) => f.name);
  const baseVersion = override ?? state.version ?? meta?.version ?? null;
  const status = state.publication ?? meta?.status ?? null;
  const live = status === 'published' || status === 'scheduled';
  // After a save the server's answer says when the language is (to be) published.
  const publishedAtLabel = state.publishedAt !== undefined ? state.publishedAt && formatTiranaDateTime(new Date(state.publishedAt)) : meta?.publishedAtLabel;
  const errors = { ...props.carried?.errors, ...state.fieldErrors };

  // Only a new answer from the server changes what is shown (the field names never change).
  const onAnswer = useEffectEvent((answer: TranslationFormState) => {
    if (answer.status === 'success') {
      clearLocalDraft(draftKey);
      setOverride(null);
    }
    if (answer.conflict && formRef.current) {
      const values = new FormData(formRef.current);
      setMine(Object.fromEntries(names.map((f) => [f, String(values.get(f) ?? '')])));
    } else {
      setMine(null);
    }
  });
  // eslint-disable-next-line react-hooks/set-state-in-effect -- what was typed is read from the form's DOM once the answer is rendered
  useEffect(() => onAnswer(state), [state]);

  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const conflict = state.conflict;
  const conflictDiff =
    conflict && mine && override === null
      ? diffFields(Object.fromEntries(names.map((f) => [f, text(conflict[f])])), mine, names).map((d, i) => ({ ...d, label: props.conflictFields[i]!.label }))
      : null;

  return (
    <div>
      <h2 id={`heading-${locale}`} className="text-2xl font-bold" lang={locale}>
        {t(`language.${locale}`)}
      </h2>
      <p className="mt-1 text-sm" data-testid={`status-${locale}`}>
        {status ? props.statusLabels[status] : t('notWritten')}
        {publishedAtLabel && live ? ` · ${publishedAtLabel}` : null}
      </p>
      {links ? (
        <p className="mt-1 flex flex-wrap gap-4 text-sm">
          {links.preview ? (
            <a href={links.preview} target="_blank" rel="noopener" className="font-semibold">
              {t('preview')}
              <span className="sr-only"> ({t('opensInNewTab')})</span>
            </a>
          ) : null}
          <Link href={links.history} className="font-semibold">
            {t('history')}
          </Link>
          {meta?.publicPath ? (
            <a href={meta.publicPath} target="_blank" rel="noopener" className="font-semibold">
              {t('viewOnSite')}
              <span className="sr-only"> ({t('opensInNewTab')})</span>
            </a>
          ) : null}
        </p>
      ) : null}

      {props.confirm ? <StaleNotice locale={locale} stale={meta?.stale ?? false} changes={meta?.sourceChanges ?? null} confirm={props.confirm} /> : null}

      <ActionForm action={action} id={formId} ref={formRef} noValidate className="mt-4" lang={locale} aria-labelledby={`heading-${locale}`}>
        <LocalDraft formId={formId} storageKey={draftKey} baseVersion={baseVersion} />
        {/* A save refused as stale says so once, in the box with the newer text below. */}
        <FormMessage state={conflict ? idleState : state} />
        {props.carried ? (
          <p className="mb-4 rounded border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900" data-testid={`carried-${locale}`}>
            {props.carried.message}
          </p>
        ) : null}
        {conflictDiff && conflict ? (
          <ConflictNotice
            fields={conflictDiff}
            texts={{ title: t('conflictTitle', { version: conflict.version }), help: t('conflictHelp'), keepMine: t('keepMine') }}
            onKeepMine={() => setOverride(conflict.version)}
            testId={`conflict-${locale}`}
          />
        ) : null}
        {override !== null ? (
          <p role="status" className="mb-4 rounded bg-amber-50 px-4 py-2 text-sm">
            {t('overrideArmed')}
          </p>
        ) : null}
        {Object.entries(props.hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="baseVersion" value={baseVersion ?? ''} />
        {props.children(errors)}
        <fieldset className="mb-4 rounded border border-gray-300 bg-white p-3">
          <legend className="px-1 font-semibold">{t('publication')}</legend>
          <div className="mb-3">
            {/* Two plain text fields, not datetime-local: that one follows the browser's language (MM/DD, AM/PM in en-US). */}
            <div className="flex flex-wrap items-start gap-x-4 gap-y-2">
              {(['date', 'time'] as const).map((part) => {
                const fieldId = `${locale}-publishAt-${part}`;
                return (
                  <div key={part}>
                    <label htmlFor={fieldId} className="block font-semibold">
                      {t(part === 'date' ? 'publishAtDate' : 'publishAtTime')}
                    </label>
                    <input
                      id={fieldId}
                      name={part === 'date' ? 'publishAtDate' : 'publishAtTime'}
                      type="text"
                      autoComplete="off"
                      spellCheck={false}
                      size={part === 'date' ? 10 : 8}
                      maxLength={part === 'date' ? 10 : 8}
                      placeholder={t(part === 'date' ? 'publishAtDatePlaceholder' : 'publishAtTimePlaceholder')}
                      defaultValue={meta?.status === 'scheduled' && meta.publishAt ? meta.publishAt[part] : ''}
                      aria-invalid={errors.publishAt ? true : undefined}
                      aria-describedby={`${fieldId}-format ${locale}-publishAt-zone ${locale}-publishAt-hint${errors.publishAt ? ` ${locale}-publishAt-error` : ''}`}
                      className="mt-1 rounded border border-gray-500 px-3 py-2 aria-invalid:border-red-700"
                    />
                    <p id={`${fieldId}-format`} className="text-sm text-muted">
                      {t(part === 'date' ? 'publishAtDateFormat' : 'publishAtTimeFormat')}
                    </p>
                  </div>
                );
              })}
              <p id={`${locale}-publishAt-zone`} className="text-sm font-semibold sm:mt-9">
                {t('tiranaTime')}
              </p>
            </div>
            <p id={`${locale}-publishAt-hint`} className="mt-1 text-sm text-muted">
              {props.publishAtHint}
            </p>
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
    </div>
  );
}

/** The search-engine fields, folded away unless one of them has an error. */
export function SeoFields({
  locale,
  values,
  errors,
}: {
  locale: Locale;
  values: { seoTitle: string; seoDescription: string } | undefined;
  errors: Partial<Record<string, string>>;
}) {
  const t = useTranslations('Admin.editor');
  return (
    <details className="mb-4 rounded border border-gray-300 bg-white p-3" open={Boolean(errors.seoTitle || errors.seoDescription)}>
      <summary className="cursor-pointer font-semibold">{t('seo')}</summary>
      <div className="mt-3">
        <Field id={`${locale}-seoTitle`} name="seoTitle" label={t('fields.seoTitle')} hint={t('seoTitleHint')} defaultValue={values?.seoTitle} error={errors.seoTitle} />
        <TextArea
          id={`${locale}-seoDescription`}
          name="seoDescription"
          label={t('fields.seoDescription')}
          hint={t('seoDescriptionHint')}
          defaultValue={values?.seoDescription}
          rows={2}
          error={errors.seoDescription}
        />
      </div>
    </details>
  );
}

/**
 * The text fields every translated type has, in one order: title, the
 * address, summary, body, search-engine fields, and the main image's
 * refusal when publishing was refused for it. `afterTitle` and
 * `afterSummary` hold the type's own fields (a page's menu title, an
 * article's dateline).
 */
export function TextFields({
  locale,
  values,
  errors,
  address,
  summaryHint,
  insertImages,
  afterTitle,
  afterSummary,
}: {
  locale: Locale;
  values: { title: string; summary: string; body: string; seoTitle: string; seoDescription: string; [field: string]: unknown } | undefined;
  errors: Partial<Record<string, string>>;
  /** The address field: its name ('slug', 'path'), label, hint and longest value. */
  address: { name: string; label: string; hint: string; maxLength: number };
  summaryHint: string;
  insertImages: boolean;
  afterTitle?: ReactNode;
  afterSummary?: ReactNode;
}) {
  const t = useTranslations('Admin.editor');
  return (
    <>
      <Field id={`${locale}-title`} name="title" label={t('fields.title')} defaultValue={values?.title} required maxLength={1000} error={errors.title} />
      {afterTitle}
      <Field
        id={`${locale}-${address.name}`}
        name={address.name}
        label={address.label}
        hint={address.hint}
        defaultValue={values?.[address.name] as string | undefined}
        maxLength={address.maxLength}
        autoCapitalize="none"
        spellCheck={false}
        error={errors[address.name]}
      />
      <TextArea id={`${locale}-summary`} name="summary" label={t('fields.summary')} hint={summaryHint} defaultValue={values?.summary} rows={3} error={errors.summary} />
      {afterSummary}
      <RichTextEditor id={`${locale}-body`} name="body" label={t('fields.body')} defaultValue={values?.body ?? ''} error={errors.body} lang={locale} insertImages={insertImages} />
      <SeoFields locale={locale} values={values} errors={errors} />
      {errors.hero ? (
        <p role="alert" className="mb-4 rounded border-l-4 border-red-700 bg-red-50 px-4 py-2 text-sm font-semibold text-red-800" data-testid={`hero-error-${locale}`}>
          {errors.hero}
        </p>
      ) : null}
    </>
  );
}

function IntentButton({ intent, pending, variant = 'primary', children }: { intent: string; pending: boolean; variant?: 'primary' | 'secondary'; children: ReactNode }) {
  const look = variant === 'primary' ? 'bg-iom-blue text-white hover:bg-iom-blue-dark' : 'border border-iom-blue bg-white text-iom-blue hover:bg-gray-50';
  return (
    <button type="submit" name="intent" value={intent} disabled={pending} aria-disabled={pending} className={`rounded px-4 py-2 font-semibold disabled:opacity-60 ${look}`}>
      {children}
    </button>
  );
}

/**
 * The warning that this language may be out of date, with what changed in the
 * other one and a button to confirm it is still right. It stays mounted when
 * the confirmation makes the page render without the warning, so the answer
 * is still there to read.
 */
function StaleNotice({
  locale,
  stale,
  changes,
  confirm,
}: {
  locale: Locale;
  stale: boolean;
  changes: TranslationMeta['sourceChanges'];
  confirm: { action: ConfirmAction; hidden: Record<string, string | number> };
}) {
  const t = useTranslations('Admin.editor');
  const diffLabels = useTranslations('Admin.diff');
  const [state, action, pending] = useActionState(confirm.action, idleState);
  if (state.status === 'success') return <FormMessage state={state} />;
  if (!stale) return null;
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
        {Object.entries(confirm.hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <SubmitButton pending={pending} variant="secondary">
          {t('confirmStillRight')}
        </SubmitButton>
      </ActionForm>
    </div>
  );
}
