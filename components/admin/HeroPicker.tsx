'use client';

import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import type { HeroOption } from '@/db/admin/media';

type Locale = 'en' | 'sq';
const LOCALES: readonly Locale[] = ['en', 'sq'];

/**
 * The main-image choice of the news and page editors: a group of radio
 * buttons (arrow keys move between them), one per image of the library with
 * its thumbnail, file name and alt text in the editor's language, and "no
 * main image". Submits `heroMediaId` (empty for none) with its form.
 */
export function HeroPicker({ id, options, current, name = 'heroMediaId' }: { id: string; options: HeroOption[]; current: number | null; name?: string }) {
  const t = useTranslations('Admin.editor.hero');
  // Language names as they read inside a sentence ("në anglisht"), not the tabs' labels.
  const languages = useTranslations('Admin.media.languages');
  const uiLocale: Locale = useLocale() === 'sq' ? 'sq' : 'en';
  return (
    <fieldset aria-describedby={`${id}-hint`} className="min-w-0" data-testid="hero-picker">
      <legend className="font-semibold">{t('label')}</legend>
      <p id={`${id}-hint`} className="text-sm text-muted">
        {t('hint')}
      </p>
      <ul className="mt-2 grid max-h-96 grid-cols-1 gap-2 overflow-y-auto p-1 sm:grid-cols-2 lg:grid-cols-3">
        <li>
          <label className="flex h-full cursor-pointer items-center gap-3 rounded border border-gray-300 p-2 has-checked:border-iom-blue has-checked:bg-blue-50">
            <input type="radio" name={name} value="" defaultChecked={current === null} className="size-4 shrink-0" />
            <span className="font-semibold">{t('none')}</span>
          </label>
        </li>
        {options.map((o) => {
          const alt = o.alt[uiLocale] ?? o.alt[uiLocale === 'en' ? 'sq' : 'en'];
          const notes = LOCALES.flatMap((l) =>
            o.decorative.includes(l) ? [{ text: t('decorative', { language: languages(l) }), missing: false }] : o.alt[l] ? [] : [{ text: t('noAlt', { language: languages(l) }), missing: true }],
          );
          return (
            <li key={o.id}>
              <label className="flex h-full cursor-pointer items-start gap-3 rounded border border-gray-300 p-2 has-checked:border-iom-blue has-checked:bg-blue-50">
                <input type="radio" name={name} value={o.id} defaultChecked={current === o.id} className="mt-1 size-4 shrink-0" />
                {o.thumb ? (
                  // The file name and alt text beside it say what it is: the thumbnail itself is decorative here.
                  <img src={o.thumb.src} width={o.thumb.width} height={o.thumb.height} alt="" loading="lazy" className="h-16 w-20 shrink-0 bg-gray-100 object-contain" />
                ) : null}
                <span className="min-w-0 text-sm">
                  <span className="block font-semibold break-words">{o.fileName}</span>
                  {alt ? <span className="block break-words">{alt}</span> : null}
                  {notes.map((n) => (
                    <span key={n.text} className={`block ${n.missing ? 'font-semibold text-red-800' : 'text-muted'}`}>
                      {n.text}
                    </span>
                  ))}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      {options.length === 0 ? <p className="mt-2 text-sm">{t('empty')}</p> : null}
      <p className="mt-2 text-sm">
        <Link href="/admin/media">{t('library')}</Link>
      </p>
    </fieldset>
  );
}
