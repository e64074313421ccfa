import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PageView } from '@/components/site/PageView';
import { previewPage } from '@/db/admin/pages';
import { requireUserForPage } from '@/lib/auth/session';

/**
 * One language of a page exactly as its public page will show it, whatever
 * its status, for signed-in staff only. The editor area's headers apply:
 * no-store and noindex (proxy.ts), and the page itself says it is a preview.
 */

type Props = { params: Promise<{ id: string; locale: string }> };

export const metadata: Metadata = { robots: { index: false, follow: false } };

export default async function PagePreviewPage({ params }: Props) {
  const { id: rawId, locale: rawLocale } = await params;
  const me = await requireUserForPage(undefined, `/admin/preview/pages/${encodeURIComponent(rawId)}/${encodeURIComponent(rawLocale)}`);
  const id = /^[1-9]\d{0,15}$/.test(rawId) ? Number(rawId) : null;
  const locale = rawLocale === 'en' || rawLocale === 'sq' ? rawLocale : null;
  const page = id !== null && locale ? await previewPage(id, locale) : null;
  if (!page || !locale) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale: me.preferredLocale, namespace: 'Admin.editor' });
  return (
    <div lang={locale}>
      <p role="note" className="sticky top-0 z-50 bg-amber-300 px-4 py-2 text-center font-semibold text-ink" lang={me.preferredLocale} data-testid="preview-banner">
        {t('previewBanner')}
      </p>
      <PageView locale={locale} page={page} />
    </div>
  );
}
