import 'server-only';
import { and, desc, eq, lt } from 'drizzle-orm';
import { requireUser } from '@/lib/auth/session';
import { getDb } from '../index';
import { auditEvents, users } from '../schema';

export type AuditRow = {
  id: number;
  action: string;
  userName: string | null;
  entityType: string | null;
  entityId: string | null;
  details: string | null;
  ip: string | null;
  createdAt: Date;
};

export const AUDIT_PAGE_SIZE = 50;

/** Newest first, optionally filtered; `before` is the id to continue below (keyset paging). Admins only. */
export async function auditLog(filter: { action?: string; userId?: number; before?: number }): Promise<{ rows: AuditRow[]; more: boolean }> {
  await requireUser('admin');
  const conditions = [
    filter.action ? eq(auditEvents.action, filter.action) : undefined,
    filter.userId ? eq(auditEvents.userId, filter.userId) : undefined,
    filter.before ? lt(auditEvents.id, filter.before) : undefined,
  ].filter(Boolean);
  const rows = getDb()
    .select({
      id: auditEvents.id,
      action: auditEvents.action,
      userName: users.name,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      details: auditEvents.details,
      ip: auditEvents.ip,
      createdAt: auditEvents.createdAt,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.userId))
    .where(and(...conditions))
    .orderBy(desc(auditEvents.id))
    .limit(AUDIT_PAGE_SIZE + 1)
    .all();
  return { rows: rows.slice(0, AUDIT_PAGE_SIZE), more: rows.length > AUDIT_PAGE_SIZE };
}

/** The distinct actions seen, for the filter. Admins only. */
export async function auditActions(): Promise<string[]> {
  await requireUser('admin');
  return getDb().selectDistinct({ action: auditEvents.action }).from(auditEvents).orderBy(auditEvents.action).all().map((r) => r.action);
}
