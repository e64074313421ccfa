import type { ReactNode } from 'react';
import { localizedPath } from '@/i18n/paths';
import type { Locale } from '@/i18n/routing';
import type { AppHref } from '@/lib/hrefs';

/**
 * A link into the other language. A plain <a> (address from
 * localizedPath) so that switching language is a full page load: the new page
 * gets its own <html lang>, and the proxy sees the switch and remembers it.
 */
export function LocaleLink({
  href,
  locale,
  className,
  children,
  textLang,
  ...rest
}: {
  href: AppHref;
  locale: Locale;
  className?: string;
  children: ReactNode;
  'data-testid'?: string;
  /** The language of the link's text, when it is not the target's. */
  textLang?: Locale;
}) {
  return (
    <a href={localizedPath(href, locale)} lang={textLang ?? locale} hrefLang={locale} className={className} {...rest}>
      {children}
    </a>
  );
}
