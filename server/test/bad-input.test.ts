// Bad input gets a 400 with a stable code and the path of the field at fault, is never half
// applied, and no error answer (not even a 500) carries a stack trace or an internal message.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import {
  buildTestApp,
  call,
  dialectUnderTest,
  makeMission,
  signedInAs,
  type Session,
  type TestApp,
} from './helpers';

interface ErrorBody {
  code: string;
  message: string;
  requestId: string;
  details?: { path: string; code: string; message: string }[];
}

/** Asserts the wire shape of an error and that nothing internal leaks through it. */
function errorOf(res: LightMyRequestResponse, status: number, code: string): ErrorBody {
  assert.equal(res.statusCode, status, res.body);
  assert.match(String(res.headers['content-type']), /^application\/json/);
  const body = res.json();
  assert.deepEqual(Object.keys(body), ['error']);
  const error = body.error as ErrorBody;
  assert.equal(error.code, code, res.body);
  assert.equal(typeof error.message, 'string');
  assert.equal(error.requestId, res.headers['x-request-id']);
  assertNoInternals(res.body);
  return error;
}

function assertNoInternals(text: string) {
  assert.ok(!/"stack"/.test(text), `stack in ${text}`);
  assert.ok(!/\bat [^"]*\(?[^"]*:\d+:\d+\)?/.test(text), `stack frame in ${text}`);
  assert.ok(!/node_modules|\.ts:\d+|\/src\//.test(text), `source path in ${text}`);
}

const paths = (e: ErrorBody) => (e.details ?? []).map((d) => d.path);

describe(`bad input (${dialectUnderTest})`, () => {
  let t: TestApp;
  let admin: Session;
  let code: string;
  let url: string;

  before(async () => {
    t = await buildTestApp({ SIAGA_BODY_LIMIT_BYTES: '2048' });
    admin = (await signedInAs(t, 'hq_admin')).session;
    code = (await makeMission(t)).code;
    url = `/api/v1/missions/${code}`;
  });
  after(() => t.close());

  /** Everything a bad request might have half-written. */
  async function state() {
    const db = t.deps.db;
    const missions = await db.selectFrom('missions').selectAll().orderBy('code').execute();
    const countries = await db
      .selectFrom('missionCountries')
      .selectAll()
      .orderBy('missionId')
      .orderBy('country')
      .execute();
    const audit = await db
      .selectFrom('auditLog')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return { missions, countries, missionCount: missions.length, auditEntries: Number(audit.n) };
  }

  /** Runs a bad request and checks the database is exactly as it was. */
  async function unchanged(fn: () => Promise<LightMyRequestResponse>) {
    const before = await state();
    const res = await fn();
    assert.deepEqual(await state(), before, 'a refused request must not write anything');
    return res;
  }

  const raw = (method: 'POST' | 'PATCH', target: string, payload: string, contentType = 'application/json') =>
    t.app.inject({
      method,
      url: target,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': contentType },
      payload,
    });

  it('answers malformed JSON with request.malformed_json', async () => {
    for (const payload of ['{"version": 1, "hotline": ', '{version: 1}', '{"version":1} trailing', '']) {
      const res = await unchanged(() => raw('PATCH', url, payload));
      const error = errorOf(res, 400, 'request.malformed_json');
      assert.deepEqual(paths(error), ['body'], JSON.stringify(payload));
    }
    // Same on a public route, before any account is looked at.
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    errorOf(login, 400, 'request.malformed_json');
  });

  it('refuses a body that tries to set __proto__', async () => {
    const res = await unchanged(() => raw('PATCH', url, '{"version":1,"__proto__":{"isAdmin":true}}'));
    assert.equal(res.statusCode, 400);
    assertNoInternals(res.body);
    assert.equal(({} as Record<string, unknown>).isAdmin, undefined);
  });

  it('names the field with the wrong type', async () => {
    const cases: [object, string][] = [
      [{ version: 1, hotline: 249912345678 }, 'body.hotline'],
      [{ version: '1', hotline: '+249912345678' }, 'body.version'],
      [{ version: 1, countries: 'SD' }, 'body.countries'],
      [{ version: 1, countries: ['SD', 'sudan'] }, 'body.countries.1'],
      [
        { version: 1, jurisdictions: [{ country: 'SD', adminAreas: [42] }] },
        'body.jurisdictions.0.adminAreas.0',
      ],
      [{ version: 1, kind: 'palace' }, 'body.kind'],
      [{ version: 1, hotline: 'call us' }, 'body.hotline'],
    ];
    for (const [payload, path] of cases) {
      const res = await unchanged(() => call(t, admin, 'PATCH', url, payload));
      const error = errorOf(res, 400, 'request.invalid');
      assert.deepEqual(paths(error), [path], JSON.stringify(payload));
      assert.ok(error.details![0]!.message.length > 0);
    }
  });

  it('names each missing required field', async () => {
    const res = await unchanged(() =>
      call(t, admin, 'POST', '/api/v1/missions', { code: 'KBRI-INCOMPLETE', name: 'KBRI Incomplete' }),
    );
    const error = errorOf(res, 400, 'request.invalid');
    assert.deepEqual(paths(error).sort(), [
      'body.address',
      'body.city',
      'body.countries',
      'body.hotline',
      'body.kind',
    ]);
    const login = await call(t, null, 'POST', '/api/v1/auth/login', { email: 'not-an-email', password: 'x' });
    assert.deepEqual(paths(errorOf(login, 400, 'request.invalid')), ['body.email']);
  });

  it('refuses unknown fields and names them', async () => {
    const res = await unchanged(() =>
      call(t, admin, 'PATCH', url, { version: 1, hotline: '+249912345678', hotlne: '+249912345679' }),
    );
    const error = errorOf(res, 400, 'request.invalid');
    // Each unknown key is named as the field at fault.
    assert.deepEqual(error.details, [
      { path: 'body.hotlne', code: 'unknown_field', message: 'Unknown field "hotlne"' },
    ]);

    const nested = await unchanged(() =>
      call(t, admin, 'PATCH', url, { version: 1, jurisdictions: [{ country: 'SD', region: 'Darfur' }] }),
    );
    const nestedError = errorOf(nested, 400, 'request.invalid');
    assert.deepEqual(paths(nestedError), ['body.jurisdictions.0.region']);
    assert.equal(nestedError.details![0]!.code, 'unknown_field');

    // A field the caller may not set, sent anyway, is refused rather than ignored.
    const sneaky = await unchanged(() =>
      call(t, admin, 'PATCH', url, { version: 1, id: '00000000-0000-4000-8000-000000000000' }),
    );
    assert.deepEqual(paths(errorOf(sneaky, 400, 'request.invalid')), ['body.id']);

    const query = await call(t, admin, 'GET', '/api/v1/missions?colour=blue');
    const queryError = errorOf(query, 400, 'request.invalid');
    assert.deepEqual(queryError.details, [
      { path: 'querystring.colour', code: 'unknown_field', message: 'Unknown field "colour"' },
    ]);
  });

  it('refuses a body over SIAGA_BODY_LIMIT_BYTES with request.too_large', async () => {
    const res = await unchanged(() =>
      call(t, admin, 'PATCH', url, { version: 1, address: 'Jalan '.repeat(500) }),
    );
    const error = errorOf(res, 400, 'request.too_large');
    assert.deepEqual(paths(error), ['body']);
    // Just under the limit is fine.
    const ok = await call(t, admin, 'PATCH', url, {
      version: (await state()).missions.find((m) => m.code === code)!.version,
      address: 'Jalan '.repeat(80),
    });
    assert.equal(ok.statusCode, 200, ok.body);
  });

  it('refuses page sizes over the maximum, and other bad query values, naming the parameter', async () => {
    for (const list of ['/api/v1/missions', '/api/v1/users', '/api/v1/organisations', '/api/v1/audit']) {
      const res = await call(t, admin, 'GET', `${list}?limit=1000`);
      const error = errorOf(res, 400, 'request.invalid');
      assert.deepEqual(paths(error), ['querystring.limit'], list);
      assert.equal(error.details![0]!.code, 'too_big');
    }
    for (const q of ['limit=0', 'limit=abc', 'limit=2.5']) {
      const res = await call(t, admin, 'GET', `/api/v1/missions?${q}`);
      assert.deepEqual(paths(errorOf(res, 400, 'request.invalid')), ['querystring.limit'], q);
    }
    const country = await call(t, admin, 'GET', '/api/v1/missions?country=sudan');
    assert.deepEqual(paths(errorOf(country, 400, 'request.invalid')), ['querystring.country']);
    const role = await call(t, admin, 'GET', '/api/v1/users?role=emperor');
    assert.deepEqual(paths(errorOf(role, 400, 'request.invalid')), ['querystring.role']);
    const cursor = await call(t, admin, 'GET', '/api/v1/missions?cursor=bm90LWEtY3Vyc29y');
    assert.deepEqual(paths(errorOf(cursor, 400, 'request.invalid')), ['querystring.cursor']);
    // The largest allowed page is fine.
    assert.equal((await call(t, admin, 'GET', '/api/v1/missions?limit=200')).statusCode, 200);
  });

  it('names bad path parameters', async () => {
    const user = await call(t, admin, 'GET', '/api/v1/users/not-a-uuid');
    assert.deepEqual(paths(errorOf(user, 400, 'request.invalid')), ['params.id']);
    const mission = await unchanged(() =>
      call(t, admin, 'PATCH', '/api/v1/missions/!!', { version: 1, hotline: '+249912345678' }),
    );
    assert.deepEqual(paths(errorOf(mission, 400, 'request.invalid')), ['params.code']);
  });

  it('asks for JSON when sent something else', async () => {
    const res = await unchanged(() =>
      raw('PATCH', url, '<mission><hotline>+249</hotline></mission>', 'application/xml'),
    );
    errorOf(res, 415, 'request.unsupported_media_type');
    const text = await unchanged(() => raw('PATCH', url, 'hotline=+249955555555', 'text/plain'));
    errorOf(text, 415, 'request.unsupported_media_type');
  });

  it('applies a valid request that follows a refused one exactly once', async () => {
    const before = await state();
    const current = before.missions.find((m) => m.code === code)!;
    await call(t, admin, 'PATCH', url, { version: current.version, hotline: 12 });
    const ok = await call(t, admin, 'PATCH', url, { version: current.version, hotline: '+249955555555' });
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.json().version, current.version + 1);
    const after = await state();
    assert.equal(after.auditEntries, before.auditEntries + 1);
    assert.equal(after.missionCount, before.missionCount);
  });
});

describe(`server failures (${dialectUnderTest})`, () => {
  it('answers a 500 with a generic message and no stack or database detail', async () => {
    const t = await buildTestApp();
    try {
      const { session } = await signedInAs(t, 'hq_officer');
      // Break the database under the running server: every signed-in request now fails inside.
      await sql`drop table role_settings`.execute(t.deps.db);
      const res = await call(t, session, 'GET', '/api/v1/missions');
      const error = errorOf(res, 500, 'internal.error');
      assert.equal(error.details, undefined);
      assert.ok(!/role_settings|no such table|relation|select|sqlite|postgres/i.test(res.body), res.body);
    } finally {
      await t.close();
    }
  });
});
