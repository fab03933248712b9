// The registry through the officer API: registering, reading, changing, erasing, finding and
// exporting people, with mission scoping and the audit trail.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  PersonCreate,
  SEARCH_COUNT_LIMIT,
  type Person,
  type PeoplePage,
  type PersonSensitive,
} from '@siaga/contracts';
import { insertPeople } from '../src/modules/people/people.repo';
import { CTX, buildPerson, type PersonRows } from '../src/modules/people/records';
import {
  auditActions,
  buildTestApp,
  call,
  dialectUnderTest,
  makeMission,
  signedInAs,
  type Session,
  type TestApp,
} from './helpers';

let seq = 0;
const passport = () => `X${String(7_000_000 + ++seq * 7919).slice(-7)}`;

describe(`people API (${dialectUnderTest})`, () => {
  let t: TestApp;
  let hq: Session;
  let viewer: Session;
  let officerA: Session;
  let kl: string; // KBRI Kuala Lumpur: Malaysia except Sabah and Sarawak
  let kk: string; // KJRI Kota Kinabalu: Sabah
  before(async () => {
    t = await buildTestApp();
    const a = await makeMission(t, {
      countries: ['MY'],
      jurisdictions: [{ country: 'MY', adminAreas: ['MY-14', 'MY-10', 'MY-01'] }],
      city: 'Kuala Lumpur',
    });
    const b = await makeMission(t, {
      kind: 'consulate',
      countries: ['MY'],
      jurisdictions: [{ country: 'MY', adminAreas: ['MY-12'] }],
      city: 'Kota Kinabalu',
    });
    kl = a.code;
    kk = b.code;
    hq = (await signedInAs(t, 'hq_officer')).session;
    viewer = (await signedInAs(t, 'viewer')).session;
    officerA = (await signedInAs(t, 'mission_officer', { missionCodes: [kl] })).session;
  });
  after(() => t.close());

  const person = (over: Record<string, unknown> = {}) => ({
    fullName: 'Siti Aminah',
    sex: 'female',
    birthDate: '1990-05-17',
    statusAbroad: 'worker',
    employer: 'Kilang Elektronik Sdn Bhd',
    documents: [{ kind: 'passport', number: passport(), issuingCountry: 'ID', expiresOn: '2030-01-31' }],
    contacts: [
      { kind: 'phone', value: '012-345 6789', consent: true },
      { kind: 'email', value: 'Siti.Aminah@Example.org', consent: true, verified: true },
    ],
    location: {
      country: 'MY',
      adminArea: 'MY-14',
      city: 'Kuala Lumpur',
      addressText: 'Jalan Ipoh 12',
      source: 'officer',
    },
    emergencyContacts: [{ name: 'Aminah', relationship: 'mother', phone: '0812 3456 7890' }],
    vulnerabilities: [{ kind: 'chronic_illness', note: 'Diabetes, needs insulin' }],
    consents: [{ purpose: 'registry', givenAt: '2026-11-01T08:00:00Z', channel: 'officer' }],
    ...over,
  });

  const create = async (s: Session, over: Record<string, unknown> = {}) => {
    const res = await call(t, s, 'POST', '/api/v1/people', person(over));
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as Person;
  };
  const list = async (s: Session, qs: string) => {
    const res = await call(t, s, 'GET', `/api/v1/people?${qs}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as PeoplePage;
  };

  it('registers a person, normalises the phone to E.164 and derives the responsible mission', async () => {
    const p = await create(hq);
    assert.equal(p.mission?.code, kl);
    assert.equal(p.contacts[0]!.value, '+60123456789');
    assert.equal(p.contacts[1]!.value, 'siti.aminah@example.org');
    assert.equal(p.location?.city, 'Kuala Lumpur');
    assert.equal(p.version, 1);
    const read = await call(t, hq, 'GET', `/api/v1/people/${p.id}`);
    assert.equal(read.statusCode, 200);
    assert.deepEqual(read.json(), p);
  });

  it('keeps document numbers, vulnerabilities and addresses encrypted at rest', async () => {
    const doc = passport();
    const p = await create(hq, {
      documents: [{ kind: 'passport', number: doc, issuingCountry: 'ID' }],
    });
    const docs = await t.deps.db
      .selectFrom('personDocuments')
      .selectAll()
      .where('personId', '=', p.id)
      .execute();
    assert.equal(docs.length, 1);
    assert.ok(!docs[0]!.numberEnc.includes(doc));
    assert.equal(t.deps.keyring.decrypt(docs[0]!.numberEnc, CTX.document), doc);
    const row = await t.deps.db
      .selectFrom('people')
      .selectAll()
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow();
    assert.ok(!row.vulnerabilityNotesEnc!.includes('insulin'));
    const loc = await t.deps.db
      .selectFrom('personLocations')
      .selectAll()
      .where('personId', '=', p.id)
      .execute();
    assert.ok(!loc[0]!.addressEnc!.includes('Jalan'));
    const contacts = await t.deps.db
      .selectFrom('personContacts')
      .selectAll()
      .where('personId', '=', p.id)
      .execute();
    assert.ok(contacts.every((c) => !c.valueEnc.includes('6789')));
  });

  it('hides sensitive fields until an allowed role reveals them, and audits each reveal', async () => {
    const doc = passport();
    const p = await create(hq, { documents: [{ kind: 'passport', number: doc, issuingCountry: 'ID' }] });
    assert.equal(p.documents[0]!.number, `••••${doc.slice(-3)}`);
    assert.equal(p.vulnerabilityCount, 1);
    assert.ok(!JSON.stringify(p).includes('insulin'));
    assert.ok(!JSON.stringify(p).includes(doc));

    const res = await call(t, hq, 'POST', `/api/v1/people/${p.id}/reveal`, {
      fields: ['documents', 'vulnerabilities'],
      reason: 'Evacuation manifest check',
    });
    assert.equal(res.statusCode, 200, res.body);
    const s = res.json() as PersonSensitive;
    assert.equal(s.documents?.[0]?.number, doc);
    assert.deepEqual(s.vulnerabilities, [{ kind: 'chronic_illness', note: 'Diabetes, needs insulin' }]);
    const entry = await t.deps.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'person.reveal')
      .where('entityId', '=', p.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(entry.changes!), ['documents', 'vulnerabilities']);
    assert.equal(JSON.parse(entry.meta!).reason, 'Evacuation manifest check');

    const denied = await call(t, viewer, 'POST', `/api/v1/people/${p.id}/reveal`, {
      fields: ['documents'],
      reason: 'curious',
    });
    assert.equal(denied.statusCode, 403);
    // A viewer reads the record with contact details masked too.
    const seen = (await call(t, viewer, 'GET', `/api/v1/people/${p.id}`)).json() as Person;
    assert.ok(seen.contacts[0]!.value.includes('•'));
    assert.deepEqual(seen.emergencyContacts, []);
  });

  it('refuses a stale update with 409 and applies a current one', async () => {
    const p = await create(hq);
    const ok = await call(t, hq, 'PATCH', `/api/v1/people/${p.id}`, {
      version: 1,
      employer: 'Hotel Seri Malaysia',
    });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().version, 2);
    assert.equal(ok.json().employer, 'Hotel Seri Malaysia');
    const stale = await call(t, hq, 'PATCH', `/api/v1/people/${p.id}`, {
      version: 1,
      employer: 'Overwritten',
    });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().error.code, 'conflict.stale_version');
    const now = (await call(t, hq, 'GET', `/api/v1/people/${p.id}`)).json() as Person;
    assert.equal(now.employer, 'Hotel Seri Malaysia');
    const entry = await t.deps.db
      .selectFrom('auditLog')
      .select('changes')
      .where('action', '=', 'person.update')
      .where('entityId', '=', p.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(entry.changes!), ['employer']);
  });

  it('moves the person to the mission of their new location and keeps the location history', async () => {
    const p = await create(hq);
    const res = await call(t, hq, 'PATCH', `/api/v1/people/${p.id}`, {
      version: p.version,
      location: { country: 'MY', adminArea: 'MY-12', city: 'Kota Kinabalu', source: 'officer' },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal((res.json() as Person).mission?.code, kk);
    const history = await t.deps.db
      .selectFrom('personLocations')
      .selectAll()
      .where('personId', '=', p.id)
      .orderBy('validFrom')
      .execute();
    assert.deepEqual(
      history.map((h) => [h.city, h.validUntil === null]),
      [
        ['Kuala Lumpur', false],
        ['Kota Kinabalu', true],
      ],
    );
    // The Kuala Lumpur officer no longer sees them: exactly like a person who does not exist.
    const out = await call(t, officerA, 'GET', `/api/v1/people/${p.id}`);
    const missing = await call(t, officerA, 'GET', '/api/v1/people/00000000-0000-4000-8000-000000000000');
    assert.equal(out.statusCode, 404);
    assert.equal(
      out.body.replace(/"requestId":"[^"]+"/u, ''),
      missing.body.replace(/"requestId":"[^"]+"/u, ''),
    );
  });

  it('recomputes responsible missions when a mission takes over an area', async () => {
    const p = await create(hq, {
      location: { country: 'MY', adminArea: 'MY-13', city: 'Kuching', source: 'officer' },
    });
    // Nobody names Sarawak yet: the embassy (covering the country) is responsible.
    assert.equal(p.mission?.code, kl);
    const kch = await makeMission(t, {
      kind: 'consulate',
      countries: ['MY'],
      jurisdictions: [{ country: 'MY', adminAreas: ['MY-13'] }],
      city: 'Kuching',
    });
    const after = (await call(t, hq, 'GET', `/api/v1/people/${p.id}`)).json() as Person;
    assert.equal(after.mission?.code, kch.code);
  });

  it('keeps a person without a location with the mission that registered them', async () => {
    const p = await create(officerA, { location: undefined });
    assert.equal(p.mission?.code, kl);
    assert.equal(p.registeredBy?.code, kl);
    const other = await call(t, officerA, 'POST', '/api/v1/people', person({ missionCode: kk }));
    assert.equal(other.statusCode, 403);
    assert.equal(other.json().error.code, 'person.mission_not_allowed');
  });

  it('finds people by name regardless of accents, case, word order and spelling variants', async () => {
    const p = await create(hq, { fullName: 'Mochammad Abdurrahman Soekarno' });
    for (const q of [
      'muhammad abdul rahman',
      'SUKARNO Mohamad',
      'Abd al-Rahman Soekarno',
      'Múhammad Sukarno',
    ]) {
      const page = await list(hq, `q=${encodeURIComponent(q)}`);
      assert.ok(
        page.items.some((i) => i.id === p.id),
        `"${q}" finds the person`,
      );
    }
    const none = await list(hq, `q=${encodeURIComponent('Muhammad Sukarni')}`);
    assert.ok(!none.items.some((i) => i.id === p.id));
  });

  it('counts a broad name search up to a bound, and says the total is then a lower bound', async () => {
    const at = t.deps.now().toISOString();
    const rows: PersonRows[] = [];
    for (let i = 0; i < SEARCH_COUNT_LIMIT + 5; i++) {
      const built = buildPerson(
        t.deps.keyring,
        PersonCreate.parse({ fullName: `Kartosoewirjo ${i}`, statusAbroad: 'worker' }),
        {
          at,
          now: t.deps.now(),
          missionId: null,
          registeredMissionId: null,
          source: 'demo',
        },
      );
      assert.ok(built.ok);
      rows.push(built.rows);
    }
    await t.deps.db.transaction().execute((trx) => insertPeople(trx, rows));
    const broad = await list(hq, 'q=kartosuwiryo');
    assert.equal(broad.total, SEARCH_COUNT_LIMIT);
    assert.equal(broad.totalExact, false);
    assert.equal(broad.items.length, 50);
    await create(hq, { fullName: 'Sekarmadji Kartosoewirjo' });
    const narrow = await list(hq, 'q=kartosuwiryo%20sekarmaji');
    assert.equal(narrow.total, 1);
    assert.equal(narrow.totalExact, true);
    const plain = await list(hq, 'limit=1');
    assert.equal(plain.totalExact, true);
    assert.ok(plain.total > SEARCH_COUNT_LIMIT);
  });

  it('filters by mission, country, city, status, household size, staleness and updated-since, with a total', async () => {
    const city = `Ipoh${++seq}`;
    const a = await create(hq, {
      location: { country: 'MY', city, source: 'officer' },
      statusAbroad: 'student',
    });
    const hh = (await call(t, hq, 'POST', '/api/v1/households')).json().id as string;
    const b = await create(hq, {
      location: { country: 'MY', city, source: 'officer' },
      household: { id: hh, relationship: 'head' },
    });
    await create(hq, {
      fullName: 'Dewi Lestari',
      location: { country: 'MY', city, source: 'officer' },
      household: { id: hh, relationship: 'child' },
    });
    const all = await list(hq, `city=${city.toLowerCase()}`);
    assert.equal(all.total, 3);
    assert.deepEqual(
      (await list(hq, `city=${city}&status=student`)).items.map((i) => i.id),
      [a.id],
    );
    const families = await list(hq, `city=${city}&householdMin=2`);
    assert.equal(families.total, 2);
    assert.ok(families.items.every((i) => i.householdSize === 2));
    assert.equal((await list(hq, `city=${city}&householdMax=1`)).total, 1);
    assert.equal((await list(hq, `city=${city}&mission=${kk}`)).total, 0);
    assert.equal((await list(hq, `city=${city}&mission=${kl}&country=MY`)).total, 3);
    // Stale: make one record two years old.
    await t.deps.db
      .updateTable('people')
      .set({ updatedAt: '2024-01-01T00:00:00.000Z' })
      .where('id', '=', b.id)
      .execute();
    assert.deepEqual(
      (await list(hq, `city=${city}&staleMonths=12`)).items.map((i) => i.id),
      [b.id],
    );
    assert.equal((await list(hq, `city=${city}&updatedSince=2025-01-01T00:00:00Z`)).total, 2);
    // The vulnerability filter is for roles that may reveal.
    assert.equal((await list(hq, `city=${city}&vulnerability=chronic_illness`)).total, 3);
    assert.equal((await list(hq, `city=${city}&vulnerability=pregnant`)).total, 0);
    const v = await call(t, viewer, 'GET', `/api/v1/people?city=${city}&vulnerability=pregnant`);
    assert.equal(v.statusCode, 403);
  });

  it('pages through a list in name order without repeating anyone', async () => {
    const city = `Klang${++seq}`;
    const names = ['Zainal', 'Agus', 'Budi', 'Citra', 'Eka'];
    for (const n of names)
      await create(hq, { fullName: n, location: { country: 'MY', city, source: 'officer' } });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: PeoplePage = await list(hq, `city=${city}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(page.total, 5);
      seen.push(...page.items.map((i) => i.fullName));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, [...names].sort());
  });

  it('scopes mission officers to their missions in lists, lookups and reads', async () => {
    const city = `Sandakan${++seq}`;
    const doc = passport();
    const mine = await create(hq, {
      location: { country: 'MY', adminArea: 'MY-14', city, source: 'officer' },
    });
    const theirs = await create(hq, {
      location: { country: 'MY', adminArea: 'MY-12', city, source: 'officer' },
      documents: [{ kind: 'passport', number: doc, issuingCountry: 'ID' }],
    });
    const page = await list(officerA, `city=${city}`);
    assert.deepEqual(
      page.items.map((i) => i.id),
      [mine.id],
    );
    assert.equal(page.total, 1);
    const lookup = await call(t, officerA, 'POST', '/api/v1/people/lookup', { document: doc });
    assert.deepEqual(lookup.json().items, []);
    const hqLookup = await call(t, hq, 'POST', '/api/v1/people/lookup', { document: doc.toLowerCase() });
    assert.deepEqual(
      hqLookup.json().items.map((i: { id: string }) => i.id),
      [theirs.id],
    );
    for (const [method, url, body] of [
      ['PATCH', `/api/v1/people/${theirs.id}`, { version: 1, employer: 'x' }],
      ['POST', `/api/v1/people/${theirs.id}/reveal`, { fields: ['documents'], reason: 'checking' }],
      ['POST', `/api/v1/people/${theirs.id}/erase`, { version: 1, reason: 'checking' }],
    ] as const) {
      const res = await call(t, officerA, method, url, body);
      assert.equal(res.statusCode, 404, `${method} ${url}`);
      assert.equal(res.json().error.code, 'person.not_found');
    }
  });

  it('finds people by phone in local or international format, and by email', async () => {
    const p = await create(hq, {
      contacts: [
        { kind: 'phone', value: '+60 11-2345 6780', consent: true },
        { kind: 'email', value: `lookup${++seq}@example.org` },
      ],
    });
    const byLocal = await call(t, hq, 'POST', '/api/v1/people/lookup', {
      phone: '011-2345 6780',
      country: 'MY',
    });
    assert.ok(byLocal.json().items.some((i: { id: string }) => i.id === p.id));
    const byEmail = await call(t, hq, 'POST', '/api/v1/people/lookup', {
      email: p.contacts[1]!.value.toUpperCase(),
    });
    assert.ok(byEmail.json().items.some((i: { id: string }) => i.id === p.id));
    const bad = await call(t, hq, 'POST', '/api/v1/people/lookup', { phone: '12', country: 'MY' });
    assert.equal(bad.statusCode, 400);
  });

  it('reports a document number held by another person as a possible duplicate, and writes nothing', async () => {
    const doc = passport();
    const first = await create(hq, { documents: [{ kind: 'passport', number: doc, issuingCountry: 'ID' }] });
    const before = await t.deps.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await call(
      t,
      hq,
      'POST',
      '/api/v1/people',
      person({
        fullName: 'Siti Aminah Binti Ahmad',
        documents: [
          { kind: 'passport', number: ` ${doc.slice(0, 3)} ${doc.slice(3)}`, issuingCountry: 'ID' },
        ],
      }),
    );
    assert.equal(res.statusCode, 409);
    const err = res.json().error;
    assert.equal(err.code, 'person.duplicate_document');
    assert.equal(err.details[0].path, 'body.documents.0.number');
    assert.ok(err.details[0].message.includes(first.id));
    const afterCount = await t.deps.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(afterCount.n), Number(before.n));
  });

  it('refuses bad input field by field', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ contacts: [{ kind: 'phone', value: '12345' }] }, 'body.contacts.0.value', 'phone.invalid'],
      [{ birthDate: '1990-02-30' }, 'body.birthDate', 'date.impossible'],
      [{ birthDate: '2999' }, 'body.birthDate', 'date.future'],
      [{ location: { country: 'XX', source: 'officer' } }, 'body.location.country', 'custom'],
      [{ fullName: 'x'.repeat(201) }, 'body.fullName', 'too_big'],
      [{ fullName: 'Siti\u0007Aminah' }, 'body.fullName', 'invalid_format'],
      [
        { emergencyContacts: [{ name: 'Ibu', phone: 'abc' }] },
        'body.emergencyContacts.0.phone',
        'phone.invalid',
      ],
    ];
    for (const [over, path] of cases) {
      const res = await call(t, hq, 'POST', '/api/v1/people', person(over));
      assert.equal(res.statusCode, 400, `${path}: ${res.body}`);
      const details = res.json().error.details as { path: string; code: string }[];
      assert.ok(
        details.some((d) => d.path === path),
        `${path} in ${JSON.stringify(details)}`,
      );
    }
  });

  it('records a return home: the stay ends today and the person leaves active lists', async () => {
    const city = `Miri${++seq}`;
    const p = await create(hq, {
      stayUntil: '2099-01-01',
      location: { country: 'MY', city, source: 'officer' },
    });
    const res = await call(t, hq, 'PATCH', `/api/v1/people/${p.id}`, { version: p.version, returned: true });
    assert.equal(res.statusCode, 200, res.body);
    const r = res.json() as Person;
    assert.ok(r.returnedAt);
    assert.equal(r.stayUntil, t.deps.now().toISOString().slice(0, 10));
    assert.equal((await list(hq, `city=${city}`)).total, 0);
    assert.equal((await list(hq, `city=${city}&includeReturned=true`)).total, 1);
  });

  it('erases a person completely, with an audit entry that holds no personal data', async () => {
    const p = await create(hq, { fullName: 'Erased Person' });
    const stale = await call(t, hq, 'POST', `/api/v1/people/${p.id}/erase`, {
      version: 99,
      reason: 'Duplicate record',
    });
    assert.equal(stale.statusCode, 409);
    const res = await call(t, hq, 'POST', `/api/v1/people/${p.id}/erase`, {
      version: p.version,
      reason: 'Duplicate record',
    });
    assert.equal(res.statusCode, 204, res.body);
    assert.equal((await call(t, hq, 'GET', `/api/v1/people/${p.id}`)).statusCode, 404);
    for (const table of ['personDocuments', 'personContacts', 'personLocations'] as const) {
      const rows = await t.deps.db.selectFrom(table).select('id').where('personId', '=', p.id).execute();
      assert.equal(rows.length, 0, table);
    }
    const keys = await t.deps.db
      .selectFrom('personNameKeys')
      .select('key')
      .where('personId', '=', p.id)
      .execute();
    assert.equal(keys.length, 0);
    assert.equal((await list(hq, 'q=erased')).items.filter((i) => i.id === p.id).length, 0);
    const entries = await t.deps.db.selectFrom('auditLog').selectAll().where('entityId', '=', p.id).execute();
    assert.ok(entries.some((e) => e.action === 'person.erase'));
    assert.ok(entries.every((e) => !JSON.stringify(e).includes('Erased Person')));
  });

  it('exports the filtered list as CSV for allowed roles, audited, and refuses viewers', async () => {
    const city = `Seremban${++seq}`;
    await create(hq, { fullName: 'Ani Export', location: { country: 'MY', city, source: 'officer' } });
    await create(hq, { fullName: 'Budi Export', location: { country: 'MY', city, source: 'officer' } });
    const res = await call(t, hq, 'GET', `/api/v1/people/export.csv?city=${city}`);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(res.headers['content-type'] as string, /text\/csv/);
    const lines = res.body
      .replace(/^\uFEFF/u, '')
      .trim()
      .split(/\r?\n/u);
    assert.equal(lines.length, 3);
    assert.match(lines[0]!, /^id,full_name,/);
    assert.ok(lines[1]!.includes('Ani Export') && lines[1]!.includes('+60123456789'));
    assert.ok(!res.body.includes('insulin'));
    assert.ok((await auditActions(t)).includes('person.export'));
    assert.equal((await call(t, viewer, 'GET', `/api/v1/people/export.csv?city=${city}`)).statusCode, 403);
  });
});
