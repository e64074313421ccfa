import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { adminLocale } from '@/lib/admin-locale';
import { fontVariables } from '../fonts';
import '../admin.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await adminLocale(), namespace: 'Admin' });
  return { title: { default: t('title'), template: `%s – ${t('title')}` }, robots: { index: false, follow: false } };
}

/**
 * The editor area's document. A frame only — never the access check: every
 * page, server action and data function checks the session itself.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const locale = await adminLocale();
  const messages = await getMessages({ locale });
  return (
    <html lang={locale} className={fontVariables}>
      <body className="min-h-screen bg-gray-50">
        <NextIntlClientProvider locale={locale} messages={{ Admin: messages.Admin }}>
          {children}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
