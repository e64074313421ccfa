import { getTranslations } from 'next-intl/server';
import { locales } from '@/i18n/routing';

/**
 * What app/not-found.tsx, app/forbidden.tsx and app/unauthorized.tsx show: the
 * boundaries above the root layouts, reached only if a root layout itself
 * gives up (the pages answer their own 404s, the editor area has its own 403).
 * Next puts all three into the RSC payload of every page, so each is a line
 * per language — Next's built-in ones are English only and ~1.5 kB each.
 */
export async function RootFallback({ kind }: { kind: 'notFound' | 'forbidden' | 'unauthorized' }) {
  const texts = await Promise.all(locales.map(async (locale) => ({ locale, t: await getTranslations({ locale, namespace: 'RootFallback' }) })));
  return (
    <main id="main">
      {texts.map(({ locale, t }) => (
        <p key={locale} lang={locale}>
          {t(kind)}
        </p>
      ))}
    </main>
  );
}
