import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { DiffView } from '@/components/admin/DiffView';
import { loadPageForEditor, pageRevision, pageRevisions } from '@/db/admin/pages';
import { adminLocale } from '@/lib/admin-locale';
import { requireUserForPage } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/dates';
import { diffFields } from '@/lib/diff';
import { RestorePageRevision } from './RestorePageRevision';

type Props = { params: Promise<{ id: string; locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const PAGE_FIELDS = ['title', 'menuTitle', 'path', 'summary', 'body', 'seoTitle', 'seoDescription'] as const;
const LINK_FIELDS = ['title'] as const;
type FieldName = (typeof PAGE_FIELDS)[number];

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await adminLocale(), namespace: 'Admin.history' });
  return { title: t('title') };
}

export default async function PageHistoryPage({ params, searchParams }: Props) {
  const { id: rawId, locale: rawLocale } = await params;
  const me = await requireUserForPage(undefined, `/admin/pages/${encodeURIComponent(rawId)}/history/${encodeURIComponent(rawLocale)}`);
  const id = /^[1-9]\d{0,15}$/.test(rawId) ? Number(rawId) : null;
  const locale = rawLocale === 'en' || rawLocale === 'sq' ? rawLocale : null;
  const item = id !== null && locale ? await loadPageForEditor(id) : null;
  const current = locale ? item?.translations[locale] : undefined;
  if (!item || !locale || !current) notFound();
  const t = await getTranslations({ locale: me.preferredLocale, namespace: 'Admin' });
  const list = await pageRevisions(item.page.id, locale);
  const sp = await searchParams;
  const revId = typeof sp.rev === 'string' && /^[1-9]\d{0,15}$/.test(sp.rev) ? Number(sp.rev) : (list[1]?.id ?? list[0]?.id);
  const selected = revId ? await pageRevision(item.page.id, revId) : null;
  const fields: readonly FieldName[] = item.page.kind === 'link' ? LINK_FIELDS : PAGE_FIELDS;
  const label = (f: FieldName) => (f === 'menuTitle' || f === 'path' ? t(`pages.fields.${f}`) : t(`editor.fields.${f}`));
  const text = (v: string | null | undefined) => v ?? '';
  const diff =
    selected && selected.locale === locale
      ? diffFields(
          Object.fromEntries(fields.map((f) => [f, text(selected.snapshot[f])])),
          Object.fromEntries(fields.map((f) => [f, text(current[f])])),
          [...fields],
        ).map((d) => ({ label: label(d.field as FieldName), chunks: d.chunks }))
      : null;

  return (
    <>
      <p>
        <Link href={`/admin/pages/${item.page.id}`}>← {t('pages.backToEditor')}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">
        {t('history.title')}: <span lang={locale}>{current.title}</span>
      </h1>
      <p className="mt-1 text-muted">{t(`editor.language.${locale}`)}</p>
      <div className="mt-6 grid gap-8 lg:grid-cols-[18rem_1fr]">
        <nav aria-label={t('history.versions')}>
          <h2 className="text-lg font-bold">{t('history.versions')}</h2>
          <ol className="mt-2 space-y-1">
            {list.map((r) => (
              <li key={r.id}>
                <Link
                  href={`?rev=${r.id}`}
                  aria-current={r.id === selected?.id ? 'true' : undefined}
                  className={`block rounded px-2 py-1 ${r.id === selected?.id ? 'bg-iom-blue text-white' : ''}`}
                >
                  {t('history.version', { version: r.version })}
                  {r.version === current.version ? ` (${t('history.current')})` : ''}
                  <br />
                  <span className="text-sm">
                    {formatDateTime(r.createdAt, me.preferredLocale)} · {r.authorName ?? '—'}
                  </span>
                </Link>
              </li>
            ))}
          </ol>
          {list.length === 0 ? <p className="text-muted">{t('history.none')}</p> : null}
        </nav>
        <section aria-labelledby="diff-title">
          {selected && diff ? (
            <>
              <h2 id="diff-title" className="text-lg font-bold">
                {t('history.compare', { version: selected.version, current: current.version })}
              </h2>
              <DiffView fields={diff} labels={{ added: t('diff.added'), removed: t('diff.removed'), noChanges: t('diff.noChanges'), legend: t('history.compareHelp') }} />
              {selected.version !== current.version ? (
                <RestorePageRevision pageId={item.page.id} locale={locale} revisionId={selected.id} baseVersion={current.version} version={selected.version} />
              ) : null}
            </>
          ) : (
            <p id="diff-title">{t('history.pick')}</p>
          )}
        </section>
      </div>
    </>
  );
}
