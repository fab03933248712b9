// The mission directory through the API, as a headquarters administrator keeps it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Mission } from '@siaga/contracts';
import { buildTestApp, call, dialectUnderTest, signedInAs, type Session, type TestApp } from './helpers';

const body = (code: string, over: Record<string, unknown> = {}) => ({
  code,
  name: `Mission ${code}`,
  kind: 'embassy',
  city: 'Khartoum',
  countries: ['SD'],
  hotline: '+249912345678',
  address: 'Street 60, Khartoum',
  ...over,
});

describe(`missions API (${dialectUnderTest})`, () => {
  let t: TestApp;
  let admin: Session;
  before(async () => {
    t = await buildTestApp();
    admin = (await signedInAs(t, 'hq_admin')).session;
  });
  after(() => t.close());

  const create = async (code: string, over: Record<string, unknown> = {}) => {
    const res = await call(t, admin, 'POST', '/api/v1/missions', body(code, over));
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as Mission;
  };

  it('creates a mission and reads it back by code', async () => {
    const m = await create('KBRI-CAIRO', {
      city: 'Cairo',
      countries: ['EG', 'SD'],
      email: 'cairo.kbri@example.org',
      jurisdictions: [{ country: 'EG' }, { country: 'SD', adminAreas: ['SD-KH', 'SD-RS'] }],
    });
    assert.equal(m.code, 'KBRI-CAIRO');
    assert.equal(m.version, 1);
    assert.equal(m.email, 'cairo.kbri@example.org');
    const res = await call(t, admin, 'GET', '/api/v1/missions/KBRI-CAIRO');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), m);
    assert.deepEqual(res.json().jurisdictions, [
      { country: 'EG' },
      { country: 'SD', adminAreas: ['SD-KH', 'SD-RS'] },
    ]);
    assert.deepEqual(res.json().countries, ['EG', 'SD']);
  });

  it('upper-cases codes, on creation and on lookup', async () => {
    const m = await create('kjri-dubai', { city: 'Dubai', countries: ['AE'] });
    assert.equal(m.code, 'KJRI-DUBAI');
    const res = await call(t, admin, 'GET', '/api/v1/missions/kjri-dubai');
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().id, m.id);
  });

  it('refuses a code that is taken, whatever its case, and changes nothing', async () => {
    const first = await create('KBRI-DOHA', { city: 'Doha', countries: ['QA'] });
    const res = await call(t, admin, 'POST', '/api/v1/missions', body('kbri-doha', { city: 'Elsewhere' }));
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().error.code, 'mission.code_taken');
    assert.equal(res.json().error.details[0].path, 'body.code');
    assert.deepEqual((await call(t, admin, 'GET', '/api/v1/missions/KBRI-DOHA')).json(), first);
  });

  it('refuses the same new code sent twice at once: one wins, the other is told why', async () => {
    const [a, b] = await Promise.all([
      call(t, admin, 'POST', '/api/v1/missions', body('KBRI-RACE')),
      call(t, admin, 'POST', '/api/v1/missions', body('KBRI-RACE')),
    ]);
    assert.deepEqual([a.statusCode, b.statusCode].sort(), [201, 409]);
    const loser = a.statusCode === 409 ? a : b;
    assert.equal(loser.json().error.code, 'mission.code_taken');
  });

  it('refuses a hotline that is not E.164, naming the field', async () => {
    for (const hotline of ['0812345678', '+0123456789', '+62 812 345', 'call us']) {
      const res = await call(t, admin, 'POST', '/api/v1/missions', body('KBRI-BADPHONE', { hotline }));
      assert.equal(res.statusCode, 400, hotline);
      assert.equal(res.json().error.code, 'request.invalid');
      assert.deepEqual(
        res.json().error.details.map((d: { path: string }) => d.path),
        ['body.hotline'],
      );
    }
    const missing = await call(t, admin, 'GET', '/api/v1/missions/KBRI-BADPHONE');
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().error.code, 'mission.not_found');
  });

  it('refuses unknown fields and bad countries with the path at fault', async () => {
    const extra = await call(t, admin, 'POST', '/api/v1/missions', body('KBRI-EXTRA', { ambassador: 'x' }));
    assert.equal(extra.statusCode, 400);
    const country = await call(
      t,
      admin,
      'POST',
      '/api/v1/missions',
      body('KBRI-EXTRA', { countries: ['sd'] }),
    );
    assert.equal(country.statusCode, 400);
    assert.equal(country.json().error.details[0].path, 'body.countries.0');
    const area = await call(
      t,
      admin,
      'POST',
      '/api/v1/missions',
      body('KBRI-EXTRA', { jurisdictions: [{ country: 'SD', adminAreas: ['Khartoum'] }] }),
    );
    assert.equal(area.statusCode, 400);
    assert.match(area.json().error.details[0].path, /^body\.jurisdictions\.0\.adminAreas/);
  });

  it('updates a mission, bumping its version', async () => {
    const m = await create('KBRI-AMMANX', { city: 'Amman', countries: ['JO'] });
    const res = await call(t, admin, 'PATCH', '/api/v1/missions/KBRI-AMMANX', {
      version: m.version,
      hotline: '+96265926908',
      countries: ['JO', 'PS'],
      jurisdictions: [{ country: 'PS', adminAreas: ['PS-JEM'] }],
      email: 'amman@example.org',
    });
    assert.equal(res.statusCode, 200, res.body);
    const updated = res.json() as Mission;
    assert.equal(updated.version, 2);
    assert.equal(updated.hotline, '+96265926908');
    assert.deepEqual(updated.countries, ['JO', 'PS']);
    assert.deepEqual(updated.jurisdictions, [{ country: 'PS', adminAreas: ['PS-JEM'] }]);
    assert.equal(updated.name, m.name);
    assert.equal(updated.createdAt, m.createdAt);
    assert.deepEqual((await call(t, admin, 'GET', '/api/v1/missions/KBRI-AMMANX')).json(), updated);
    // The country index follows the change.
    const ps = await call(t, admin, 'GET', '/api/v1/missions?country=PS');
    assert.ok(ps.json().items.some((x: Mission) => x.code === 'KBRI-AMMANX'));

    const cleared = await call(t, admin, 'PATCH', '/api/v1/missions/KBRI-AMMANX', {
      version: 2,
      email: null,
    });
    assert.equal(cleared.statusCode, 200);
    assert.equal(cleared.json().email, null);
  });

  it('refuses an update made from a stale version, leaving the mission as it was', async () => {
    const m = await create('KBRI-STALE');
    const first = await call(t, admin, 'PATCH', '/api/v1/missions/KBRI-STALE', {
      version: m.version,
      city: 'Port Sudan',
    });
    assert.equal(first.statusCode, 200);
    const stale = await call(t, admin, 'PATCH', '/api/v1/missions/KBRI-STALE', {
      version: m.version,
      city: 'Omdurman',
      countries: ['SD', 'SS'],
    });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().error.code, 'conflict.stale_version');
    const now = (await call(t, admin, 'GET', '/api/v1/missions/KBRI-STALE')).json();
    assert.deepEqual(now, first.json());
    assert.equal(now.city, 'Port Sudan');
    const ss = await call(t, admin, 'GET', '/api/v1/missions?country=SS');
    assert.ok(!ss.json().items.some((x: Mission) => x.code === 'KBRI-STALE'));
  });

  it('answers 404 for updating a mission that does not exist', async () => {
    const res = await call(t, admin, 'PATCH', '/api/v1/missions/KBRI-NOWHERE', { version: 1, city: 'X' });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error.code, 'mission.not_found');
  });
});

describe(`missions list (${dialectUnderTest})`, () => {
  let t: TestApp;
  let admin: Session;
  const codes = ['KBRI-LA', 'KBRI-LB', 'KBRI-LC', 'KBRI-LD', 'KBRI-LE', 'KJRI-LF', 'KJRI-LG'];
  before(async () => {
    t = await buildTestApp();
    admin = (await signedInAs(t, 'hq_admin')).session;
    // Created out of order; listed by code.
    for (const [i, code] of [...codes].reverse().entries()) {
      const res = await call(
        t,
        admin,
        'POST',
        '/api/v1/missions',
        body(code, { countries: i % 2 ? ['SD'] : ['MY', 'SG'] }),
      );
      assert.equal(res.statusCode, 201);
    }
  });
  after(() => t.close());

  it('pages through every mission in code order with a cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await call(
        t,
        admin,
        'GET',
        `/api/v1/missions?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      assert.equal(res.statusCode, 200);
      const page = res.json() as { items: Mission[]; nextCursor: string | null };
      assert.ok(page.items.length <= 3);
      seen.push(...page.items.map((m) => m.code));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    assert.deepEqual(seen, codes);
    assert.equal(pages, 3);
    const exact = await call(t, admin, 'GET', '/api/v1/missions?limit=7');
    assert.equal(exact.json().items.length, 7);
    assert.equal(exact.json().nextCursor, null);
  });

  it('filters by a country a mission covers, also across pages', async () => {
    const sd = await call(t, admin, 'GET', '/api/v1/missions?country=SD');
    assert.deepEqual(
      sd.json().items.map((m: Mission) => m.code),
      ['KBRI-LB', 'KBRI-LD', 'KJRI-LF'],
    );
    const first = (await call(t, admin, 'GET', '/api/v1/missions?country=SG&limit=2')).json();
    assert.deepEqual(
      first.items.map((m: Mission) => m.code),
      ['KBRI-LA', 'KBRI-LC'],
    );
    const second = (
      await call(t, admin, 'GET', `/api/v1/missions?country=SG&limit=2&cursor=${first.nextCursor}`)
    ).json();
    assert.deepEqual(
      second.items.map((m: Mission) => m.code),
      ['KBRI-LE', 'KJRI-LG'],
    );
    assert.equal(second.nextCursor, null);
    const none = await call(t, admin, 'GET', '/api/v1/missions?country=NZ');
    assert.deepEqual(none.json(), { items: [], nextCursor: null });
  });

  it('refuses a bad filter or cursor with a 400', async () => {
    const lower = await call(t, admin, 'GET', '/api/v1/missions?country=sd');
    assert.equal(lower.statusCode, 400);
    assert.equal(lower.json().error.details[0].path, 'querystring.country');
    const cursor = await call(t, admin, 'GET', '/api/v1/missions?cursor=not-a-cursor');
    assert.equal(cursor.statusCode, 400);
    assert.equal(cursor.json().error.details[0].path, 'querystring.cursor');
  });

  it('is readable by every staff role but writable only by administrators', async () => {
    const viewer = (await signedInAs(t, 'viewer')).session;
    const list = await call(t, viewer, 'GET', '/api/v1/missions');
    assert.equal(list.statusCode, 200);
    assert.equal(list.json().items.length, codes.length);
    const post = await call(t, viewer, 'POST', '/api/v1/missions', body('KBRI-VIEWER'));
    assert.equal(post.statusCode, 403);
    const anon = await call(t, null, 'GET', '/api/v1/missions');
    assert.equal(anon.statusCode, 401);
  });
});
