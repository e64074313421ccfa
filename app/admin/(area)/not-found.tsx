import { AdminNotFoundMessage } from '@/components/admin/AdminNotFoundMessage';

/**
 * The signed-in area's 404, inside its frame (navigation, sign-out). Only the
 * signed-in see it: the frame sends anyone else to the sign-in page first.
 */
export default function AreaNotFound() {
  return <AdminNotFoundMessage />;
}
