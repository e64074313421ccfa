import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { TrashView } from '@/components/admin/TrashView';
import type { ContentTypeName } from '@/db/admin/content';
import { adminLocale } from '@/lib/admin-locale';
import { requireUserForPage } from '@/lib/auth/session';
import { CONTENT_TYPES } from '../content-types';

/**
 * The trash route of every translated type, /admin/<segment>/trash, for
 * admins (see content-types.tsx): each type's route file is these two
 * exports. `?done=restored|deleted&count=n` says what the last action did.
 */

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await adminLocale(), namespace: 'Admin.trash' });
  return { title: t('title') };
}

export function trashPage(segment: ContentTypeName) {
  return async function TrashPage({ searchParams }: Props) {
    const me = await requireUserForPage('admin', `/admin/${segment}/trash`);
    const t = await getTranslations({ locale: me.preferredLocale, namespace: 'Admin' });
    const sp = await searchParams;
    const { load, texts, ...table } = CONTENT_TYPES[segment].trash;
    const count = typeof sp.count === 'string' && /^\d{1,6}$/.test(sp.count) ? Number(sp.count) : 0;
    const { back, intro, emptyWarning, done } = texts(t, { action: typeof sp.done === 'string' ? sp.done : '', count });
    return <TrashView items={await load()} locale={me.preferredLocale} back={{ href: `/admin/${segment}`, label: back }} intro={intro} done={done} emptyWarning={emptyWarning} {...table} />;
  };
}
