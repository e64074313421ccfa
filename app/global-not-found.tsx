import { getTranslations } from 'next-intl/server';
import { homeHref } from '@/lib/hrefs';
import { localizedPath } from '@/i18n/paths';
import { fontVariables } from './fonts';
import './globals.css';

/**
 * Next's 404 for an address that matches no route, or whose escapes cannot
 * be decoded (proxy.ts). Public addresses otherwise never get here —
 * next.config.ts routes them into app/[locale], whose pages answer an address
 * that leads nowhere with the localized 404 page (NotFoundView) — so this one
 * says it in both languages and stays small: Next puts it into the RSC
 * payload of every public page, as the root's not-found boundary.
 */
export default async function GlobalNotFound() {
  const en = await getTranslations({ locale: 'en', namespace: 'NotFound' });
  const sq = await getTranslations({ locale: 'sq', namespace: 'NotFound' });
  return (
    <html lang="en" className={fontVariables}>
      <head>
        <title>{`${en('title')} · ${sq('title')}`}</title>
        <meta name="robots" content="noindex" />
      </head>
      <body>
        <main id="main" className="mx-auto max-w-2xl px-4 py-8">
          <h1 className="text-3xl font-bold text-iom-blue">{en('title')}</h1>
          <p className="mt-4 text-lg">{en('text')}</p>
          <p className="mt-4">
            <a href={localizedPath(homeHref, 'en')}>{en('home')}</a>
          </p>
          <div lang="sq" className="mt-10">
            <h2 className="text-2xl font-bold text-iom-blue">{sq('title')}</h2>
            <p className="mt-4 text-lg">{sq('text')}</p>
            <p className="mt-4">
              <a href={localizedPath(homeHref, 'sq')}>{sq('home')}</a>
            </p>
          </div>
        </main>
      </body>
    </html>
  );
}
