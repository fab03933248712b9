// Headquarters and partner organisations through the API: administrators keep the directory,
// names are unique, and a partner's staff see their own organisation and nothing else.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Organisation } from '@siaga/contracts';
import { buildTestApp, call, dialectUnderTest, signedInAs, type Session, type TestApp } from './helpers';

describe(`organisations API (${dialectUnderTest})`, () => {
  let t: TestApp;
  let admin: Session;
  before(async () => {
    t = await buildTestApp();
    admin = (await signedInAs(t, 'hq_admin')).session;
  });
  after(() => t.close());

  const create = async (name: string, over: Record<string, unknown> = {}) => {
    const res = await call(t, admin, 'POST', '/api/v1/organisations', {
      name,
      shortName: name.slice(0, 8),
      ...over,
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as Organisation;
  };

  it('creates a partner organisation and reads it back', async () => {
    const org = await create('International Organization for Migration', {
      shortName: 'IOM',
      email: 'iom@example.org',
      phone: '+62 21 5795 1275',
    });
    assert.equal(org.kind, 'partner');
    assert.equal(org.version, 1);
    const res = await call(t, admin, 'GET', `/api/v1/organisations/${org.id}`);
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), org);
  });

  it('lists headquarters and partners by name', async () => {
    await create('Zeta Relief');
    const res = await call(t, admin, 'GET', '/api/v1/organisations?limit=200');
    assert.equal(res.statusCode, 200);
    const items = res.json().items as Organisation[];
    const names = items.map((o) => o.name);
    assert.deepEqual(names, [...names].sort());
    const hq = items.filter((o) => o.kind === 'headquarters');
    assert.deepEqual(
      hq.map((o) => o.name),
      [t.config.hqName],
    );
    assert.ok(names.includes('Zeta Relief'));
  });

  it('pages through organisations with a cursor', async () => {
    for (const n of ['Page A', 'Page B', 'Page C']) await create(n);
    const all = (await call(t, admin, 'GET', '/api/v1/organisations?limit=200'))
      .json()
      .items.map((o: Organisation) => o.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await call(
        t,
        admin,
        'GET',
        `/api/v1/organisations?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      const page = res.json() as { items: Organisation[]; nextCursor: string | null };
      seen.push(...page.items.map((o) => o.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, all);
  });

  it('refuses a second organisation with a taken name', async () => {
    const org = await create('Palang Merah Indonesia', { shortName: 'PMI' });
    const res = await call(t, admin, 'POST', '/api/v1/organisations', {
      name: 'Palang Merah Indonesia',
      shortName: 'PMI2',
    });
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().error.code, 'organisation.name_taken');
    assert.equal(res.json().error.details[0].path, 'body.name');
    const hq = await call(t, admin, 'POST', '/api/v1/organisations', {
      name: t.config.hqName,
      shortName: 'HQ2',
    });
    assert.equal(hq.statusCode, 409);
    // Renaming another organisation onto the name is refused too; keeping one's own name is fine.
    const other = await create('Dompet Dhuafa');
    const rename = await call(t, admin, 'PATCH', `/api/v1/organisations/${other.id}`, {
      version: 1,
      name: org.name,
    });
    assert.equal(rename.statusCode, 409);
    assert.equal(rename.json().error.code, 'organisation.name_taken');
    const same = await call(t, admin, 'PATCH', `/api/v1/organisations/${org.id}`, {
      version: 1,
      name: org.name,
      shortName: 'PMI-ID',
    });
    assert.equal(same.statusCode, 200);
    assert.deepEqual([same.json().shortName, same.json().version], ['PMI-ID', 2]);
  });

  it('refuses the same new name sent twice at once: one wins, the other is told why', async () => {
    const payload = { name: 'Human Initiative', shortName: 'HI' };
    const [a, b] = await Promise.all([
      call(t, admin, 'POST', '/api/v1/organisations', payload),
      call(t, admin, 'POST', '/api/v1/organisations', payload),
    ]);
    assert.deepEqual([a.statusCode, b.statusCode].sort(), [201, 409]);
    assert.equal((a.statusCode === 409 ? a : b).json().error.code, 'organisation.name_taken');
  });

  it('updates with optimistic concurrency', async () => {
    const org = await create('Migrant Care');
    const ok = await call(t, admin, 'PATCH', `/api/v1/organisations/${org.id}`, {
      version: 1,
      email: 'info@migrantcare.example',
    });
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.json().email, 'info@migrantcare.example');
    const stale = await call(t, admin, 'PATCH', `/api/v1/organisations/${org.id}`, {
      version: 1,
      email: null,
      phone: '+62 21 000',
    });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().error.code, 'conflict.stale_version');
    assert.deepEqual((await call(t, admin, 'GET', `/api/v1/organisations/${org.id}`)).json(), ok.json());
    const kind = await call(t, admin, 'PATCH', `/api/v1/organisations/${org.id}`, {
      version: 2,
      kind: 'headquarters',
    });
    assert.equal(kind.statusCode, 400);
  });

  it('lets only administrators create and edit', async () => {
    const officer = (await signedInAs(t, 'hq_officer')).session;
    const res = await call(t, officer, 'POST', '/api/v1/organisations', {
      name: 'Officer Org',
      shortName: 'OO',
    });
    assert.equal(res.statusCode, 403);
    const org = await create('Edit Target');
    const patch = await call(t, officer, 'PATCH', `/api/v1/organisations/${org.id}`, {
      version: 1,
      shortName: 'X',
    });
    assert.equal(patch.statusCode, 403);
    const list = await call(t, officer, 'GET', '/api/v1/organisations?limit=200');
    assert.ok(list.json().items.some((o: Organisation) => o.id === org.id));
  });

  it('answers 404 for an organisation that does not exist', async () => {
    const res = await call(t, admin, 'GET', '/api/v1/organisations/00000000-0000-4000-8000-000000000000');
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error.code, 'organisation.not_found');
  });
});

describe(`organisations seen by partner staff (${dialectUnderTest})`, () => {
  let t: TestApp;
  let admin: Session;
  let orgA: Organisation;
  let orgB: Organisation;
  let partnerA: Session;
  let partnerB: Session;
  let hqId: string;
  before(async () => {
    t = await buildTestApp();
    admin = (await signedInAs(t, 'hq_admin')).session;
    orgA = (
      await call(t, admin, 'POST', '/api/v1/organisations', { name: 'Alpha Aid', shortName: 'AA' })
    ).json();
    orgB = (
      await call(t, admin, 'POST', '/api/v1/organisations', { name: 'Beta Care', shortName: 'BC' })
    ).json();
    partnerA = (await signedInAs(t, 'partner', { organisationId: orgA.id })).session;
    partnerB = (await signedInAs(t, 'partner', { organisationId: orgB.id })).session;
    const list = (await call(t, admin, 'GET', '/api/v1/organisations?limit=200')).json()
      .items as Organisation[];
    hqId = list.find((o) => o.kind === 'headquarters')!.id;
  });
  after(() => t.close());

  it('shows a partner user only their own organisation in the list', async () => {
    const a = await call(t, partnerA, 'GET', '/api/v1/organisations');
    assert.equal(a.statusCode, 200);
    assert.deepEqual(a.json(), { items: [orgA], nextCursor: null });
    const b = await call(t, partnerB, 'GET', '/api/v1/organisations');
    assert.deepEqual(
      b.json().items.map((o: Organisation) => o.id),
      [orgB.id],
    );
  });

  it('lets a partner user read their organisation, and makes every other look absent', async () => {
    assert.equal((await call(t, partnerA, 'GET', `/api/v1/organisations/${orgA.id}`)).statusCode, 200);
    const missing = await call(
      t,
      partnerA,
      'GET',
      '/api/v1/organisations/00000000-0000-4000-8000-000000000000',
    );
    for (const id of [orgB.id, hqId]) {
      const res = await call(t, partnerA, 'GET', `/api/v1/organisations/${id}`);
      assert.equal(res.statusCode, 404);
      assert.deepEqual(res.json().error.code, missing.json().error.code);
      assert.equal(res.json().error.message, missing.json().error.message);
    }
    const patch = await call(t, partnerA, 'PATCH', `/api/v1/organisations/${orgB.id}`, {
      version: 1,
      shortName: 'X',
    });
    assert.equal(patch.statusCode, 404);
  });

  it('does not let a partner user edit even their own organisation', async () => {
    const res = await call(t, partnerA, 'PATCH', `/api/v1/organisations/${orgA.id}`, {
      version: 1,
      shortName: 'AA2',
    });
    assert.equal(res.statusCode, 403);
    assert.equal((await call(t, admin, 'GET', `/api/v1/organisations/${orgA.id}`)).json().shortName, 'AA');
  });
});
