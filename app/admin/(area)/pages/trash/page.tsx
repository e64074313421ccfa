import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { TrashView } from '@/components/admin/TrashView';
import { pageTrash } from '@/db/admin/pages';
import { adminLocale } from '@/lib/admin-locale';
import { requireUserForPage } from '@/lib/auth/session';
import { deletePageForeverAction, restorePageAction } from '../admin-actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await adminLocale(), namespace: 'Admin.trash' });
  return { title: t('title') };
}

export default async function PagesTrashPage() {
  const me = await requireUserForPage('admin', '/admin/pages/trash');
  const t = await getTranslations({ locale: me.preferredLocale, namespace: 'Admin' });
  return (
    <TrashView
      items={await pageTrash()}
      locale={me.preferredLocale}
      back={{ href: '/admin/pages', label: t('pages.backToList') }}
      intro={t('pages.trashIntro')}
      idName="pageId"
      restoreAction={restorePageAction}
      deleteAction={deletePageForeverAction}
      emptyWarning={t('pages.emptyWarning')}
      testId="pages-trash"
    />
  );
}
