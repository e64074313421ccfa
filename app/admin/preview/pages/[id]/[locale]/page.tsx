import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { PreviewFrame } from '@/components/admin/PreviewFrame';
import { PageView } from '@/components/site/PageView';
import { previewPage } from '@/db/admin/pages';
import { requireUserForPage } from '@/lib/auth/session';
import { localeOrNull, parseIdParam } from '@/lib/params';

/** One language of a page exactly as its public page will show it, whatever its status, for signed-in staff only. */

type Props = { params: Promise<{ id: string; locale: string }> };

export const metadata: Metadata = { robots: { index: false, follow: false } };

export default async function PagePreviewPage({ params }: Props) {
  const { id: rawId, locale: rawLocale } = await params;
  const me = await requireUserForPage(undefined, `/admin/preview/pages/${encodeURIComponent(rawId)}/${encodeURIComponent(rawLocale)}`);
  const id = parseIdParam(rawId);
  const locale = localeOrNull(rawLocale);
  const page = id !== null && locale ? await previewPage(id, locale) : null;
  if (!page || !locale) notFound();
  setRequestLocale(locale);
  return (
    <PreviewFrame locale={locale} uiLocale={me.preferredLocale}>
      <PageView locale={locale} page={page} />
    </PreviewFrame>
  );
}
