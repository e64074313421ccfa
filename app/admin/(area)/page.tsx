import { getTranslations } from 'next-intl/server';
import { requireUserForPage } from '@/lib/auth/session';

export default async function Dashboard() {
  const user = await requireUserForPage();
  const t = await getTranslations({ locale: user.preferredLocale, namespace: 'Admin.dashboard' });
  return (
    <>
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="mt-4">{t('welcome', { name: user.name })}</p>
      <p className="mt-2">{t('role', { role: user.role })}</p>
      <p className="mt-2 text-muted">{t('next')}</p>
    </>
  );
}
