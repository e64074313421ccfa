'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import type { HeroOption } from '@/db/admin/media';
import { ImagePickerDialog } from './ImagePickerDialog';

type Locale = 'en' | 'sq';
const LOCALES: readonly Locale[] = ['en', 'sq'];

/**
 * The main-image choice of the news and page editors: the image now chosen
 * (thumbnail, file name, alt text in the editor's language and what is
 * missing), a button opening the image dialog over the whole library, and
 * one removing the image. Submits `heroMediaId` (empty for none) with its form.
 */
export function HeroPicker({
  id,
  current,
  name = 'heroMediaId',
  labels,
  error,
}: {
  id: string;
  current: HeroOption | null;
  name?: string;
  /** The texts, for another use than a main image (the site settings' share image and logo). */
  labels?: { label: string; hint: string; remove: string; none: string };
  error?: string;
}) {
  const t = useTranslations('Admin.editor.hero');
  const d = useTranslations('Admin.media.dialog');
  // Language names as they read inside a sentence ("në anglisht"), not the tabs' labels.
  const languages = useTranslations('Admin.media.languages');
  const uiLocale: Locale = useLocale() === 'sq' ? 'sq' : 'en';
  const [chosen, setChosen] = useState<HeroOption | null>(current);
  const [open, setOpen] = useState(false);
  const openerRef = useRef<HTMLButtonElement>(null);
  const alt = chosen ? (chosen.alt[uiLocale] ?? chosen.alt[uiLocale === 'en' ? 'sq' : 'en']) : undefined;
  const notes = chosen
    ? LOCALES.flatMap((l) =>
        chosen.decorative.includes(l) ? [{ text: t('decorative', { language: languages(l) }), missing: false }] : chosen.alt[l] ? [] : [{ text: t('noAlt', { language: languages(l) }), missing: true }],
      )
    : [];
  return (
    <fieldset aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`} className="min-w-0" data-testid={labels ? `${id}-picker` : 'hero-picker'}>
      <legend className="font-semibold">{labels?.label ?? t('label')}</legend>
      <p id={`${id}-hint`} className="text-sm text-muted">
        {labels?.hint ?? t('hint')}
      </p>
      {error ? (
        <p id={`${id}-error`} className="text-sm font-semibold text-red-800">
          {error}
        </p>
      ) : null}
      {/* data-watched: leaving with another image chosen and not saved asks first. */}
      <input type="hidden" name={name} value={chosen?.id ?? ''} data-watched />
      <div className="mt-2 flex items-start gap-3 rounded border border-gray-300 p-2" data-testid="hero-chosen" aria-live="polite">
        {chosen ? (
          <>
            {chosen.thumb ? (
              // The file name and alt text beside it say what it is: the thumbnail itself is decorative here.
              <img src={chosen.thumb.src} width={chosen.thumb.width} height={chosen.thumb.height} alt="" className="h-16 w-20 shrink-0 bg-gray-100 object-contain" />
            ) : null}
            <span className="min-w-0 text-sm">
              <span className="block font-semibold break-words">{chosen.fileName}</span>
              {alt ? <span className="block break-words">{alt}</span> : null}
              {notes.map((n) => (
                <span key={n.text} className={`block ${n.missing ? 'font-semibold text-red-800' : 'text-muted'}`}>
                  {n.text}
                </span>
              ))}
            </span>
          </>
        ) : (
          <span className="text-sm">{labels?.none ?? d('noneChosen')}</span>
        )}
      </div>
      <div className="mt-2 flex flex-wrap gap-2">
        <button ref={openerRef} type="button" className="rounded border border-iom-blue bg-white px-3 py-1.5 text-sm font-semibold text-iom-blue hover:bg-gray-50" onClick={() => setOpen(true)}>
          {d('open')}
        </button>
        {chosen ? (
          <button
            type="button"
            className="rounded border border-gray-500 bg-white px-3 py-1.5 text-sm hover:bg-gray-50"
            onClick={() => {
              setChosen(null);
              openerRef.current?.focus();
            }}
          >
            {labels?.remove ?? d('remove')}
          </button>
        ) : null}
      </div>
      <ImagePickerDialog open={open} locale={uiLocale} insertInto={null} onClose={() => setOpen(false)} onUse={(image) => setChosen(image)} />
    </fieldset>
  );
}
