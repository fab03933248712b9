// Calls to /api/v1/audit: the audit log, newest first (headquarters administrators only).
import type { AuditEntry } from '@siaga/contracts';
import { api, withQuery } from '../../api/client';

export type AuditPage = { items: AuditEntry[]; nextCursor: string | null };

export interface AuditFilters {
  actorId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  /** ISO 8601 with offset; the entry's time must be at or after it. */
  from?: string;
  /** ISO 8601 with offset; the entry's time must be before it. */
  to?: string;
}

export const auditApi = {
  list: (filters: AuditFilters, cursor?: string | null, limit = 50) =>
    api.get<AuditPage>(withQuery('/api/v1/audit', { limit, cursor, ...filters })),
};
