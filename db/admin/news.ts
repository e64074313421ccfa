import 'server-only';
import { requireUser } from '@/lib/auth/session';
import { listNewsForStaff, type StaffNewsFilter } from '../content/news-list';
import { getDb } from '../index';

/** Staff reads and writes of news; each function checks the caller first. */

export async function listNews(filter: StaffNewsFilter) {
  await requireUser();
  return listNewsForStaff(getDb(), filter);
}
