import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { TrashedItem } from '@/db/content/trash';
import type { Locale } from '@/i18n/routing';
import { formatTiranaDateTime } from '@/lib/dates';
import { DoneNote } from './DoneNote';
import { TrashTable } from './TrashTable';

type Props = Omit<Parameters<typeof TrashTable>[0], 'rows' | 'headers'> & {
  items: TrashedItem<unknown>[];
  /** The editor's language. */
  locale: Locale;
  back: { href: string; label: string };
  intro: string;
  /** What the last action did, when it came back by a redirect. */
  done?: string | null;
};

/** The trash page of any translated type (news, pages): its items with both languages, to restore or delete for good. */
export async function TrashView({ items, locale, back, intro, done, ...table }: Props) {
  const t = await getTranslations({ locale, namespace: 'Admin' });
  const rows = items.map((i) => ({
    id: i.id,
    title: i.translations[locale]?.title ?? i.translations.en?.title ?? i.translations.sq?.title ?? t('pages.untitled'),
    translations: { en: i.translations.en ?? null, sq: i.translations.sq ?? null },
    deletedAtLabel: formatTiranaDateTime(i.deletedAt),
  }));
  return (
    <>
      <p>
        <Link href={back.href}>← {back.label}</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{t('trash.title')}</h1>
      {done ? <DoneNote>{done}</DoneNote> : null}
      <p className="mt-2 mb-6 text-muted">{intro}</p>
      <TrashTable rows={rows} headers={[t('news.english'), t('news.albanian'), t('trash.deletedAt'), t('trash.actions')]} {...table} />
    </>
  );
}
