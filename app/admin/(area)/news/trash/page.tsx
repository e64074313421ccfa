import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/admin/DataTable';
import { newsTrash } from '@/db/admin/news';
import { adminLocale } from '@/lib/admin-locale';
import { requireUserForPage } from '@/lib/auth/session';
import { formatTiranaDateTime } from '@/lib/dates';
import { TrashRowActions, EmptyTrash } from './TrashForms';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await adminLocale(), namespace: 'Admin.trash' });
  return { title: t('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewsTrashPage({ searchParams }: Props) {
  const me = await requireUserForPage('admin', '/admin/news/trash');
  const t = await getTranslations({ locale: me.preferredLocale, namespace: 'Admin' });
  const items = await newsTrash();
  const sp = await searchParams;
  const count = typeof sp.count === 'string' && /^\d{1,6}$/.test(sp.count) ? Number(sp.count) : 0;
  const done = sp.done === 'restored' ? t('trash.restored') : sp.done === 'deleted' ? t('trash.deleted', { count }) : null;
  return (
    <>
      <p>
        <Link href="/admin/news">← {t('editor.backToList')}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{t('trash.title')}</h1>
      {done ? (
        <p role="status" className="mt-4 rounded border-l-4 border-green-700 bg-green-50 px-4 py-3 text-green-900" data-testid="form-message">
          {done}
        </p>
      ) : null}
      <p className="mt-2 mb-6 text-muted">{t('trash.intro')}</p>
      {items.length === 0 ? (
        <p>{t('trash.empty')}</p>
      ) : (
        <>
          <DataTable headers={[t('news.english'), t('news.albanian'), t('trash.deletedAt'), t('trash.actions')]} testId="news-trash">
            {items.map((i) => (
              <tr key={i.id} className="border-b border-gray-200 align-top">
                <td className="p-2" lang="en">{i.titles.en ?? '—'}</td>
                <td className="p-2" lang="sq">{i.titles.sq ?? '—'}</td>
                <td className="p-2">{formatTiranaDateTime(i.deletedAt)}</td>
                <td className="p-2">
                  <TrashRowActions itemId={i.id} title={i.titles[me.preferredLocale] ?? i.titles.en ?? i.titles.sq ?? String(i.id)} />
                </td>
              </tr>
            ))}
          </DataTable>
          <EmptyTrash />
        </>
      )}
    </>
  );
}
