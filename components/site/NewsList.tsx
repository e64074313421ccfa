import { getTranslations } from 'next-intl/server';
import type { NewsSummary } from '@/db/queries/news';
import { SiteLink } from '@/components/site/SiteLink';
import type { Locale } from '@/i18n/routing';
import { formatDate, isoDate } from '@/lib/dates';
import { articleHref } from '@/lib/hrefs';

export async function NewsList({
  locale,
  items,
  headingLevel = 2,
}: {
  locale: Locale;
  items: NewsSummary[];
  headingLevel?: 2 | 3;
}) {
  const t = await getTranslations({ locale, namespace: 'News' });
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul className="divide-y divide-gray-200 border-y border-gray-200" data-testid="news-list">
      {items.map((item) => (
        <li key={item.id} className="py-5">
          <article>
            <p className="text-sm text-muted">
              <span className="font-semibold text-iom-blue uppercase">{t(`kind.${item.kind}`)}</span>
              <span aria-hidden="true"> · </span>
              <time dateTime={isoDate(item.publishedAt)}>{formatDate(item.publishedAt, locale)}</time>
            </p>
            <Heading className="mt-1 text-xl leading-snug font-bold">
              <SiteLink locale={locale} href={articleHref(item.slug)} className="text-ink hover:text-iom-blue">
                {item.title}
              </SiteLink>
            </Heading>
            {item.summary ? <p className="measure mt-2 text-muted">{item.summary}</p> : null}
          </article>
        </li>
      ))}
    </ul>
  );
}
