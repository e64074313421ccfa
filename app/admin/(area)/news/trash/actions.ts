'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { deleteNewsForever, restoreNews } from '@/db/admin/news';
import { action } from '@/lib/auth/action';
import { id } from '@/lib/form-input';
import { afterNewsChange } from '../revalidate';

/** The news trash: administrators only. */

export const restoreNewsAction = action({ role: 'admin', form: { itemId: id } }, async ({ input: { itemId }, t, address }) => {
  const result = await restoreNews(itemId, address);
  if (!result.ok) return { status: 'error', message: t('editor.notFound') };
  afterNewsChange(result.changedPaths, itemId);
  redirect('/admin/news/trash?done=restored');
});

/** One article of the trash, or 'all' of it. */
export const deleteNewsForeverAction = action({ role: 'admin', form: { itemId: z.union([z.literal('all'), id]) } }, async ({ input: { itemId }, address }) => {
  const count = await deleteNewsForever(itemId === 'all' ? 'all' : [itemId], address);
  redirect(`/admin/news/trash?done=deleted&count=${count}`);
});
