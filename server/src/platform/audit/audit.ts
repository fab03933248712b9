// The append-only, hash-chained audit log. Each entry's MAC covers its own fields and the previous
// entry's hash, and audit_head holds the newest, so altered, removed, reordered or truncated
// entries are all found by verifyAuditChain.
import type { Transaction } from 'kysely';
import type { AuditVerifyResult } from '@siaga/contracts';
import type { Database, AuditRow } from '../../db/schema';
import { actorId, actorLabel, type Deps, type RequestContext } from '../context';
import type { Keyring } from '../crypto';
import * as repo from './audit.repo';

export const GENESIS = 'genesis';

export interface AuditEvent {
  action: string;
  entityType: string;
  entityId: string | null;
  /** For updates: the names of the fields that changed (values stay out of the log). */
  changes?: string[] | null;
  meta?: Record<string, unknown> | null;
}

function canonical(row: Omit<AuditRow, 'hash'>): string {
  return JSON.stringify([
    row.seq,
    row.at,
    row.actorId,
    row.actorLabel,
    row.action,
    row.entityType,
    row.entityId,
    row.requestId,
    row.changes,
    row.meta,
    row.prevHash,
  ]);
}

/** Appends one entry inside the caller's transaction, so the entry exists if and only if the change does. */
export async function appendAudit(
  trx: Transaction<Database>,
  deps: Pick<Deps, 'dialect' | 'keyring' | 'now'>,
  ctx: RequestContext,
  event: AuditEvent,
): Promise<void> {
  await repo.lockChain(trx, deps.dialect);
  const head = await repo.findHead(trx);
  const base: Omit<AuditRow, 'hash'> = {
    seq: (head?.seq ?? 0) + 1,
    at: deps.now().toISOString(),
    actorId: actorId(ctx.actor),
    actorLabel: actorLabel(ctx.actor),
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    requestId: ctx.requestId,
    changes: event.changes && event.changes.length ? JSON.stringify(event.changes) : null,
    meta: event.meta ? JSON.stringify(event.meta) : null,
    prevHash: head?.hash ?? GENESIS,
  };
  await repo.insertEntry(trx, { ...base, hash: deps.keyring.auditMac(canonical(base)) });
}

/** Walks the whole chain in seq order in batches; stops at the first problem. */
export async function verifyAuditChain(
  deps: Pick<Deps, 'db' | 'keyring'>,
  keyring: Keyring = deps.keyring,
): Promise<AuditVerifyResult> {
  let expectedSeq = 1;
  let prevHash = GENESIS;
  let entries = 0;
  const fail = (seq: number, problem: string): AuditVerifyResult => ({
    ok: false,
    entries,
    firstBadSeq: seq,
    problem,
  });
  for (;;) {
    const batch = await repo.listBatch(deps.db, expectedSeq - 1, 2000);
    if (batch.length === 0) break;
    for (const row of batch) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq)
        return fail(expectedSeq, `entry ${expectedSeq} is missing (next present is ${seq})`);
      if (row.prevHash !== prevHash)
        return fail(seq, `entry ${seq} does not follow entry ${seq - 1} (removed or reordered)`);
      const { hash, ...rest } = row;
      if (keyring.auditMac(canonical({ ...rest, seq })) !== hash)
        return fail(seq, `entry ${seq} was altered`);
      prevHash = hash;
      expectedSeq = seq + 1;
      entries++;
    }
  }
  const head = await repo.findHead(deps.db);
  const headSeq = head ? Number(head.seq) : 0;
  if (headSeq !== entries || (head && head.hash !== prevHash)) {
    return fail(
      entries + 1,
      `the log ends at entry ${entries} but its head records entry ${headSeq} (entries removed from the end)`,
    );
  }
  return { ok: true, entries, firstBadSeq: null, problem: null };
}

/** Names of the fields whose values differ; used for the "changes" of update entries. */
export function changedFields<T extends Record<string, unknown>>(before: T, patch: Partial<T>): string[] {
  return Object.keys(patch).filter(
    (k) => patch[k] !== undefined && JSON.stringify(patch[k]) !== JSON.stringify(before[k]),
  );
}
