import { getTranslations } from 'next-intl/server';
import { type Locale, otherLocale } from '@/i18n/routing';
import type { AppHref } from '@/lib/hrefs';
import { LocaleLink } from './LocaleLink';

/**
 * Where the other language's version of the current view is. `missing` when
 * the content exists in this language only: the switcher then says so in the
 * other language and leads to that language's index instead of a 404.
 */
export type Alternate =
  | { kind: 'found'; href: AppHref }
  | { kind: 'missing'; what: 'article' | 'page'; fallback: AppHref };

export async function LanguageSwitcher({ locale, alternate }: { locale: Locale; alternate: Alternate }) {
  const target = otherLocale(locale);
  const t = await getTranslations({ locale, namespace: 'Switcher' });
  const tt = await getTranslations({ locale: target, namespace: 'Switcher' });
  const href = alternate.kind === 'found' ? alternate.href : alternate.fallback;
  const note = alternate.kind === 'missing' ? tt(alternate.what === 'article' ? 'articleMissing' : 'pageMissing') : null;

  return (
    <nav aria-label={t('label')} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <span aria-current="true" className="font-semibold">
        {t('current')}
      </span>
      <span aria-hidden="true">|</span>
      <LocaleLink
        href={href}
        locale={target}
        className="inline-flex min-h-6 items-center px-1 text-white underline decoration-accent decoration-2 hover:decoration-white"
        data-testid="language-switch"
      >
        {tt('current')}
      </LocaleLink>
      {note ? (
        <span lang={target} className="text-white/90" data-testid="translation-missing">
          ({note})
        </span>
      ) : null}
    </nav>
  );
}
