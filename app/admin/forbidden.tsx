import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { adminLocale } from '@/lib/admin-locale';

/** Shown with status 403 when a signed-in user's role does not reach a page. */
export default async function Forbidden() {
  const t = await getTranslations({ locale: await adminLocale(), namespace: 'Admin.forbidden' });
  return (
    <main id="main" className="mx-auto max-w-2xl px-4 py-12">
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="mt-4">{t('text')}</p>
      <p className="mt-4">
        <Link href="/admin">{t('back')}</Link>
      </p>
    </main>
  );
}
