import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { setupTokenValid } from '@/db/admin/entry';
import { adminLocale } from '@/lib/admin-locale';
import { SetupForm } from './SetupForm';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await adminLocale(), namespace: 'Admin.setup' });
  return { title: t('title'), referrer: 'no-referrer' };
}

export default async function SetupPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations({ locale: await adminLocale(), namespace: 'Admin.setup' });
  const valid = setupTokenValid(token);
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      {valid ? (
        <>
          <p className="mt-2 mb-6 text-muted">{t('intro')}</p>
          <SetupForm token={token} />
        </>
      ) : (
        <p className="mt-6 rounded border-l-4 border-red-700 bg-red-50 px-4 py-3" role="alert" data-testid="setup-invalid">
          {t('invalidToken')}
        </p>
      )}
    </main>
  );
}
