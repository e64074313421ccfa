import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { TrashView } from '@/components/admin/TrashView';
import { vacancyTrash } from '@/db/admin/vacancies';
import { adminLocale } from '@/lib/admin-locale';
import { requireUserForPage } from '@/lib/auth/session';
import { deleteVacanciesForeverAction, restoreVacancyAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await adminLocale(), namespace: 'Admin.trash' });
  return { title: t('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function VacancyTrashPage({ searchParams }: Props) {
  const me = await requireUserForPage('admin', '/admin/vacancies/trash');
  const t = await getTranslations({ locale: me.preferredLocale, namespace: 'Admin' });
  const sp = await searchParams;
  const count = typeof sp.count === 'string' && /^\d{1,6}$/.test(sp.count) ? Number(sp.count) : 0;
  return (
    <TrashView
      items={await vacancyTrash()}
      locale={me.preferredLocale}
      back={{ href: '/admin/vacancies', label: t('vacancies.backToList') }}
      intro={t('trash.intro')}
      done={sp.done === 'restored' ? t('trash.restored') : sp.done === 'deleted' ? t('trash.deleted', { count }) : null}
      idName="itemId"
      restoreAction={restoreVacancyAction}
      deleteAction={deleteVacanciesForeverAction}
      emptyWarning={t('trash.emptyWarning')}
      testId="vacancy-trash"
    />
  );
}
