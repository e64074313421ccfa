import { getTranslations } from 'next-intl/server';
import { SiteLink } from '@/components/site/SiteLink';
import type { Locale } from '@/i18n/routing';
import { newsHref } from '@/lib/hrefs';

export async function Pagination({ locale, page, pageCount }: { locale: Locale; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  const t = await getTranslations({ locale, namespace: 'Pagination' });
  const linkClass = 'inline-block rounded border border-iom-blue px-4 py-2 font-semibold no-underline hover:bg-iom-blue hover:text-white';
  return (
    <nav aria-label={t('label')} className="mt-8 flex flex-wrap items-center justify-between gap-4">
      {page > 1 ? (
        <SiteLink locale={locale} href={newsHref(page - 1)} rel="prev" className={linkClass}>
          ← {t('previous')}
        </SiteLink>
      ) : (
        <span />
      )}
      <p className="text-muted">{t('status', { page, pageCount })}</p>
      {page < pageCount ? (
        <SiteLink locale={locale} href={newsHref(page + 1)} rel="next" className={linkClass}>
          {t('next')} →
        </SiteLink>
      ) : (
        <span />
      )}
    </nav>
  );
}
