// Reading the audit log. Only headquarters administrators may; everyone else is forbidden.
import type { AuditEntry, AuditQuery } from '@siaga/contracts';
import { forbidden } from '../../errors';
import { listEntries } from '../../platform/audit/audit.repo';
import type { Deps, RequestContext } from '../../platform/context';
import { allowed, isAdmin } from '../../platform/policy';
import type { AuditRow } from '../../db/schema';

export const presentAudit = (r: AuditRow): AuditEntry => ({
  seq: Number(r.seq),
  at: r.at,
  actorId: r.actorId,
  actorLabel: r.actorLabel,
  action: r.action,
  entityType: r.entityType,
  entityId: r.entityId,
  requestId: r.requestId,
  changes: r.changes ? (JSON.parse(r.changes) as string[]) : null,
  meta: r.meta ? (JSON.parse(r.meta) as Record<string, unknown>) : null,
});

// "at" is kept as UTC ISO text with milliseconds and compared as text, so the bounds, which callers
// may write with an offset or without milliseconds, are put in that form first.
const utc = (iso: string | undefined) => (iso === undefined ? undefined : new Date(iso).toISOString());

export async function listAudit(deps: Deps, ctx: RequestContext, q: AuditQuery) {
  if (!allowed(ctx, isAdmin)) throw forbidden();
  const rows = await listEntries(
    deps.db,
    {
      actorId: q.actorId,
      action: q.action,
      entityType: q.entityType,
      entityId: q.entityId,
      from: utc(q.from),
      to: utc(q.to),
      beforeSeq: q.cursor ? Number(q.cursor) : undefined,
    },
    q.limit + 1,
  );
  const items = rows.slice(0, q.limit).map(presentAudit);
  return { items, nextCursor: rows.length > q.limit ? String(items[items.length - 1]!.seq) : null };
}
