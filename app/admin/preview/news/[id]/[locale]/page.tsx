import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { PreviewFrame } from '@/components/admin/PreviewFrame';
import { ArticleView } from '@/components/site/ArticleView';
import { previewNews } from '@/db/admin/news';
import { requireUserForPage } from '@/lib/auth/session';
import { localeOrNull, parseIdParam } from '@/lib/params';

/** A draft exactly as its public page will show it, for signed-in staff only. */

type Props = { params: Promise<{ id: string; locale: string }> };

export const metadata: Metadata = { robots: { index: false, follow: false } };

export default async function NewsPreviewPage({ params }: Props) {
  const { id: rawId, locale: rawLocale } = await params;
  const me = await requireUserForPage(undefined, `/admin/preview/news/${encodeURIComponent(rawId)}/${encodeURIComponent(rawLocale)}`);
  const id = parseIdParam(rawId);
  const locale = localeOrNull(rawLocale);
  const article = id !== null && locale ? await previewNews(id, locale) : null;
  if (!article || !locale) notFound();
  setRequestLocale(locale);
  return (
    <PreviewFrame locale={locale} uiLocale={me.preferredLocale}>
      <ArticleView locale={locale} article={article} notPublished={!article.live} />
    </PreviewFrame>
  );
}
