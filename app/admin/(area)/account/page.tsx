import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireUserForPage } from '@/lib/auth/session';
import { adminLocale } from '@/lib/admin-locale';
import { LanguageForm, PasswordForm } from './AccountForms';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await adminLocale(), namespace: 'Admin.account' });
  return { title: t('title') };
}

export default async function AccountPage() {
  const user = await requireUserForPage(undefined, '/admin/account');
  const t = await getTranslations({ locale: user.preferredLocale, namespace: 'Admin.account' });
  return (
    <>
      <h1 className="mb-6 text-3xl font-bold">{t('title')}</h1>
      <div className="grid gap-10 md:grid-cols-2">
        <section className="rounded border border-gray-200 bg-white p-6">
          <PasswordForm />
        </section>
        <section className="rounded border border-gray-200 bg-white p-6">
          <LanguageForm current={user.preferredLocale} />
        </section>
      </div>
    </>
  );
}
