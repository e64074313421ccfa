import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { siteSettingsForEditor } from '@/db/admin/site-settings';
import { adminLocale } from '@/lib/admin-locale';
import { requireUserForPage } from '@/lib/auth/session';
import { settingsFormValues } from '@/lib/site-settings';
import { saveSiteSettingsAction } from './actions';
import { SettingsForm } from './SettingsForm';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await adminLocale(), namespace: 'Admin.settings' });
  return { title: t('title') };
}

/** The office's contact details, social accounts and images (db/site-settings.ts): administrators only. */
export default async function SettingsPage() {
  const me = await requireUserForPage('admin', '/admin/settings');
  const t = await getTranslations({ locale: me.preferredLocale, namespace: 'Admin.settings' });
  const { settings, images } = await siteSettingsForEditor();
  return (
    <>
      <h1 id="settings-title" className="mb-2 text-3xl font-bold">
        {t('title')}
      </h1>
      <p className="mb-6 max-w-3xl">{t('intro')}</p>
      <SettingsForm action={saveSiteSettingsAction} version={settings.version} values={settingsFormValues(settings)} images={images} />
    </>
  );
}
