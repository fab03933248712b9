// The database outbox: jobs exist only if the change that caused them committed, workers claim
// each job once, failures are retried with backoff and then dead-lettered, and a crashed worker's
// jobs are taken over. Clocks are injected through the worker's deps, never waited on.
import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import {
  enqueue,
  OutboxWorker,
  outboxStatus,
  retryDeadJob,
  retryDelayMs,
  type Job,
  type JobHandler,
} from '../src/platform/outbox/outbox';
import { MAIL_SEND, sendMail } from '../src/platform/mail';
import { buildHandlers } from '../src/jobs';
import type { Deps } from '../src/platform/context';
import { buildTestApp, dialectUnderTest, system, type TestApp } from './helpers';

const T0 = new Date('2031-03-01T08:00:00.000Z');
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

/** The app's deps with a clock of our choosing. */
const clocked = (t: TestApp, now: Date | (() => Date)): Deps => ({
  ...t.deps,
  now: typeof now === 'function' ? now : () => now,
});

const worker = (
  deps: Deps,
  handlers: Record<string, JobHandler>,
  opts: ConstructorParameters<typeof OutboxWorker>[2] = {},
) => new OutboxWorker(deps, new Map(Object.entries(handlers)), opts);

const job = (t: TestApp, id: string) =>
  t.deps.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

async function enqueueNow(
  deps: Deps,
  kind: string,
  payload: unknown = {},
  extra: { maxAttempts?: number } = {},
) {
  const id = await enqueue(deps.db, deps, { kind, payload, ...extra });
  assert.ok(id);
  return id;
}

describe(`outbox (${dialectUnderTest})`, () => {
  // A fresh database per test: no job of one test is ever due in another.
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp();
  });
  afterEach(() => t.close());

  it('enqueues a job only if the transaction around it commits', async () => {
    const kind = 'test.rollback';
    await assert.rejects(
      t.deps.db.transaction().execute(async (trx) => {
        const id = await enqueue(trx, t.deps, { kind, payload: { n: 1 } });
        assert.ok(id);
        throw new Error('the change failed');
      }),
      /the change failed/,
    );
    assert.equal(
      (await t.deps.db.selectFrom('outbox').selectAll().where('kind', '=', kind).execute()).length,
      0,
    );

    const id = await t.deps.db
      .transaction()
      .execute((trx) => enqueue(trx, t.deps, { kind, payload: { n: 2 } }));
    const row = await job(t, id!);
    assert.equal(row.status, 'pending');
    assert.equal(row.attempts, 0);
    assert.deepEqual(JSON.parse(row.payload), { n: 2 });
    assert.equal(row.maxAttempts, t.config.outbox.maxAttempts);
  });

  it('keeps one job for one idempotency key', async () => {
    const key = `welcome-mail:${Math.random()}`;
    const first = await enqueue(t.deps.db, t.deps, {
      kind: 'test.idem',
      payload: { n: 1 },
      idempotencyKey: key,
    });
    const second = await t.deps.db
      .transaction()
      .execute((trx) => enqueue(trx, t.deps, { kind: 'test.idem', payload: { n: 2 }, idempotencyKey: key }));
    assert.ok(first);
    assert.equal(second, null);
    const rows = await t.deps.db.selectFrom('outbox').selectAll().where('idempotencyKey', '=', key).execute();
    assert.deepEqual(
      rows.map((r) => [r.id, JSON.parse(r.payload)]),
      [[first, { n: 1 }]],
    );
    const other = await enqueue(t.deps.db, t.deps, {
      kind: 'test.idem',
      payload: {},
      idempotencyKey: `${key}:other`,
    });
    assert.ok(other && other !== first);
  });

  it('runs a due job through its handler once and marks it done', async () => {
    const deps = clocked(t, T0);
    const kind = 'test.ok';
    const id = await enqueueNow(deps, kind, { hello: 'world' });
    const seen: Job[] = [];
    const w = worker(deps, { [kind]: async (j) => void seen.push(j) });
    assert.ok((await w.runOnce()) >= 1);
    assert.deepEqual(
      seen.map((j) => [j.id, j.kind, j.payload, j.attempt]),
      [[id, kind, { hello: 'world' }, 1]],
    );
    const row = await job(t, id);
    assert.equal(row.status, 'done');
    assert.equal(row.doneAt, T0.toISOString());
    assert.equal(row.lockedBy, null);
    assert.equal(row.lastError, null);

    assert.equal(await w.runOnce(), 0);
    assert.equal(seen.length, 1);
  });

  it('leaves a job scheduled for later until its time comes', async () => {
    const kind = 'test.later';
    const id = await enqueue(t.deps.db, clocked(t, T0), { kind, payload: {}, runAt: at(T0, 3_600_000) });
    const runs: string[] = [];
    const handlers = { [kind]: async (j: Job) => void runs.push(j.id) };
    assert.equal(await worker(clocked(t, at(T0, 60_000)), handlers).runOnce(), 0);
    assert.deepEqual(runs, []);
    await worker(clocked(t, at(T0, 3_600_000)), handlers).runOnce();
    assert.deepEqual(runs, [id]);
  });

  it('retries a failing job with growing backoff, then dead-letters it with the last error', async () => {
    const kind = 'test.flaky';
    const base = 60_000;
    const id = await enqueueNow(clocked(t, T0), kind, {}, { maxAttempts: 3 });
    const attempts: number[] = [];
    const handlers = {
      [kind]: async (j: Job) => {
        attempts.push(j.attempt);
        throw new Error(`gateway timeout #${j.attempt}`);
      },
    };

    await worker(clocked(t, T0), handlers, { baseBackoffMs: base }).runOnce();
    let row = await job(t, id);
    assert.equal(row.status, 'pending');
    assert.equal(row.attempts, 1);
    assert.equal(row.lastError, 'gateway timeout #1');
    const delay1 = new Date(row.runAt).getTime() - T0.getTime();
    assert.ok(delay1 >= base * 0.8 && delay1 <= base * 1.2, `first retry after ~${base} ms, got ${delay1}`);

    // Not due yet: nothing runs.
    assert.equal(await worker(clocked(t, T0), handlers, { baseBackoffMs: base }).runOnce(), 0);
    assert.deepEqual(attempts, [1]);

    const t1 = at(T0, 10 * 60_000);
    await worker(clocked(t, t1), handlers, { baseBackoffMs: base }).runOnce();
    row = await job(t, id);
    assert.equal(row.status, 'pending');
    assert.equal(row.attempts, 2);
    const delay2 = new Date(row.runAt).getTime() - t1.getTime();
    assert.ok(
      delay2 >= 2 * base * 0.8 && delay2 <= 2 * base * 1.2,
      `second retry after ~${2 * base} ms, got ${delay2}`,
    );

    const t2 = at(T0, 20 * 60_000);
    await worker(clocked(t, t2), handlers, { baseBackoffMs: base }).runOnce();
    row = await job(t, id);
    assert.equal(row.status, 'dead');
    assert.equal(row.attempts, 3);
    assert.equal(row.lastError, 'gateway timeout #3');
    assert.equal(row.lockedBy, null);
    assert.equal(row.doneAt, null);

    // A dead job stays dead.
    assert.equal(
      await worker(clocked(t, at(T0, 86_400_000)), handlers, { baseBackoffMs: base }).runOnce(),
      0,
    );
    assert.deepEqual(attempts, [1, 2, 3]);
  });

  it('dead-letters a job of a kind no handler knows, after its attempts', async () => {
    const id = await enqueueNow(clocked(t, T0), 'test.unknown_kind', {}, { maxAttempts: 2 });
    await worker(clocked(t, T0), {}, { baseBackoffMs: 1000 }).runOnce();
    assert.equal((await job(t, id)).status, 'pending');
    await worker(clocked(t, at(T0, 3_600_000)), {}, { baseBackoffMs: 1000 }).runOnce();
    const row = await job(t, id);
    assert.equal(row.status, 'dead');
    assert.equal(row.attempts, 2);
    assert.match(row.lastError!, /no handler.*test\.unknown_kind/);
  });

  it('shows dead letters to the operator, and puts one back in the queue on request', async () => {
    const deps = clocked(t, T0);
    const id = await enqueueNow(deps, 'test.flaky', {}, { maxAttempts: 1 });
    await worker(deps, { 'test.flaky': async () => Promise.reject(new Error('relay refused')) }).runOnce();
    const status = await outboxStatus(deps);
    assert.equal(status.counts.dead, 1);
    assert.equal(status.counts.pending, 0);
    assert.deepEqual(
      status.dead.map((d) => [d.id, d.kind, d.lastError]),
      [[id, 'test.flaky', 'relay refused']],
    );

    await retryDeadJob(deps, system, id);
    const requeued = await job(t, id);
    assert.equal(requeued.status, 'pending');
    assert.equal(requeued.attempts, 0);
    let ran = 0;
    await worker(deps, { 'test.flaky': async () => void ran++ }).runOnce();
    assert.equal(ran, 1);
    assert.equal((await job(t, id)).status, 'done');
    const audit = await t.deps.db.selectFrom('auditLog').select(['action', 'entityId']).execute();
    assert.deepEqual(
      audit.filter((a) => a.action === 'outbox.retry'),
      [{ action: 'outbox.retry', entityId: id }],
    );

    // Only dead jobs can be retried: a done one, or an unknown id, is refused.
    await assert.rejects(retryDeadJob(deps, system, id), { code: 'outbox.not_dead' });
    await assert.rejects(retryDeadJob(deps, system, '00000000-0000-4000-8000-000000000000'), {
      code: 'outbox.not_dead',
    });
  });

  it('takes over a job whose worker crashed once its lease has expired', async () => {
    const kind = 'test.crash';
    const id = await enqueueNow(clocked(t, T0), kind);
    // A worker claimed it and died: processing, with a lease that ran out a minute ago.
    await t.deps.db
      .updateTable('outbox')
      .set({
        status: 'processing',
        lockedBy: 'crashed-worker',
        lockedUntil: at(T0, -60_000).toISOString(),
        attempts: 1,
      })
      .where('id', '=', id)
      .execute();
    const seen: Job[] = [];
    const w = worker(clocked(t, T0), { [kind]: async (j) => void seen.push(j) });
    await w.runOnce();
    assert.deepEqual(
      seen.map((j) => [j.id, j.attempt]),
      [[id, 2]],
    );
    const row = await job(t, id);
    assert.equal(row.status, 'done');
    assert.equal(row.lockedBy, null);
  });

  it('does not take a job whose worker still holds its lease', async () => {
    const kind = 'test.leased';
    const id = await enqueueNow(clocked(t, T0), kind);
    await t.deps.db
      .updateTable('outbox')
      .set({
        status: 'processing',
        lockedBy: 'busy-worker',
        lockedUntil: at(T0, 60_000).toISOString(),
        attempts: 1,
      })
      .where('id', '=', id)
      .execute();
    const runs: string[] = [];
    assert.equal(await worker(clocked(t, T0), { [kind]: async (j) => void runs.push(j.id) }).runOnce(), 0);
    assert.deepEqual(runs, []);
    assert.equal((await job(t, id)).lockedBy, 'busy-worker');
  });

  it('ignores the late result of a worker whose job was taken over', async () => {
    const kind = 'test.slow';
    const id = await enqueueNow(clocked(t, T0), kind);
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const isStarted = new Promise<void>((r) => (started = r));
    const slow = worker(
      clocked(t, T0),
      {
        [kind]: async () => {
          started();
          await released;
          throw new Error('the stale worker finally gave up');
        },
      },
      { leaseMs: 60_000 },
    );
    const slowRun = slow.runOnce();
    await isStarted;
    let row = await job(t, id);
    assert.equal(row.status, 'processing');
    assert.equal(row.lockedBy, slow.id);
    assert.equal(row.lockedUntil, at(T0, 60_000).toISOString());

    // Ten minutes later another worker finds the lease expired and does the job.
    const seen: string[] = [];
    const rescuer = worker(clocked(t, at(T0, 10 * 60_000)), { [kind]: async (j) => void seen.push(j.id) });
    await rescuer.runOnce();
    assert.deepEqual(seen, [id]);

    release();
    await slowRun;
    row = await job(t, id);
    assert.equal(row.status, 'done');
    assert.equal(row.lastError, null);
    assert.equal(row.attempts, 2);
  });
});

describe(`outbox under concurrent workers (${dialectUnderTest})`, () => {
  it('never runs a job twice when two workers poll at once', async () => {
    const t = await buildTestApp();
    try {
      const kind = 'test.race';
      const ids = new Set<string>();
      for (let i = 0; i < 50; i++) ids.add(await enqueueNow(t.deps, kind, { i }));
      const runs = new Map<string, number>();
      const handler: JobHandler = async (j) => {
        runs.set(j.id, (runs.get(j.id) ?? 0) + 1);
        await yieldToLoop();
      };
      const w1 = worker(t.deps, { [kind]: handler }, { batchSize: 7 });
      const w2 = worker(t.deps, { [kind]: handler }, { batchSize: 7 });
      let claimed = 0;
      for (;;) {
        const [a, b] = await Promise.all([w1.runOnce(), w2.runOnce()]);
        if (a + b === 0) break;
        claimed += a + b;
      }
      assert.equal(claimed, 50);
      assert.deepEqual(new Set(runs.keys()), ids);
      assert.ok(
        [...runs.values()].every((n) => n === 1),
        'each job ran exactly once',
      );
      const statuses = await t.deps.db.selectFrom('outbox').select(['status', 'attempts']).execute();
      assert.ok(statuses.every((r) => r.status === 'done' && r.attempts === 1));
    } finally {
      await t.close();
    }
  });

  it('drains every pending job between start() and stop()', { timeout: 60_000 }, async () => {
    const t = await buildTestApp();
    try {
      const kind = 'test.loop';
      for (let i = 0; i < 45; i++) await enqueueNow(t.deps, kind, { i });
      let count = 0;
      let allSeen!: () => void;
      const done = new Promise<void>((r) => (allSeen = r));
      const w = worker(
        t.deps,
        {
          [kind]: async () => {
            if (++count === 45) allSeen();
          },
        },
        { batchSize: 20, pollMs: 10 },
      );
      w.start();
      await done;
      // stop() waits for the batch in hand, so the last job is settled too.
      await w.stop();
      const rows = await t.deps.db.selectFrom('outbox').select('status').execute();
      assert.equal(rows.length, 45);
      assert.ok(rows.every((r) => r.status === 'done'));
      assert.equal(count, 45);
    } finally {
      await t.close();
    }
  });
});

describe(`mail.send through the outbox (${dialectUnderTest})`, () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp();
  });
  afterEach(() => t.close());
  const mailDir = () => path.join(t.config.dataDir, 'outbox');

  it('writes the message as an .eml file named by the job id', async () => {
    const id = await enqueueNow(t.deps, MAIL_SEND, {
      to: 'officer@kemlu.example',
      subject: 'Your Siaga account',
      text: 'Welcome to Siaga.',
    });
    const w = new OutboxWorker(t.deps, buildHandlers());
    await w.runOnce();
    assert.equal((await job(t, id)).status, 'done');
    const eml = fs.readFileSync(path.join(mailDir(), `${id}.eml`), 'utf8');
    assert.match(eml, new RegExp(`^Message-ID: <${id}@siaga>\r\n`));
    assert.match(eml, /\r\nTo: officer@kemlu\.example\r\n/);
    assert.match(eml, /\r\nSubject: Your Siaga account\r\n/);
    assert.match(eml, /\r\n\r\nWelcome to Siaga\.$/);
  });

  it('rewrites the same file on a retry instead of sending twice', async () => {
    const id = await enqueueNow(clocked(t, T0), MAIL_SEND, {
      to: 'consul@kemlu.example',
      subject: 'Password reset',
      text: 'Your one-time password is inside.',
    });
    // The transport wrote the message, then the connection dropped before the job was settled.
    const flaky: JobHandler = async (j, deps) => {
      await sendMail(j, deps);
      if (j.attempt === 1) throw new Error('connection reset');
    };
    await worker(clocked(t, T0), { [MAIL_SEND]: flaky }).runOnce();
    assert.equal((await job(t, id)).status, 'pending');
    await worker(clocked(t, at(T0, 3_600_000)), { [MAIL_SEND]: flaky }).runOnce();
    assert.equal((await job(t, id)).status, 'done');
    assert.deepEqual(fs.readdirSync(mailDir()), [`${id}.eml`]);
    assert.match(fs.readFileSync(path.join(mailDir(), `${id}.eml`), 'utf8'), /Subject: Password reset/);
  });

  it('dead-letters a message without a valid recipient', async () => {
    const id = await enqueueNow(
      clocked(t, T0),
      MAIL_SEND,
      { to: 'not-an-address', subject: 'x', text: 'y' },
      { maxAttempts: 1 },
    );
    await new OutboxWorker(clocked(t, T0), buildHandlers()).runOnce();
    const row = await job(t, id);
    assert.equal(row.status, 'dead');
    assert.ok(row.lastError);
    assert.equal(fs.existsSync(path.join(mailDir(), `${id}.eml`)), false);
  });
});

describe('retry delays', () => {
  it('double per attempt from the base, stay under the cap, and jitter by at most 20%', () => {
    const mid = () => 0.5;
    assert.deepEqual(
      [1, 2, 3, 4].map((a) => retryDelayMs(a, 1000, 60_000, mid)),
      [1000, 2000, 4000, 8000],
    );
    assert.equal(retryDelayMs(20, 1000, 60_000, mid), 60_000);
    assert.equal(
      retryDelayMs(1, 1000, 60_000, () => 0),
      800,
    );
    assert.equal(
      retryDelayMs(1, 1000, 60_000, () => 1),
      1200,
    );
  });
});
