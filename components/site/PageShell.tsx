import type { ReactNode } from 'react';
import type { Locale } from '@/i18n/routing';
import type { Alternate } from './LanguageSwitcher';
import { SiteFooter } from './SiteFooter';
import { SiteHeader } from './SiteHeader';

/** Header, main landmark and footer around every public page. */
export function PageShell({ locale, alternate, children }: { locale: Locale; alternate: Alternate; children: ReactNode }) {
  return (
    <>
      <SiteHeader locale={locale} alternate={alternate} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 pt-8 focus:outline-none">
        {children}
      </main>
      <SiteFooter locale={locale} />
    </>
  );
}
