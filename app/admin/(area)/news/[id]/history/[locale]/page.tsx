import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { chosenRevisionId, HistoryView } from '@/components/admin/HistoryView';
import { loadNewsForEditor, newsRevision, newsRevisions } from '@/db/admin/news';
import { adminLocale } from '@/lib/admin-locale';
import { requireUserForPage } from '@/lib/auth/session';
import { localeOrNull, parseIdParam } from '@/lib/params';
import { RestoreRevision } from './RestoreRevision';

type Props = { params: Promise<{ id: string; locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const FIELDS = ['title', 'slug', 'summary', 'dateline', 'body', 'seoTitle', 'seoDescription'] as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await adminLocale(), namespace: 'Admin.history' });
  return { title: t('title') };
}

export default async function HistoryPage({ params, searchParams }: Props) {
  const { id: rawId, locale: rawLocale } = await params;
  const me = await requireUserForPage(undefined, `/admin/news/${encodeURIComponent(rawId)}/history/${encodeURIComponent(rawLocale)}`);
  const id = parseIdParam(rawId);
  const locale = localeOrNull(rawLocale);
  const item = id !== null && locale ? await loadNewsForEditor(id) : null;
  const current = locale ? item?.translations[locale] : undefined;
  if (!item || !locale || !current || item.deletedAt) notFound();
  const t = await getTranslations({ locale: me.preferredLocale, namespace: 'Admin' });
  const list = await newsRevisions(item.id, locale);
  const revId = chosenRevisionId((await searchParams).rev, list);
  const selected = revId ? await newsRevision(item.id, revId) : null;
  return (
    <HistoryView
      uiLocale={me.preferredLocale}
      locale={locale}
      back={{ href: `/admin/news/${item.id}`, label: t('history.backToEditor') }}
      current={current}
      list={list}
      selected={selected}
      fields={FIELDS.map((name) => ({ name, label: t(`editor.fields.${name}`) }))}
      restore={selected ? <RestoreRevision itemId={item.id} revisionId={selected.id} baseVersion={current.version} version={selected.version} /> : null}
    />
  );
}
