import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { PageShell } from '@/components/site/PageShell';
import { QuietBoundary } from '@/components/site/QuietBoundary';
import { SiteLink } from '@/components/site/SiteLink';
import type { Locale } from '@/i18n/routing';
import { homeHref, newsHref } from '@/lib/hrefs';

/**
 * The localized "page not found" page, for an address that leads to nothing
 * published: every public route renders it itself instead of calling
 * notFound() directly.
 *
 * Why: Next 16.3+ answers a page that calls notFound() with status 404 and an
 * empty HTML body (the not-found markup only arrives in the RSC payload, for
 * JavaScript to draw — vercel/next.js#98295, #98954), a blank page for a
 * reader on a slow link or without JavaScript. So the page's own markup
 * carries the message, and notFound() is called inside a Suspense boundary
 * below it (NotFoundSignal): that sets the status to 404 and marks the page
 * noindex without taking the rendered message with it. After hydration React
 * meets the same notFound() again; QuietBoundary keeps it from replacing the
 * page. Rendered like any public page, the 404 is cached (ISR) until
 * publishing revalidates the address.
 */
export async function NotFoundView({ locale }: { locale: Locale }) {
  return (
    <>
      <NotFoundContent locale={locale} />
      <QuietBoundary>
        <Suspense fallback={null}>
          <NotFoundSignal />
        </Suspense>
      </QuietBoundary>
    </>
  );
}

/** The message and ways on, without the signal. */
async function NotFoundContent({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'NotFound' });
  return (
    <PageShell locale={locale} alternate={{ kind: 'found', href: homeHref }}>
      <div className="measure py-8" data-testid="not-found">
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
  );
}

async function NotFoundSignal(): Promise<null> {
  notFound();
}

/** The head of the page above: its title, and kept out of search engines. */
export async function notFoundMetadata(locale: Locale): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: 'NotFound' });
  return { title: t('title'), robots: { index: false, follow: true } };
}
