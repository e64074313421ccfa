import { getTranslations } from 'next-intl/server';
import { Breadcrumbs } from '@/components/site/Breadcrumbs';
import type { Alternate } from '@/components/site/LanguageSwitcher';
import { JsonLd } from '@/components/site/JsonLd';
import { LocaleLink } from '@/components/site/LocaleLink';
import { PageShell } from '@/components/site/PageShell';
import { ResponsiveImage } from '@/components/site/ResponsiveImage';
import { ListSection } from '@/components/site/ListSection';
import { RichText } from '@/components/site/RichText';
import { heroForPublic } from '@/db/queries/media';
import { relatedNews, type PublicArticle } from '@/db/queries/news';
import { siteSettingsForPublic } from '@/db/queries/site';
import { SiteLink } from '@/components/site/SiteLink';
import { ShareLinks } from '@/components/site/ShareLinks';
import { type Locale, otherLocale } from '@/i18n/routing';
import { formatDate, isoDate } from '@/lib/dates';
import { NEWS_KIND_LISTS } from '@/i18n/paths';
import { articleHref, newsHref, newsListHref, pageHref } from '@/lib/hrefs';
import { type MediaContact, telHref } from '@/lib/media-contact';
import { absoluteUrl, DEFAULT_OG_IMAGE, localizedUrl } from '@/lib/seo';
import { newsArticleLd } from '@/lib/structured-data';

/** An article's page as the public sees it; staff previews render the same. */
export async function ArticleView({ locale, article, notPublished = false }: { locale: Locale; article: PublicArticle; notPublished?: boolean }) {
  const t = await getTranslations({ locale, namespace: 'News' });
  const nav = await getTranslations({ locale, namespace: 'Nav' });
  const other = otherLocale(locale);
  const tOther = await getTranslations({ locale: other, namespace: 'Switcher' });
  const otherSlug = article.alternates[other];
  // Only with alt text in this language (or marked decorative): otherwise no image at all.
  const hero = heroForPublic(article.heroMediaId, locale);
  const url = localizedUrl(articleHref(article.slug), locale);
  const related = relatedNews(locale, article.id);
  const alternate: Alternate = otherSlug
    ? { kind: 'found', href: articleHref(otherSlug) }
    : { kind: 'missing', what: 'article', fallback: newsHref() };

  return (
    <PageShell locale={locale} alternate={alternate}>
      <Breadcrumbs locale={locale} trail={[{ label: nav('news'), href: newsHref() }]} current={article.title} currentHref={articleHref(article.slug)} />
      <JsonLd
        data={newsArticleLd({
          locale,
          url,
          headline: article.title,
          description: article.seoDescription || article.summary,
          datePublished: article.publishedAt,
          dateModified: article.updatedAt,
          image: absoluteUrl((hero?.og ?? siteSettingsForPublic(locale).shareImage ?? DEFAULT_OG_IMAGE).url),
        })}
      />
      {/*
        One column on phones: title, picture, dateline, text, then sharing and
        related news. From 64rem the text keeps its measure and the dateline,
        sharing and related news stand beside it (grid rows: title, picture, text).
      */}
      <article className="lg:grid lg:grid-rows-[auto_auto_1fr] lg:grid-cols-[minmax(0,46rem)_minmax(0,1fr)] lg:gap-x-12">
        <header className="lg:col-start-1">
          <p className="text-sm font-semibold text-iom-blue uppercase">
            {article.kind === 'news' ? (
              t(`kind.${article.kind}`)
            ) : (
              // A press release or a story links to its kind's list.
              <SiteLink locale={locale} href={newsListHref(NEWS_KIND_LISTS[article.kind])} className="text-iom-blue">
                {t(`kind.${article.kind}`)}
              </SiteLink>
            )}
          </p>
          <h1 className="mt-2 text-2xl leading-tight font-bold sm:text-4xl">{article.title}</h1>
        </header>
        {hero ? (
          <div className="mt-4 sm:mt-6 lg:col-start-1" data-testid="hero">
            <ResponsiveImage image={hero} priority />
          </div>
        ) : null}
        <div className="mt-4 lg:col-start-2 lg:row-start-1 lg:mt-0 lg:self-end" data-testid="article-meta">
          <div className="text-muted">
            {article.dateline ? (
              <p className="font-semibold text-ink" data-testid="dateline">
                {article.dateline}
              </p>
            ) : null}
            {notPublished ? (
              // A staff preview of a text the public cannot see yet: no made-up publication date.
              <p className="font-semibold text-ink" data-testid="not-published">
                {t('notPublished')}
              </p>
            ) : (
              <p>
                {t('published')}{' '}
                <time dateTime={isoDate(article.publishedAt)} data-testid="published-date">
                  {formatDate(article.publishedAt, locale)}
                </time>
              </p>
            )}
          </div>
          <p className="mt-4 rounded bg-gray-50 px-4 py-3" lang={other} data-testid="other-language">
            {otherSlug ? (
              <LocaleLink href={articleHref(otherSlug)} locale={other} className="font-semibold">
                {tOther('readInOther')}
              </LocaleLink>
            ) : (
              <>
                {tOther('articleMissing')}.{' '}
                <LocaleLink href={newsHref()} locale={other} className="font-semibold">
                  {tOther('goToNews')}
                </LocaleLink>
              </>
            )}
          </p>
        </div>
        <div className="measure lg:col-start-1">
          <RichText html={article.body} className="mt-8" />
          {article.mediaContact ? <MediaContactBlock locale={locale} contact={article.mediaContact} /> : null}
          <ListSection id="themes" title={t('themes')} items={article.themes} itemKey={(theme) => theme.path} look="tags">
            {(theme) => (
              <SiteLink locale={locale} href={pageHref(theme.path)} className="inline-flex min-h-8 items-center rounded-full border border-iom-blue px-3 text-sm">
                {theme.title}
              </SiteLink>
            )}
          </ListSection>
          <p className="mt-10">
            <SiteLink locale={locale} href={newsHref()} className="font-semibold">
              ← {t('backToNews')}
            </SiteLink>
          </p>
        </div>
        <aside aria-label={t('aside')} className="mt-10 space-y-8 lg:col-start-2 lg:row-span-2 lg:row-start-2 lg:mt-6" data-testid="article-aside">
          {notPublished ? null : <ShareLinks locale={locale} url={url} title={article.title} />}
          {related.length > 0 ? (
            <section aria-labelledby="related" data-testid="related">
              <h2 id="related" className="text-base font-bold">
                {t('related')}
              </h2>
              <ul className="mt-3 space-y-4">
                {related.map((item) => (
                  <li key={item.id}>
                    <SiteLink locale={locale} href={articleHref(item.slug)} className="font-semibold">
                      {item.title}
                    </SiteLink>
                    <p className="text-sm text-muted">
                      <time dateTime={isoDate(item.publishedAt)}>{formatDate(item.publishedAt, locale)}</time>
                    </p>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </aside>
      </article>
    </PageShell>
  );
}

/** A press release's contact for journalists: name, phone (tel:) and e-mail (mailto:), each when set. */
async function MediaContactBlock({ locale, contact }: { locale: Locale; contact: MediaContact }) {
  const t = await getTranslations({ locale, namespace: 'MediaContact' });
  return (
    <section aria-labelledby="media-contact" className="mt-10 border-l-4 border-iom-blue bg-iom-mist px-4 py-3" data-testid="media-contact">
      <h2 id="media-contact" className="text-lg font-bold">
        {t('title')}
      </h2>
      {contact.name ? <p className="mt-1 font-semibold">{contact.name}</p> : null}
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3">
        {contact.phone ? (
          <>
            <dt>{t('phone')}</dt>
            <dd>
              <a href={telHref(contact.phone)}>{contact.phone}</a>
            </dd>
          </>
        ) : null}
        {contact.email ? (
          <>
            <dt>{t('email')}</dt>
            <dd>
              <a href={`mailto:${contact.email}`}>{contact.email}</a>
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
