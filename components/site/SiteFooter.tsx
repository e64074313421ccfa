import { getTranslations } from 'next-intl/server';
import { siteMenu } from '@/db/queries/pages';
import { SiteLink } from '@/components/site/SiteLink';
import type { Locale } from '@/i18n/routing';
import { homeHref, newsHref, pageHref } from '@/lib/hrefs';
import { LocaleLink } from './LocaleLink';

const OFFICE_EMAIL = 'iomtirana@iom.int';

export async function SiteFooter({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'Footer' });
  const nav = await getTranslations({ locale, namespace: 'Nav' });
  const menu = siteMenu(locale).filter((m) => m.path);
  const contact = menu.flatMap((m) => m.children).find((c) => c.path === 'contact' || c.path === 'kontakt');

  return (
    <footer className="mt-16 bg-iom-navy text-white">
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <h2 className="text-base font-bold">{t('office')}</h2>
          <address className="mt-2 not-italic">
            {t('address')}
            <br />
            {t('email')}:{' '}
            <a href={`mailto:${OFFICE_EMAIL}`} className="text-white underline">
              {OFFICE_EMAIL}
            </a>
          </address>
          {contact?.path ? (
            <p className="mt-2">
              <SiteLink locale={locale} href={pageHref(contact.path)} className="text-white underline">
                {t('contact')}
              </SiteLink>
            </p>
          ) : null}
        </div>
        <nav aria-label={t('sections')}>
          <h2 className="text-base font-bold">{t('sections')}</h2>
          <ul className="mt-2 space-y-1">
            {menu.map((m) => (
              <li key={m.pageId}>
                <SiteLink locale={locale} href={pageHref(m.path!)} className="text-white underline">
                  {m.title}
                </SiteLink>
              </li>
            ))}
            <li>
              <SiteLink locale={locale} href={newsHref()} className="text-white underline">
                {nav('news')}
              </SiteLink>
            </li>
          </ul>
        </nav>
        <nav aria-label={t('languages')}>
          <h2 className="text-base font-bold">{t('languages')}</h2>
          <ul className="mt-2 space-y-1">
            <li>
              <LocaleLink href={homeHref} locale="en" className="text-white underline">
                English
              </LocaleLink>
            </li>
            <li>
              <LocaleLink href={homeHref} locale="sq" className="text-white underline">
                Shqip
              </LocaleLink>
            </li>
          </ul>
        </nav>
        <div>
          <p>
            <a href="https://www.iom.int" className="text-white underline" rel="noopener">
              {t('iomGlobal')}
            </a>
          </p>
          <p className="mt-4 font-semibold">{t('unSystem')}</p>
        </div>
      </div>
    </footer>
  );
}
