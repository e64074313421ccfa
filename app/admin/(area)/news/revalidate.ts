import 'server-only';
import { revalidatePath } from 'next/cache';
import { revalidatePublic } from '@/lib/revalidate';

/** After a news change: the public pages it touched, and the editor's own list and page. */
export function afterNewsChange(changedPaths: string[], itemId: number) {
  revalidatePublic(changedPaths, { news: true });
  revalidatePath('/admin/news');
  revalidatePath(`/admin/news/${itemId}`);
}
