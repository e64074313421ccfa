import { getTranslations } from 'next-intl/server';
import { SiteLink } from '@/components/site/SiteLink';
import type { NewsListRoute } from '@/i18n/paths';
import { type Locale, ROUTES } from '@/i18n/routing';
import { newsListHref } from '@/lib/hrefs';

export async function Pagination({ locale, page, pageCount, list = ROUTES.news }: { locale: Locale; page: number; pageCount: number; list?: NewsListRoute }) {
  if (pageCount <= 1) return null;
  const t = await getTranslations({ locale, namespace: 'Pagination' });
  const linkClass = 'inline-block rounded border border-iom-blue px-4 py-2 font-semibold no-underline hover:bg-iom-blue hover:text-white';
  return (
    <nav aria-label={t('label')} className="mt-8 flex flex-wrap items-center justify-between gap-4">
      {page > 1 ? (
        <SiteLink locale={locale} href={newsListHref(list, page - 1)} rel="prev" className={linkClass}>
          ← {t('previous')}
        </SiteLink>
      ) : (
        <span />
      )}
      <p className="text-muted">{t('status', { page, pageCount })}</p>
      {page < pageCount ? (
        <SiteLink locale={locale} href={newsListHref(list, page + 1)} rel="next" className={linkClass}>
          {t('next')} →
        </SiteLink>
      ) : (
        <span />
      )}
    </nav>
  );
}
