// The synthetic demo registry as an operator loads it: `siaga demo --people N --seed S`, the same
// people for the same seed, responsible missions derived from the demo missions' jurisdictions.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { loadDemoPeople } from '../src/demo/people';
import { buildTestApp, dialectUnderTest, runSiaga, testConfig, type TestApp } from './helpers';

const digest = (t: TestApp) =>
  t.deps.db
    .selectFrom('people')
    .select(['fullName', 'birthDate', 'country', 'city', 'statusAbroad', 'vulnerabilityFlags'])
    .orderBy('sortName')
    .orderBy('birthDate')
    .orderBy('city')
    .execute();

describe(`demo population (${dialectUnderTest})`, () => {
  let a: TestApp;
  let b: TestApp;
  // The population is generated relative to "now" (ages, stays, stale records): one fixed day for
  // every load compared here.
  const now = () => new Date('2026-06-01T08:00:00Z');
  before(async () => {
    [a, b] = await Promise.all([buildTestApp(), buildTestApp()]);
    a.deps.now = now;
    b.deps.now = now;
  });
  after(async () => {
    await a.close();
    await b.close();
  });

  it('loads the same people for the same seed, and different people for another', async () => {
    const ra = await loadDemoPeople(a.deps, { people: 400, seed: 11 });
    const rb = await loadDemoPeople(b.deps, { people: 400, seed: 11 });
    assert.equal(ra.people, 400);
    assert.deepEqual({ ...ra, seconds: 0 }, { ...rb, seconds: 0 });
    assert.deepEqual(await digest(a), await digest(b));
    const c = await buildTestApp();
    c.deps.now = now;
    try {
      await loadDemoPeople(c.deps, { people: 400, seed: 12 });
      assert.notDeepEqual(await digest(a), await digest(c));
    } finally {
      await c.close();
    }
  });

  it('gives located people the mission whose jurisdiction covers them, and sizes households', async () => {
    const rows = await a.deps.db
      .selectFrom('people')
      .innerJoin('missions', 'missions.id', 'people.missionId')
      .select(['people.country', 'people.adminArea', 'missions.code'])
      .where('people.country', '=', 'MY')
      .execute();
    assert.ok(rows.length > 0, 'Malaysia has people');
    for (const r of rows) {
      if (r.adminArea === 'MY-12') assert.equal(r.code, 'KJRI-KOTA-KINABALU');
      if (r.adminArea === 'MY-14') assert.equal(r.code, 'KBRI-KUALA-LUMPUR');
    }
    const households = await a.deps.db.selectFrom('households').selectAll().execute();
    assert.ok(households.length > 0);
    for (const h of households.slice(0, 50)) {
      const members = await a.deps.db
        .selectFrom('people')
        .select('id')
        .where('householdId', '=', h.id)
        .execute();
      assert.equal(h.size, members.length);
    }
  });

  it('prints its figures as JSON on the command line', async () => {
    const { dataDir, schema } = testConfig();
    try {
      const res = await runSiaga(['--json', 'demo', '--people', '150', '--seed', '3'], { dataDir, schema });
      assert.equal(res.code, 0, res.stderr);
      const out = JSON.parse(res.stdout);
      assert.equal(out.people, 150);
      assert.equal(out.missions, 18);
      assert.equal(out.seed, 3);
      const bad = await runSiaga(['demo', '--people', 'many'], { dataDir, schema });
      assert.notEqual(bad.code, 0);
      assert.match(bad.stderr, /--people must be a whole number/u);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
