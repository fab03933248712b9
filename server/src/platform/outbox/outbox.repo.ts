// SQL for the outbox: enqueue inside the caller's transaction, claim due rows atomically
// (FOR UPDATE SKIP LOCKED on PostgreSQL; a single UPDATE … RETURNING on SQLite, which has one writer),
// and settle each claimed row only if this worker still holds it.
import { randomUUID } from 'node:crypto';
import type { Dialect, Executor } from '../../db/client';
import type { OutboxRow } from '../../db/schema';

export interface NewJob {
  kind: string;
  payload: unknown;
  runAt?: Date;
  maxAttempts?: number;
  /** Enqueueing the same key twice keeps only the first job. */
  idempotencyKey?: string;
}

export async function insertJob(
  ex: Executor,
  job: NewJob,
  now: Date,
  defaultMaxAttempts: number,
): Promise<string | null> {
  const id = randomUUID();
  const at = now.toISOString();
  const res = await ex
    .insertInto('outbox')
    .values({
      id,
      kind: job.kind,
      payload: JSON.stringify(job.payload ?? null),
      status: 'pending',
      attempts: 0,
      maxAttempts: job.maxAttempts ?? defaultMaxAttempts,
      runAt: (job.runAt ?? now).toISOString(),
      lockedBy: null,
      lockedUntil: null,
      lastError: null,
      idempotencyKey: job.idempotencyKey ?? null,
      createdAt: at,
      updatedAt: at,
      doneAt: null,
    })
    .onConflict((oc) => oc.column('idempotencyKey').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0 ? id : null;
}

export async function claimDue(
  ex: Executor,
  dialect: Dialect,
  workerId: string,
  limit: number,
  now: Date,
  leaseMs: number,
): Promise<OutboxRow[]> {
  const at = now.toISOString();
  let due = ex
    .selectFrom('outbox')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('runAt', '<=', at)]),
        eb.and([eb('status', '=', 'processing'), eb('lockedUntil', '<', at)]),
      ]),
    )
    .orderBy('runAt')
    .limit(limit);
  if (dialect === 'postgres') due = due.forUpdate().skipLocked();
  return ex
    .updateTable('outbox')
    .set((eb) => ({
      status: 'processing',
      lockedBy: workerId,
      lockedUntil: new Date(now.getTime() + leaseMs).toISOString(),
      attempts: eb('attempts', '+', 1),
      updatedAt: at,
    }))
    .where('id', 'in', due)
    .returningAll()
    .execute();
}

export async function markDone(ex: Executor, id: string, workerId: string, now: Date) {
  const at = now.toISOString();
  await ex
    .updateTable('outbox')
    .set({ status: 'done', doneAt: at, updatedAt: at, lockedBy: null, lockedUntil: null, lastError: null })
    .where('id', '=', id)
    .where('lockedBy', '=', workerId)
    .execute();
}

export async function markFailed(
  ex: Executor,
  id: string,
  workerId: string,
  error: string,
  dead: boolean,
  retryAt: Date,
  now: Date,
) {
  await ex
    .updateTable('outbox')
    .set({
      status: dead ? 'dead' : 'pending',
      runAt: retryAt.toISOString(),
      lastError: error.slice(0, 2000),
      lockedBy: null,
      lockedUntil: null,
      updatedAt: now.toISOString(),
    })
    .where('id', '=', id)
    .where('lockedBy', '=', workerId)
    .execute();
}

export const listDead = (ex: Executor, limit: number) =>
  ex
    .selectFrom('outbox')
    .select(['id', 'kind', 'attempts', 'lastError', 'updatedAt'])
    .where('status', '=', 'dead')
    .orderBy('updatedAt', 'desc')
    .limit(limit)
    .execute();

export async function countByStatus(ex: Executor) {
  const rows = await ex
    .selectFrom('outbox')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])) as Record<string, number>;
}

/** Puts a dead job back in the queue with fresh attempts, for an operator after fixing the cause. */
export async function requeueDead(ex: Executor, id: string, now: Date) {
  const at = now.toISOString();
  const res = await ex
    .updateTable('outbox')
    .set({ status: 'pending', attempts: 0, runAt: at, updatedAt: at })
    .where('id', '=', id)
    .where('status', '=', 'dead')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}
