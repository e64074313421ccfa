import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { PreviewFrame } from '@/components/admin/PreviewFrame';
import { requireUserForPage } from '@/lib/auth/session';
import { localeOrNull, parseIdParam } from '@/lib/params';
import { CONTENT_TYPES, contentTypeName } from '../../../../content-types';

/**
 * One language of an item of any translated type (/admin/preview/news/…,
 * /admin/preview/pages/…) exactly as its public page will show it, whatever
 * its status, for signed-in staff only.
 */

type Props = { params: Promise<{ type: string; id: string; locale: string }> };

export const metadata: Metadata = { robots: { index: false, follow: false } };

export default async function PreviewPage({ params }: Props) {
  const { type: rawType, id: rawId, locale: rawLocale } = await params;
  const me = await requireUserForPage(undefined, `/admin/preview/${encodeURIComponent(rawType)}/${encodeURIComponent(rawId)}/${encodeURIComponent(rawLocale)}`);
  const name = contentTypeName(rawType);
  const id = parseIdParam(rawId);
  const locale = localeOrNull(rawLocale);
  const view = name && id !== null && locale ? await CONTENT_TYPES[name].preview(id, locale) : null;
  if (!view || !locale) notFound();
  setRequestLocale(locale);
  return (
    <PreviewFrame locale={locale} uiLocale={me.preferredLocale}>
      {view}
    </PreviewFrame>
  );
}
