import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { TrashButton } from '@/components/admin/TrashButton';
import { vacancyTermsOptions } from '@/db/admin/media';
import { vacancy } from '@/db/admin/vacancies';
import { adminLocale } from '@/lib/admin-locale';
import { requireUserForPage } from '@/lib/auth/session';
import { parseIdParam } from '@/lib/params';
import { trashVacancyAction } from '../actions';
import { sharedValues, vacancyTranslations } from '../editor-data';
import { VacancySharedForm, VacancyTranslations } from '../VacancyEditor';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await adminLocale(), namespace: 'Admin.vacancies' });
  return { title: t('editTitle', { id: (await params).id.slice(0, 20) }) };
}

export default async function EditVacancyPage({ params, searchParams }: Props) {
  const { id: raw } = await params;
  const me = await requireUserForPage(undefined, `/admin/vacancies/${encodeURIComponent(raw)}`);
  const id = parseIdParam(raw);
  const item = id === null ? null : await vacancy(id);
  if (!item || item.deletedAt) notFound();
  const t = await getTranslations({ locale: me.preferredLocale, namespace: 'Admin.vacancies' });
  const title = item.translations[me.preferredLocale]?.title ?? item.translations.en?.title ?? item.translations.sq?.title ?? item.reference;
  const created = (await searchParams).created === '1';
  return (
    <>
      <p>
        <Link href="/admin/vacancies">← {t('backToList')}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{title}</h1>
      <p className="mt-1 mb-4 text-sm text-muted">{item.reference}</p>
      {created ? (
        <p role="status" className="mb-4 rounded border-l-4 border-green-700 bg-green-50 px-4 py-3 text-green-900" data-testid="form-message">
          {t('sharedSaved')}
        </p>
      ) : null}
      <VacancySharedForm itemId={item.id} values={sharedValues(item)} terms={await vacancyTermsOptions(item.id, me.preferredLocale)} />
      <VacancyTranslations userId={me.id} itemId={item.id} translations={await vacancyTranslations(item, me.preferredLocale)} initialLocale={me.preferredLocale} />
      <div className="mt-12 border-t border-gray-300 pt-6">
        <TrashButton id={item.id} idName="itemId" help={t('trashHelp')} trashAction={trashVacancyAction} />
      </div>
    </>
  );
}
