import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { chosenRevisionId, HistoryView } from '@/components/admin/HistoryView';
import { adminLocale } from '@/lib/admin-locale';
import { requireUserForPage } from '@/lib/auth/session';
import { localeOrNull, parseIdParam } from '@/lib/params';
import { contentRevision, contentRevisions, type ContentTypeName } from '@/db/admin/content';
import { CONTENT_TYPES } from '../content-types';

/**
 * The history route of every translated type,
 * /admin/<segment>/<id>/history/<locale> (see content-types.tsx): each
 * type's route file is these two exports.
 */

type Props = { params: Promise<{ id: string; locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await adminLocale(), namespace: 'Admin.history' });
  return { title: t('title') };
}

export function historyPage(segment: ContentTypeName) {
  return async function HistoryPage({ params, searchParams }: Props) {
    const { id: rawId, locale: rawLocale } = await params;
    const me = await requireUserForPage(undefined, `/admin/${segment}/${encodeURIComponent(rawId)}/history/${encodeURIComponent(rawLocale)}`);
    const type = CONTENT_TYPES[segment];
    const t = await getTranslations({ locale: me.preferredLocale, namespace: 'Admin' });
    const id = parseIdParam(rawId);
    const locale = localeOrNull(rawLocale);
    const item = id !== null && locale ? await type.load(id, t) : null;
    const current = locale ? item?.translations[locale] : undefined;
    if (!item || !locale || !current) notFound();
    const list = await contentRevisions(segment, item.id, locale);
    const revId = chosenRevisionId((await searchParams).rev, list);
    const selected = revId ? await contentRevision(segment, item.id, revId) : null;
    return (
      <HistoryView
        uiLocale={me.preferredLocale}
        locale={locale}
        back={{ href: `/admin/${segment}/${item.id}`, label: type.backToEditor(t) }}
        current={current}
        list={list}
        selected={selected}
        fields={item.fields}
        restore={{ ...type.restore, id: item.id }}
      />
    );
  };
}
