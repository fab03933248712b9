// The database outbox: side effects are enqueued in the same transaction as the change that
// causes them, and a worker loop delivers them at least once. Handlers must be idempotent: they
// receive the job id, which stays the same across retries, to recognise work already done.
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../errors';
import { appendAudit } from '../audit/audit';
import type { Deps, RequestContext } from '../context';
import type { Executor } from '../../db/client';
import * as repo from './outbox.repo';

export type { NewJob } from './outbox.repo';

export interface Job<P = unknown> {
  id: string;
  kind: string;
  payload: P;
  attempt: number;
}

export type JobHandler = (job: Job, deps: Deps) => Promise<void>;
export type HandlerRegistry = Map<string, JobHandler>;

export function enqueue(ex: Executor, deps: Pick<Deps, 'config' | 'now'>, job: repo.NewJob) {
  return repo.insertJob(ex, job, deps.now(), deps.config.outbox.maxAttempts);
}

/** What an operator needs to see: jobs per status, and the newest dead-lettered jobs with their errors. */
export async function outboxStatus(deps: Pick<Deps, 'db'>, deadLimit = 20) {
  const [counts, dead] = await Promise.all([repo.countByStatus(deps.db), repo.listDead(deps.db, deadLimit)]);
  return {
    counts: { pending: 0, processing: 0, done: 0, dead: 0, ...counts },
    dead,
  };
}

/** Puts a dead job back in the queue with fresh attempts, once an operator has fixed the cause. */
export async function retryDeadJob(
  deps: Pick<Deps, 'db' | 'dialect' | 'keyring' | 'now'>,
  ctx: RequestContext,
  id: string,
) {
  await deps.db.transaction().execute(async (trx) => {
    if (!(await repo.requeueDead(trx, id, deps.now()))) {
      throw new AppError('outbox.not_dead', 404, `No dead-lettered job with id ${id}`);
    }
    await appendAudit(trx, deps, ctx, { action: 'outbox.retry', entityType: 'outbox_job', entityId: id });
  });
}

export interface WorkerOptions {
  batchSize?: number;
  leaseMs?: number;
  /** First retry delay; doubles per attempt up to maxBackoffMs, with ±20% jitter. */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  pollMs?: number;
  workerId?: string;
}

export function retryDelayMs(attempt: number, base: number, max: number, random = Math.random): number {
  const plain = Math.min(base * 2 ** Math.max(0, attempt - 1), max);
  return Math.round(plain * (0.8 + 0.4 * random()));
}

export class OutboxWorker {
  readonly id: string;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = true;
  private readonly opts: Required<Omit<WorkerOptions, 'workerId'>>;

  constructor(
    private readonly deps: Deps,
    private readonly handlers: HandlerRegistry,
    opts: WorkerOptions = {},
  ) {
    this.id = opts.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.opts = {
      batchSize: opts.batchSize ?? 20,
      leaseMs: opts.leaseMs ?? 5 * 60_000,
      baseBackoffMs: opts.baseBackoffMs ?? 10_000,
      maxBackoffMs: opts.maxBackoffMs ?? 60 * 60_000,
      pollMs: opts.pollMs ?? deps.config.outbox.pollMs,
    };
  }

  /** Claims one batch of due jobs and runs them; returns how many were claimed. */
  async runOnce(): Promise<number> {
    const { db, dialect, now, log } = this.deps;
    const jobs = await db
      .transaction()
      .execute((trx) => repo.claimDue(trx, dialect, this.id, this.opts.batchSize, now(), this.opts.leaseMs));
    for (const row of jobs) {
      const handler = this.handlers.get(row.kind);
      try {
        if (!handler) throw new Error(`no handler for job kind "${row.kind}"`);
        await handler(
          { id: row.id, kind: row.kind, payload: JSON.parse(row.payload), attempt: row.attempts },
          this.deps,
        );
        await repo.markDone(db, row.id, this.id, now());
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        const dead = row.attempts >= row.maxAttempts;
        const retryAt = new Date(
          now().getTime() + retryDelayMs(row.attempts, this.opts.baseBackoffMs, this.opts.maxBackoffMs),
        );
        await repo.markFailed(db, row.id, this.id, message, dead, retryAt, now());
        log[dead ? 'error' : 'warn'](
          { job: row.id, kind: row.kind, attempt: row.attempts, err: message },
          dead ? 'job dead-lettered' : 'job failed; will retry',
        );
      }
    }
    return jobs.length;
  }

  start() {
    if (!this.stopped) return;
    this.stopped = false;
    const tick = async () => {
      if (this.stopped) return;
      let claimed = 0;
      this.running = this.runOnce()
        .then((n) => (claimed = n))
        .catch((err) => this.deps.log.error({ err }, 'outbox worker loop failed'));
      await this.running;
      this.running = null;
      // A full batch suggests more is due: go again at once.
      if (!this.stopped) this.timer = setTimeout(tick, claimed >= this.opts.batchSize ? 0 : this.opts.pollMs);
    };
    this.timer = setTimeout(tick, 0);
    this.deps.log.info({ worker: this.id }, 'outbox worker started');
  }

  /** Stops polling and waits for the batch in hand to finish. */
  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.running) await this.running;
  }
}
