import 'server-only';
import { requireUser } from '@/lib/auth/session';
import { configuredCdns } from '@/lib/cdn/targets';
import { listPurges, type PurgeRow } from '../cdn-outbox';
import { getDb } from '../index';

/** The CDN purge outbox as administrators see it (admins only). */
export async function purgeState(): Promise<{ cdns: string[]; waiting: PurgeRow[]; sent: PurgeRow[] }> {
  await requireUser('admin');
  return { cdns: configuredCdns(), ...listPurges(getDb()) };
}
