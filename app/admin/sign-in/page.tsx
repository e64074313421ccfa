import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { adminLocale } from '@/lib/admin-locale';
import { getCurrentUser } from '@/lib/auth/session';
import { SignInForm } from './SignInForm';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await adminLocale(), namespace: 'Admin.signIn' });
  return { title: t('title') };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = typeof params.next === 'string' ? params.next : '/admin';
  if (await getCurrentUser()) redirect('/admin');
  const notice =
    params.signedOut === '1'
      ? 'signedOut'
      : params.passwordChanged === '1'
        ? 'passwordChanged'
        : params.setup === '1'
          ? 'setupDone'
          : params.expired === '1'
            ? 'sessionEnded'
            : null;
  const locale = await adminLocale();
  const t = await getTranslations({ locale, namespace: 'Admin.signIn' });
  const site = await getTranslations({ locale, namespace: 'Site' });
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12">
      <p className="font-bold text-iom-blue">
        {site('wordmark')} — {site('country')}
      </p>
      <h1 className="mt-2 text-3xl font-bold">{t('title')}</h1>
      <p className="mt-2 mb-6 text-muted">{t('intro')}</p>
      {notice ? (
        <p className="mb-4 rounded border-l-4 border-green-700 bg-green-50 px-4 py-3" role="status" data-testid="sign-in-notice">
          {t(notice)}
        </p>
      ) : null}
      <SignInForm next={next} />
    </main>
  );
}
