'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { deleteNewsFromTrash, restoreNewsFromTrash } from '@/db/admin/news';
import { guarded } from '@/lib/auth/guard';
import { requireUser } from '@/lib/auth/session';
import { clientAddress } from '@/lib/client-address';
import type { FormState } from '@/lib/form-state';
import { afterNewsChange } from '../revalidate';

/** The news trash: administrators only (tests/e2e/admin-auth.test.ts calls these as an editor). */

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export async function restoreNewsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const me = await requireUser('admin');
    const t = await getTranslations({ locale: me.preferredLocale, namespace: 'Admin' });
    const parsed = id.safeParse(formData.get('itemId'));
    if (!parsed.success) return { status: 'error', message: t('errors.invalid') };
    const result = await restoreNewsFromTrash(parsed.data, clientAddress(await headers()));
    if (!result.ok) return { status: 'error', message: t('editor.notFound') };
    afterNewsChange(result.changedPaths, parsed.data);
    redirect('/admin/news/trash?done=restored');
  });
}

export async function deleteNewsForeverAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return guarded(async () => {
    const me = await requireUser('admin');
    const t = await getTranslations({ locale: me.preferredLocale, namespace: 'Admin' });
    const which = formData.get('itemId') === 'all' ? 'all' : id.safeParse(formData.get('itemId'));
    if (which !== 'all' && !which.success) return { status: 'error', message: t('errors.invalid') };
    const count = await deleteNewsFromTrash(which === 'all' ? 'all' : [which.data], clientAddress(await headers()));
    redirect(`/admin/news/trash?done=deleted&count=${count}`);
  });
}
