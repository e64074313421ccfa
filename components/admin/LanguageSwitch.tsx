'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { LANGUAGE_NAMES, type Locale } from '@/i18n/routing';
import { type FormState, idleState } from '@/lib/form-state';

/**
 * English | Shqip in the editor area's header: one click saves the user's
 * interface language and shows the same page again in it. Each language is
 * named in itself; a plain form, so it works before JavaScript loads too.
 */
export function LanguageSwitch({
  current,
  returnTo,
  action,
}: {
  current: Locale;
  returnTo: string;
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
}) {
  const t = useTranslations('Admin');
  const [state, formAction, pending] = useActionState(action, idleState);
  return (
    <form action={formAction} role="group" aria-label={t('languageSwitch')} className="flex items-center">
      <input type="hidden" name="next" value={returnTo} />
      {(Object.keys(LANGUAGE_NAMES) as Locale[]).map((locale, i) => (
        <span key={locale} className="flex items-center">
          {i > 0 ? <span aria-hidden="true" className="px-1">|</span> : null}
          <button
            type="submit"
            name="locale"
            value={locale}
            lang={locale}
            aria-pressed={locale === current}
            disabled={pending}
            className={`min-h-6 rounded px-2 py-1 text-white underline-offset-4 hover:underline ${locale === current ? 'font-bold underline' : ''}`}
          >
            {LANGUAGE_NAMES[locale]}
          </button>
        </span>
      ))}
      {state.status === 'error' ? (
        <span role="alert" className="ml-2">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
