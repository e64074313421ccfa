import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { PageShell } from '@/components/site/PageShell';
import { NOT_FOUND_LOCALE_HEADER } from '@/lib/params';
import { SiteLink } from '@/components/site/SiteLink';
import { isLocale, type Locale } from '@/i18n/routing';
import { homeHref, newsHref } from '@/lib/hrefs';
import { fontVariables } from './fonts';
import './globals.css';

/**
 * The localized 404 page, sent with status 404 for every address that leads
 * nowhere: proxy.ts rewrites such addresses here and says in which language
 * (an unknown path under /sq is answered in Albanian).
 */
export default async function GlobalNotFound() {
  const requested = (await headers()).get(NOT_FOUND_LOCALE_HEADER);
  const locale: Locale = isLocale(requested) ? requested : 'en';
  const t = await getTranslations({ locale, namespace: 'NotFound' });
  return (
    <html lang={locale} className={fontVariables}>
      <head>
        <title>{`${t('title')} – ${(await getTranslations({ locale, namespace: 'Site' }))('name')}`}</title>
        <meta name="robots" content="noindex" />
      </head>
      <body className="flex min-h-screen flex-col">
        <PageShell locale={locale} alternate={{ kind: 'found', href: homeHref }}>
          <div className="measure py-8">
            <h1 className="text-3xl font-bold text-iom-blue">{t('title')}</h1>
            <p className="mt-4 text-lg">{t('text')}</p>
            <ul className="mt-6 list-disc space-y-2 pl-6">
              <li>
                <SiteLink href={homeHref} locale={locale}>
                  {t('home')}
                </SiteLink>
              </li>
              <li>
                <SiteLink href={newsHref()} locale={locale}>
                  {t('news')}
                </SiteLink>
              </li>
            </ul>
          </div>
        </PageShell>
      </body>
    </html>
  );
}
