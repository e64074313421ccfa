import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { userList } from '@/db/admin/users';
import { adminLocale } from '@/lib/admin-locale';
import { DataTable } from '@/components/admin/DataTable';
import { requireUserForPage } from '@/lib/auth/session';
import { formatTiranaDateTime } from '@/lib/dates';
import { twoFactorRequirement } from '@/db/admin/two-factor';
import { CreateUserForm, RequireTwoFactorForm, UserRowForms } from './UserForms';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: await adminLocale(), namespace: 'Admin.users' });
  return { title: t('title') };
}

export default async function UsersPage() {
  const me = await requireUserForPage('admin', '/admin/users');
  const t = await getTranslations({ locale: me.preferredLocale, namespace: 'Admin.users' });
  const [users, twoFactorRequired] = await Promise.all([userList(), twoFactorRequirement()]);
  return (
    <>
      <h1 className="mb-6 text-3xl font-bold">{t('title')}</h1>
      <CreateUserForm />
      <RequireTwoFactorForm required={twoFactorRequired} />
      <h2 className="mt-10 mb-4 text-xl font-bold">{t('list')}</h2>
      <DataTable headers={[t('name'), t('role'), t('status'), t('lastSignIn'), t('actions')]}>
        {users.map((u) => (
          <tr key={u.id} className="border-b border-gray-200 align-top" data-testid={`user-${u.email}`}>
            <td className="p-2">
              <span className="font-semibold">{u.name}</span> {u.id === me.id ? t('you') : null}
              <br />
              <span className="text-sm text-muted">{u.email}</span>
            </td>
            <td className="p-2">{t(`roles.${u.role}`)}</td>
            <td className="p-2">
              {u.active ? t('active') : t('inactive')}
              {u.twoFactor ? (
                <>
                  <br />
                  <span className="text-sm">{t('twoFactorOn')}</span>
                </>
              ) : null}
            </td>
            <td className="p-2">{u.lastSignInAt ? formatTiranaDateTime(u.lastSignInAt) : t('never')}</td>
            <td className="p-2">{u.id === me.id ? null : <UserRowForms id={u.id} role={u.role} active={u.active} name={u.name} twoFactor={u.twoFactor} />}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}
