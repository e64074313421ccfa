import { headers } from 'next/headers';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { SignOutForm } from '@/components/admin/SignOutForm';
import { UnsavedChangesGuard } from '@/components/admin/UnsavedChanges';
import { localizedPath } from '@/i18n/paths';
import { requireUserForPage } from '@/lib/auth/session';
import { ADMIN_PATH_HEADER, adminReturnPath } from '@/lib/params';
import { setOwnLocaleAction, signOutAction } from './actions';
import { LanguageSwitch } from '@/components/admin/LanguageSwitch';

/**
 * The frame of the signed-in area: navigation and sign-out, and the question
 * asked before a page with unsaved changes is left. It sends the
 * anonymous to the sign-in page for convenience, but it is not the check —
 * layouts do not run again on every navigation; each page, action and data
 * function checks for itself.
 */
export default async function AreaLayout({ children }: { children: ReactNode }) {
  const here = adminReturnPath((await headers()).get(ADMIN_PATH_HEADER));
  const user = await requireUserForPage(undefined, here, { allowWithoutTwoFactor: true });
  const t = await getTranslations({ locale: user.preferredLocale, namespace: 'Admin' });
  const site = await getTranslations({ locale: user.preferredLocale, namespace: 'Site' });
  const links = [
    { href: '/admin', label: t('nav.dashboard') },
    { href: '/admin/news', label: t('nav.news') },
    { href: '/admin/pages', label: t('nav.pages') },
    { href: '/admin/vacancies', label: t('nav.vacancies') },
    { href: '/admin/media', label: t('nav.media') },
    { href: '/admin/account', label: t('nav.account') },
    ...(user.role === 'admin'
      ? [
          { href: '/admin/users', label: t('nav.users') },
          { href: '/admin/audit', label: t('nav.audit') },
          { href: '/admin/purges', label: t('nav.purges') },
          { href: '/admin/settings', label: t('nav.settings') },
        ]
      : []),
  ];
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:bg-white focus:px-4 focus:py-2">
        {t('skipToContent')}
      </a>
      <header className="bg-iom-blue text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
          <p className="font-bold">
            {site('name')} · {t('title')}
          </p>
          <div className="flex flex-wrap items-center gap-4 text-sm">
            <LanguageSwitch current={user.preferredLocale} returnTo={here} action={setOwnLocaleAction} />
            <span data-testid="signed-in-as">{user.name}</span>
            <SignOutForm userId={user.id} action={signOutAction} />
          </div>
        </div>
        <nav aria-label={t('nav.label')} className="border-t border-white/20">
          <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-6 px-4">
            {links.map((l) => (
              <li key={l.href}>
                <Link href={l.href} className="block py-2 font-semibold text-white">
                  {l.label}
                </Link>
              </li>
            ))}
            <li>
              <a href={localizedPath('/', user.preferredLocale)} className="block py-2 text-white">
                {t('nav.viewSite')}
              </a>
            </li>
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
      <UnsavedChangesGuard />
    </>
  );
}
