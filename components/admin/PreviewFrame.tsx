import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/i18n/routing';

/**
 * Around a preview (news or page): the content in its own language under a
 * banner, in the editor's language, that says it is a preview. The editor
 * area's headers apply: no-store and noindex (proxy.ts).
 */
export async function PreviewFrame({ locale, uiLocale, children }: { locale: Locale; uiLocale: Locale; children: ReactNode }) {
  const t = await getTranslations({ locale: uiLocale, namespace: 'Admin.editor' });
  return (
    <div lang={locale}>
      <p role="note" className="sticky top-0 z-50 bg-amber-300 px-4 py-2 text-center font-semibold text-ink" lang={uiLocale} data-testid="preview-banner">
        {t('previewBanner')}
      </p>
      {children}
    </div>
  );
}
