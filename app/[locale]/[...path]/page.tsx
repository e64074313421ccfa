import type { Metadata } from 'next';
import { permanentRedirect } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { NotFoundView, notFoundMetadata } from '@/components/site/NotFoundView';
import { PageView } from '@/components/site/PageView';
import { pageRedirect } from '@/db/queries/addresses';
import { heroForPublic } from '@/db/queries/media';
import { publishedPageByPath } from '@/db/queries/pages';
import { pageHref } from '@/lib/hrefs';
import { MAX_PATH_LENGTH, parseLocaleParam } from '@/lib/params';
import { pageMetadata } from '@/lib/seo';

// Every page of the tree (Who We Are, Our Work and its areas, …) is found
// here by its path in the reader's language; staff add pages without code.
// 10 s, like articles: a scheduled page appears at most that late at an
// address whose 404 was cached before its time.
export const revalidate = 10;

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
  const page = path ? publishedPageByPath(locale, path) : null;
  if (!page && path) {
    // An address that moved (a published path changed): to where it lives now.
    const target = pageRedirect(locale, path);
    if (target) permanentRedirect(target);
  }
  return { locale, page };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, page } = await load(params);
  if (!page) return notFoundMetadata(locale);
  const versions = Object.fromEntries(Object.entries(page.alternates).map(([l, path]) => [l, pageHref(path)]));
  const hero = heroForPublic(page.heroMediaId, locale);
  return pageMetadata({
    locale,
    title: page.seoTitle || page.title,
    description: page.seoDescription || page.summary,
    versions,
    image: hero ? { ...hero.og, alt: hero.alt } : null,
  });
}

export default async function ContentPage({ params }: { params: Params }) {
  const { locale, page } = await load(params);
  setRequestLocale(locale);
  if (!page) return <NotFoundView locale={locale} />;
  return <PageView locale={locale} page={page} />;
}
