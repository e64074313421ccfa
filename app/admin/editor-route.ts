import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { adminLocale } from '@/lib/admin-locale';
import { requireUserForPage } from '@/lib/auth/session';
import { parseIdParam } from '@/lib/params';

/**
 * What the editor page of every translated type does before it shows the
 * item (/admin/<segment>/<id>): its tab title, the signed-in user, the item
 * by the id in the address — and a 404 for an id that is none or an item
 * that is not there for editing.
 */

export type EditorRouteProps = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The editor page's tab title, from `editTitle` of the type's messages. */
export function editorMetadata(namespace: 'Admin.editor' | 'Admin.pages') {
  return async ({ params }: Pick<EditorRouteProps, 'params'>): Promise<Metadata> => {
    const t = await getTranslations({ locale: await adminLocale(), namespace });
    return { title: t('editTitle', { id: (await params).id.slice(0, 20) }) };
  };
}

/** The signed-in user and the item the address names, as `load` reads it (null when there is none to edit). */
export async function editorItem<T>(segment: string, params: EditorRouteProps['params'], load: (id: number) => Promise<T | null | undefined>) {
  const { id: raw } = await params;
  const me = await requireUserForPage(undefined, `/admin/${segment}/${encodeURIComponent(raw)}`);
  const id = parseIdParam(raw);
  const item = id === null ? null : await load(id);
  if (!item) notFound();
  return { me, item };
}
