import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Breadcrumbs } from '@/components/site/Breadcrumbs';
import { LocaleLink } from '@/components/site/LocaleLink';
import { PageShell } from '@/components/site/PageShell';
import { SearchForm } from '@/components/site/SearchForm';
import { SiteLink } from '@/components/site/SiteLink';
import { searchResults } from '@/db/queries/search';
import { type Locale, otherLocale } from '@/i18n/routing';
import { formatDate } from '@/lib/dates';
import { articleHref, pageHref, searchHref } from '@/lib/hrefs';
import { snippetToHtml } from '@/lib/search-query';
import { pageMetadata } from '@/lib/seo';

export async function searchMetadata(locale: Locale): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: 'Search' });
  return { ...pageMetadata({ locale, title: t('title'), versions: { en: searchHref(), sq: searchHref() } }), robots: { index: false, follow: true } };
}

/**
 * Site search: a plain GET form that works without JavaScript; results are
 * rendered on the server (and cached per query, see lib/search-query.ts encodeSearchKey).
 */
export async function SearchView({ locale, query, page }: { locale: Locale; query: string; page: number }) {
  const t = await getTranslations({ locale, namespace: 'Search' });
  const other = otherLocale(locale);
  const results = query ? searchResults(locale, query, page) : null;
  const elsewhere = results && results.total === 0 ? searchResults(other, query, 1).total : 0;

  return (
    <PageShell locale={locale} alternate={{ kind: 'found', href: searchHref(query) }}>
      <Breadcrumbs locale={locale} trail={[]} current={t('title')} currentHref={searchHref()} />
      <h1 className="text-3xl font-bold text-iom-blue">{t('title')}</h1>
      <div className="mt-4 max-w-xl">
        <SearchForm locale={locale} defaultValue={query} id="search-page-q" />
      </div>
      {!results ? (
        <p className="measure mt-6 text-muted">{t('prompt')}</p>
      ) : (
        <section aria-labelledby="search-results" className="mt-8">
          <h2 id="search-results" className="text-xl font-bold" data-testid="search-summary">
            {t('results', { total: results.total, query })}
          </h2>
          {results.total === 0 ? (
            <div className="measure mt-4">
              <p>{t('none', { query })}</p>
              {elsewhere > 0 ? (
                <p className="mt-2" data-testid="other-language-results">
                  <LocaleLink href={searchHref(query)} locale={other} textLang={locale} remembers={false}>
                    {t('otherLanguage', { total: elsewhere })}
                  </LocaleLink>
                </p>
              ) : null}
            </div>
          ) : (
            <ol className="mt-4 divide-y divide-gray-200 border-y border-gray-200" data-testid="search-hits">
              {results.hits.map((hit) => (
                <li key={`${hit.kind}:${hit.address}`} className="py-4">
                  <p className="text-sm text-muted">
                    <span className="font-semibold text-iom-blue uppercase">{t(`kind.${hit.kind}`)}</span>
                    {hit.publishedAt ? <> · {formatDate(hit.publishedAt, locale)}</> : null}
                  </p>
                  <h3 className="mt-1 text-lg font-bold">
                    <SiteLink locale={locale} href={hit.kind === 'news' ? articleHref(hit.address) : pageHref(hit.address)}>{hit.title}</SiteLink>
                  </h3>
                  <p className="measure mt-1 text-muted [&_mark]:bg-amber-100 [&_mark]:text-ink" dangerouslySetInnerHTML={{ __html: snippetToHtml(hit.snippet) }} />
                </li>
              ))}
            </ol>
          )}
          {results.pageCount > 1 ? (
            <nav aria-label={t('pagination')} className="mt-6 flex flex-wrap items-center justify-between gap-4">
              {page > 1 ? <SiteLink locale={locale} href={searchHref(query, page - 1)} rel="prev">← {t('previous')}</SiteLink> : <span />}
              <p className="text-muted">{t('status', { page, pageCount: results.pageCount })}</p>
              {page < results.pageCount ? <SiteLink locale={locale} href={searchHref(query, page + 1)} rel="next">{t('next')} →</SiteLink> : <span />}
            </nav>
          ) : null}
        </section>
      )}
    </PageShell>
  );
}
