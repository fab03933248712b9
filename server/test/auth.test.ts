// Signing in and out: the session cookie, password hashing, answers that do not reveal which
// emails have accounts, lockout with backoff, idle and absolute session expiry, and CSRF.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import {
  PASSWORD,
  buildTestApp,
  call,
  cookieFrom,
  dialectUnderTest,
  login,
  makeMission,
  makeUser,
  signedInAs,
  uniqueEmail,
  type Session,
  type TestApp,
} from './helpers';
import { purgeExpiredAuthState } from '../src/modules/auth/auth.service';

const LOGIN = '/api/v1/auth/login';
const ME = '/api/v1/auth/me';
const MINUTE = 60_000;

function attempt(t: TestApp, email: string, password: string) {
  return t.app.inject({ method: 'POST', url: LOGIN, payload: { email, password } });
}

/** The error body without the per-request id, to compare two answers. */
function errorWithoutRequestId(res: LightMyRequestResponse) {
  const body = res.json();
  assert.ok(body.error, `expected an error body, got ${res.body}`);
  const { requestId, ...rest } = body.error;
  assert.equal(typeof requestId, 'string');
  return rest;
}

/** Stops the server's clock at this instant; calling it again moves the clock. */
function setClock(t: TestApp, at: Date) {
  t.deps.now = () => new Date(at.getTime());
}

async function withApp(env: Record<string, string>, fn: (t: TestApp) => Promise<void>) {
  const t = await buildTestApp(env);
  try {
    await fn(t);
  } finally {
    await t.close();
  }
}

describe(`sign-in (${dialectUnderTest})`, () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  it('sets an httpOnly, SameSite=Strict session cookie and returns the complete session', async () => {
    const user = await makeUser(t, 'hq_officer');
    const res = await attempt(t, user.email, PASSWORD);
    assert.equal(res.statusCode, 200);
    const cookie = res.cookies.find((c) => c.name === 'siaga_session');
    assert.ok(cookie, 'no siaga_session cookie');
    assert.ok(cookie.value.length >= 32);
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Strict');
    assert.equal(cookie.path, '/');

    const body = res.json();
    assert.equal(body.stage, 'complete');
    assert.equal(typeof body.csrfToken, 'string');
    assert.ok(body.csrfToken.length >= 20);
    assert.ok(!Number.isNaN(Date.parse(body.expiresAt)));
    assert.ok(Date.parse(body.expiresAt) > Date.now());
    assert.equal(body.user.id, user.id);
    assert.equal(body.user.email, user.email);
    assert.equal(body.user.role, 'hq_officer');
    assert.equal(body.user.mustChangePassword, false);
    // The cookie value is the session's secret: it is not echoed in the body.
    assert.ok(!res.body.includes(cookie.value));
  });

  it('stores passwords as argon2id hashes, never in the clear', async () => {
    const user = await makeUser(t, 'viewer');
    const row = await t.deps.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    assert.match(row.passwordHash, /^\$argon2id\$/);
    assert.ok(!JSON.stringify(row).includes(PASSWORD));
  });

  it('accepts the email in any letter case', async () => {
    const user = await makeUser(t, 'viewer');
    const res = await attempt(t, user.email.toUpperCase(), PASSWORD);
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().user.id, user.id);
  });

  it('answers a wrong password and an unknown email identically', async () => {
    const user = await makeUser(t, 'viewer');
    const wrong = await attempt(t, user.email, 'not-the-password-at-all');
    const unknown = await attempt(t, uniqueEmail('nobody'), 'not-the-password-at-all');
    assert.equal(wrong.statusCode, 401);
    assert.equal(unknown.statusCode, 401);
    assert.equal(wrong.json().error.code, 'auth.invalid_credentials');
    assert.deepEqual(errorWithoutRequestId(wrong), errorWithoutRequestId(unknown));
    assert.equal(cookieFrom(wrong), undefined);
    assert.equal(cookieFrom(unknown), undefined);
  });

  it('refuses a disabled account with the same answer as a wrong password', async () => {
    const { session: admin } = await signedInAs(t, 'hq_admin');
    const user = await makeUser(t, 'viewer');
    const disabled = await call(t, admin, 'PATCH', `/api/v1/users/${user.id}`, {
      version: user.version,
      status: 'disabled',
    });
    assert.equal(disabled.statusCode, 200);
    assert.equal(disabled.json().status, 'disabled');

    const right = await attempt(t, user.email, PASSWORD);
    const wrong = await attempt(t, uniqueEmail('nobody'), PASSWORD);
    assert.equal(right.statusCode, 401);
    assert.equal(cookieFrom(right), undefined);
    assert.deepEqual(errorWithoutRequestId(right), errorWithoutRequestId(wrong));
  });
});

describe(`sign-in lockout (${dialectUnderTest})`, () => {
  const env = { SIAGA_LOGIN_MAX_FAILURES: '3', SIAGA_LOCKOUT_MINUTES: '15' };

  it('locks an account after too many failures, even against the right password', () =>
    withApp(env, async (t) => {
      const user = await makeUser(t, 'hq_officer');
      for (let i = 0; i < 3; i++) {
        const res = await attempt(t, user.email, `wrong-password-${i}`);
        assert.equal(res.statusCode, 401, `failure ${i + 1} should be a plain refusal`);
      }
      const locked = await attempt(t, user.email, PASSWORD);
      assert.equal(locked.statusCode, 429);
      assert.equal(locked.json().error.code, 'auth.locked');
      assert.equal(cookieFrom(locked), undefined);
      const retryAfter = Number(locked.headers['retry-after']);
      assert.ok(
        Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= 15 * 60,
        `retry-after ${retryAfter}`,
      );

      // Administrators see the lock on the account.
      const { session: admin } = await signedInAs(t, 'hq_admin');
      const seen = await call(t, admin, 'GET', `/api/v1/users/${user.id}`);
      assert.ok(seen.json().lockedUntil, 'lockedUntil should be set');
    }));

  it('locks an unknown email exactly as it locks a real account', () =>
    withApp(env, async (t) => {
      const user = await makeUser(t, 'hq_officer');
      const ghost = uniqueEmail('ghost');
      for (let i = 0; i < 3; i++) {
        await attempt(t, user.email, 'wrong-password');
        await attempt(t, ghost, 'wrong-password');
      }
      const real = await attempt(t, user.email, PASSWORD);
      const fake = await attempt(t, ghost, PASSWORD);
      assert.equal(real.statusCode, 429);
      assert.equal(fake.statusCode, 429);
      assert.deepEqual(errorWithoutRequestId(real), errorWithoutRequestId(fake));
      assert.ok(real.headers['retry-after']);
      assert.ok(fake.headers['retry-after']);
    }));

  it('lifts the lock when it expires, and a successful sign-in resets the count', () =>
    withApp(env, async (t) => {
      const t0 = new Date();
      setClock(t, t0);
      const user = await makeUser(t, 'viewer');
      for (let i = 0; i < 3; i++) await attempt(t, user.email, 'wrong-password');
      assert.equal((await attempt(t, user.email, PASSWORD)).statusCode, 429);

      setClock(t, new Date(t0.getTime() + 16 * MINUTE));
      const ok = await attempt(t, user.email, PASSWORD);
      assert.equal(ok.statusCode, 200);
      assert.equal(ok.json().stage, 'complete');

      // After a success the count starts again: two more failures do not lock.
      for (let i = 0; i < 2; i++) await attempt(t, user.email, 'wrong-password');
      assert.equal((await attempt(t, user.email, PASSWORD)).statusCode, 200);
    }));

  it('makes a second lockout last longer than the first', () =>
    withApp(env, async (t) => {
      const t0 = new Date();
      setClock(t, t0);
      const user = await makeUser(t, 'viewer');
      for (let i = 0; i < 3; i++) await attempt(t, user.email, 'wrong-password');
      const first = await attempt(t, user.email, PASSWORD);
      assert.equal(first.statusCode, 429);
      const firstRetry = Number(first.headers['retry-after']);

      // The first lock ends; three more failures lock again.
      const t1 = new Date(t0.getTime() + 16 * MINUTE);
      setClock(t, t1);
      for (let i = 0; i < 3; i++) {
        assert.equal((await attempt(t, user.email, 'wrong-password')).statusCode, 401);
      }
      const second = await attempt(t, user.email, PASSWORD);
      assert.equal(second.statusCode, 429);
      const secondRetry = Number(second.headers['retry-after']);
      assert.ok(secondRetry > firstRetry, `second lock ${secondRetry}s should exceed first ${firstRetry}s`);

      // Where the first lock had ended, the second still holds.
      setClock(t, new Date(t1.getTime() + 16 * MINUTE));
      assert.equal((await attempt(t, user.email, PASSWORD)).statusCode, 429);
      setClock(t, new Date(t1.getTime() + 31 * MINUTE));
      assert.equal((await attempt(t, user.email, PASSWORD)).statusCode, 200);
    }));
});

describe(`sessions (${dialectUnderTest})`, () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  it('answers /auth/me for the cookie, and 401 without one', async () => {
    const { user, session } = await signedInAs(t, 'mission_officer', {
      missionCodes: [(await makeMission(t)).code],
    });
    const me = await call(t, session, 'GET', ME);
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().stage, 'complete');
    assert.equal(me.json().user.id, user.id);
    assert.equal(me.json().csrfToken, session.csrf);
    assert.equal(me.json().user.missionCodes.length, 1);

    const anon = await call(t, null, 'GET', ME);
    assert.equal(anon.statusCode, 401);
    assert.equal(anon.json().error.code, 'auth.required');

    const forged = await t.app.inject({
      method: 'GET',
      url: ME,
      headers: { cookie: 'siaga_session=made-up-value' },
    });
    assert.equal(forged.statusCode, 401);
    assert.equal(forged.json().error.code, 'auth.required');
  });

  it('ends the session on logout, and only that session', async () => {
    const user = await makeUser(t, 'hq_officer');
    const a = await login(t, user.email);
    const b = await login(t, user.email);
    const out = await call(t, a, 'POST', '/api/v1/auth/logout');
    assert.equal(out.statusCode, 204);
    const cleared = out.cookies.find((c) => c.name === 'siaga_session');
    assert.ok(cleared, 'logout should clear the cookie');
    assert.equal(cleared.value, '');

    const me = await call(t, a, 'GET', ME);
    assert.equal(me.statusCode, 401);
    assert.equal(me.json().error.code, 'auth.required');
    assert.equal((await call(t, b, 'GET', ME)).statusCode, 200);
  });

  it('refuses a logout without the CSRF token and keeps the session', async () => {
    const { session } = await signedInAs(t, 'viewer');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: session.cookie },
    });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, 'auth.csrf_invalid');
    assert.equal((await call(t, session, 'GET', ME)).statusCode, 200);
  });

  it('answers a logout without any session with 204', async () => {
    const res = await call(t, null, 'POST', '/api/v1/auth/logout');
    assert.equal(res.statusCode, 204);
  });
});

describe(`session expiry (${dialectUnderTest})`, () => {
  it('ends a session left idle longer than SIAGA_SESSION_IDLE_MINUTES; activity keeps it alive', () =>
    withApp({ SIAGA_SESSION_IDLE_MINUTES: '10' }, async (t) => {
      const t0 = new Date();
      setClock(t, t0);
      const { session } = await signedInAs(t, 'hq_officer');
      const first = await call(t, session, 'GET', ME);
      assert.equal(first.json().expiresAt, new Date(t0.getTime() + 10 * MINUTE).toISOString());

      setClock(t, new Date(t0.getTime() + 9 * MINUTE));
      assert.equal((await call(t, session, 'GET', ME)).statusCode, 200);
      // Nine minutes after that last request: still inside the idle window.
      setClock(t, new Date(t0.getTime() + 18 * MINUTE));
      const alive = await call(t, session, 'GET', ME);
      assert.equal(alive.statusCode, 200);
      assert.equal(alive.json().expiresAt, new Date(t0.getTime() + 28 * MINUTE).toISOString());

      // Eleven minutes without a request.
      setClock(t, new Date(t0.getTime() + 29 * MINUTE));
      const gone = await call(t, session, 'GET', ME);
      assert.equal(gone.statusCode, 401);
      assert.equal(gone.json().error.code, 'auth.required');
      // Going back in time does not revive it: the expired session was removed.
      setClock(t, t0);
      assert.equal((await call(t, session, 'GET', ME)).statusCode, 401);
    }));

  it('ends a session at SIAGA_SESSION_ABSOLUTE_HOURS however active it is', () =>
    withApp({ SIAGA_SESSION_ABSOLUTE_HOURS: '1', SIAGA_SESSION_IDLE_MINUTES: '30' }, async (t) => {
      const t0 = new Date();
      setClock(t, t0);
      const { session } = await signedInAs(t, 'hq_officer');
      for (const minutes of [20, 40, 55]) {
        setClock(t, new Date(t0.getTime() + minutes * MINUTE));
        const res = await call(t, session, 'GET', ME);
        assert.equal(res.statusCode, 200, `at +${minutes} min`);
      }
      const last = await call(t, session, 'GET', ME);
      assert.equal(last.json().expiresAt, new Date(t0.getTime() + 60 * MINUTE).toISOString());

      setClock(t, new Date(t0.getTime() + 61 * MINUTE));
      const res = await call(t, session, 'GET', ME);
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().error.code, 'auth.required');
    }));

  it('housekeeping removes expired sessions and day-old failure counts, and nothing still in force', () =>
    withApp({ SIAGA_SESSION_IDLE_MINUTES: '10', SIAGA_LOGIN_MAX_FAILURES: '3' }, async (t) => {
      const t0 = new Date();
      setClock(t, t0);
      const { session: idle } = await signedInAs(t, 'viewer');
      await attempt(t, uniqueEmail('nobody'), 'a-guess-at-a-password');
      const locked = uniqueEmail('target');
      for (let i = 0; i < 3; i++) await attempt(t, locked, `guess-${i}-long-enough`);
      const count = async (table: 'sessions' | 'loginThrottle') =>
        Number(
          (
            await t.deps.db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );

      // Five minutes on: nothing has expired yet.
      setClock(t, new Date(t0.getTime() + 5 * MINUTE));
      const { session: active } = await signedInAs(t, 'viewer');
      assert.deepEqual(await purgeExpiredAuthState(t.deps), { sessions: 0, throttles: 0 });

      // A day and a bit later: the idle sessions and the quiet failure counts go.
      setClock(t, new Date(t0.getTime() + 25 * 60 * MINUTE));
      assert.deepEqual(await purgeExpiredAuthState(t.deps), { sessions: 2, throttles: 2 });
      assert.equal(await count('sessions'), 0);
      assert.equal(await count('loginThrottle'), 0);
      assert.equal((await call(t, idle, 'GET', ME)).statusCode, 401);
      assert.equal((await call(t, active, 'GET', ME)).statusCode, 401);
    }));
});

describe(`CSRF protection (${dialectUnderTest})`, () => {
  let t: TestApp;
  let admin: Session;
  before(async () => {
    t = await buildTestApp();
    admin = (await signedInAs(t, 'hq_admin')).session;
  });
  after(() => t.close());

  const auditCount = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('auditLog')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('refuses a cookie-authenticated write without the token, or with a wrong one, and changes nothing', async () => {
    const mission = await makeMission(t);
    const other = await signedInAs(t, 'hq_admin');
    const url = `/api/v1/missions/${mission.code}`;
    const payload = { version: mission.version, hotline: '+6281234567890' };
    const before = await auditCount();

    const variants: Record<string, Record<string, string>> = {
      missing: { cookie: admin.cookie },
      wrong: { cookie: admin.cookie, 'x-csrf-token': 'x'.repeat(admin.csrf.length) },
      empty: { cookie: admin.cookie, 'x-csrf-token': '' },
      "another session's": { cookie: admin.cookie, 'x-csrf-token': other.session.csrf },
    };
    for (const [name, headers] of Object.entries(variants)) {
      const res = await t.app.inject({ method: 'PATCH', url, headers, payload });
      assert.equal(res.statusCode, 403, `${name} token`);
      assert.equal(res.json().error.code, 'auth.csrf_invalid', `${name} token`);
    }

    const now = await call(t, admin, 'GET', url);
    assert.equal(now.statusCode, 200);
    assert.equal(now.json().hotline, mission.hotline);
    assert.equal(now.json().version, mission.version);
    assert.equal(await auditCount(), before);

    // The same request with the right token goes through.
    const ok = await call(t, admin, 'PATCH', url, payload);
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.json().hotline, '+6281234567890');
  });

  it('refuses to create a token or a mission without the CSRF token', async () => {
    const { session: officer } = await signedInAs(t, 'hq_officer');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      headers: { cookie: officer.cookie },
      payload: { name: 'script' },
    });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, 'auth.csrf_invalid');
    const tokens = await call(t, officer, 'GET', '/api/v1/auth/tokens');
    assert.deepEqual(tokens.json().items, []);

    const missions = await t.deps.db.selectFrom('missions').select('code').execute();
    const post = await t.app.inject({
      method: 'POST',
      url: '/api/v1/missions',
      headers: { cookie: admin.cookie },
      payload: {
        code: 'KJRI-CSRF',
        name: 'KJRI Csrf',
        kind: 'consulate',
        city: 'Jeddah',
        countries: ['SA'],
        hotline: '+966501234567',
        address: 'Jeddah',
      },
    });
    assert.equal(post.statusCode, 403);
    assert.equal(post.json().error.code, 'auth.csrf_invalid');
    assert.equal((await t.deps.db.selectFrom('missions').select('code').execute()).length, missions.length);
  });

  it('does not ask for the token on reads', async () => {
    const mission = await makeMission(t);
    for (const url of ['/api/v1/missions', `/api/v1/missions/${mission.code}`, ME, '/api/v1/users']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie: admin.cookie } });
      assert.equal(res.statusCode, 200, url);
    }
  });
});
