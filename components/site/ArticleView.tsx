import { getTranslations } from 'next-intl/server';
import { Breadcrumbs } from '@/components/site/Breadcrumbs';
import type { Alternate } from '@/components/site/LanguageSwitcher';
import { JsonLd } from '@/components/site/JsonLd';
import { LocaleLink } from '@/components/site/LocaleLink';
import { PageShell } from '@/components/site/PageShell';
import { ResponsiveImage } from '@/components/site/ResponsiveImage';
import { RichText } from '@/components/site/RichText';
import { heroForPublic } from '@/db/queries/media';
import { relatedNews, type PublicArticle } from '@/db/queries/news';
import { SiteLink } from '@/components/site/SiteLink';
import { ShareLinks } from '@/components/site/ShareLinks';
import { type Locale, otherLocale } from '@/i18n/routing';
import { formatDate, isoDate } from '@/lib/dates';
import { articleHref, newsHref, pageHref } from '@/lib/hrefs';
import { absoluteUrl, localizedUrl } from '@/lib/seo';
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
          image: hero ? absoluteUrl(hero.og.url) : undefined,
        })}
      />
      {/*
        One column on phones: title, picture, dateline, text, then sharing and
        related news. From 64rem the text keeps its measure and the dateline,
        sharing and related news stand beside it (grid rows: title, picture, text).
      */}
      <article className="lg:grid lg:grid-rows-[auto_auto_1fr] lg:grid-cols-[minmax(0,46rem)_minmax(0,1fr)] lg:gap-x-12">
        <header className="lg:col-start-1">
          <p className="text-sm font-semibold text-iom-blue uppercase">{t(`kind.${article.kind}`)}</p>
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
          {article.themes.length > 0 ? (
            <section aria-labelledby="themes" className="mt-10 border-t border-gray-200 pt-6">
              <h2 id="themes" className="text-lg font-bold">
                {t('themes')}
              </h2>
              <ul className="mt-2 flex flex-wrap gap-2">
                {article.themes.map((theme) => (
                  <li key={theme.path}>
                    <SiteLink locale={locale} href={pageHref(theme.path)} className="inline-flex min-h-8 items-center rounded-full border border-iom-blue px-3 text-sm">
                      {theme.title}
                    </SiteLink>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
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
