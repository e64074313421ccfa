import type { ReactNode } from 'react';
import { localizedPath } from '@/i18n/paths';
import type { Locale } from '@/i18n/routing';
import type { AppHref } from '@/lib/hrefs';
import { languageSwitchHref } from '@/lib/locale-switch';

/**
 * A link into the other language: a plain <a> through the language switch
 * (GET /api/locale, lib/locale-switch.ts), which remembers the choice on its
 * own uncached redirect — the cached pages never set a cookie — and goes on
 * to the address in that language. A full page load, so the new page gets
 * its own <html lang>; no JavaScript needed. `remembers={false}`: a link
 * that is no choice of language (search results in the other language),
 * straight to the address.
 */
export function LocaleLink({
  href,
  locale,
  className,
  children,
  textLang,
  remembers = true,
  ...rest
}: {
  href: AppHref;
  locale: Locale;
  className?: string;
  children: ReactNode;
  'data-testid'?: string;
  /** The language of the link's text, when it is not the target's. */
  textLang?: Locale;
  remembers?: boolean;
}) {
  const target = localizedPath(href, locale);
  return (
    <a href={remembers ? languageSwitchHref(locale, target) : target} lang={textLang ?? locale} hrefLang={locale} className={className} {...rest}>
      {children}
    </a>
  );
}
