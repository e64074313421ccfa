import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { vacancyTermsOptions } from '@/db/admin/media';
import { adminLocale } from '@/lib/admin-locale';
import { requireUserForPage } from '@/lib/auth/session';
import { VacancySharedForm } from '../VacancyEditor';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await adminLocale(), namespace: 'Admin.vacancies' });
  return { title: t('newTitle') };
}

export default async function NewVacancyPage() {
  const me = await requireUserForPage(undefined, '/admin/vacancies/new');
  const t = await getTranslations({ locale: me.preferredLocale, namespace: 'Admin.vacancies' });
  return (
    <>
      <p>
        <Link href="/admin/vacancies">← {t('backToList')}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{t('newTitle')}</h1>
      <p className="mt-2 mb-4 text-muted">{t('newIntro')}</p>
      <VacancySharedForm itemId={null} values={null} terms={await vacancyTermsOptions(null, me.preferredLocale)} />
    </>
  );
}
