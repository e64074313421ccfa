import { getTranslations } from 'next-intl/server';
import { homeHref } from '@/lib/hrefs';
import { localizedPath } from '@/i18n/paths';
import { locales } from '@/i18n/routing';
import { fontVariables } from './fonts';
import './site.css';

/**
 * Next's 404 for an address that matches no route, or whose escapes cannot
 * be decoded (proxy.ts). Public addresses otherwise never get here —
 * next.config.ts routes them into app/[locale], whose pages answer an address
 * that leads nowhere with the localized 404 page (NotFoundView) — so this one
 * says it in both languages.
 */
export default async function GlobalNotFound() {
  const texts = await Promise.all(locales.map(async (locale) => ({ locale, t: await getTranslations({ locale, namespace: 'NotFound' }) })));
  return (
    <html lang="en" className={fontVariables}>
      <head>
        <title>{texts.map(({ t }) => t('title')).join(' · ')}</title>
        <meta name="robots" content="noindex" />
      </head>
      <body>
        <main id="main" className="mx-auto max-w-2xl px-4 py-8">
          {texts.map(({ locale, t }, i) => {
            // English first, as the page's language; Albanian below it.
            const Heading = i === 0 ? 'h1' : 'h2';
            return (
              <div key={locale} lang={locale} className={i === 0 ? undefined : 'mt-10'}>
                <Heading className="text-3xl font-bold text-iom-blue">{t('title')}</Heading>
                <p className="mt-4 text-lg">{t('text')}</p>
                <p className="mt-4">
                  <a href={localizedPath(homeHref, locale)}>{t('home')}</a>
                </p>
              </div>
            );
          })}
        </main>
      </body>
    </html>
  );
}
