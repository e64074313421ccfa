import type { ComponentProps } from 'react';
import { localizedPath } from '@/i18n/paths';
import type { Locale } from '@/i18n/routing';
import type { AppHref } from '@/lib/hrefs';

/**
 * A link within the site: a plain <a> rendered on the server, its address
 * localized by localizedPath (i18n/paths.ts). Public pages are cached HTML that
 * load fast as whole pages, so they need neither next/link's client-side
 * navigation nor its prefetching of every link in view, which cost a phone
 * requests and main-thread time on each page load and kept next-intl's
 * client components in the bundle.
 */
export function SiteLink({
  href,
  locale,
  children,
  ...rest
}: Omit<ComponentProps<'a'>, 'href'> & { href: AppHref; locale: Locale }) {
  return (
    <a href={localizedPath(href, locale)} {...rest}>
      {children}
    </a>
  );
}
