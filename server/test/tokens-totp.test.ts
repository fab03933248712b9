// Personal API tokens (bearer, shown once, stored hashed, revocable, expiring) and the TOTP
// second factor: voluntary set-up, the sign-in step, lockout of wrong codes, and roles that
// require it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Secret, TOTP } from 'otpauth';
import type { Role } from '@siaga/contracts';
import {
  PASSWORD,
  buildTestApp,
  call,
  dialectUnderTest,
  login,
  makeMission,
  makeUser,
  signedInAs,
  uniqueEmail,
  type Session,
  type TestApp,
} from './helpers';

const TOKENS = '/api/v1/auth/tokens';
const ME = '/api/v1/auth/me';
const DAY = 86_400_000;

function bearer(
  t: TestApp,
  token: string,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
) {
  return t.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}` },
    ...(payload ? { payload } : {}),
  });
}

const codeAt = (secret: string, at: Date) =>
  TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: at.getTime() });

/** A six-digit code the server will not accept at this moment, even with clock drift allowed. */
function wrongCodeAt(secret: string, at: Date): string {
  for (let n = Number(codeAt(secret, at)) + 1; ; n++) {
    const code = String(n % 1_000_000).padStart(6, '0');
    const valid = TOTP.validate({
      token: code,
      secret: Secret.fromBase32(secret),
      timestamp: at.getTime(),
      window: 2,
    });
    if (valid === null) return code;
  }
}

async function withApp(env: Record<string, string>, fn: (t: TestApp) => Promise<void>) {
  const t = await buildTestApp(env);
  try {
    await fn(t);
  } finally {
    await t.close();
  }
}

function missionBody(code: string) {
  return {
    code,
    name: `Mission ${code}`,
    kind: 'consulate',
    city: 'Jeddah',
    countries: ['SA'],
    hotline: '+966501234567',
    address: 'Al Andalus, Jeddah',
  };
}

/** Sets up and enables TOTP on a signed-in account; returns the secret. */
async function enableTotp(t: TestApp, s: Session): Promise<string> {
  const setup = await call(t, s, 'POST', '/api/v1/auth/totp/setup');
  assert.equal(setup.statusCode, 200, setup.body);
  const { secret } = setup.json();
  const enabled = await call(t, s, 'POST', '/api/v1/auth/totp/enable', {
    code: codeAt(secret, t.deps.now()),
  });
  assert.equal(enabled.statusCode, 200, enabled.body);
  nextPeriod(t);
  return secret;
}

/** Moves the server's clock on by one TOTP period: a code, once accepted, is never accepted again. */
function nextPeriod(t: TestApp) {
  const before = t.deps.now;
  t.deps.now = () => new Date(before().getTime() + 30_000);
}

async function startLogin(t: TestApp, email: string, password = PASSWORD) {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  assert.equal(res.statusCode, 200, res.body);
  const cookie = res.cookies.find((c) => c.name === 'siaga_session')!;
  return { res, session: { cookie: `siaga_session=${cookie.value}`, csrf: res.json().csrfToken as string } };
}

describe(`personal API tokens (${dialectUnderTest})`, () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp();
  });
  after(() => t.close());

  it('is shown once on creation and then works as a bearer token, without CSRF', async () => {
    const { user, session } = await signedInAs(t, 'hq_admin');
    const created = await call(t, session, 'POST', TOKENS, { name: 'nightly import' });
    assert.equal(created.statusCode, 201);
    const body = created.json();
    assert.match(body.token, /^siaga_[\w-]{40,}$/);
    assert.equal(body.name, 'nightly import');
    assert.ok(body.token.startsWith(body.prefix));
    assert.ok(body.prefix.length < body.token.length);
    assert.equal(body.expiresAt, null);

    const list = await bearer(t, body.token, 'GET', '/api/v1/missions');
    assert.equal(list.statusCode, 200);
    // A write with the token alone: no cookie, no CSRF header.
    const code = `KJRI-TOK${Date.now().toString(36).toUpperCase()}`;
    const write = await bearer(t, body.token, 'POST', '/api/v1/missions', missionBody(code));
    assert.equal(write.statusCode, 201, write.body);
    // The audit log names the token's owner as the actor.
    const entry = await t.deps.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'mission.create')
      .where('entityId', '=', write.json().id)
      .executeTakeFirstOrThrow();
    assert.equal(entry.actorId, user.id);
  });

  it('lists tokens without revealing them, and stores only a hash', async () => {
    const { session } = await signedInAs(t, 'hq_officer');
    const created = (await call(t, session, 'POST', TOKENS, { name: 'dashboard', expiresInDays: 30 })).json();
    const list = await call(t, session, 'GET', TOKENS);
    assert.equal(list.statusCode, 200);
    assert.equal(list.json().items.length, 1);
    const [item] = list.json().items;
    assert.equal(item.id, created.id);
    assert.equal(item.name, 'dashboard');
    assert.equal(item.prefix, created.prefix);
    assert.equal(item.token, undefined);
    assert.ok(!list.body.includes(created.token));
    assert.ok(!list.body.includes(created.token.slice(created.prefix.length)));

    const row = await t.deps.db
      .selectFrom('apiTokens')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    const stored = JSON.stringify(row);
    assert.ok(!stored.includes(created.token));
    assert.ok(!stored.includes(created.token.slice(created.prefix.length)));
    assert.notEqual(row.tokenHash, created.token);
  });

  it('shows each user only their own tokens', async () => {
    const a = await signedInAs(t, 'hq_officer');
    const b = await signedInAs(t, 'hq_officer');
    await call(t, a.session, 'POST', TOKENS, { name: 'mine' });
    const theirs = await call(t, b.session, 'GET', TOKENS);
    assert.deepEqual(theirs.json().items, []);
  });

  it('stops working when revoked, and only its owner can revoke it', async () => {
    const { session } = await signedInAs(t, 'hq_officer');
    const created = (await call(t, session, 'POST', TOKENS, { name: 'to revoke' })).json();
    assert.equal((await bearer(t, created.token, 'GET', '/api/v1/missions')).statusCode, 200);

    const stranger = await signedInAs(t, 'hq_admin');
    const notTheirs = await call(t, stranger.session, 'DELETE', `${TOKENS}/${created.id}`);
    assert.equal(notTheirs.statusCode, 404);
    assert.equal(notTheirs.json().error.code, 'token.not_found');
    assert.equal((await bearer(t, created.token, 'GET', '/api/v1/missions')).statusCode, 200);

    const revoked = await call(t, session, 'DELETE', `${TOKENS}/${created.id}`);
    assert.equal(revoked.statusCode, 204);
    const res = await bearer(t, created.token, 'GET', '/api/v1/missions');
    assert.equal(res.statusCode, 401);
    assert.equal(res.json().error.code, 'auth.required');
    assert.deepEqual((await call(t, session, 'GET', TOKENS)).json().items, []);
    assert.equal((await call(t, session, 'DELETE', `${TOKENS}/${created.id}`)).statusCode, 404);
  });

  it('stops working once expired', async () => {
    const { session } = await signedInAs(t, 'hq_officer');
    const created = (await call(t, session, 'POST', TOKENS, { name: 'short', expiresInDays: 1 })).json();
    assert.ok(Date.parse(created.expiresAt) > Date.now());
    assert.equal((await bearer(t, created.token, 'GET', '/api/v1/missions')).statusCode, 200);
    try {
      t.deps.now = () => new Date(Date.now() + DAY + 60_000);
      const res = await bearer(t, created.token, 'GET', '/api/v1/missions');
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().error.code, 'auth.required');
    } finally {
      t.deps.now = () => new Date();
    }
  });

  it('refuses a garbage bearer with 401, even on a public route', async () => {
    for (const header of [
      'Bearer nonsense',
      'Bearer siaga_not-a-real-token',
      'Basic dXNlcjpwYXNz',
      'Bearer',
    ]) {
      const pub = await t.app.inject({
        method: 'GET',
        url: '/api/v1/config/client',
        headers: { authorization: header },
      });
      assert.equal(pub.statusCode, 401, header);
      assert.equal(pub.json().error.code, 'auth.required');
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { authorization: header },
        payload: { email: uniqueEmail(), password: PASSWORD },
      });
      assert.equal(login.statusCode, 401);
      assert.equal(login.json().error.code, 'auth.required');
    }
    // The same public route answers without the header.
    assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/config/client' })).statusCode, 200);
  });

  it("carries only its owner's rights, and dies with a disabled account", async () => {
    const { session: admin } = await signedInAs(t, 'hq_admin');
    const { user, session } = await signedInAs(t, 'viewer');
    const { token } = (await call(t, session, 'POST', TOKENS, { name: 'viewer script' })).json();
    const denied = await bearer(t, token, 'POST', '/api/v1/missions', missionBody('KJRI-VIEWER'));
    assert.equal(denied.statusCode, 403);
    assert.equal(denied.json().error.code, 'auth.forbidden');
    assert.equal(
      await t.deps.db
        .selectFrom('missions')
        .select('id')
        .where('code', '=', 'KJRI-VIEWER')
        .executeTakeFirst(),
      undefined,
    );

    const disabled = await call(t, admin, 'PATCH', `/api/v1/users/${user.id}`, {
      version: user.version,
      status: 'disabled',
    });
    assert.equal(disabled.statusCode, 200);
    assert.equal((await bearer(t, token, 'GET', '/api/v1/missions')).statusCode, 401);
  });
});

describe(`TOTP second factor (${dialectUnderTest})`, () => {
  let t: TestApp;
  before(async () => {
    t = await buildTestApp({ SIAGA_LOGIN_MAX_FAILURES: '3' });
  });
  after(() => t.close());

  it('is set up with a code from the app, and stored encrypted', async () => {
    const { user, session } = await signedInAs(t, 'hq_officer');
    const setup = await call(t, session, 'POST', '/api/v1/auth/totp/setup');
    assert.equal(setup.statusCode, 200);
    const { secret, otpauthUrl } = setup.json();
    assert.match(secret, /^[A-Z2-7]{32}$/);
    assert.match(otpauthUrl, /^otpauth:\/\/totp\/Siaga:/);
    assert.ok(otpauthUrl.includes(`secret=${secret}`));

    const row = await t.deps.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    assert.ok(row.totpSecretEnc, 'secret should be stored');
    assert.ok(!row.totpSecretEnc.includes(secret), 'the base32 secret must not appear in the column');
    assert.ok(!row.totpSecretEnc.toLowerCase().includes(secret.toLowerCase()));
    assert.ok(!JSON.stringify(row).includes(secret));

    // Not enabled until a code proves the app has it.
    assert.equal((await call(t, session, 'GET', ME)).json().user.totpEnabled, false);
    const wrong = await call(t, session, 'POST', '/api/v1/auth/totp/enable', {
      code: wrongCodeAt(secret, t.deps.now()),
    });
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.json().error.code, 'auth.totp_invalid');
    assert.equal((await call(t, session, 'GET', ME)).json().user.totpEnabled, false);

    const ok = await call(t, session, 'POST', '/api/v1/auth/totp/enable', {
      code: codeAt(secret, t.deps.now()),
    });
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.json().stage, 'complete');
    assert.equal(ok.json().user.totpEnabled, true);
    // The session that enabled it stays usable.
    assert.equal((await call(t, session, 'GET', '/api/v1/missions')).statusCode, 200);
  });

  it('asks for a code at the next sign-in and lets nothing else through until it is given', async () => {
    const { user, session } = await signedInAs(t, 'hq_officer');
    const secret = await enableTotp(t, session);

    const { res, session: pending } = await startLogin(t, user.email);
    assert.equal(res.json().stage, 'totp');
    assert.equal(res.json().user, null);

    for (const url of ['/api/v1/missions', TOKENS, '/api/v1/organisations']) {
      const blocked = await call(t, pending, 'GET', url);
      assert.equal(blocked.statusCode, 401, url);
      assert.equal(blocked.json().error.code, 'auth.totp_required', url);
    }
    const me = await call(t, pending, 'GET', ME);
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().stage, 'totp');
    assert.equal(me.json().user, null);
    // Setting up a new secret is not a way around the code.
    assert.equal((await call(t, pending, 'POST', '/api/v1/auth/totp/setup')).statusCode, 401);

    const wrong = await call(t, pending, 'POST', '/api/v1/auth/totp', {
      code: wrongCodeAt(secret, t.deps.now()),
    });
    assert.equal(wrong.statusCode, 401);
    assert.equal(wrong.json().error.code, 'auth.totp_invalid');
    assert.equal((await call(t, pending, 'GET', '/api/v1/missions')).statusCode, 401);

    const ok = await call(t, pending, 'POST', '/api/v1/auth/totp', { code: codeAt(secret, t.deps.now()) });
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.json().stage, 'complete');
    assert.equal(ok.json().user.id, user.id);
    assert.equal((await call(t, pending, 'GET', '/api/v1/missions')).statusCode, 200);
  });

  it('accepts each code once: a replayed code is refused', async () => {
    const { user, session } = await signedInAs(t, 'hq_officer');
    const secret = await enableTotp(t, session);
    const code = codeAt(secret, t.deps.now());
    const first = await startLogin(t, user.email);
    const ok = await call(t, first.session, 'POST', '/api/v1/auth/totp', { code });
    assert.equal(ok.statusCode, 200, ok.body);
    const second = await startLogin(t, user.email);
    const replay = await call(t, second.session, 'POST', '/api/v1/auth/totp', { code });
    assert.equal(replay.statusCode, 401);
    assert.equal(replay.json().error.code, 'auth.totp_invalid');
    assert.equal((await call(t, second.session, 'GET', '/api/v1/missions')).statusCode, 401);
    nextPeriod(t);
    const fresh = await call(t, second.session, 'POST', '/api/v1/auth/totp', {
      code: codeAt(secret, t.deps.now()),
    });
    assert.equal(fresh.statusCode, 200, fresh.body);
  });

  it('locks the code step after repeated wrong codes, even for the right one', async () => {
    const { user, session } = await signedInAs(t, 'viewer');
    const secret = await enableTotp(t, session);
    const { session: pending } = await startLogin(t, user.email);
    for (let i = 0; i < 3; i++) {
      const res = await call(t, pending, 'POST', '/api/v1/auth/totp', {
        code: wrongCodeAt(secret, t.deps.now()),
      });
      assert.equal(res.statusCode, 401);
    }
    const locked = await call(t, pending, 'POST', '/api/v1/auth/totp', {
      code: codeAt(secret, t.deps.now()),
    });
    assert.equal(locked.statusCode, 429);
    assert.equal(locked.json().error.code, 'auth.locked');
    assert.ok(Number(locked.headers['retry-after']) > 0);
    assert.equal((await call(t, pending, 'GET', '/api/v1/missions')).statusCode, 401);
  });

  it('can be turned off with a valid code when the role does not require it', async () => {
    const { user, session } = await signedInAs(t, 'viewer');
    const secret = await enableTotp(t, session);
    const wrong = await call(t, session, 'POST', '/api/v1/auth/totp/disable', {
      code: wrongCodeAt(secret, t.deps.now()),
    });
    assert.equal(wrong.statusCode, 400);
    assert.equal((await call(t, session, 'GET', ME)).json().user.totpEnabled, true);
    const off = await call(t, session, 'POST', '/api/v1/auth/totp/disable', {
      code: codeAt(secret, t.deps.now()),
    });
    assert.equal(off.statusCode, 204);
    const { res } = await startLogin(t, user.email);
    assert.equal(res.json().stage, 'complete');
  });

  it('after an administrator resets the password: code first, then a new password', async () => {
    const { session: admin } = await signedInAs(t, 'hq_admin');
    const { user, session } = await signedInAs(t, 'hq_officer');
    const secret = await enableTotp(t, session);
    const reset = await call(t, admin, 'POST', `/api/v1/users/${user.id}/password-reset`);
    assert.equal(reset.statusCode, 200);
    const { oneTimePassword } = reset.json();

    const { res, session: pending } = await startLogin(t, user.email, oneTimePassword);
    assert.equal(res.json().stage, 'totp');
    const step = await call(t, pending, 'POST', '/api/v1/auth/totp', { code: codeAt(secret, t.deps.now()) });
    assert.equal(step.statusCode, 200, step.body);
    assert.equal(step.json().stage, 'complete');
    assert.equal(step.json().user.mustChangePassword, true);
    assert.equal(
      (await call(t, pending, 'GET', '/api/v1/missions')).json().error.code,
      'auth.password_change_required',
    );

    const changed = await call(t, pending, 'POST', '/api/v1/auth/password', {
      currentPassword: oneTimePassword,
      newPassword: 'brand-new-passphrase-2027',
    });
    assert.equal(changed.statusCode, 204, changed.body);
    assert.equal((await call(t, pending, 'GET', '/api/v1/missions')).statusCode, 200);
  });
});

describe(`TOTP required for a role (${dialectUnderTest})`, () => {
  async function requireFor(t: TestApp, admin: Session, role: Role) {
    const res = await call(t, admin, 'PATCH', `/api/v1/roles/${role}`, { totpRequired: true });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { role, totpRequired: true });
  }

  it('sends users of the role to enrolment at sign-in, and lets them in once enrolled', () =>
    withApp({}, async (t) => {
      const { session: admin } = await signedInAs(t, 'hq_admin');
      await requireFor(t, admin, 'hq_officer');
      const roles = (await call(t, admin, 'GET', '/api/v1/roles')).json().items;
      assert.equal(roles.find((r: { role: string }) => r.role === 'hq_officer').totpRequired, true);
      assert.equal(roles.find((r: { role: string }) => r.role === 'viewer').totpRequired, false);

      const user = await makeUser(t, 'hq_officer');
      const { res, session } = await startLogin(t, user.email);
      assert.equal(res.json().stage, 'totp_enrol');
      assert.equal(res.json().user.id, user.id);

      for (const url of ['/api/v1/missions', TOKENS]) {
        const blocked = await call(t, session, 'GET', url);
        assert.equal(blocked.statusCode, 403, url);
        assert.equal(blocked.json().error.code, 'auth.totp_enrolment_required');
      }
      const setup = await call(t, session, 'POST', '/api/v1/auth/totp/setup');
      assert.equal(setup.statusCode, 200);
      const enabled = await call(t, session, 'POST', '/api/v1/auth/totp/enable', {
        code: codeAt(setup.json().secret, new Date()),
      });
      assert.equal(enabled.statusCode, 200);
      assert.equal(enabled.json().stage, 'complete');
      assert.equal((await call(t, session, 'GET', '/api/v1/missions')).statusCode, 200);

      // The role forbids turning it off again.
      const off = await call(t, session, 'POST', '/api/v1/auth/totp/disable', {
        code: codeAt(setup.json().secret, new Date()),
      });
      assert.equal(off.statusCode, 403);
      // Next time, the code is asked for.
      assert.equal((await startLogin(t, user.email)).res.json().stage, 'totp');

      // Other roles are not affected.
      const viewer = await makeUser(t, 'viewer');
      assert.equal((await startLogin(t, viewer.email)).res.json().stage, 'complete');
    }));

  it('moves sessions opened before the change to enrolment at once', () =>
    withApp({}, async (t) => {
      const { session: admin } = await signedInAs(t, 'hq_admin');
      const { session } = await signedInAs(t, 'mission_officer', {
        missionCodes: [(await makeMission(t)).code],
      });
      assert.equal((await call(t, session, 'GET', '/api/v1/missions')).statusCode, 200);
      await requireFor(t, admin, 'mission_officer');
      const blocked = await call(t, session, 'GET', '/api/v1/missions');
      assert.equal(blocked.statusCode, 403);
      assert.equal(blocked.json().error.code, 'auth.totp_enrolment_required');
      assert.equal((await call(t, session, 'GET', ME)).json().stage, 'totp_enrol');
    }));

  it("holds back the API tokens of a role's users until they enrol", () =>
    withApp({}, async (t) => {
      const { session: admin } = await signedInAs(t, 'hq_admin');
      const { session } = await signedInAs(t, 'hq_officer');
      const { token } = (await call(t, session, 'POST', TOKENS, { name: 'script' })).json();
      assert.equal((await bearer(t, token, 'GET', '/api/v1/missions')).statusCode, 200);
      await requireFor(t, admin, 'hq_officer');
      const blocked = await bearer(t, token, 'GET', '/api/v1/missions');
      assert.equal(blocked.statusCode, 403);
      assert.equal(blocked.json().error.code, 'auth.totp_enrolment_required');
      const setup = await call(t, session, 'POST', '/api/v1/auth/totp/setup');
      const enabled = await call(t, session, 'POST', '/api/v1/auth/totp/enable', {
        code: codeAt(setup.json().secret, t.deps.now()),
      });
      assert.equal(enabled.statusCode, 200, enabled.body);
      assert.equal((await bearer(t, token, 'GET', '/api/v1/missions')).statusCode, 200);
    }));

  it('lets a new user with a one-time password enrol first, then choose a password', () =>
    withApp({}, async (t) => {
      const { session: admin } = await signedInAs(t, 'hq_admin');
      await requireFor(t, admin, 'viewer');
      const email = uniqueEmail('newcomer');
      const created = await call(t, admin, 'POST', '/api/v1/users', {
        email,
        displayName: 'Newcomer',
        role: 'viewer',
      });
      assert.equal(created.statusCode, 201);
      const { oneTimePassword } = created.json();

      const { res, session } = await startLogin(t, email, oneTimePassword);
      assert.equal(res.json().stage, 'totp_enrol');
      const setup = await call(t, session, 'POST', '/api/v1/auth/totp/setup');
      assert.equal(setup.statusCode, 200, setup.body);
      const enabled = await call(t, session, 'POST', '/api/v1/auth/totp/enable', {
        code: codeAt(setup.json().secret, new Date()),
      });
      assert.equal(enabled.statusCode, 200, enabled.body);
      assert.equal(enabled.json().user.mustChangePassword, true);

      const blocked = await call(t, session, 'GET', '/api/v1/missions');
      assert.equal(blocked.json().error.code, 'auth.password_change_required');
      const changed = await call(t, session, 'POST', '/api/v1/auth/password', {
        currentPassword: oneTimePassword,
        newPassword: 'a-fresh-passphrase-2027',
      });
      assert.equal(changed.statusCode, 204, changed.body);
      assert.equal((await call(t, session, 'GET', '/api/v1/missions')).statusCode, 200);
      assert.ok(await login(t, email, 'a-fresh-passphrase-2027'));
    }));
});
