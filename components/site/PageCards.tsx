import type { MenuItem } from '@/db/queries/pages';
import { SiteLink } from '@/components/site/SiteLink';
import type { Locale } from '@/i18n/routing';
import { pageHref } from '@/lib/hrefs';

/** Pages of the tree as a grid of cards: title (a link) and summary. */
export function PageCards({ locale, items }: { locale: Locale; items: MenuItem[] }) {
  return (
    <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {items.map((item) => (
        <li key={item.pageId} className="rounded border border-gray-200 p-5">
          <h3 className="text-lg font-bold">
            {item.path ? (
              <SiteLink locale={locale} href={pageHref(item.path)}>
                {item.title}
              </SiteLink>
            ) : (
              <a href={item.externalUrl!} rel="noopener">
                {item.title}
              </a>
            )}
          </h3>
          {item.summary ? <p className="mt-2 text-muted">{item.summary}</p> : null}
        </li>
      ))}
    </ul>
  );
}
