import { notFound } from 'next/navigation';
import { requireUserForPage } from '@/lib/auth/session';

/** Any editor-area address no page answers: the area's own 404 (not-found.tsx beside it), after the session check every page makes. */
export default async function MissingAdminPage() {
  await requireUserForPage();
  notFound();
}
