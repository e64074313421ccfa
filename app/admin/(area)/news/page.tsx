import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { newsList } from '@/db/admin/news';
import type { StaffNewsFilter } from '@/db/content/news-list';
import { PUBLICATION_STATUSES } from '@/lib/vocabulary';
import { adminLocale } from '@/lib/admin-locale';
import { DataTable } from '@/components/admin/DataTable';
import { requireUserForPage } from '@/lib/auth/session';
import { formatTiranaDateTime } from '@/lib/dates';
import { parsePageNumber } from '@/lib/params';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await adminLocale(), namespace: 'Admin.news' });
  return { title: t('title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;
const COMPLETENESS = ['both', 'en-only', 'sq-only'] as const;

function pick<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

export default async function NewsListPage({ searchParams }: { searchParams: Search }) {
  const me = await requireUserForPage(undefined, '/admin/news');
  const t = await getTranslations({ locale: me.preferredLocale, namespace: 'Admin.news' });
  const sp = await searchParams;
  const filter: StaffNewsFilter = {
    status: pick(sp.status, PUBLICATION_STATUSES),
    completeness: pick(sp.languages, COMPLETENESS),
    q: typeof sp.q === 'string' ? sp.q.slice(0, 100) : undefined,
    page: parsePageNumber(typeof sp.page === 'string' ? sp.page : null) ?? 1,
  };
  const { rows, pageCount } = await newsList(filter);
  const query = (page: number) =>
    `?${new URLSearchParams({
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.completeness ? { languages: filter.completeness } : {}),
      ...(filter.q ? { q: filter.q } : {}),
      ...(page > 1 ? { page: String(page) } : {}),
    })}`;
  const cell = (row: (typeof rows)[number], locale: 'en' | 'sq') => {
    const l = row.languages[locale];
    if (!l) {
      return (
        <Link href={`/admin/news/${row.id}`} className="text-muted italic">
          {t('missing')}
        </Link>
      );
    }
    return (
      <>
        <Link href={`/admin/news/${row.id}`} className="font-semibold" lang={locale}>
          {l.title}
        </Link>
        <br />
        <span className="text-sm">{t(`statuses.${l.status}`)}</span>
        {l.publishedAt ? <span className="text-sm text-muted"> · {formatTiranaDateTime(l.publishedAt)}</span> : null}
        {l.stale ? (
          <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-sm font-semibold text-ink" data-testid={`stale-${locale}`}>
            {t('stale')}
          </span>
        ) : null}
      </>
    );
  };

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">{t('title')}</h1>
        <p className="flex flex-wrap gap-4">
          <Link href="/admin/news/new" className="rounded bg-iom-blue px-4 py-2 font-semibold text-white no-underline">
            {t('newArticle')}
          </Link>
          {me.role === 'admin' ? (
            <Link href="/admin/news/trash" className="px-2 py-2 font-semibold">
              {t('trashLink')}
            </Link>
          ) : null}
        </p>
      </div>
      {sp.trashed === '1' ? (
        <p role="status" className="mt-4 rounded border-l-4 border-green-700 bg-green-50 px-4 py-3 text-green-900" data-testid="form-message">
          {t('trashed')}
        </p>
      ) : null}
      <p className="mt-2 mb-6 text-muted">{t('intro')}</p>
      <form method="get" className="mb-6 flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="status" className="block font-semibold">{t('status')}</label>
          <select id="status" name="status" defaultValue={filter.status ?? ''} className="mt-1 rounded border border-gray-500 px-2 py-1">
            <option value="">{t('any')}</option>
            {PUBLICATION_STATUSES.map((s) => <option key={s} value={s}>{t(`statuses.${s}`)}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="languages" className="block font-semibold">{t('completeness')}</label>
          <select id="languages" name="languages" defaultValue={filter.completeness ?? ''} className="mt-1 rounded border border-gray-500 px-2 py-1">
            <option value="">{t('anyLanguage')}</option>
            {COMPLETENESS.map((c) => <option key={c} value={c}>{t(`completenessOptions.${c}`)}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="q" className="block font-semibold">{t('search')}</label>
          <input id="q" name="q" type="search" defaultValue={filter.q ?? ''} maxLength={100} className="mt-1 rounded border border-gray-500 px-2 py-1" />
        </div>
        <button type="submit" className="rounded bg-iom-blue px-4 py-2 font-semibold text-white">{t('filter')}</button>
      </form>
      {rows.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <DataTable headers={[t('english'), t('albanian'), t('updated')]} testId="news-table">
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-gray-200 align-top">
              <td className="p-2">{cell(row, 'en')}</td>
              <td className="p-2">{cell(row, 'sq')}</td>
              <td className="p-2 whitespace-nowrap">{formatTiranaDateTime(row.updatedAt)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {pageCount > 1 ? (
        <nav aria-label={t('title')} className="mt-4 flex items-center gap-4">
          {(filter.page ?? 1) > 1 ? <Link href={`/admin/news${query((filter.page ?? 1) - 1)}`}>{t('previous')}</Link> : null}
          <span>{t('page', { page: filter.page ?? 1, pageCount })}</span>
          {(filter.page ?? 1) < pageCount ? <Link href={`/admin/news${query((filter.page ?? 1) + 1)}`}>{t('next')}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
