import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/admin/DataTable';
import { purgeState } from '@/db/admin/purges';
import type { PurgeRow } from '@/db/cdn-outbox';
import { adminLocale } from '@/lib/admin-locale';
import { requireUserForPage } from '@/lib/auth/session';
import { formatTiranaDateTime } from '@/lib/dates';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await adminLocale(), namespace: 'Admin.purges' });
  return { title: t('title') };
}

function When({ at }: { at: Date | null }) {
  return at ? <time dateTime={at.toISOString()}>{formatTiranaDateTime(at)}</time> : null;
}

/** What the CDN was told to drop (db/cdn-outbox.ts): what waits, with its last error, and what went. */
export default async function PurgesPage() {
  const me = await requireUserForPage('admin', '/admin/purges');
  const t = await getTranslations({ locale: me.preferredLocale, namespace: 'Admin.purges' });
  const { cdns, waiting, sent } = await purgeState();
  const table = (rows: PurgeRow[], testId: string, done: boolean) => (
    <DataTable
      headers={[t('cdn'), t('tags'), t('created'), done ? t('sentAt') : t('due'), t('attempts'), ...(done ? [] : [t('error')])]}
      testId={testId}
      small
    >
      {rows.map((r) => (
        <tr key={r.id} className="border-b border-gray-200 align-top">
          <td className="p-2">{r.target}</td>
          <td className="p-2 font-mono break-all">{r.tags}</td>
          <td className="p-2 whitespace-nowrap"><When at={r.createdAt} /></td>
          <td className="p-2 whitespace-nowrap"><When at={done ? r.sentAt : r.dueAt} /></td>
          <td className="p-2">{r.attempts}</td>
          {done ? null : <td className="p-2">{r.lastError}</td>}
        </tr>
      ))}
    </DataTable>
  );

  return (
    <>
      <h1 className="mb-6 text-3xl font-bold">{t('title')}</h1>
      <p className="mb-4 max-w-prose">{t('intro')}</p>
      <p className="mb-6 font-semibold" data-testid="cdns">{cdns.length === 0 ? t('none') : t('configured', { names: cdns.join(', ') })}</p>
      <h2 className="mb-2 text-2xl font-bold">{t('waiting')}</h2>
      {waiting.length === 0 ? <p className="mb-6">{t('emptyWaiting')}</p> : <div className="mb-6">{table(waiting, 'purges-waiting', false)}</div>}
      <h2 className="mb-2 text-2xl font-bold">{t('sent')}</h2>
      {sent.length === 0 ? <p>{t('emptySent')}</p> : table(sent, 'purges-sent', true)}
    </>
  );
}
