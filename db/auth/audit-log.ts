import type { Queryable } from '../client';
import { auditEvents } from '../schema';

export type AuditInput = {
  userId: number | null;
  action: string;
  entityType?: string;
  entityId?: string | number;
  /** Short facts about the change; never a password, hash or token. */
  details?: Record<string, string | number | boolean | null>;
  ip?: string | null;
};

/** Appends one event to the audit log. Called inside the write it records. */
export function recordAudit(db: Queryable, event: AuditInput): void {
  db.insert(auditEvents)
    .values({
      userId: event.userId,
      action: event.action,
      entityType: event.entityType ?? null,
      entityId: event.entityId === undefined ? null : String(event.entityId),
      details: event.details ? JSON.stringify(event.details) : null,
      ip: event.ip ?? null,
    })
    .run();
}
