// The authorisation policy as a table: every platform endpoint × every role (and an anonymous
// caller), with the status each must get. Records a caller may not see answer exactly like records
// that do not exist, and a refused write leaves the database as it was.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { CrisisCreate, PersonCreate } from '@siaga/contracts';
import { declareCrisis } from '../src/modules/crises/crises.service';
import { createPerson } from '../src/modules/people/people.service';
import {
  buildTestApp,
  system,
  call,
  dialectUnderTest,
  makeMission,
  makePartner,
  makeUser,
  signedInAs,
  uniqueEmail,
  type Session,
  type TestApp,
} from './helpers';

type Who = 'hq_admin' | 'hq_officer' | 'mission_officer' | 'partner' | 'viewer' | 'anonymous';
const WHO: Who[] = ['hq_admin', 'hq_officer', 'mission_officer', 'partner', 'viewer', 'anonymous'];
type Method = 'GET' | 'POST' | 'PATCH';

/** The fixtures every row refers to. */
interface World {
  missionA: string; // the mission officer's own mission
  missionB: string; // another mission
  orgP: string; // the partner's own organisation
  orgQ: string; // another partner organisation
  targetUserId: string; // some staff user
  personA: string; // a person mission A is responsible for
  personB: string; // a person mission B is responsible for
  erasableA: string[]; // people of mission A that erase rows may remove, one per allowed call
  erasableB: string[];
  eraseTarget?: string;
  crisisA: string; // a crisis concerning mission A (in Sudan)
  crisisB: string; // a crisis concerning mission B only (in Eritrea)
}

interface Row {
  name: string;
  method: Method;
  url: (w: World) => string;
  /** Built at request time, so versions are current. */
  body?: (w: World) => Promise<object> | object;
  /** For rows that may answer 404: the same request for a record that does not exist. */
  missing?: (w: World) => string;
  /** A POST that only reads (lookups): an allowed call changes nothing either. */
  readOnly?: boolean;
  expect: Record<Who, number>;
}

/** Columns: hq_admin, hq_officer, mission_officer, partner, viewer; anonymous is always 401. */
const s = (
  hq_admin: number,
  hq_officer: number,
  mission_officer: number,
  partner: number,
  viewer: number,
): Record<Who, number> => ({ hq_admin, hq_officer, mission_officer, partner, viewer, anonymous: 401 });

let t: TestApp;
let seq = 0;
const next = () => `${Date.now().toString(36)}${++seq}`.toUpperCase();

const missionVersion = async (code: string) =>
  (
    await t.deps.db
      .selectFrom('missions')
      .select('version')
      .where('code', '=', code)
      .executeTakeFirstOrThrow()
  ).version;
const orgVersion = async (id: string) =>
  (
    await t.deps.db
      .selectFrom('organisations')
      .select('version')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).version;
const personVersion = async (id: string) =>
  (await t.deps.db.selectFrom('people').select('version').where('id', '=', id).executeTakeFirstOrThrow())
    .version;
const nextErasable = async (w: World, pool: string[]) => {
  for (const id of pool) {
    const row = await t.deps.db
      .selectFrom('people')
      .select('version')
      .where('id', '=', id)
      .executeTakeFirst();
    if (row) {
      w.eraseTarget = id;
      return { version: row.version, reason: 'Registered twice' };
    }
  }
  throw new Error('no erasable person left');
};
const crisisVersion = async (id: string) =>
  (await t.deps.db.selectFrom('crises').select('version').where('id', '=', id).executeTakeFirstOrThrow())
    .version;
// Around Khartoum or Asmara: the area lies in the crisis's one country.
const CENTRES: Record<string, { lat: number; lon: number }> = {
  SD: { lat: 15.5, lon: 32.5 },
  ER: { lat: 15.33, lon: 38.93 },
};
const crisisBody = (country: 'SD' | 'ER') => ({
  type: 'armed_conflict',
  title: `Fighting ${next()}`,
  countries: [country],
  areas: [{ kind: 'circle', center: CENTRES[country], radiusKm: 30 }],
});
const userVersion = async (id: string) =>
  (await t.deps.db.selectFrom('users').select('version').where('id', '=', id).executeTakeFirstOrThrow())
    .version;

// prettier-ignore
const MATRIX: Row[] = [
  //                                                               admin hq_off m_off partner viewer
  { name: 'GET /users', method: 'GET', url: () => '/api/v1/users',
    expect: s(200, 403, 403, 403, 403) },
  { name: 'POST /users', method: 'POST', url: () => '/api/v1/users',
    body: () => ({ email: uniqueEmail('matrix'), displayName: 'Matrix User', role: 'viewer' }),
    expect: s(201, 403, 403, 403, 403) },
  { name: 'GET /users/:id', method: 'GET', url: (w) => `/api/v1/users/${w.targetUserId}`,
    missing: () => `/api/v1/users/${randomUUID()}`,
    expect: s(200, 404, 404, 404, 404) },
  { name: 'PATCH /users/:id', method: 'PATCH', url: (w) => `/api/v1/users/${w.targetUserId}`,
    body: async (w) => ({ version: await userVersion(w.targetUserId), displayName: `Renamed ${next()}` }),
    missing: () => `/api/v1/users/${randomUUID()}`,
    expect: s(200, 404, 404, 404, 404) },
  { name: 'POST /users/:id/password-reset', method: 'POST', url: (w) => `/api/v1/users/${w.targetUserId}/password-reset`,
    missing: () => `/api/v1/users/${randomUUID()}/password-reset`,
    expect: s(200, 404, 404, 404, 404) },
  { name: 'GET /roles', method: 'GET', url: () => '/api/v1/roles',
    expect: s(200, 403, 403, 403, 403) },
  { name: 'PATCH /roles/:role', method: 'PATCH', url: () => '/api/v1/roles/partner',
    body: () => ({ totpRequired: false }),
    expect: s(200, 403, 403, 403, 403) },
  { name: 'GET /missions', method: 'GET', url: () => '/api/v1/missions',
    expect: s(200, 200, 200, 200, 200) },
  { name: 'POST /missions', method: 'POST', url: () => '/api/v1/missions',
    body: () => ({ code: `KJRI-M${next()}`, name: 'KJRI Matrix', kind: 'consulate', city: 'Jeddah',
      countries: ['SA'], hotline: '+966501234567', address: 'Jeddah' }),
    expect: s(201, 403, 403, 403, 403) },
  { name: 'GET /missions/:code (own mission A)', method: 'GET', url: (w) => `/api/v1/missions/${w.missionA}`,
    expect: s(200, 200, 200, 200, 200) },
  { name: 'GET /missions/:code (other mission B)', method: 'GET', url: (w) => `/api/v1/missions/${w.missionB}`,
    expect: s(200, 200, 200, 200, 200) },
  { name: 'PATCH /missions/:code contact details (own mission A)', method: 'PATCH',
    url: (w) => `/api/v1/missions/${w.missionA}`,
    body: async (w) => ({ version: await missionVersion(w.missionA), hotline: `+2499${String(++seq).padStart(8, '0')}`,
      email: `kbri.${seq}@mission.example`, address: `Street ${seq}, Khartoum` }),
    expect: s(200, 403, 200, 403, 403) },
  { name: 'PATCH /missions/:code name (own mission A)', method: 'PATCH', url: (w) => `/api/v1/missions/${w.missionA}`,
    body: async (w) => ({ version: await missionVersion(w.missionA), name: `KBRI Renamed ${next()}` }),
    expect: s(200, 403, 403, 403, 403) },
  { name: 'PATCH /missions/:code contact details (other mission B)', method: 'PATCH',
    url: (w) => `/api/v1/missions/${w.missionB}`,
    body: async (w) => ({ version: await missionVersion(w.missionB), hotline: `+2499${String(++seq).padStart(8, '0')}` }),
    expect: s(200, 403, 403, 403, 403) },
  { name: 'GET /organisations', method: 'GET', url: () => '/api/v1/organisations',
    expect: s(200, 200, 200, 200, 200) },
  { name: 'POST /organisations', method: 'POST', url: () => '/api/v1/organisations',
    body: () => ({ name: `Matrix Partner ${next()}`, shortName: 'MP' }),
    expect: s(201, 403, 403, 403, 403) },
  { name: 'GET /organisations/:id (own org P)', method: 'GET', url: (w) => `/api/v1/organisations/${w.orgP}`,
    expect: s(200, 200, 200, 200, 200) },
  { name: 'GET /organisations/:id (other org Q)', method: 'GET', url: (w) => `/api/v1/organisations/${w.orgQ}`,
    missing: () => `/api/v1/organisations/${randomUUID()}`,
    expect: s(200, 200, 200, 404, 200) },
  { name: 'PATCH /organisations/:id (own org P)', method: 'PATCH', url: (w) => `/api/v1/organisations/${w.orgP}`,
    body: async (w) => ({ version: await orgVersion(w.orgP), phone: `+41 22 ${next()}` }),
    expect: s(200, 403, 403, 403, 403) },
  { name: 'PATCH /organisations/:id (other org Q)', method: 'PATCH', url: (w) => `/api/v1/organisations/${w.orgQ}`,
    body: async (w) => ({ version: await orgVersion(w.orgQ), phone: `+41 22 ${next()}` }),
    missing: () => `/api/v1/organisations/${randomUUID()}`,
    expect: s(200, 403, 403, 404, 403) },
  { name: 'GET /audit', method: 'GET', url: () => '/api/v1/audit',
    expect: s(200, 403, 403, 403, 403) },
  { name: 'GET /people', method: 'GET', url: () => '/api/v1/people',
    expect: s(200, 200, 200, 403, 200) },
  { name: 'GET /people/export.csv', method: 'GET', url: () => '/api/v1/people/export.csv',
    expect: s(200, 200, 200, 403, 403) },
  { name: 'POST /people/lookup', method: 'POST', url: () => '/api/v1/people/lookup', readOnly: true,
    body: () => ({ document: 'B7654321' }),
    expect: s(200, 200, 200, 403, 200) },
  { name: 'POST /people (mission A)', method: 'POST', url: () => '/api/v1/people',
    body: (w) => ({ fullName: `Matrix Person ${next()}`, statusAbroad: 'worker', missionCode: w.missionA }),
    expect: s(201, 201, 201, 403, 403) },
  { name: 'POST /households', method: 'POST', url: () => '/api/v1/households',
    expect: s(201, 201, 201, 403, 403) },
  { name: 'GET /people/:id (mission A)', method: 'GET', url: (w) => `/api/v1/people/${w.personA}`,
    missing: () => `/api/v1/people/${randomUUID()}`,
    expect: s(200, 200, 200, 404, 200) },
  { name: 'GET /people/:id (mission B)', method: 'GET', url: (w) => `/api/v1/people/${w.personB}`,
    missing: () => `/api/v1/people/${randomUUID()}`,
    expect: s(200, 200, 404, 404, 200) },
  { name: 'PATCH /people/:id (mission A)', method: 'PATCH', url: (w) => `/api/v1/people/${w.personA}`,
    body: async (w) => ({ version: await personVersion(w.personA), employer: `Employer ${next()}` }),
    missing: () => `/api/v1/people/${randomUUID()}`,
    expect: s(200, 200, 200, 404, 403) },
  { name: 'PATCH /people/:id (mission B)', method: 'PATCH', url: (w) => `/api/v1/people/${w.personB}`,
    body: async (w) => ({ version: await personVersion(w.personB), employer: `Employer ${next()}` }),
    missing: () => `/api/v1/people/${randomUUID()}`,
    expect: s(200, 200, 404, 404, 403) },
  { name: 'POST /people/:id/reveal (mission A)', method: 'POST', url: (w) => `/api/v1/people/${w.personA}/reveal`,
    body: () => ({ fields: ['documents', 'vulnerabilities'], reason: 'Manifest check' }),
    missing: () => `/api/v1/people/${randomUUID()}/reveal`,
    expect: s(200, 200, 200, 404, 403) },
  { name: 'POST /people/:id/reveal (mission B)', method: 'POST', url: (w) => `/api/v1/people/${w.personB}/reveal`,
    body: () => ({ fields: ['documents'], reason: 'Manifest check' }),
    missing: () => `/api/v1/people/${randomUUID()}/reveal`,
    expect: s(200, 200, 404, 404, 403) },
  { name: 'POST /people/:id/erase (mission A)', method: 'POST', url: (w) => `/api/v1/people/${w.eraseTarget}/erase`,
    body: (w) => nextErasable(w, w.erasableA),
    missing: () => `/api/v1/people/${randomUUID()}/erase`,
    expect: s(204, 204, 204, 404, 403) },
  { name: 'POST /people/:id/erase (mission B)', method: 'POST', url: (w) => `/api/v1/people/${w.eraseTarget}/erase`,
    body: (w) => nextErasable(w, w.erasableB),
    missing: () => `/api/v1/people/${randomUUID()}/erase`,
    expect: s(204, 204, 404, 404, 403) },
  { name: 'GET /crises', method: 'GET', url: () => '/api/v1/crises',
    expect: s(200, 200, 200, 403, 200) },
  { name: 'POST /crises (mission A country)', method: 'POST', url: () => '/api/v1/crises',
    body: () => crisisBody('SD'),
    expect: s(201, 201, 201, 403, 403) },
  { name: 'POST /crises (mission B country)', method: 'POST', url: () => '/api/v1/crises',
    body: () => crisisBody('ER'),
    expect: s(201, 201, 403, 403, 403) },
  { name: 'GET /crises/:id (mission A)', method: 'GET', url: (w) => `/api/v1/crises/${w.crisisA}`,
    missing: () => `/api/v1/crises/${randomUUID()}`,
    expect: s(200, 200, 200, 404, 200) },
  { name: 'GET /crises/:id (mission B)', method: 'GET', url: (w) => `/api/v1/crises/${w.crisisB}`,
    missing: () => `/api/v1/crises/${randomUUID()}`,
    expect: s(200, 200, 404, 404, 200) },
  { name: 'PATCH /crises/:id (mission A)', method: 'PATCH', url: (w) => `/api/v1/crises/${w.crisisA}`,
    body: async (w) => ({ version: await crisisVersion(w.crisisA), description: `Update ${next()}` }),
    missing: () => `/api/v1/crises/${randomUUID()}`,
    expect: s(200, 200, 200, 404, 403) },
  { name: 'PATCH /crises/:id (mission B)', method: 'PATCH', url: (w) => `/api/v1/crises/${w.crisisB}`,
    body: async (w) => ({ version: await crisisVersion(w.crisisB), description: `Update ${next()}` }),
    missing: () => `/api/v1/crises/${randomUUID()}`,
    expect: s(200, 200, 404, 404, 403) },
  { name: 'POST /crises/:id/alert-levels (mission A)', method: 'POST', url: (w) => `/api/v1/crises/${w.crisisA}/alert-levels`,
    body: async (w) => ({ version: await crisisVersion(w.crisisA), country: 'SD', level: 'siaga_2', reason: `Escalation ${next()}` }),
    missing: () => `/api/v1/crises/${randomUUID()}/alert-levels`,
    expect: s(200, 200, 200, 404, 403) },
  { name: 'POST /crises/:id/timeline (mission B)', method: 'POST', url: (w) => `/api/v1/crises/${w.crisisB}/timeline`,
    body: () => ({ kind: 'note', text: `Note ${next()}` }),
    missing: () => `/api/v1/crises/${randomUUID()}/timeline`,
    expect: s(200, 200, 404, 404, 403) },
  { name: 'GET /crises/:id/affected (mission B)', method: 'GET', url: (w) => `/api/v1/crises/${w.crisisB}/affected`,
    missing: () => `/api/v1/crises/${randomUUID()}/affected`,
    expect: s(200, 200, 404, 404, 200) },
  { name: 'GET /crises/:id/affected/people (mission A)', method: 'GET', url: (w) => `/api/v1/crises/${w.crisisA}/affected/people`,
    missing: () => `/api/v1/crises/${randomUUID()}/affected/people`,
    expect: s(200, 200, 200, 404, 403) },
  { name: 'GET /crises/:id/affected.geojson (mission A)', method: 'GET', url: (w) => `/api/v1/crises/${w.crisisA}/affected.geojson`,
    missing: () => `/api/v1/crises/${randomUUID()}/affected.geojson`,
    expect: s(200, 200, 200, 404, 403) },
  { name: 'POST /affected', method: 'POST', url: () => '/api/v1/affected', readOnly: true,
    body: () => ({ areas: [{ kind: 'circle', center: { lat: 15.5, lon: 32.5 }, radiusKm: 50 }] }),
    expect: s(200, 200, 200, 403, 200) },
  { name: 'GET /population/clusters', method: 'GET', url: () => '/api/v1/population/clusters?zoom=2&west=-180&south=-80&east=180&north=80',
    expect: s(200, 200, 200, 403, 200) },
  { name: 'GET /hazards', method: 'GET', url: () => '/api/v1/hazards',
    expect: s(200, 200, 200, 403, 200) },
  { name: 'GET /feeds', method: 'GET', url: () => '/api/v1/feeds',
    expect: s(200, 200, 200, 403, 200) },
  { name: 'POST /feeds', method: 'POST', url: () => '/api/v1/feeds',
    body: () => ({ name: 'GDACS', url: `https://gdacs.example/${next()}.xml` }),
    expect: s(201, 201, 403, 403, 403) },
  { name: 'GET /geo/countries', method: 'GET', url: () => '/api/v1/geo/countries',
    expect: s(200, 200, 200, 200, 200) },
];

/** Everything a write on these endpoints could touch. */
async function snapshot() {
  const db = t.deps.db;
  const [
    users,
    userMissions,
    missions,
    missionCountries,
    organisations,
    roleSettings,
    sessions,
    outbox,
    audit,
    people,
    households,
    crises,
    crisisEvents,
    hazardFeeds,
  ] = await Promise.all([
    db.selectFrom('users').selectAll().orderBy('id').execute(),
    db.selectFrom('userMissions').selectAll().orderBy('userId').orderBy('missionId').execute(),
    db.selectFrom('missions').selectAll().orderBy('id').execute(),
    db.selectFrom('missionCountries').selectAll().orderBy('missionId').orderBy('country').execute(),
    db.selectFrom('organisations').selectAll().orderBy('id').execute(),
    db.selectFrom('roleSettings').selectAll().orderBy('role').execute(),
    db.selectFrom('sessions').select(['id', 'userId', 'stage']).orderBy('id').execute(),
    db.selectFrom('outbox').select('id').orderBy('id').execute(),
    db.selectFrom('auditHead').selectAll().execute(),
    db.selectFrom('people').select(['id', 'version', 'updatedAt']).orderBy('id').execute(),
    db.selectFrom('households').selectAll().orderBy('id').execute(),
    db.selectFrom('crises').select(['id', 'version', 'updatedAt']).orderBy('id').execute(),
    db.selectFrom('crisisEvents').select('id').orderBy('id').execute(),
    db.selectFrom('hazardFeeds').select('id').orderBy('id').execute(),
  ]);
  return {
    users,
    userMissions,
    missions,
    missionCountries,
    organisations,
    roleSettings,
    sessions,
    outbox,
    audit,
    people,
    households,
    crises,
    crisisEvents,
    hazardFeeds,
  };
}

function errorWithoutRequestId(res: LightMyRequestResponse) {
  const { requestId, ...rest } = res.json().error;
  assert.equal(typeof requestId, 'string');
  return rest;
}

describe(`authorisation matrix (${dialectUnderTest})`, () => {
  let w: World;
  const sessions = new Map<Who, Session | null>();
  const ids = new Map<Who, string>();

  before(async () => {
    t = await buildTestApp();
    const a = await makeMission(t);
    const b = await makeMission(t, { countries: ['ER'], city: 'Asmara' });
    const p = await makePartner(t);
    const q = await makePartner(t);
    const target = await makeUser(t, 'hq_officer');
    const person = async (missionCode: string) =>
      (
        await createPerson(
          t.deps,
          system,
          PersonCreate.parse({
            fullName: `Matrix ${missionCode}`,
            statusAbroad: 'worker',
            missionCode,
            documents: [
              { kind: 'passport', number: `B${String(1_000_000 + ++seq).slice(-7)}`, issuingCountry: 'ID' },
            ],
            vulnerabilities: [{ kind: 'disability' }],
          }),
        )
      ).id;
    w = {
      missionA: a.code,
      missionB: b.code,
      orgP: p.id,
      orgQ: q.id,
      targetUserId: target.id,
      personA: await person(a.code),
      personB: await person(b.code),
      erasableA: await Promise.all([1, 2, 3, 4].map(() => person(a.code))),
      erasableB: await Promise.all([1, 2, 3].map(() => person(b.code))),
      crisisA: (await declareCrisis(t.deps, system, CrisisCreate.parse(crisisBody('SD')))).id,
      crisisB: (await declareCrisis(t.deps, system, CrisisCreate.parse(crisisBody('ER')))).id,
    };
    for (const who of WHO) {
      if (who === 'anonymous') {
        sessions.set(who, null);
        continue;
      }
      const opts =
        who === 'mission_officer'
          ? { missionCodes: [a.code] }
          : who === 'partner'
            ? { organisationId: p.id }
            : {};
      const signed = await signedInAs(t, who, opts);
      sessions.set(who, signed.session);
      ids.set(who, signed.user.id);
    }
  });
  after(() => t.close());

  for (const row of MATRIX) {
    describe(row.name, () => {
      for (const who of WHO) {
        const status = row.expect[who];
        it(`${who} → ${status}`, async () => {
          const as = sessions.get(who)!;
          const before = row.method === 'GET' ? null : await snapshot();
          const body = row.body ? await row.body(w) : undefined;
          const res = await call(t, as, row.method, row.url(w), body);
          assert.equal(res.statusCode, status, res.body);

          const error = status >= 400 ? res.json().error : null;
          if (status === 401) assert.equal(error.code, 'auth.required');
          if (status === 403) assert.equal(error.code, 'auth.forbidden');
          if (status === 404) {
            // Indistinguishable from a record that does not exist.
            assert.ok(row.missing, 'a 404 row needs its missing-record twin');
            const missing = await call(t, as, row.method, row.missing(w), body);
            assert.equal(missing.statusCode, 404);
            assert.deepEqual(errorWithoutRequestId(res), errorWithoutRequestId(missing));
            assert.match(error.code, /\.not_found$/);
          }
          if (before) {
            const after = await snapshot();
            if (status >= 400 || row.readOnly)
              assert.deepEqual(after, before, 'a refused write must change nothing');
            else assert.notDeepEqual(after, before, 'an allowed write should have changed something');
          }
        });
      }
    });
  }

  it('shows a partner only its own organisation in the list; staff see all', async () => {
    const partner = await call(t, sessions.get('partner')!, 'GET', '/api/v1/organisations?limit=200');
    assert.deepEqual(
      partner.json().items.map((o: { id: string }) => o.id),
      [w.orgP],
    );
    for (const who of ['hq_admin', 'hq_officer', 'mission_officer', 'viewer'] as const) {
      const res = await call(t, sessions.get(who)!, 'GET', '/api/v1/organisations?limit=200');
      const listed = res.json().items.map((o: { id: string }) => o.id);
      assert.ok(listed.includes(w.orgP) && listed.includes(w.orgQ), who);
      assert.ok(
        res.json().items.some((o: { kind: string }) => o.kind === 'headquarters'),
        who,
      );
    }
  });

  it('lets a mission officer change only contact details of their own mission, and keeps the rest', async () => {
    const officer = sessions.get('mission_officer')!;
    const before = (await call(t, officer, 'GET', `/api/v1/missions/${w.missionA}`)).json();
    const mixed = await call(t, officer, 'PATCH', `/api/v1/missions/${w.missionA}`, {
      version: before.version,
      hotline: '+249900000001',
      city: 'Port Sudan',
    });
    assert.equal(mixed.statusCode, 403);
    const unchanged = (await call(t, officer, 'GET', `/api/v1/missions/${w.missionA}`)).json();
    assert.deepEqual(unchanged, before);

    const ok = await call(t, officer, 'PATCH', `/api/v1/missions/${w.missionA}`, {
      version: before.version,
      hotline: '+249900000001',
    });
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.json().hotline, '+249900000001');
    assert.equal(ok.json().name, before.name);
    assert.equal(ok.json().city, before.city);
    const entry = await t.deps.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'mission.update')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(entry.actorId, ids.get('mission_officer'));
    assert.deepEqual(JSON.parse(entry.changes!), ['hotline']);
  });

  it('answers anonymous callers 401 before looking at the body', async () => {
    const res = await call(t, null, 'POST', '/api/v1/missions', { nonsense: true });
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().error.code, 'auth.required');
    assert.equal(res.json().error.details, undefined);
  });
});
