import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/admin/DataTable';
import { pageTrash } from '@/db/admin/pages';
import { adminLocale } from '@/lib/admin-locale';
import { requireUserForPage } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/dates';
import { EmptyPageTrash, PageTrashRowActions } from './PageTrashForms';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await adminLocale(), namespace: 'Admin.trash' });
  return { title: t('title') };
}

export default async function PagesTrashPage() {
  const me = await requireUserForPage('admin', '/admin/pages/trash');
  const t = await getTranslations({ locale: me.preferredLocale, namespace: 'Admin' });
  const items = await pageTrash();
  const cell = (i: (typeof items)[number], locale: 'en' | 'sq') => {
    const tr = i.translations[locale];
    if (!tr) return <span className="text-muted italic">{t('editor.notWritten')}</span>;
    return (
      <>
        <span lang={locale}>{tr.title}</span>
        {tr.path ? <span className="block text-sm text-muted">/{locale === 'sq' ? `sq/${tr.path}` : tr.path}</span> : null}
      </>
    );
  };
  return (
    <>
      <p>
        <Link href="/admin/pages">← {t('pages.backToList')}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{t('trash.title')}</h1>
      <p className="mt-2 mb-6 text-muted">{t('pages.trashIntro')}</p>
      {items.length === 0 ? (
        <p>{t('trash.empty')}</p>
      ) : (
        <>
          <DataTable headers={[t('news.english'), t('news.albanian'), t('trash.deletedAt'), t('trash.actions')]} testId="pages-trash">
            {items.map((i) => (
              <tr key={i.id} className="border-b border-gray-200 align-top">
                <td className="p-2">{cell(i, 'en')}</td>
                <td className="p-2">{cell(i, 'sq')}</td>
                <td className="p-2">{formatDateTime(i.deletedAt, me.preferredLocale)}</td>
                <td className="p-2">
                  <PageTrashRowActions pageId={i.id} title={i.translations[me.preferredLocale]?.title ?? i.translations.en?.title ?? i.translations.sq?.title ?? t('pages.untitled')} />
                </td>
              </tr>
            ))}
          </DataTable>
          <EmptyPageTrash />
        </>
      )}
    </>
  );
}
