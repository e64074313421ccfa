import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Breadcrumbs } from '@/components/site/Breadcrumbs';
import type { Alternate } from '@/components/site/LanguageSwitcher';
import { PageCards } from '@/components/site/PageCards';
import { PageShell } from '@/components/site/PageShell';
import { RichText } from '@/components/site/RichText';
import { findPublishedPageByPath } from '@/db/queries/pages';
import { otherLocale } from '@/i18n/routing';
import { homeHref, pageHref } from '@/lib/hrefs';
import { MAX_PATH_LENGTH, parseLocaleParam } from '@/lib/params';
import { pageMetadata } from '@/lib/seo';

// Every page of the tree (Who We Are, Our Work and its areas, …) is found
// here by its path in the reader's language; staff add pages without code.
export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

type Params = Promise<{ locale: string; path: string[] }>;

function joinPath(segments: string[]): string | null {
  try {
    const path = segments.map((s) => decodeURIComponent(s)).join('/');
    return path.length > 0 && path.length <= MAX_PATH_LENGTH && !path.includes('\0') ? path : null;
  } catch {
    return null;
  }
}

async function load(params: Params) {
  const { locale: raw, path: segments } = await params;
  const locale = parseLocaleParam(raw);
  const path = joinPath(segments);
  const page = path ? findPublishedPageByPath(locale, path) : null;
  if (!page) notFound();
  return { locale, page };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, page } = await load(params);
  const versions = Object.fromEntries(Object.entries(page.alternates).map(([l, path]) => [l, pageHref(path)]));
  return pageMetadata({ locale, title: page.seoTitle || page.title, description: page.seoDescription || page.summary, versions });
}

export default async function ContentPage({ params }: { params: Params }) {
  const { locale, page } = await load(params);
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'Page' });
  const nav = await getTranslations({ locale, namespace: 'Nav' });
  const otherPath = page.alternates[otherLocale(locale)];
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
        {page.isPlaceholder ? (
          <p className="mt-4 border-l-4 border-accent bg-amber-50 px-4 py-3 text-sm" role="note" data-testid="placeholder-note">
            {t('placeholder')}
          </p>
        ) : null}
        <RichText html={page.body} className="mt-6" />
      </div>
      {page.children.length > 0 ? (
        <section aria-labelledby="in-section" className="mt-12">
          <h2 id="in-section" className="text-2xl font-bold">
            {nav('inSection')}
          </h2>
          <PageCards items={page.children} />
        </section>
      ) : null}
    </PageShell>
  );
}
