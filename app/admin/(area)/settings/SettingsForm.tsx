'use client';

import { useTranslations } from 'next-intl';
import { type ReactNode, useActionState, useEffect, useEffectEvent, useRef, useState } from 'react';
import { ActionForm } from '@/components/admin/ActionForm';
import { ConflictNotice } from '@/components/admin/ConflictNotice';
import { Field } from '@/components/admin/Field';
import { FormMessage } from '@/components/admin/FormMessage';
import { HeroPicker } from '@/components/admin/HeroPicker';
import { SubmitButton } from '@/components/admin/SubmitButton';
import { TextArea } from '@/components/admin/TextArea';
import { useUnsavedForm } from '@/components/admin/UnsavedChanges';
import type { HeroOption } from '@/db/admin/media';
import { diffFields } from '@/lib/diff';
import { idleState } from '@/lib/form-state';
import { PHONE_SLOTS, SOCIAL_FIELDS, SOCIAL_NETWORKS, TEXT_FIELD_NAMES } from '@/lib/site-settings';
import type { SettingsFormState } from './actions';

type Props = {
  action: (state: SettingsFormState, formData: FormData) => Promise<SettingsFormState>;
  version: number;
  values: Record<string, string>;
  images: { shareImage: HeroOption | null; logo: HeroOption | null };
};

const fieldId = (name: string) => `settings-${name.replaceAll('.', '-')}`;

function Section({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <fieldset className="mb-6 rounded border border-gray-300 bg-white p-4">
      <legend className="px-1 text-lg font-bold">{title}</legend>
      {hint ? <p className="mb-3 text-sm text-muted">{hint}</p> : null}
      {children}
    </fieldset>
  );
}

/**
 * The site settings, one form: the office, phones, media contact, map,
 * social accounts and the two images. A save carries the version the form
 * was opened at; when someone saved in between, their values are shown as a
 * diff against the form's (which keeps what was typed), with a button that
 * saves over theirs.
 */
export function SettingsForm({ action, version, values, images }: Props) {
  const t = useTranslations('Admin.settings');
  const [state, formAction, pending] = useActionState<SettingsFormState, FormData>(action, idleState);
  const formRef = useRef<HTMLFormElement>(null);
  const [override, setOverride] = useState<number | null>(null);
  const [mine, setMine] = useState<Record<string, string> | null>(null);
  useUnsavedForm(formRef, state);
  const baseVersion = override ?? state.version ?? version;
  const errors = state.fieldErrors ?? {};
  const picker = { remove: t('picker.remove'), none: t('picker.none') };

  // A new answer: after a success the override is spent; a refusal as stale keeps a copy of what was typed, to compare.
  const onAnswer = useEffectEvent((answer: SettingsFormState) => {
    if (answer.status === 'success') setOverride(null);
    if (answer.conflict && formRef.current) {
      const typed = new FormData(formRef.current);
      setMine(Object.fromEntries(TEXT_FIELD_NAMES.map((f) => [f, String(typed.get(f) ?? '')])));
    } else setMine(null);
  });
  // eslint-disable-next-line react-hooks/set-state-in-effect -- what was typed is read from the form's DOM once the answer is rendered
  useEffect(() => onAnswer(state), [state]);

  const label = (name: string): string => {
    const phone = name.match(/^phones\.(\d+)\.(number|labelEn|labelSq)$/);
    return phone ? `${t('fields.phone', { n: Number(phone[1]) + 1 })} · ${t(`fields.${phone[2] as 'number'}`)}` : t(`fields.${name as 'email'}`);
  };
  const conflict = state.conflict;
  const conflictDiff =
    conflict && mine && override === null
      ? diffFields(conflict.values, mine, TEXT_FIELD_NAMES, { htmlFields: [] })
          .filter((d) => d.changed)
          .map((d) => ({ label: label(d.field), chunks: d.chunks }))
      : null;

  const text = (name: string, props: { multiline?: boolean; hint?: string; type?: string; autoComplete?: string; lang?: string } = {}) =>
    props.multiline ? (
      <TextArea id={fieldId(name)} name={name} label={label(name)} hint={props.hint} defaultValue={values[name]} rows={3} error={errors[name]} lang={props.lang} />
    ) : (
      <Field
        id={fieldId(name)}
        name={name}
        label={label(name)}
        hint={props.hint}
        defaultValue={values[name]}
        type={props.type ?? 'text'}
        autoComplete={props.autoComplete ?? 'off'}
        spellCheck={props.type === 'url' || props.type === 'email' ? false : undefined}
        error={errors[name]}
        lang={props.lang}
      />
    );

  return (
    <ActionForm action={formAction} ref={formRef} noValidate aria-labelledby="settings-title" data-testid="settings-form">
      <FormMessage state={conflict ? idleState : state} />
      {conflict && conflictDiff ? (
        <ConflictNotice
          fields={conflictDiff}
          texts={{ title: t('conflictTitle', { version: conflict.version }), help: t('conflictHelp'), keepMine: t('keepMine') }}
          onKeepMine={() => setOverride(conflict.version)}
          testId="settings-conflict"
        />
      ) : null}
      {override !== null ? (
        <p role="status" className="mb-4 rounded bg-amber-50 px-4 py-2 text-sm">
          {t('overrideArmed')}
        </p>
      ) : null}
      <input type="hidden" name="baseVersion" value={baseVersion} />

      <Section title={t('sections.office')}>
        <div className="grid gap-x-6 lg:grid-cols-2">
          {text('addressEn', { multiline: true, hint: t('hints.address'), lang: 'en' })}
          {text('addressSq', { multiline: true, hint: t('hints.address'), lang: 'sq' })}
          {text('openingHoursEn', { multiline: true, hint: t('hints.openingHours'), lang: 'en' })}
          {text('openingHoursSq', { multiline: true, hint: t('hints.openingHours'), lang: 'sq' })}
        </div>
        {text('email', { type: 'email' })}
        {text('mapUrl', { type: 'url', hint: t('hints.mapUrl') })}
      </Section>

      <Section title={t('sections.phones')} hint={t('hints.phones')}>
        {Array.from({ length: PHONE_SLOTS }, (_, i) => (
          <div key={i} className="grid gap-x-4 md:grid-cols-3">
            {text(`phones.${i}.number`, { type: 'tel' })}
            {text(`phones.${i}.labelEn`, { lang: 'en' })}
            {text(`phones.${i}.labelSq`, { lang: 'sq' })}
          </div>
        ))}
      </Section>

      <Section title={t('sections.media')} hint={t('hints.media')}>
        <div className="grid gap-x-4 md:grid-cols-3">
          {text('mediaName')}
          {text('mediaPhone', { type: 'tel' })}
          {text('mediaEmail', { type: 'email' })}
        </div>
      </Section>

      <Section title={t('sections.social')} hint={t('hints.social')}>
        {SOCIAL_NETWORKS.map((n) => (
          <div key={n}>{text(SOCIAL_FIELDS[n], { type: 'url' })}</div>
        ))}
      </Section>

      <Section title={t('sections.images')}>
        <div className="grid gap-6 lg:grid-cols-2">
          <HeroPicker id="settings-share-image" name="shareImageId" current={images.shareImage} labels={{ label: t('fields.shareImage'), hint: t('hints.shareImage'), ...picker }} error={errors.shareImageId} />
          <HeroPicker id="settings-logo" name="logoId" current={images.logo} labels={{ label: t('fields.logo'), hint: t('hints.logo'), ...picker }} error={errors.logoId} />
        </div>
      </Section>

      <SubmitButton pending={pending}>{t('save')}</SubmitButton>
    </ActionForm>
  );
}
