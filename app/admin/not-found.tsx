import { AdminNotFoundMessage } from '@/components/admin/AdminNotFoundMessage';

/** The editor area's 404 outside its frame: the previews, and any other page outside (area) that calls notFound(). */
export default function AdminNotFound() {
  return (
    <main id="main" className="mx-auto max-w-6xl px-4 py-8">
      <AdminNotFoundMessage />
    </main>
  );
}
