// SQL for the audit log. Appends are serialised: PostgreSQL takes a transaction-scoped advisory
// lock; SQLite allows one writer at a time already.
import { sql, type Transaction } from 'kysely';
import type { Db, Dialect, Executor } from '../../db/client';
import type { AuditRow, Database } from '../../db/schema';

const AUDIT_LOCK = 74_201_001;

export async function lockChain(trx: Transaction<Database>, dialect: Dialect) {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(trx);
}

export const findHead = (ex: Executor) =>
  ex.selectFrom('auditHead').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();

export async function insertEntry(ex: Executor, row: AuditRow) {
  await ex.insertInto('auditLog').values(row).execute();
  await ex
    .insertInto('auditHead')
    .values({ id: 1, seq: row.seq, hash: row.hash })
    .onConflict((oc) => oc.column('id').doUpdateSet({ seq: row.seq, hash: row.hash }))
    .execute();
}

export const listBatch = (db: Db, afterSeq: number, size: number) =>
  db.selectFrom('auditLog').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(size).execute();

export interface AuditFilter {
  actorId?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  beforeSeq?: number | undefined;
}

export function listEntries(db: Db, f: AuditFilter, limit: number) {
  let q = db.selectFrom('auditLog').selectAll();
  if (f.actorId) q = q.where('actorId', '=', f.actorId);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.entityType) q = q.where('entityType', '=', f.entityType);
  if (f.entityId) q = q.where('entityId', '=', f.entityId);
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<', f.to);
  if (f.beforeSeq !== undefined) q = q.where('seq', '<', f.beforeSeq);
  return q.orderBy('seq', 'desc').limit(limit).execute();
}
