import { getTranslations } from 'next-intl/server';
import { Breadcrumbs } from '@/components/site/Breadcrumbs';
import { ContactPageDetails } from '@/components/site/ContactPageDetails';
import type { Alternate } from '@/components/site/LanguageSwitcher';
import { PageCards } from '@/components/site/PageCards';
import { PageShell } from '@/components/site/PageShell';
import { ResponsiveImage } from '@/components/site/ResponsiveImage';
import { ListSection } from '@/components/site/ListSection';
import { RichText } from '@/components/site/RichText';
import { heroForPublic } from '@/db/queries/media';
import type { PublicPage } from '@/db/queries/pages';
import { type Locale, otherLocale } from '@/i18n/routing';
import { formatDate, isoDate } from '@/lib/dates';
import { homeHref, pageHref } from '@/lib/hrefs';
import { formatBytes } from '@/lib/media/format';

/** A page of the tree as the public sees it; staff previews render the same. */
export async function PageView({ locale, page }: { locale: Locale; page: PublicPage }) {
  const t = await getTranslations({ locale, namespace: 'Page' });
  const nav = await getTranslations({ locale, namespace: 'Nav' });
  const otherPath = page.alternates[otherLocale(locale)];
  // Only with alt text in this language (or marked decorative): otherwise no image at all.
  const hero = heroForPublic(page.heroMediaId, locale);
  const alternate: Alternate = otherPath
    ? { kind: 'found', href: pageHref(otherPath) }
    : { kind: 'missing', what: 'page', fallback: homeHref };

  return (
    <PageShell locale={locale} alternate={alternate}>
      <Breadcrumbs
        locale={locale}
        trail={page.parent ? [{ label: page.parent.title, href: pageHref(page.parent.path) }] : []}
        current={page.title}
        currentHref={pageHref(page.path)}
      />
      <div className="measure">
        <h1 className="text-3xl leading-tight font-bold text-iom-blue sm:text-4xl">{page.title}</h1>
        {hero ? (
          <div className="mt-6" data-testid="hero">
            <ResponsiveImage image={hero} priority />
          </div>
        ) : null}
        <RichText html={page.body} className="mt-6" />
        {page.isPlaceholder ? (
          // Seed text the office has not replaced yet: said once, quietly, after the text; gone once staff save their own.
          <p className="mt-8 text-sm text-muted" data-testid="placeholder-note">
            {t('placeholder')}
          </p>
        ) : null}
        {page.key === 'contact' ? <ContactPageDetails locale={locale} /> : null}
        <ListSection id="publications" title={t('publications.title')} items={page.publications} itemKey={(doc) => doc.id} look="documents">
          {(doc) => (
            <>
              <a href={doc.url} type="application/pdf" hrefLang={doc.language && doc.language !== 'mul' ? doc.language : undefined} className="font-semibold">
                {doc.title}
              </a>
              {doc.description ? <p className="text-sm">{doc.description}</p> : null}
              <p className="text-sm text-muted">
                PDF, {formatBytes(doc.size, locale)}
                {doc.language ? ` · ${t(`publications.language.${doc.language}`)}` : null} ·{' '}
                <time dateTime={isoDate(doc.createdAt)}>{formatDate(doc.createdAt, locale)}</time>
              </p>
            </>
          )}
        </ListSection>
      </div>
      {page.children.length > 0 ? (
        <section aria-labelledby="in-section" className="mt-12">
          <h2 id="in-section" className="text-2xl font-bold">
            {nav('inSection')}
          </h2>
          <PageCards locale={locale} items={page.children} />
        </section>
      ) : null}
    </PageShell>
  );
}
