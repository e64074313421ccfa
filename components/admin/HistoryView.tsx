import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { DiffView } from '@/components/admin/DiffView';
import { RestoreForm, type RestoreTarget } from '@/components/admin/RestoreForm';
import type { RevisionChange } from '@/db/content/revisions';
import type { Locale } from '@/i18n/routing';
import { formatTiranaDateTime } from '@/lib/dates';
import { diffFields } from '@/lib/diff';
import { parseIdParam } from '@/lib/params';

type Revision = { id: number; version: number; createdAt: Date; authorName: string | null };
type ListedRevision = Revision & { changes: readonly RevisionChange[] };
// The compared fields are text; anything else in a row or snapshot is ignored.
type Snapshot = { readonly [field: string]: unknown };

/**
 * The history of one language of an article or a page: its saved versions,
 * a readable diff of the chosen one against the current text, and (through
 * `restore`) a way back; one view for every translated type (its route:
 * app/admin/(area)/history-route.tsx).
 */
export async function HistoryView(props: {
  /** The editor's interface language. */
  uiLocale: Locale;
  /** The language whose history this is. */
  locale: Locale;
  back: { href: string; label: string };
  current: Snapshot & { title: string; version: number };
  list: readonly ListedRevision[];
  selected: (Revision & { locale: string; snapshot: Snapshot }) | null;
  /** The fields compared, in order, with their labels. */
  fields: readonly { name: string; label: string }[];
  /** The item and its type's restore action, for `selected`. */
  restore: RestoreTarget;
}) {
  const { uiLocale, locale, current, list, selected } = props;
  const t = await getTranslations({ locale: uiLocale, namespace: 'Admin' });
  const names = props.fields.map((f) => f.name);
  const labels = new Map(props.fields.map((f) => [f.name, f.label]));
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const diff =
    selected && selected.locale === locale
      ? diffFields(
          Object.fromEntries(names.map((f) => [f, text(selected.snapshot[f])])),
          Object.fromEntries(names.map((f) => [f, text(current[f])])),
          names,
        ).map((d) => ({ label: labels.get(d.field) ?? d.field, chunks: d.chunks }))
      : null;
  // A version whose text is the current one (the current version, or the one just restored) has nothing to bring back.
  const isCurrentText = selected !== null && names.every((f) => text(selected.snapshot[f]) === text(current[f]));
  const changeLabel = (c: RevisionChange) => (c.kind === 'restored' ? t('history.changes.restored', { version: c.version }) : t(`history.changes.${c.kind}`));

  return (
    <>
      <p>
        <Link href={props.back.href}>← {props.back.label}</Link>
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
                    {formatTiranaDateTime(r.createdAt)} · {r.authorName ?? '—'}
                  </span>
                  <br />
                  <span className="text-sm font-semibold" data-testid={`revision-changes-${r.version}`}>
                    {r.changes.length > 0 ? r.changes.map(changeLabel).join(' · ') : t('history.changes.saved')}
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
              <RestoreForm key={selected.id} target={props.restore} locale={locale} revisionId={selected.id} baseVersion={current.version} version={selected.version} isCurrent={isCurrentText} />
            </>
          ) : (
            <p id="diff-title">{t('history.pick')}</p>
          )}
        </section>
      </div>
    </>
  );
}

/** The revision a history page shows: `?rev=N`, else the one before the current, else the only one. */
export function chosenRevisionId(rev: string | string[] | undefined, list: readonly { id: number }[]): number | undefined {
  return parseIdParam(rev) ?? list[1]?.id ?? list[0]?.id;
}
