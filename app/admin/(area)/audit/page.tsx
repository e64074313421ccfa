import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { auditActions, auditLog } from '@/db/admin/audit';
import { userList } from '@/db/admin/users';
import { adminLocale } from '@/lib/admin-locale';
import { DataTable } from '@/components/admin/DataTable';
import { requireUserForPage } from '@/lib/auth/session';
import { formatTiranaDateTime } from '@/lib/dates';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await adminLocale(), namespace: 'Admin.audit' });
  return { title: t('title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

function positiveInt(value: unknown): number | undefined {
  return typeof value === 'string' && /^[1-9]\d{0,9}$/.test(value) ? Number(value) : undefined;
}

export default async function AuditPage({ searchParams }: { searchParams: Search }) {
  const me = await requireUserForPage('admin', '/admin/audit');
  const t = await getTranslations({ locale: me.preferredLocale, namespace: 'Admin.audit' });
  const params = await searchParams;
  const action = typeof params.action === 'string' && params.action.length <= 64 ? params.action : undefined;
  const userId = positiveInt(params.user);
  const before = positiveInt(params.before);
  const [{ rows, more }, actions, users] = await Promise.all([auditLog({ action, userId, before }), auditActions(), userList()]);
  const query = (extra: Record<string, string>) =>
    `?${new URLSearchParams({ ...(action ? { action } : {}), ...(userId ? { user: String(userId) } : {}), ...extra })}`;

  return (
    <>
      <h1 className="mb-6 text-3xl font-bold">{t('title')}</h1>
      <form method="get" className="mb-6 flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="action" className="block font-semibold">{t('filterAction')}</label>
          <select id="action" name="action" defaultValue={action ?? ''} className="mt-1 rounded border border-gray-500 px-2 py-1">
            <option value="">{t('all')}</option>
            {actions.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="user" className="block font-semibold">{t('filterUser')}</label>
          <select id="user" name="user" defaultValue={userId ? String(userId) : ''} className="mt-1 rounded border border-gray-500 px-2 py-1">
            <option value="">{t('all')}</option>
            {users.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
        </div>
        <button type="submit" className="rounded bg-iom-blue px-4 py-2 font-semibold text-white">{t('filter')}</button>
      </form>
      {rows.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <DataTable headers={[t('when'), t('who'), t('what'), t('details'), t('address')]} testId="audit-table" small>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-gray-200 align-top">
              <td className="p-2 whitespace-nowrap"><time dateTime={r.createdAt.toISOString()}>{formatTiranaDateTime(r.createdAt)}</time></td>
              <td className="p-2">{r.userName ?? t('anonymous')}</td>
              <td className="p-2 font-mono">{r.action}</td>
              <td className="p-2 font-mono break-all">{[r.entityType && `${r.entityType} #${r.entityId}`, r.details].filter(Boolean).join(' ')}</td>
              <td className="p-2 font-mono">{r.ip}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <nav className="mt-4 flex gap-4" aria-label={t('title')}>
        {before ? <Link href={`/admin/audit${query({})}`}>{t('previous')}</Link> : null}
        {more ? <Link href={`/admin/audit${query({ before: String(rows.at(-1)!.id) })}`}>{t('next')}</Link> : null}
      </nav>
    </>
  );
}
