import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { DiffView } from '@/components/admin/DiffView';
import { loadNewsForEditor, newsRevision, newsRevisions } from '@/db/admin/news';
import { adminLocale } from '@/lib/admin-locale';
import { requireUserForPage } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/dates';
import { diffFields } from '@/lib/diff';
import { RestoreRevision } from './RestoreRevision';

type Props = { params: Promise<{ id: string; locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const FIELDS = ['title', 'slug', 'summary', 'dateline', 'body', 'seoTitle', 'seoDescription'] as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await adminLocale(), namespace: 'Admin.history' });
  return { title: t('title') };
}

export default async function HistoryPage({ params, searchParams }: Props) {
  const { id: rawId, locale: rawLocale } = await params;
  const me = await requireUserForPage(undefined, `/admin/news/${encodeURIComponent(rawId)}/history/${encodeURIComponent(rawLocale)}`);
  const id = /^[1-9]\d{0,15}$/.test(rawId) ? Number(rawId) : null;
  const locale = rawLocale === 'en' || rawLocale === 'sq' ? rawLocale : null;
  const item = id !== null && locale ? await loadNewsForEditor(id) : null;
  const current = locale ? item?.translations[locale] : undefined;
  if (!item || !locale || !current || item.deletedAt) notFound();
  const t = await getTranslations({ locale: me.preferredLocale, namespace: 'Admin' });
  const list = await newsRevisions(item.id, locale);
  const sp = await searchParams;
  const revId = typeof sp.rev === 'string' && /^[1-9]\d{0,15}$/.test(sp.rev) ? Number(sp.rev) : (list[1]?.id ?? list[0]?.id);
  const selected = revId ? await newsRevision(item.id, revId) : null;
  const text = (v: string | null | undefined) => v ?? '';
  const diff =
    selected && selected.locale === locale
      ? diffFields(
          Object.fromEntries(FIELDS.map((f) => [f, text(selected.snapshot[f])])),
          Object.fromEntries(FIELDS.map((f) => [f, text(current[f])])),
          [...FIELDS],
        ).map((d) => ({ ...d, label: t(`editor.fields.${d.field as (typeof FIELDS)[number]}`) }))
      : null;

  return (
    <>
      <p>
        <Link href={`/admin/news/${item.id}`}>← {t('history.backToEditor')}</Link>
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
                <RestoreRevision itemId={item.id} revisionId={selected.id} baseVersion={current.version} version={selected.version} />
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
