import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { vacancyList } from '@/db/admin/vacancies';
import { adminLocale } from '@/lib/admin-locale';
import { requireUserForPage } from '@/lib/auth/session';
import { formatTiranaDateTime } from '@/lib/dates';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await adminLocale(), namespace: 'Admin.vacancies' });
  return { title: t('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function VacanciesPage({ searchParams }: Props) {
  const me = await requireUserForPage(undefined, '/admin/vacancies');
  const t = await getTranslations({ locale: me.preferredLocale, namespace: 'Admin.vacancies' });
  const statuses = await getTranslations({ locale: me.preferredLocale, namespace: 'Admin.news.statuses' });
  const items = await vacancyList();
  const now = new Date();
  const trashed = (await searchParams).trashed === '1';
  return (
    <>
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="mt-2 text-muted">{t('intro')}</p>
      {trashed ? (
        <p role="status" className="mt-4 rounded border-l-4 border-green-700 bg-green-50 px-4 py-3 text-green-900">
          {t('trashed')}
        </p>
      ) : null}
      <p className="mt-4 flex gap-6">
        <Link href="/admin/vacancies/new" className="font-semibold">
          {t('newVacancy')}
        </Link>
        {me.role === 'admin' ? <Link href="/admin/vacancies/trash">{t('trashLink')}</Link> : null}
      </p>
      {items.length === 0 ? (
        <p className="mt-6">{t('empty')}</p>
      ) : (
        <table className="mt-6 w-full border-collapse text-left" data-testid="vacancy-list">
          <thead>
            <tr className="border-b border-gray-400">
              <th scope="col" className="py-2 pr-4">{t('reference')}</th>
              <th scope="col" className="py-2 pr-4">{t('english')}</th>
              <th scope="col" className="py-2 pr-4">{t('albanian')}</th>
              <th scope="col" className="py-2 pr-4">{t('closes')}</th>
              <th scope="col" className="py-2">{t('state')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((v) => (
              <tr key={v.id} className="border-b border-gray-200">
                <td className="py-2 pr-4">
                  <Link href={`/admin/vacancies/${v.id}`}>{v.reference}</Link>
                </td>
                {(['en', 'sq'] as const).map((l) => {
                  const tr = v.translations[l];
                  return (
                    <td key={l} className="py-2 pr-4">
                      {tr ? (
                        <>
                          {tr.title} <span className="text-sm text-muted">({statuses(tr.status)}{tr.stale ? `, ${t('stale')}` : ''})</span>
                        </>
                      ) : (
                        <span className="text-muted">{t('missing')}</span>
                      )}
                    </td>
                  );
                })}
                <td className="py-2 pr-4">{formatTiranaDateTime(v.closesAt)}</td>
                <td className="py-2">{t(`states.${v.closesAt > now ? 'open' : 'closed'}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
