// Crises and the affected population on a real database: declaring a crisis with areas, alert
// levels with their history, the people inside polygons with holes, across the antimeridian and
// on edges (by the in-memory index and by the database's spatial index, which must agree),
// people located by city or only by country, mission scope, and bad geometry refused whole;
// and `siaga affected` on a GeoJSON file.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { PersonCreate, type AreaInput } from '@siaga/contracts';
import { createPerson, erasePerson } from '../src/modules/people/people.service';
import { compileOrThrow, countAffected } from '../src/modules/affected/affected.service';
import { createDeps } from '../src/app';
import {
  auditActions,
  buildTestApp,
  call,
  makeMission,
  runSiaga,
  signedInAs,
  system,
  testConfig,
  type Session,
  type TestApp,
} from './helpers';

const square = (w: number, s: number, e: number, n: number) => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
  [w, s],
];

describe('crises and the affected population', () => {
  let t: TestApp;
  let hq: Session;
  let officerKl: Session;
  let officerSuva: Session;
  let klId: string;

  const person = async (
    fullName: string,
    location: Record<string, unknown> | null,
    over: Record<string, unknown> = {},
  ) =>
    createPerson(
      t.deps,
      system,
      PersonCreate.parse({
        fullName,
        statusAbroad: 'worker',
        ...(location ? { location: { source: 'officer', ...location } } : {}),
        ...over,
      }),
    );

  before(async () => {
    t = await buildTestApp();
    const kl = await makeMission(t, { countries: ['MY'], city: 'Kuala Lumpur', hotline: '+60321164000' });
    const suva = await makeMission(t, { countries: ['FJ'], city: 'Suva', hotline: '+6793316697' });
    klId = kl.id;
    hq = (await signedInAs(t, 'hq_officer')).session;
    officerKl = (await signedInAs(t, 'mission_officer', { missionCodes: [kl.code] })).session;
    officerSuva = (await signedInAs(t, 'mission_officer', { missionCodes: [suva.code] })).session;
    // Kuala Lumpur: a 1°×1° box with a hole in the middle.
    await person('Inside One', { country: 'MY', city: 'Kuala Lumpur', lat: 3.2, lon: 101.2 });
    await person(
      'Inside Two',
      { country: 'MY', city: 'Kuala Lumpur', lat: 3.8, lon: 101.8 },
      { vulnerabilities: [{ kind: 'pregnant' }] },
    );
    await person('In The Hole', { country: 'MY', city: 'Kuala Lumpur', lat: 3.5, lon: 101.5 });
    await person('On The Edge', { country: 'MY', city: 'Kuala Lumpur', lat: 3.0, lon: 101.5 });
    await person('Far Away', { country: 'MY', city: 'Kota Kinabalu', lat: 5.98, lon: 116.07 });
    // Fiji, on both sides of 180°.
    await person('Suva Resident', { country: 'FJ', city: 'Suva', lat: -18.14, lon: 178.44 });
    await person('Taveuni Resident', { country: 'FJ', city: 'Taveuni', lat: -16.8, lon: -179.95 });
    await person('Nadi Resident', { country: 'FJ', city: 'Nadi', lat: -17.8, lon: 170.0 });
    // Placed only by their city (the gazetteer's centre of Kuala Lumpur), or only by country.
    await person('City Only', { country: 'MY', city: 'Kuala Lumpur' });
    await person('Country Only', { country: 'MY' });
    const returned = await person('Returned Later', {
      country: 'MY',
      city: 'Kuala Lumpur',
      lat: 3.4,
      lon: 101.3,
    });
    await call(t, hq, 'PATCH', `/api/v1/people/${returned.id}`, {
      version: returned.version,
      returned: true,
    });
  });
  after(() => t.close());

  const withHole: AreaInput = {
    kind: 'polygon',
    geometry: { type: 'Polygon', coordinates: [square(101, 3, 102, 4), square(101.4, 3.4, 101.6, 3.6)] },
  };
  // Around Kuala Lumpur's city centre, for the person placed by city.
  const klCentre: AreaInput = { kind: 'circle', center: { lat: 3.15, lon: 101.69 }, radiusKm: 30 };

  for (const via of ['memory', 'database'] as const) {
    it(`counts people inside a polygon with a hole, edges included (${via})`, async () => {
      const area = compileOrThrow([withHole], 'areas');
      const c = await countAffected(t.deps, system, area, ['MY'], { prefer: via });
      assert.equal(c.via, via);
      // Inside One, Inside Two, On The Edge and City Only (whose city centre is inside); not the
      // one in the hole, the far one, or the one who returned home.
      assert.equal(c.inside, 3);
      assert.equal(c.locatedByCity, 1);
      assert.equal(c.locatedByCountry, 1);
      assert.equal(c.byMission[klId], 4);
      assert.equal(c.byStatus.worker, 4);
      assert.equal(c.byVulnerability?.pregnant, 1);
      assert.equal(c.byCity['Kuala Lumpur, MY'], 4);
    });

    it(`finds people on both sides of the antimeridian (${via})`, async () => {
      const fiji: AreaInput = {
        kind: 'polygon',
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [177, -19],
              [-179, -19],
              [-179, -16],
              [177, -16],
              [177, -19],
            ],
          ],
        },
      };
      const c = await countAffected(t.deps, system, compileOrThrow([fiji], 'areas'), [], { prefer: via });
      assert.equal(c.inside, 2, 'Suva and Taveuni, not Nadi at 170°');
      const circle = await countAffected(
        t.deps,
        system,
        compileOrThrow([{ kind: 'circle', center: { lat: -17, lon: 179.9 }, radiusKm: 150 }], 'areas'),
        [],
        { prefer: via },
      );
      assert.equal(circle.inside, 1, 'Taveuni is within 150 km of the circle centre across 180°');
    });
  }

  it('keeps the warm index current as people register, move and are erased', async () => {
    const area = compileOrThrow([klCentre], 'areas');
    const before = await countAffected(t.deps, system, area, [], { prefer: 'memory' });
    const p = await person('Newly Registered', {
      country: 'MY',
      city: 'Kuala Lumpur',
      lat: 3.15,
      lon: 101.7,
    });
    const during = await countAffected(t.deps, system, area, [], { prefer: 'memory' });
    assert.equal(during.inside, before.inside + 1);
    const moved = await call(t, hq, 'PATCH', `/api/v1/people/${p.id}`, {
      version: p.version,
      location: { country: 'MY', city: 'Kota Kinabalu', lat: 5.98, lon: 116.07, source: 'officer' },
    });
    assert.equal(moved.statusCode, 200, moved.body);
    assert.equal((await countAffected(t.deps, system, area, [], { prefer: 'memory' })).inside, before.inside);
    const again = await person('Erased Soon', {
      country: 'MY',
      city: 'Kuala Lumpur',
      lat: 3.16,
      lon: 101.71,
    });
    assert.equal(
      (await countAffected(t.deps, system, area, [], { prefer: 'memory' })).inside,
      before.inside + 1,
    );
    await erasePerson(t.deps, system, again.id, { version: again.version, reason: 'test' });
    assert.equal((await countAffected(t.deps, system, area, [], { prefer: 'memory' })).inside, before.inside);
  });

  it('answers an ad-hoc area over HTTP, scoped to the caller’s missions', async () => {
    const all = await call(t, hq, 'POST', '/api/v1/affected', { areas: [withHole], countries: ['MY'] });
    assert.equal(all.statusCode, 200, all.body);
    assert.equal(all.json().inside, 3);
    assert.ok(all.json().missions.some((m: { id: string }) => m.id === klId));
    const other = await call(t, officerSuva, 'POST', '/api/v1/affected', {
      areas: [withHole],
      countries: ['MY'],
    });
    assert.equal(other.json().inside, 0, 'an officer of another mission counts none of these people');
    assert.equal(other.json().locatedByCountry, 0);
    const own = await call(t, officerKl, 'POST', '/api/v1/affected', { areas: [withHole] });
    assert.equal(own.json().inside, 3);
  });

  it('refuses bad geometry with the coordinate at fault, and declares nothing', async () => {
    const cases: [unknown, string, string][] = [
      [
        [
          [101, 3],
          [102, 3],
          [102, 4],
          [101, 4],
        ],
        'geometry.ring_not_closed',
        'body.areas.0.geometry.coordinates.0',
      ],
      [
        [
          [101, 3],
          [102, 4],
          [102, 3],
          [101, 4],
          [101, 3],
        ],
        'geometry.self_intersection',
        'body.areas.0.geometry.coordinates',
      ],
      [
        [
          [101, 3],
          [202, 3],
          [102, 4],
          [101, 3],
        ],
        'geometry.out_of_range',
        'body.areas.0.geometry.coordinates.0.1',
      ],
      [
        [
          [3, 101],
          [3, 102],
          [4, 102],
          [4, 101],
          [3, 101],
        ],
        'geometry.swapped_coordinates',
        'body.areas.0.geometry.coordinates.0.0',
      ],
      [
        [
          [101, 3],
          [102, 3],
          [101, 3],
        ],
        'geometry.ring_too_short',
        'body.areas.0.geometry.coordinates.0',
      ],
    ];
    for (const [ring, code, path] of cases) {
      const res = await call(t, hq, 'POST', '/api/v1/crises', {
        type: 'civil_unrest',
        title: 'Unrest in Kuala Lumpur',
        countries: ['MY'],
        areas: [{ kind: 'polygon', geometry: { type: 'Polygon', coordinates: [ring] } }],
      });
      assert.equal(res.statusCode, 400, `${code}: ${res.body}`);
      const detail = res.json().error.details.find((d: { code: string }) => d.code === code);
      assert.ok(detail, `${code} in ${res.body}`);
      assert.equal(detail.path, path);
    }
    const list = await call(t, hq, 'GET', '/api/v1/crises?country=MY');
    assert.equal(
      list.json().items.filter((c: { title: string }) => c.title === 'Unrest in Kuala Lumpur').length,
      0,
    );
  });

  it('declares a crisis, counts its people, raises the alert level with history, and audits it all', async () => {
    const res = await call(t, hq, 'POST', '/api/v1/crises', {
      type: 'civil_unrest',
      title: 'Demonstrations in Kuala Lumpur',
      description: 'Large demonstrations around the city centre.',
      countries: ['MY'],
      areas: [withHole],
      alertLevel: 'siaga_3',
    });
    assert.equal(res.statusCode, 201, res.body);
    const crisis = res.json();
    assert.equal(crisis.alertLevel, 'siaga_3');
    assert.deepEqual(
      crisis.missions.map((m: { id: string }) => m.id),
      [klId],
    );
    assert.equal(crisis.areas[0].kind, 'polygon');
    const counts = await call(t, hq, 'GET', `/api/v1/crises/${crisis.id}/affected`);
    assert.equal(counts.json().inside, 3);
    assert.equal(counts.json().locatedByCity, 1);
    assert.equal(counts.json().locatedByCountry, 1);

    const raised = await call(t, hq, 'POST', `/api/v1/crises/${crisis.id}/alert-levels`, {
      country: 'MY',
      level: 'siaga_1',
      reason: 'Shooting near the embassy',
      version: crisis.version,
    });
    assert.equal(raised.statusCode, 200, raised.body);
    const after = raised.json();
    assert.equal(after.alertLevel, 'siaga_1');
    assert.equal(after.levelHistory[0].level, 'siaga_1');
    assert.deepEqual(after.levelHistory[0].micicPhases, [3, 4]);
    assert.equal(after.levelHistory[1].level, 'siaga_3');
    const entry = after.timeline.find((e: { kind: string }) => e.kind === 'alert_level');
    assert.deepEqual(entry.data, { level: 'siaga_1', reason: 'Shooting near the embassy', country: 'MY' });

    const stale = await call(t, hq, 'POST', `/api/v1/crises/${crisis.id}/alert-levels`, {
      country: 'MY',
      level: 'siaga_2',
      reason: 'late',
      version: crisis.version,
    });
    assert.equal(stale.statusCode, 409);
    const notHere = await call(t, hq, 'POST', `/api/v1/crises/${crisis.id}/alert-levels`, {
      country: 'FJ',
      level: 'siaga_2',
      reason: 'wrong country',
      version: after.version,
    });
    assert.equal(notHere.statusCode, 400);
    assert.equal(notHere.json().error.details[0].path, 'body.country');

    const people = await call(t, officerKl, 'GET', `/api/v1/crises/${crisis.id}/affected/people?limit=2`);
    assert.equal(people.statusCode, 200, people.body);
    assert.equal(people.json().total, 4);
    assert.deepEqual(
      people.json().items.map((p: { fullName: string }) => p.fullName),
      ['City Only', 'Inside One'],
    );
    const next = await call(
      t,
      officerKl,
      'GET',
      `/api/v1/crises/${crisis.id}/affected/people?limit=2&cursor=${people.json().nextCursor}`,
    );
    assert.deepEqual(
      next.json().items.map((p: { fullName: string }) => p.fullName),
      ['Inside Two', 'On The Edge'],
    );

    // A mission officer elsewhere cannot tell the crisis exists.
    const hidden = await call(t, officerSuva, 'GET', `/api/v1/crises/${crisis.id}`);
    const missing = await call(t, officerSuva, 'GET', '/api/v1/crises/00000000-0000-4000-8000-000000000000');
    assert.equal(hidden.statusCode, 404);
    assert.equal(
      hidden.body.replace(/"requestId":"[^"]+"/, ''),
      missing.body.replace(/"requestId":"[^"]+"/, ''),
    );

    const clusters = await call(
      t,
      hq,
      'GET',
      `/api/v1/crises/${crisis.id}/clusters?zoom=3&west=90&south=-10&east=120&north=10`,
    );
    assert.equal(
      clusters
        .json()
        .features.reduce((s: number, f: { properties: { count: number } }) => s + f.properties.count, 0),
      4,
    );
    const actions = await auditActions(t);
    assert.ok(actions.includes('crisis.declare'));
    assert.ok(actions.includes('crisis.alert_level'));
  });
});

describe('siaga affected', () => {
  it('counts the people inside a GeoJSON file, and refuses a bad one with the coordinate at fault', async () => {
    const install = testConfig();
    const deps = await createDeps(install.config);
    try {
      for (const [name, lat, lon] of [
        ['Di Dalam', 3.2, 101.2],
        ['Di Luar', 5.98, 116.07],
      ] as const) {
        await createPerson(
          deps,
          system,
          PersonCreate.parse({
            fullName: name,
            statusAbroad: 'worker',
            location: { country: 'MY', lat, lon, source: 'officer' },
          }),
        );
      }
    } finally {
      await deps.handle.close();
    }
    const file = path.join(install.dataDir, 'area.geojson');
    fs.writeFileSync(
      file,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: {},
            geometry: { type: 'Polygon', coordinates: [square(101, 3, 102, 4)] },
          },
        ],
      }),
    );
    const bad = path.join(install.dataDir, 'bad.geojson');
    fs.writeFileSync(
      bad,
      JSON.stringify({
        type: 'Polygon',
        coordinates: [
          [
            [101, 3],
            [102, 3],
            [102, 4],
            [101, 4],
          ],
        ],
      }),
    );
    try {
      const res = await runSiaga(['affected', '--area', file, '--json'], install);
      assert.equal(res.code, 0, res.stderr);
      const out = JSON.parse(res.stdout);
      assert.equal(out.inside, 1);
      assert.equal(out.locatedByCity, 0);
      assert.equal(
        Object.values(out.byMission as Record<string, number>).reduce((a, b) => a + b, 0),
        1,
      );
      const refused = await runSiaga(['affected', '--area', bad, '--json'], install);
      assert.equal(refused.code, 1);
      const error = JSON.parse(refused.stdout).error;
      assert.equal(error.details[0].code, 'geometry.ring_not_closed');
      assert.equal(error.details[0].path, 'area.0.geometry.coordinates.0');
    } finally {
      fs.rmSync(install.dataDir, { recursive: true, force: true });
    }
  });
});

describe('people placed by their city', () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  it('puts a person who gives only a city at its centre, and a repeat of the same city is no move', async () => {
    const hq = (await signedInAs(t, 'hq_officer')).session;
    const created = await call(t, hq, 'POST', '/api/v1/people', {
      fullName: 'Kota Saja',
      statusAbroad: 'worker',
      location: { country: 'SA', city: 'Jeddah', source: 'officer' },
    });
    assert.equal(created.statusCode, 201, created.body);
    const p = created.json();
    assert.ok(
      Math.abs(p.location.lat - 21.54) < 0.2 && Math.abs(p.location.lon - 39.17) < 0.2,
      JSON.stringify(p.location),
    );
    const row = await t.deps.db
      .selectFrom('people')
      .select('locationPrecision')
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.locationPrecision, 'city');
    const same = await call(t, hq, 'PATCH', `/api/v1/people/${p.id}`, {
      version: p.version,
      location: { country: 'SA', city: 'Jeddah', source: 'officer' },
    });
    assert.equal(same.statusCode, 200, same.body);
    const history = await t.deps.db
      .selectFrom('personLocations')
      .select('id')
      .where('personId', '=', p.id)
      .execute();
    assert.equal(history.length, 1, 'the same city again adds no location to the history');
    const unknown = await call(t, hq, 'POST', '/api/v1/people', {
      fullName: 'Kota Tak Dikenal',
      statusAbroad: 'worker',
      location: { country: 'SA', city: 'Qwxzy', source: 'officer' },
    });
    assert.equal(unknown.json().location.lat, null, 'a city the gazetteer does not know gives no position');
  });
});
