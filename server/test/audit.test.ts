// The audit log as an administrator and an auditor meet it: what each write records, that a
// rolled-back write records nothing, that tampering is found, and the filtered admin listing.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { AuditEntry } from '@siaga/contracts';
import { verifyAuditChain } from '../src/platform/audit/audit';
import { createKeyring } from '../src/platform/crypto';
import { createMission } from '../src/modules/missions/missions.service';
import {
  buildTestApp,
  call,
  dialectUnderTest,
  makeMission,
  signedInAs,
  system,
  type Session,
  type TestApp,
} from './helpers';

const missionBody = (code: string) => ({
  code,
  name: `Mission ${code}`,
  kind: 'embassy',
  city: 'Khartoum',
  countries: ['SD'],
  hotline: '+249912345678',
  address: 'Street 60, Khartoum',
});

async function auditRows(t: TestApp) {
  return t.deps.db.selectFrom('auditLog').selectAll().orderBy('seq').execute();
}

/** A fresh app whose log holds exactly `n` entries (mission creations by the system). */
/** A fresh app whose audit log holds n entries (one per mission created), closed after run. */
async function withEntries(n: number, run: (t: TestApp) => Promise<void>) {
  const t = await buildTestApp();
  try {
    for (let i = 0; i < n; i++) await makeMission(t);
    await run(t);
  } finally {
    await t.close();
  }
}

describe(`audit entries written by the API (${dialectUnderTest})`, () => {
  let t: TestApp;
  let admin: { user: { id: string; email: string }; session: Session };
  before(async () => {
    t = await buildTestApp();
    admin = await signedInAs(t, 'hq_admin');
  });
  after(() => t.close());

  it('records who created a mission, when, on which request, and what', async () => {
    const before = new Date().toISOString();
    const res = await call(t, admin.session, 'POST', '/api/v1/missions', missionBody('KBRI-AUDITONE'));
    const afterIso = new Date().toISOString();
    assert.equal(res.statusCode, 201);
    const mission = res.json();
    const requestId = res.headers['x-request-id'];
    assert.ok(typeof requestId === 'string' && requestId.length > 0);

    const entries = await t.deps.db
      .selectFrom('auditLog')
      .selectAll()
      .where('entityType', '=', 'mission')
      .where('entityId', '=', mission.id)
      .execute();
    assert.equal(entries.length, 1);
    const e = entries[0]!;
    assert.equal(e.action, 'mission.create');
    assert.equal(e.actorId, admin.user.id);
    assert.equal(e.actorLabel, admin.user.email);
    assert.equal(e.requestId, requestId);
    assert.equal(e.changes, null);
    assert.deepEqual(JSON.parse(e.meta!), { code: 'KBRI-AUDITONE' });
    assert.ok(e.at >= before && e.at <= afterIso, `${e.at} within the request`);
  });

  it('records the names (not the values) of the fields an update changed', async () => {
    const created = (
      await call(t, admin.session, 'POST', '/api/v1/missions', missionBody('KBRI-AUDITTWO'))
    ).json();
    const res = await call(t, admin.session, 'PATCH', '/api/v1/missions/KBRI-AUDITTWO', {
      version: created.version,
      hotline: '+249900000001',
    });
    assert.equal(res.statusCode, 200);
    const res2 = await call(t, admin.session, 'PATCH', '/api/v1/missions/KBRI-AUDITTWO', {
      version: res.json().version,
      hotline: '+249900000001',
      city: 'Port Sudan',
      name: created.name,
    });
    assert.equal(res2.statusCode, 200);

    const list = await call(
      t,
      admin.session,
      'GET',
      `/api/v1/audit?entityType=mission&entityId=${created.id}&action=mission.update`,
    );
    assert.equal(list.statusCode, 200);
    const [second, first] = list.json().items as AuditEntry[];
    assert.deepEqual(first!.changes, ['hotline']);
    assert.equal(first!.requestId, res.headers['x-request-id']);
    assert.equal(first!.actorId, admin.user.id);
    // Unchanged values sent again are not reported as changes.
    assert.deepEqual(second!.changes, ['city']);
    assert.equal(second!.requestId, res2.headers['x-request-id']);
    assert.doesNotMatch(JSON.stringify(list.json()), /\+249900000001/);
  });

  it('keeps a request id the caller sent', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/missions',
      headers: {
        cookie: admin.session.cookie,
        'x-csrf-token': admin.session.csrf,
        'x-request-id': 'ops-ticket-42',
      },
      payload: missionBody('KBRI-AUDITRID'),
    });
    assert.equal(res.statusCode, 201);
    const e = await t.deps.db
      .selectFrom('auditLog')
      .selectAll()
      .where('entityId', '=', res.json().id)
      .executeTakeFirstOrThrow();
    assert.equal(e.requestId, 'ops-ticket-42');
  });

  it('writes nothing for a write that was refused and rolled back', async () => {
    const created = (
      await call(t, admin.session, 'POST', '/api/v1/missions', missionBody('KBRI-AUDITTHREE'))
    ).json();
    const before = await auditRows(t);

    const dup = await call(t, admin.session, 'POST', '/api/v1/missions', missionBody('KBRI-AUDITTHREE'));
    assert.equal(dup.statusCode, 409);
    const stale = await call(t, admin.session, 'PATCH', '/api/v1/missions/KBRI-AUDITTHREE', {
      version: created.version + 5,
      city: 'Elsewhere',
    });
    assert.equal(stale.statusCode, 409);

    assert.deepEqual(await auditRows(t), before);
    assert.deepEqual(await verifyAuditChain(t.deps), {
      ok: true,
      entries: before.length,
      firstBadSeq: null,
      problem: null,
    });
  });

  it('lets only headquarters administrators read the log', async () => {
    const officer = await signedInAs(t, 'hq_officer');
    const res = await call(t, officer.session, 'GET', '/api/v1/audit');
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, 'auth.forbidden');
    const anon = await call(t, null, 'GET', '/api/v1/audit');
    assert.equal(anon.statusCode, 401);
  });
});

describe(`audit listing: filters and pagination (${dialectUnderTest})`, () => {
  let t: TestApp;
  let a: { user: { id: string }; session: Session };
  let b: { user: { id: string }; session: Session };
  let m1: { id: string; version: number };
  let m2: { id: string };
  before(async () => {
    t = await buildTestApp();
    a = await signedInAs(t, 'hq_admin');
    b = await signedInAs(t, 'hq_admin');
    m1 = (await call(t, a.session, 'POST', '/api/v1/missions', missionBody('KBRI-LISTA'))).json();
    m2 = (await call(t, b.session, 'POST', '/api/v1/missions', missionBody('KBRI-LISTB'))).json();
    const upd = await call(t, a.session, 'PATCH', '/api/v1/missions/KBRI-LISTA', {
      version: m1.version,
      city: 'Omdurman',
    });
    assert.equal(upd.statusCode, 200);
    // Entries at known times, for the time-window filter.
    for (const at of ['2030-01-01T22:00:00.000Z', '2030-01-02T10:00:00.000Z', '2030-01-03T10:00:00.000Z']) {
      await createMission({ ...t.deps, now: () => new Date(at) }, system, {
        ...missionBody(`KBRI-AT${at.slice(8, 10)}`),
        kind: 'embassy',
        jurisdictions: [],
      });
    }
  });
  after(() => t.close());

  const get = async (query: string) => {
    const res = await call(t, a.session, 'GET', `/api/v1/audit${query}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { items: AuditEntry[]; nextCursor: string | null };
  };

  it('filters by actor', async () => {
    const { items } = await get(`?actorId=${a.user.id}`);
    assert.deepEqual(
      items.map((e) => e.action),
      ['mission.update', 'mission.create', 'auth.login'],
    );
    assert.ok(items.every((e) => e.actorId === a.user.id));
    const ofB = await get(`?actorId=${b.user.id}&action=mission.create`);
    assert.deepEqual(
      ofB.items.map((e) => e.entityId),
      [m2.id],
    );
  });

  it('filters by action and by entity', async () => {
    const updates = await get('?action=mission.update');
    assert.deepEqual(
      updates.items.map((e) => [e.entityId, e.changes]),
      [[m1.id, ['city']]],
    );
    const ofM1 = await get(`?entityType=mission&entityId=${m1.id}`);
    assert.deepEqual(
      ofM1.items.map((e) => e.action),
      ['mission.update', 'mission.create'],
    );
    const users = await get('?entityType=user');
    assert.ok(users.items.length >= 2);
    assert.ok(users.items.every((e) => e.entityType === 'user'));
    assert.deepEqual((await get('?action=no.such.action')).items, []);
  });

  it('filters by a time window, whatever offset the bounds are written in', async () => {
    const codes = async (q: string) => (await get(q)).items.map((e) => (e.meta as { code: string }).code);
    assert.deepEqual(await codes('?from=2030-01-02T00:00:00.000Z&to=2030-01-03T00:00:00.000Z'), [
      'KBRI-AT02',
    ]);
    // The same instants written with an offset and without milliseconds.
    assert.deepEqual(await codes('?from=2030-01-01T20:00:00-04:00&to=2030-01-03T07:00:00%2B07:00'), [
      'KBRI-AT02',
    ]);
    // "to" is exclusive: an entry exactly at the bound is left out.
    assert.deepEqual(await codes('?from=2030-01-01T00:00:00Z&to=2030-01-02T10:00:00Z'), ['KBRI-AT01']);
    assert.deepEqual(await codes('?from=2030-01-02T10:00:00Z&to=2031-01-01T00:00:00Z'), [
      'KBRI-AT03',
      'KBRI-AT02',
    ]);
  });

  it('pages newest first with a cursor, each entry exactly once', async () => {
    const all = (await get('?limit=200')).items;
    assert.ok(all.length >= 9);
    const seqs = all.map((e) => e.seq);
    assert.deepEqual(
      seqs,
      [...seqs].sort((x, y) => y - x),
    );
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await get(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      assert.ok(page.items.length <= 2);
      seen.push(...page.items.map((e) => e.seq));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    assert.deepEqual(seen, seqs);
    assert.equal(pages, Math.ceil(seqs.length / 2));
  });

  it('rejects a malformed filter with a 400', async () => {
    const res = await call(t, a.session, 'GET', '/api/v1/audit?actorId=not-a-uuid');
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.details[0].path, 'querystring.actorId');
    const cur = await call(t, a.session, 'GET', '/api/v1/audit?cursor=abc');
    assert.equal(cur.statusCode, 400);
  });
});

describe(`audit chain verification (${dialectUnderTest})`, () => {
  it('accepts an untouched log and counts its entries', async () => {
    await withEntries(5, async (t) => {
      assert.deepEqual(await verifyAuditChain(t.deps), {
        ok: true,
        entries: 5,
        firstBadSeq: null,
        problem: null,
      });
    });
  });

  it('accepts an empty log', async () => {
    await withEntries(0, async (t) => {
      assert.deepEqual(await verifyAuditChain(t.deps), {
        ok: true,
        entries: 0,
        firstBadSeq: null,
        problem: null,
      });
    });
  });

  it('finds a field altered in a middle entry', async () => {
    await withEntries(5, async (t) => {
      await sql`update audit_log set actor_label = 'someone-else' where seq = 3`.execute(t.deps.db);
      const res = await verifyAuditChain(t.deps);
      assert.equal(res.ok, false);
      assert.equal(res.firstBadSeq, 3);
      assert.match(res.problem!, /3.*altered/);
    });
  });

  it('finds an altered entity id even when the rest of the entry is intact', async () => {
    await withEntries(4, async (t) => {
      const other = await t.deps.db
        .selectFrom('auditLog')
        .select('entityId')
        .where('seq', '=', 1)
        .executeTakeFirstOrThrow();
      await t.deps.db
        .updateTable('auditLog')
        .set({ entityId: other.entityId })
        .where('seq', '=', 2)
        .execute();
      const res = await verifyAuditChain(t.deps);
      assert.equal(res.ok, false);
      assert.equal(res.firstBadSeq, 2);
    });
  });

  it('finds a middle entry deleted', async () => {
    await withEntries(5, async (t) => {
      await sql`delete from audit_log where seq = 3`.execute(t.deps.db);
      const res = await verifyAuditChain(t.deps);
      assert.equal(res.ok, false);
      assert.equal(res.firstBadSeq, 3);
      assert.match(res.problem!, /3.*missing/);
    });
  });

  it('finds the last entries deleted, through the recorded head', async () => {
    await withEntries(5, async (t) => {
      await t.deps.db.deleteFrom('auditLog').where('seq', '>=', 4).execute();
      const res = await verifyAuditChain(t.deps);
      assert.equal(res.ok, false);
      assert.equal(res.firstBadSeq, 4);
      assert.equal(res.entries, 3);
      assert.match(res.problem!, /removed from the end/);
    });
  });

  it('finds every entry deleted', async () => {
    await withEntries(3, async (t) => {
      await t.deps.db.deleteFrom('auditLog').execute();
      const res = await verifyAuditChain(t.deps);
      assert.equal(res.ok, false);
      assert.equal(res.firstBadSeq, 1);
    });
  });

  it('finds two entries swapped (reordered)', async () => {
    await withEntries(5, async (t) => {
      const rows = await auditRows(t);
      const [r2, r3] = [rows[1]!, rows[2]!];
      const { seq: _s2, ...c2 } = r2;
      const { seq: _s3, ...c3 } = r3;
      await t.deps.db.transaction().execute(async (trx) => {
        await trx.updateTable('auditLog').set(c3).where('seq', '=', 2).execute();
        await trx.updateTable('auditLog').set(c2).where('seq', '=', 3).execute();
      });
      const res = await verifyAuditChain(t.deps);
      assert.equal(res.ok, false);
      assert.equal(res.firstBadSeq, 2);
      assert.match(res.problem!, /2/);
    });
  });

  it('finds swapped entries even when their hashes are left in place', async () => {
    await withEntries(5, async (t) => {
      const rows = await auditRows(t);
      const pick = ({
        at,
        actorId,
        actorLabel,
        action,
        entityType,
        entityId,
        requestId,
        changes,
        meta,
      }: (typeof rows)[0]) => ({
        at,
        actorId,
        actorLabel,
        action,
        entityType,
        entityId,
        requestId,
        changes,
        meta,
      });
      await t.deps.db.updateTable('auditLog').set(pick(rows[3]!)).where('seq', '=', 3).execute();
      await t.deps.db.updateTable('auditLog').set(pick(rows[2]!)).where('seq', '=', 4).execute();
      const res = await verifyAuditChain(t.deps);
      assert.equal(res.ok, false);
      assert.equal(res.firstBadSeq, 3);
    });
  });

  it('cannot be verified, nor forged, with a different secret key', async () => {
    await withEntries(3, async (t) => {
      const other = createKeyring(randomBytes(32).toString('base64'));
      const res = await verifyAuditChain(t.deps, other);
      assert.equal(res.ok, false);
      assert.equal(res.firstBadSeq, 1);
      // The installation's own key still verifies the same log.
      assert.equal((await verifyAuditChain(t.deps)).ok, true);
    });
  });

  it('keeps a valid, gapless chain under concurrent writes', async () => {
    await withEntries(0, async (t) => {
      const { session } = await signedInAs(t, 'hq_admin');
      const codes = Array.from({ length: 20 }, (_, i) => `KBRI-PAR${String(i).padStart(2, '0')}`);
      const results = await Promise.all(
        codes.map((c) => call(t, session, 'POST', '/api/v1/missions', missionBody(c))),
      );
      assert.deepEqual(
        results.map((r) => r.statusCode),
        codes.map(() => 201),
      );
      const rows = await auditRows(t);
      assert.deepEqual(
        rows.map((r) => Number(r.seq)),
        rows.map((_, i) => i + 1),
      );
      const created = rows.filter((r) => r.action === 'mission.create').map((r) => r.entityId);
      assert.deepEqual(new Set(created), new Set(results.map((r) => r.json().id)));
      assert.equal(created.length, 20);
      const head = await t.deps.db.selectFrom('auditHead').selectAll().executeTakeFirstOrThrow();
      assert.equal(Number(head.seq), rows.length);
      assert.deepEqual(await verifyAuditChain(t.deps), {
        ok: true,
        entries: rows.length,
        firstBadSeq: null,
        problem: null,
      });
    });
  });
});
