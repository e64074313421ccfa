import { getTranslations } from 'next-intl/server';
import { getMenu, type MenuItem } from '@/db/queries/pages';
import { SiteLink } from '@/components/site/SiteLink';
import type { Locale } from '@/i18n/routing';
import { homeHref, newsHref, pageHref } from '@/lib/hrefs';
import { type Alternate, LanguageSwitcher } from './LanguageSwitcher';
import { SearchForm } from './SearchForm';

function MenuLink({ item, locale, className }: { item: MenuItem; locale: Locale; className: string }) {
  if (item.externalUrl) {
    return (
      <a href={item.externalUrl} className={className} rel="noopener">
        {item.title}
      </a>
    );
  }
  return (
    <SiteLink locale={locale} href={pageHref(item.path!)} className={className}>
      {item.title}
    </SiteLink>
  );
}

/**
 * Utility bar (skip link, language switch), wordmark and the main menu built
 * from the page tree. No client JavaScript: the small-screen menu is a
 * <details> element, the wide one a plain list.
 */
export async function SiteHeader({ locale, alternate }: { locale: Locale; alternate: Alternate }) {
  const t = await getTranslations({ locale, namespace: 'Nav' });
  const site = await getTranslations({ locale, namespace: 'Site' });
  const menu = getMenu(locale);
  const newsItem = { key: 'news', label: t('news') };

  return (
    <header className="bg-iom-blue text-white">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:bg-white focus:px-4 focus:py-2 focus:text-iom-blue"
      >
        {t('skipToContent')}
      </a>
      <div className="border-b border-white/20 bg-iom-blue-dark">
        <div className="mx-auto flex max-w-6xl justify-end px-4 py-2">
          <LanguageSwitcher locale={locale} alternate={alternate} />
        </div>
      </div>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-4">
        <SiteLink locale={locale} href={homeHref} className="text-white no-underline hover:underline">
          <span className="block text-lg leading-tight font-bold tracking-wide sm:text-xl">{site('wordmark')}</span>
          <span className="block text-base leading-tight font-normal">{site('country')}</span>
        </SiteLink>

        <div className="w-full md:w-80">
          <SearchForm locale={locale} id="header-search" compact />
        </div>

        {/* Small screens: a disclosure that works without JavaScript. */}
        <details className="group w-full md:hidden">
          <summary className="cursor-pointer list-none rounded border border-white/60 px-3 py-2 text-center font-semibold select-none">
            {t('menu')}
          </summary>
          <nav aria-label={t('mainMenu')} className="mt-3">
            <ul className="divide-y divide-white/20">
              {menu.map((item) => (
                <li key={item.pageId} className="py-2">
                  <MenuLink locale={locale} item={item} className="block py-1 font-semibold text-white" />
                  {item.children.length > 0 ? (
                    <ul className="ml-4">
                      {item.children.map((child) => (
                        <li key={child.pageId}>
                          <MenuLink locale={locale} item={child} className="block py-1 text-white" />
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
              <li className="py-2">
                <SiteLink locale={locale} href={newsHref()} className="block py-1 font-semibold text-white">
                  {newsItem.label}
                </SiteLink>
              </li>
            </ul>
          </nav>
        </details>
      </div>

      {/* Wide screens: the sections in one row. */}
      <nav aria-label={t('mainMenu')} className="hidden border-t border-white/20 md:block">
        <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-6 px-4">
          {menu.map((item) => (
            <li key={item.pageId}>
              <MenuLink locale={locale} item={item} className="block py-3 font-semibold text-white no-underline hover:underline" />
            </li>
          ))}
          <li>
            <SiteLink locale={locale} href={newsHref()} className="block py-3 font-semibold text-white no-underline hover:underline">
              {newsItem.label}
            </SiteLink>
          </li>
        </ul>
      </nav>
    </header>
  );
}
