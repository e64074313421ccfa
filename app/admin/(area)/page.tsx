import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { newsDashboard } from '@/db/admin/news';
import { requireUserForPage } from '@/lib/auth/session';
import { formatTiranaDateTime } from '@/lib/dates';

export default async function Dashboard() {
  const user = await requireUserForPage();
  const t = await getTranslations({ locale: user.preferredLocale, namespace: 'Admin.dashboard' });
  const languages = await getTranslations({ locale: user.preferredLocale, namespace: 'Admin.media.languages' });
  const overview = await newsDashboard();
  return (
    <>
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="mt-4">{t('welcome', { name: user.name })}</p>
      <p className="mt-2">{t('role', { role: user.role })}</p>
      <p className="mt-6">
        <Link href="/admin/news/new" className="rounded bg-iom-blue px-4 py-2 font-semibold text-white no-underline">
          {t('write')}
        </Link>
      </p>
      <ul className="mt-8 space-y-2">
        <li>
          <Link href="/admin/news?status=draft">{t('drafts', { count: overview.drafts })}</Link>
        </li>
        <li>
          <Link href="/admin/news">{t('stale', { count: overview.stale })}</Link>
        </li>
      </ul>
      <section aria-labelledby="scheduled" className="mt-8">
        <h2 id="scheduled" className="text-xl font-bold">
          {t('scheduled')}
        </h2>
        {overview.scheduled.length === 0 ? (
          <p className="mt-2 text-muted">{t('nothingScheduled')}</p>
        ) : (
          <ul className="mt-2 space-y-1">
            {overview.scheduled.map((s) => (
              <li key={`${s.id}-${s.locale}`}>
                <Link href={`/admin/news/${s.id}`} lang={s.locale}>
                  {s.title}
                </Link>{' '}
                <span className="text-muted">
                  ({languages(s.locale)}, {formatTiranaDateTime(s.publishedAt)})
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
