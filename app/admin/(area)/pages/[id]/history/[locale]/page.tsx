import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { chosenRevisionId, HistoryView } from '@/components/admin/HistoryView';
import { loadPageForEditor, pageRevision, pageRevisions } from '@/db/admin/pages';
import { adminLocale } from '@/lib/admin-locale';
import { requireUserForPage } from '@/lib/auth/session';
import { localeOrNull, parseIdParam } from '@/lib/params';
import { RestorePageRevision } from './RestorePageRevision';

type Props = { params: Promise<{ id: string; locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const PAGE_FIELDS = ['title', 'menuTitle', 'path', 'summary', 'body', 'seoTitle', 'seoDescription'] as const;
const LINK_FIELDS = ['title'] as const;
type FieldName = (typeof PAGE_FIELDS)[number];

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await adminLocale(), namespace: 'Admin.history' });
  return { title: t('title') };
}

export default async function PageHistoryPage({ params, searchParams }: Props) {
  const { id: rawId, locale: rawLocale } = await params;
  const me = await requireUserForPage(undefined, `/admin/pages/${encodeURIComponent(rawId)}/history/${encodeURIComponent(rawLocale)}`);
  const id = parseIdParam(rawId);
  const locale = localeOrNull(rawLocale);
  const item = id !== null && locale ? await loadPageForEditor(id) : null;
  const current = locale ? item?.translations[locale] : undefined;
  if (!item || !locale || !current) notFound();
  const t = await getTranslations({ locale: me.preferredLocale, namespace: 'Admin' });
  const list = await pageRevisions(item.page.id, locale);
  const revId = chosenRevisionId((await searchParams).rev, list);
  const selected = revId ? await pageRevision(item.page.id, revId) : null;
  const fields: readonly FieldName[] = item.page.kind === 'link' ? LINK_FIELDS : PAGE_FIELDS;
  const label = (f: FieldName) => (f === 'menuTitle' || f === 'path' ? t(`pages.fields.${f}`) : t(`editor.fields.${f}`));
  return (
    <HistoryView
      uiLocale={me.preferredLocale}
      locale={locale}
      back={{ href: `/admin/pages/${item.page.id}`, label: t('pages.backToEditor') }}
      current={current}
      list={list}
      selected={selected}
      fields={fields.map((name) => ({ name, label: label(name) }))}
      restore={
        selected ? (
          <RestorePageRevision pageId={item.page.id} locale={locale} revisionId={selected.id} baseVersion={current.version} version={selected.version} />
        ) : null
      }
    />
  );
}
