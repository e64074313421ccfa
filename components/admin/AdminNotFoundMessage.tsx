import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { adminLocale } from '@/lib/admin-locale';

/**
 * What the editor area says for an unknown address, or an item that does not
 * exist (or no longer does), in the editor's language, with the ways back.
 */
export async function AdminNotFoundMessage() {
  const locale = await adminLocale();
  const t = await getTranslations({ locale, namespace: 'Admin.notFound' });
  const area = await getTranslations({ locale, namespace: 'Admin' });
  return (
    <div className="measure">
      <title>{`${t('title')} – ${area('title')}`}</title>
      <h1 className="text-2xl font-bold text-iom-blue">{t('title')}</h1>
      <p className="mt-4">{t('text')}</p>
      <ul className="mt-4 list-disc space-y-1 pl-6">
        <li>
          <Link href="/admin">{t('dashboard')}</Link>
        </li>
        <li>
          <Link href="/admin/news">{t('news')}</Link>
        </li>
        <li>
          <Link href="/admin/pages">{t('pages')}</Link>
        </li>
      </ul>
    </div>
  );
}
