import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { LANGUAGE_NAMES, locales } from '@/i18n/routing';
import { adminLocale } from '@/lib/admin-locale';
import { adminReturnPath } from '@/lib/params';
import { getCurrentUser } from '@/lib/auth/session';
import { SignInForm } from './SignInForm';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await adminLocale(), namespace: 'Admin.signIn' });
  return { title: t('title') };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = adminReturnPath(params.next);
  if (await getCurrentUser()) redirect('/admin');
  const notice =
    params.signedOut === '1'
      ? 'signedOut'
      : params.passwordChanged === '1'
        ? 'passwordChanged'
        : params.setup === '1'
          ? 'setupDone'
          : params.expired === '1'
            ? 'sessionEnded'
            : null;
  const locale = await adminLocale();
  const t = await getTranslations({ locale, namespace: 'Admin.signIn' });
  const site = await getTranslations({ locale, namespace: 'Site' });
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="font-bold text-iom-blue">
          {site('wordmark')} — {site('country')}
        </p>
        <nav aria-label={t('languages')} className="flex items-center text-sm">
          {locales.map((l, i) => (
            <span key={l} className="flex items-center">
              {i > 0 ? <span aria-hidden="true" className="px-1">|</span> : null}
              <a
                href={`/admin/sign-in/language/${l}${next === '/admin' ? '' : `?next=${encodeURIComponent(next)}`}`}
                lang={l}
                hrefLang={l}
                aria-current={l === locale ? 'true' : undefined}
                className={`inline-block min-h-6 px-2 py-1 text-iom-blue ${l === locale ? 'font-bold' : 'underline'}`}
              >
                {LANGUAGE_NAMES[l]}
              </a>
            </span>
          ))}
        </nav>
      </div>
      <h1 className="mt-2 text-3xl font-bold">{t('title')}</h1>
      <p className="mt-2 mb-6 text-muted">{t('intro')}</p>
      {notice ? (
        <p className="mb-4 rounded border-l-4 border-green-700 bg-green-50 px-4 py-3" role="status" data-testid="sign-in-notice">
          {t(notice)}
        </p>
      ) : null}
      <SignInForm next={next} />
    </main>
  );
}
