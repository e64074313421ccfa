import type { MenuItem } from '@/db/queries/pages';
import { heroForPublic } from '@/db/queries/media';
import { SiteLink } from '@/components/site/SiteLink';
import type { Locale } from '@/i18n/routing';
import { pageHref } from '@/lib/hrefs';
import { CardImage } from './CardImage';

/** Pages of the tree as a grid of cards: the page's main image when it has one, title (a link) and summary. */
export function PageCards({ locale, items }: { locale: Locale; items: MenuItem[] }) {
  return (
    <ul className="mt-4 grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
      {items.map((item) => {
        const image = heroForPublic(item.heroMediaId, locale);
        return (
          <li key={item.pageId} className={`border-gray-300 ${image ? '' : 'border-t-4 border-t-iom-blue bg-iom-mist p-5'}`} data-testid="page-card">
            {image ? <CardImage image={image} label={item.title} /> : null}
            <h3 className={`text-lg font-bold ${image ? 'mt-3' : ''}`}>
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
        );
      })}
    </ul>
  );
}
