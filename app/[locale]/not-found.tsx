import { getLocale, getTranslations } from 'next-intl/server';
import { PageShell } from '@/components/site/PageShell';
import { Link } from '@/i18n/navigation';
import { isLocale } from '@/i18n/routing';
import { homeHref } from '@/lib/hrefs';

/** The localized 404, sent with status 404 for an unknown path, slug or page number. */
export default async function NotFound() {
  const current = await getLocale();
  const locale = isLocale(current) ? current : 'en';
  const t = await getTranslations({ locale, namespace: 'NotFound' });
  return (
    <PageShell locale={locale} alternate={{ kind: 'found', href: homeHref }}>
      <div className="measure py-8">
        <h1 className="text-3xl font-bold text-iom-blue">{t('title')}</h1>
        <p className="mt-4 text-lg">{t('text')}</p>
        <ul className="mt-6 list-disc space-y-2 pl-6">
          <li>
            <Link href={homeHref}>{t('home')}</Link>
          </li>
          <li>
            <Link href="/news">{t('news')}</Link>
          </li>
        </ul>
      </div>
    </PageShell>
  );
}
