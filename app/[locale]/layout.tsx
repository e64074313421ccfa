import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { routing } from '@/i18n/routing';
import { env } from '@/lib/env';
import { fontVariables } from '../fonts';
import '../site.css';

/**
 * Public pages are rendered on their first request and then served from
 * Next's cache (ISR), not at build time: the build has no business reading
 * whichever database happens to sit beside it. Publishing revalidates them;
 * `revalidate` bounds how late a scheduled item can appear.
 */
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) return {};
  const t = await getTranslations({ locale, namespace: 'Site' });
  return {
    metadataBase: new URL(env().siteUrl),
    title: { default: t('name'), template: `%s – ${t('name')}` },
    description: t('description'),
  };
}

export default async function LocaleLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);

  return (
    <html lang={locale} className={fontVariables}>
      {/* No NextIntlClientProvider: public pages have no client component that translates or links (see components/site/SiteLink.tsx). */}
      <body className="flex min-h-screen flex-col">{children}</body>
    </html>
  );
}
