import { getTranslations } from 'next-intl/server';
import { heroForPublic } from '@/db/queries/media';
import type { NewsSummary } from '@/db/queries/news';
import { SiteLink } from '@/components/site/SiteLink';
import type { Locale } from '@/i18n/routing';
import { formatDate, isoDate } from '@/lib/dates';
import { articleHref } from '@/lib/hrefs';
import { CardImage } from './CardImage';

/** News as a grid of cards: picture (or a calm panel), kind and date, title (the link), summary. */
export async function NewsList({
  locale,
  items,
  headingLevel = 2,
  priorityFirst = false,
}: {
  locale: Locale;
  items: NewsSummary[];
  headingLevel?: 2 | 3;
  /** The first card's picture is the page's first large image: load it at once. */
  priorityFirst?: boolean;
}) {
  const t = await getTranslations({ locale, namespace: 'News' });
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul className="grid gap-x-6 gap-y-8 sm:grid-cols-2 lg:grid-cols-3" data-testid="news-list">
      {items.map((item, i) => (
        <li key={item.id}>
          <NewsCard locale={locale} item={item} heading={Heading} kindLabel={t(`kind.${item.kind}`)} priority={priorityFirst && i === 0} />
        </li>
      ))}
    </ul>
  );
}

export function NewsCard({
  locale,
  item,
  heading: Heading,
  kindLabel,
  priority = false,
  sizes,
  lead = false,
}: {
  locale: Locale;
  item: NewsSummary;
  heading: 'h2' | 'h3';
  kindLabel: string;
  priority?: boolean;
  sizes?: string;
  /** The home page's first story: picture beside the text on wide screens, a larger title. */
  lead?: boolean;
}) {
  // Only with alt text in this language (or marked decorative): otherwise the calm panel.
  const image = heroForPublic(item.heroMediaId, locale);
  return (
    <article className={lead ? 'lg:grid lg:grid-cols-[3fr_2fr] lg:content-start lg:gap-x-8' : undefined} data-testid="news-card">
      <div className={lead ? 'lg:row-span-4' : undefined}>
        <CardImage image={image} label={kindLabel} priority={priority} sizes={sizes} />
      </div>
      <p className={`mt-3 text-sm text-muted ${lead ? 'lg:mt-0' : ''}`}>
        <span className="font-semibold text-iom-blue uppercase">{kindLabel}</span>
        <span aria-hidden="true"> · </span>
        <time dateTime={isoDate(item.publishedAt)}>{formatDate(item.publishedAt, locale)}</time>
      </p>
      <Heading className={`mt-1 leading-snug font-bold ${lead ? 'text-2xl sm:text-3xl' : 'text-xl'}`}>
        <SiteLink locale={locale} href={articleHref(item.slug)} className="text-ink hover:text-iom-blue">
          {item.title}
        </SiteLink>
      </Heading>
      {item.summary ? <p className={`mt-2 text-muted ${lead ? 'text-lg' : ''}`}>{item.summary}</p> : null}
    </article>
  );
}
