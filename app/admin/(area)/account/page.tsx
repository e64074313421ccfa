import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireUserForPage } from '@/lib/auth/session';
import { adminLocale } from '@/lib/admin-locale';
import { LanguageForm, PasswordForm, TwoFactorSection } from './AccountForms';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await adminLocale(), namespace: 'Admin.account' });
  return { title: t('title') };
}

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUserForPage(undefined, '/admin/account', { allowWithoutTwoFactor: true });
  const t = await getTranslations({ locale: user.preferredLocale, namespace: 'Admin.account' });
  const tf = await getTranslations({ locale: user.preferredLocale, namespace: 'Admin.twoFactor' });
  const mustEnrol = (await searchParams).twoFactorRequired === '1' && !user.twoFactor;
  return (
    <>
      <h1 className="mb-6 text-3xl font-bold">{t('title')}</h1>
      {mustEnrol ? (
        <p className="mb-6 rounded border-l-4 border-accent bg-amber-50 px-4 py-3" role="alert">
          {tf('required')}
        </p>
      ) : null}
      <section className="mb-10 rounded border border-gray-200 bg-white p-6" aria-labelledby="two-factor-title">
        <h2 id="two-factor-title" className="mb-4 text-xl font-bold">
          {tf('title')}
        </h2>
        <TwoFactorSection enabled={user.twoFactor} />
      </section>
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
