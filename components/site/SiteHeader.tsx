import { getTranslations } from 'next-intl/server';
import { siteMenu, type MenuItem } from '@/db/queries/pages';
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

/** A header button on a phone: icon and visible label, 44 px high. */
const BUTTON =
  'flex min-h-11 cursor-pointer list-none items-center gap-1.5 rounded border border-white/70 px-3 font-semibold select-none group-open:bg-white group-open:text-iom-blue [&::-webkit-details-marker]:hidden';

/**
 * Utility bar (skip link, language switch), wordmark and the main menu built
 * from the page tree. No client JavaScript: on small screens the search box
 * and the menu are <details> elements (a button each, with an icon and a
 * label), on wide ones a form and a plain list.
 */
export async function SiteHeader({ locale, alternate }: { locale: Locale; alternate: Alternate }) {
  const t = await getTranslations({ locale, namespace: 'Nav' });
  const site = await getTranslations({ locale, namespace: 'Site' });
  const searchT = await getTranslations({ locale, namespace: 'Search' });
  const menu = siteMenu(locale);
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
        <div className="mx-auto flex max-w-6xl justify-end px-4 py-1">
          <LanguageSwitcher locale={locale} alternate={alternate} />
        </div>
      </div>
      {/* `relative`: the phone's search and menu panels open below this row, across its width. */}
      <div className="relative mx-auto flex max-w-6xl items-center justify-between gap-2 px-4 py-2 md:gap-4 md:py-4">
        <SiteLink locale={locale} href={homeHref} className="min-w-0 text-white no-underline hover:underline">
          <span className="block text-base leading-tight font-bold tracking-wide sm:text-xl">{site('wordmark')}</span>
          <span className="block text-base leading-tight font-normal">{site('country')}</span>
        </SiteLink>

        <div className="hidden w-80 md:block">
          <SearchForm locale={locale} id="header-search" compact />
        </div>

        {/* Small screens: search and menu behind two buttons, <details> elements that work without JavaScript. */}
        <div className="flex shrink-0 gap-2 md:hidden">
          <details name="header-panel" className="group" data-testid="search-toggle">
            <summary className={BUTTON}>
              <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2.5">
                <circle cx="10.5" cy="10.5" r="6.5" />
                <path d="m15.5 15.5 5 5" strokeLinecap="round" />
              </svg>
              {/* On the narrowest phones the search button is its icon alone (the label stays for screen readers). */}
              <span className="max-[359px]:sr-only">{searchT('title')}</span>
            </summary>
            <div className="absolute inset-x-0 top-full z-20 bg-iom-blue px-4 pt-1 pb-4 shadow-lg">
              <SearchForm locale={locale} id="header-search-small" compact />
            </div>
          </details>
          <details name="header-panel" className="group" data-testid="menu-toggle">
            <summary className={BUTTON}>
              <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round">
                <path d="M4 6h16M4 12h16M4 18h16" className="group-open:hidden" />
                <path d="M6 6l12 12M18 6 6 18" className="hidden group-open:inline" />
              </svg>
              <span>{t('menu')}</span>
            </summary>
            <nav aria-label={t('mainMenu')} className="absolute inset-x-0 top-full z-20 max-h-[75vh] overflow-y-auto bg-iom-blue px-4 pb-4 shadow-lg">
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
