import { AdminNotFoundMessage } from '@/components/admin/AdminNotFoundMessage';

/** The 404 of the editor area's pages outside its frame (the previews). */
export default function AdminNotFound() {
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-8">
      <AdminNotFoundMessage />
    </main>
  );
}
