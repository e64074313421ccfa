import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { pageTrash } from '@/db/admin/pages';
import { adminLocale } from '@/lib/admin-locale';
import { requireUserForPage } from '@/lib/auth/session';
import { formatTiranaDateTime } from '@/lib/dates';
import { PageTrash, type TrashRow } from './PageTrashForms';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await adminLocale(), namespace: 'Admin.trash' });
  return { title: t('title') };
}

export default async function PagesTrashPage() {
  const me = await requireUserForPage('admin', '/admin/pages/trash');
  const t = await getTranslations({ locale: me.preferredLocale, namespace: 'Admin' });
  const items = await pageTrash();
  const rows: TrashRow[] = items.map((i) => {
    const lang = (locale: 'en' | 'sq') => {
      const tr = i.translations[locale];
      return tr ? { title: tr.title, address: tr.path ? (locale === 'sq' ? `/sq/${tr.path}` : `/${tr.path}`) : null } : null;
    };
    return {
      id: i.id,
      title: i.translations[me.preferredLocale]?.title ?? i.translations.en?.title ?? i.translations.sq?.title ?? t('pages.untitled'),
      translations: { en: lang('en'), sq: lang('sq') },
      deletedAtLabel: formatTiranaDateTime(i.deletedAt),
    };
  });
  return (
    <>
      <p>
        <Link href="/admin/pages">← {t('pages.backToList')}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{t('trash.title')}</h1>
      <p className="mt-2 mb-6 text-muted">{t('pages.trashIntro')}</p>
      <PageTrash rows={rows} headers={[t('news.english'), t('news.albanian'), t('trash.deletedAt'), t('trash.actions')]} />
    </>
  );
}
