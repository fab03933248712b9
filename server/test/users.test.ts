// Staff account administration through the API: creating, reading, listing and editing users,
// one-time passwords (new accounts and resets) and the forced password change that follows.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  PASSWORD,
  buildTestApp,
  call,
  dialectUnderTest,
  login,
  makeMission,
  makePartner,
  makeUser,
  signedInAs,
  uniqueEmail,
  type Session,
  type TestApp,
} from './helpers';

const USERS = '/api/v1/users';
const ME = '/api/v1/auth/me';
const ONE_TIME = /^[a-hjkmnp-zA-HJ-NP-Z2-9]{4}(-[a-hjkmnp-zA-HJ-NP-Z2-9]{4}){3}$/;
const NEW_PASSWORD = 'my-own-passphrase-for-2027';

async function attempt(t: TestApp, email: string, password: string) {
  return t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
}

async function userRow(t: TestApp, id: string) {
  return t.deps.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function countWhere(t: TestApp, table: 'users' | 'outbox' | 'auditLog' | 'sessions') {
  const row = await t.deps.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const byEmail = async (t: TestApp, email: string) =>
  t.deps.db.selectFrom('users').selectAll().where('email', '=', email).execute();

describe(`password reset by an administrator (${dialectUnderTest})`, () => {
  let t: TestApp;
  let admin: Session;
  before(async () => {
    t = await buildTestApp({ SIAGA_LOGIN_MAX_FAILURES: '3' });
    admin = (await signedInAs(t, 'hq_admin')).session;
  });
  after(() => t.close());

  it("ends the user's sessions, retires the old password and hands out a one-time password", async () => {
    const user = await makeUser(t, 'hq_officer');
    const s1 = await login(t, user.email);
    const s2 = await login(t, user.email);

    const reset = await call(t, admin, 'POST', `${USERS}/${user.id}/password-reset`);
    assert.equal(reset.statusCode, 200);
    const { oneTimePassword } = reset.json();
    assert.match(oneTimePassword, ONE_TIME);

    for (const s of [s1, s2]) {
      const me = await call(t, s, 'GET', ME);
      assert.equal(me.statusCode, 401);
      assert.equal(me.json().error.code, 'auth.required');
    }
    const old = await attempt(t, user.email, PASSWORD);
    assert.equal(old.statusCode, 401);
    assert.equal(old.json().error.code, 'auth.invalid_credentials');

    const row = await userRow(t, user.id);
    assert.match(row.passwordHash, /^\$argon2id\$/);
    assert.ok(!JSON.stringify(row).includes(oneTimePassword));
  });

  it("revokes the user's API tokens, which may have been opened with a compromised password", async () => {
    const user = await makeUser(t, 'hq_officer');
    const s = await login(t, user.email);
    const { token } = (await call(t, s, 'POST', '/api/v1/auth/tokens', { name: 'script' })).json();
    const bearerGet = () =>
      t.app.inject({ method: 'GET', url: '/api/v1/missions', headers: { authorization: `Bearer ${token}` } });
    assert.equal((await bearerGet()).statusCode, 200);
    assert.equal((await call(t, admin, 'POST', `${USERS}/${user.id}/password-reset`)).statusCode, 200);
    const after = await bearerGet();
    assert.equal(after.statusCode, 401);
    assert.equal(after.json().error.code, 'auth.required');
  });

  it('locks the password change after repeated wrong current passwords', async () => {
    const user = await makeUser(t, 'viewer');
    const s = await login(t, user.email);
    for (let i = 0; i < 3; i++) {
      const wrong = await call(t, s, 'POST', '/api/v1/auth/password', {
        currentPassword: `guess-number-${i}-long`,
        newPassword: NEW_PASSWORD,
      });
      assert.equal(wrong.statusCode, 400);
      assert.deepEqual(
        wrong.json().error.details.map((d: { path: string }) => d.path),
        ['body.currentPassword'],
      );
    }
    const locked = await call(t, s, 'POST', '/api/v1/auth/password', {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    assert.equal(locked.statusCode, 429);
    assert.equal(locked.json().error.code, 'auth.locked');
    // The password did not change: the original still signs in.
    assert.equal((await attempt(t, user.email, PASSWORD)).statusCode, 200);
  });

  it('lets the one-time password in only to choose a new password', async () => {
    const user = await makeUser(t, 'hq_officer');
    const { oneTimePassword } = (await call(t, admin, 'POST', `${USERS}/${user.id}/password-reset`)).json();
    const res = await attempt(t, user.email, oneTimePassword);
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().stage, 'complete');
    assert.equal(res.json().user.mustChangePassword, true);
    const s = await login(t, user.email, oneTimePassword);

    const me = await call(t, s, 'GET', ME);
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().user.mustChangePassword, true);

    const blocked: [string, string, object?][] = [
      ['GET', '/api/v1/missions'],
      ['GET', '/api/v1/organisations'],
      ['GET', '/api/v1/auth/tokens'],
      ['POST', '/api/v1/auth/tokens', { name: 'sneaky' }],
      ['POST', '/api/v1/auth/totp/disable', { code: '123456' }],
    ];
    for (const [method, url, payload] of blocked) {
      const r = await call(t, s, method as 'GET' | 'POST', url, payload);
      assert.equal(r.statusCode, 403, `${method} ${url}`);
      assert.equal(r.json().error.code, 'auth.password_change_required', `${method} ${url}`);
    }
    assert.equal(
      await t.deps.db.selectFrom('apiTokens').select('id').where('userId', '=', user.id).executeTakeFirst(),
      undefined,
    );

    // The change itself: the current password must be right and the new one acceptable.
    const wrongCurrent = await call(t, s, 'POST', '/api/v1/auth/password', {
      currentPassword: 'not-the-one-time-password',
      newPassword: NEW_PASSWORD,
    });
    assert.equal(wrongCurrent.statusCode, 400);
    assert.equal(wrongCurrent.json().error.details[0].path, 'body.currentPassword');
    const short = await call(t, s, 'POST', '/api/v1/auth/password', {
      currentPassword: oneTimePassword,
      newPassword: 'short',
    });
    assert.equal(short.statusCode, 400);
    assert.equal(short.json().error.code, 'request.invalid');
    assert.equal(short.json().error.details[0].path, 'body.newPassword');
    const same = await call(t, s, 'POST', '/api/v1/auth/password', {
      currentPassword: oneTimePassword,
      newPassword: oneTimePassword,
    });
    assert.equal(same.statusCode, 400);
    assert.equal(same.json().error.code, 'auth.password_weak');
    assert.equal((await call(t, s, 'GET', '/api/v1/missions')).statusCode, 403);

    const changed = await call(t, s, 'POST', '/api/v1/auth/password', {
      currentPassword: oneTimePassword,
      newPassword: NEW_PASSWORD,
    });
    assert.equal(changed.statusCode, 204);
    assert.equal((await call(t, s, 'GET', '/api/v1/missions')).statusCode, 200);
    assert.equal((await call(t, s, 'GET', ME)).json().user.mustChangePassword, false);

    assert.equal((await attempt(t, user.email, oneTimePassword)).statusCode, 401);
    assert.equal((await attempt(t, user.email, NEW_PASSWORD)).statusCode, 200);
  });

  it('lets a user who must change the password still sign out', async () => {
    const user = await makeUser(t, 'viewer');
    const { oneTimePassword } = (await call(t, admin, 'POST', `${USERS}/${user.id}/password-reset`)).json();
    const s = await login(t, user.email, oneTimePassword);
    assert.equal((await call(t, s, 'POST', '/api/v1/auth/logout')).statusCode, 204);
    assert.equal((await call(t, s, 'GET', ME)).statusCode, 401);
  });

  it('enqueues a notice mail to the user and audits the reset', async () => {
    const user = await makeUser(t, 'viewer');
    const res = await call(t, admin, 'POST', `${USERS}/${user.id}/password-reset`);
    assert.equal(res.statusCode, 200);
    const jobs = await t.deps.db.selectFrom('outbox').selectAll().where('kind', '=', 'mail.send').execute();
    const mine = jobs.filter((j) => JSON.parse(j.payload).to === user.email);
    assert.equal(mine.length, 1);
    assert.equal(mine[0]!.status, 'pending');
    const payload = JSON.parse(mine[0]!.payload);
    assert.match(payload.subject, /password/i);
    // The mail tells the user it happened; it never carries the password.
    assert.ok(!mine[0]!.payload.includes(res.json().oneTimePassword));

    const audit = await t.deps.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'user.password_reset')
      .where('entityId', '=', user.id)
      .execute();
    assert.equal(audit.length, 1);
  });

  it('writes nothing for a user that does not exist', async () => {
    const outbox = await countWhere(t, 'outbox');
    const audit = await countWhere(t, 'auditLog');
    const res = await call(t, admin, 'POST', `${USERS}/${randomUUID()}/password-reset`);
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error.code, 'user.not_found');
    assert.equal(await countWhere(t, 'outbox'), outbox);
    assert.equal(await countWhere(t, 'auditLog'), audit);
  });

  it('lifts a sign-in lockout, so the one-time password works at once', async () => {
    const user = await makeUser(t, 'viewer');
    for (let i = 0; i < 3; i++) await attempt(t, user.email, 'a-wrong-guess');
    assert.equal((await attempt(t, user.email, PASSWORD)).statusCode, 429);
    const { oneTimePassword } = (await call(t, admin, 'POST', `${USERS}/${user.id}/password-reset`)).json();
    assert.equal((await attempt(t, user.email, oneTimePassword)).statusCode, 200);
  });
});

describe(`users created through the API (${dialectUnderTest})`, () => {
  let t: TestApp;
  let admin: Session;
  before(async () => {
    t = await buildTestApp();
    admin = (await signedInAs(t, 'hq_admin')).session;
  });
  after(() => t.close());

  it('get a one-time password when none is given, and must change it', async () => {
    const email = uniqueEmail('fresh');
    const res = await call(t, admin, 'POST', USERS, {
      email,
      displayName: 'Fresh Officer',
      role: 'hq_officer',
    });
    assert.equal(res.statusCode, 201);
    const { user, oneTimePassword } = res.json();
    assert.match(oneTimePassword, ONE_TIME);
    assert.equal(user.mustChangePassword, true);
    assert.equal(user.locale, 'id');

    const s = await login(t, email, oneTimePassword);
    assert.equal(
      (await call(t, s, 'GET', '/api/v1/missions')).json().error.code,
      'auth.password_change_required',
    );
    const changed = await call(t, s, 'POST', '/api/v1/auth/password', {
      currentPassword: oneTimePassword,
      newPassword: NEW_PASSWORD,
    });
    assert.equal(changed.statusCode, 204);
    assert.equal((await call(t, s, 'GET', '/api/v1/missions')).statusCode, 200);
  });

  it('must also change a password the administrator chose for them', async () => {
    const email = uniqueEmail('chosen');
    const res = await call(t, admin, 'POST', USERS, {
      email,
      displayName: 'Chosen',
      role: 'viewer',
      password: 'admin-chose-this-one-42',
    });
    assert.equal(res.statusCode, 201);
    assert.equal(res.json().oneTimePassword, null);
    assert.equal(res.json().user.mustChangePassword, true);
    const s = await login(t, email, 'admin-chose-this-one-42');
    assert.equal((await call(t, s, 'GET', '/api/v1/missions')).statusCode, 403);
  });

  it('ends the other sessions when the password is changed', async () => {
    const email = uniqueEmail('twodevices');
    const { oneTimePassword } = (
      await call(t, admin, 'POST', USERS, { email, displayName: 'Two Devices', role: 'viewer' })
    ).json();
    const laptop = await login(t, email, oneTimePassword);
    const phone = await login(t, email, oneTimePassword);
    const changed = await call(t, laptop, 'POST', '/api/v1/auth/password', {
      currentPassword: oneTimePassword,
      newPassword: NEW_PASSWORD,
    });
    assert.equal(changed.statusCode, 204);
    assert.equal((await call(t, laptop, 'GET', ME)).statusCode, 200);
    assert.equal((await call(t, phone, 'GET', ME)).statusCode, 401);
  });
});

describe(`users administration (${dialectUnderTest})`, () => {
  let t: TestApp;
  let admin: Session;
  let adminId: string;
  before(async () => {
    t = await buildTestApp();
    const a = await signedInAs(t, 'hq_admin');
    admin = a.session;
    adminId = a.user.id;
  });
  after(() => t.close());

  it('creates a user, normalises the email, audits it and never sends secrets', async () => {
    const mission = await makeMission(t);
    const email = uniqueEmail('Created');
    const res = await call(t, admin, 'POST', USERS, {
      email: `  ${email.toUpperCase()} `,
      displayName: 'Siti Rahma',
      role: 'mission_officer',
      missionCodes: [mission.code],
      locale: 'en',
      password: 'a-very-good-password-1',
    });
    assert.equal(res.statusCode, 201, res.body);
    const { user } = res.json();
    assert.equal(user.email, email.toLowerCase());
    assert.equal(user.displayName, 'Siti Rahma');
    assert.equal(user.role, 'mission_officer');
    assert.deepEqual(user.missionCodes, [mission.code]);
    assert.equal(user.status, 'active');
    assert.equal(user.version, 1);
    assert.equal(user.totpEnabled, false);
    assert.equal(user.lockedUntil, null);
    for (const secret of ['passwordHash', 'totpSecretEnc', 'loginKey', 'password'])
      assert.equal(user[secret], undefined);
    assert.ok(!res.body.includes('argon2'));

    const got = await call(t, admin, 'GET', `${USERS}/${user.id}`);
    assert.equal(got.statusCode, 200);
    assert.deepEqual(got.json(), user);

    const audit = await t.deps.db
      .selectFrom('auditLog')
      .selectAll()
      .where('entityId', '=', user.id)
      .execute();
    assert.deepEqual(
      audit.map((a) => [a.action, a.actorId]),
      [['user.create', adminId]],
    );
  });

  it('answers 404 for an id that does not exist', async () => {
    const res = await call(t, admin, 'GET', `${USERS}/${randomUUID()}`);
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error.code, 'user.not_found');
  });

  it('edits a user with the version read earlier, and rejects a stale version without changing anything', async () => {
    const user = await makeUser(t, 'hq_officer');
    const edited = await call(t, admin, 'PATCH', `${USERS}/${user.id}`, {
      version: user.version,
      displayName: 'Budi Santoso',
      locale: 'id',
    });
    assert.equal(edited.statusCode, 200);
    assert.equal(edited.json().displayName, 'Budi Santoso');
    assert.equal(edited.json().version, user.version + 1);

    const stale = await call(t, admin, 'PATCH', `${USERS}/${user.id}`, {
      version: user.version,
      displayName: 'Overwritten',
      role: 'viewer',
    });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().error.code, 'conflict.stale_version');
    const now = (await call(t, admin, 'GET', `${USERS}/${user.id}`)).json();
    assert.equal(now.displayName, 'Budi Santoso');
    assert.equal(now.role, 'hq_officer');
    assert.equal(now.version, user.version + 1);

    const audit = await t.deps.db
      .selectFrom('auditLog')
      .selectAll()
      .where('action', '=', 'user.update')
      .where('entityId', '=', user.id)
      .execute();
    assert.equal(audit.length, 1);
    assert.deepEqual(JSON.parse(audit[0]!.changes!), ['displayName', 'locale']);
  });

  it("does not make an administrator's pending edit stale when the user merely signs in", async () => {
    const user = await makeUser(t, 'hq_officer');
    const read = (await call(t, admin, 'GET', `${USERS}/${user.id}`)).json();
    await login(t, user.email);
    const after = (await call(t, admin, 'GET', `${USERS}/${user.id}`)).json();
    assert.ok(after.lastLoginAt, 'the sign-in is recorded');
    const edited = await call(t, admin, 'PATCH', `${USERS}/${user.id}`, {
      version: read.version,
      displayName: 'Edited',
    });
    assert.equal(edited.statusCode, 200, edited.body);
  });

  it('requires at least one mission for a mission officer', async () => {
    const email = uniqueEmail('nomission');
    const res = await call(t, admin, 'POST', USERS, {
      email,
      displayName: 'No Mission',
      role: 'mission_officer',
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.code, 'user.mission_required');
    assert.equal(res.json().error.details[0].path, 'body.missionCodes');
    assert.deepEqual(await byEmail(t, email), []);

    // Changing someone into a mission officer needs a mission too.
    const user = await makeUser(t, 'hq_officer');
    const patch = await call(t, admin, 'PATCH', `${USERS}/${user.id}`, {
      version: user.version,
      role: 'mission_officer',
    });
    assert.equal(patch.statusCode, 400);
    assert.equal(patch.json().error.code, 'user.mission_required');
    assert.equal((await userRow(t, user.id)).role, 'hq_officer');
  });

  it('refuses unknown missions, and partners without a partner organisation', async () => {
    const unknown = await call(t, admin, 'POST', USERS, {
      email: uniqueEmail(),
      displayName: 'X',
      role: 'mission_officer',
      missionCodes: ['KBRI-NOWHERE'],
    });
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().error.details[0].path, 'body.missionCodes');
    assert.match(unknown.json().error.message, /KBRI-NOWHERE/);

    const partner = await call(t, admin, 'POST', USERS, {
      email: uniqueEmail(),
      displayName: 'P',
      role: 'partner',
    });
    assert.equal(partner.statusCode, 400);
    assert.equal(partner.json().error.code, 'user.organisation_required');
    assert.equal(partner.json().error.details[0].path, 'body.organisationId');
  });

  it('refuses a second account for the same email, in any letter case', async () => {
    const user = await makeUser(t, 'viewer');
    for (const email of [user.email, user.email.toUpperCase()]) {
      const res = await call(t, admin, 'POST', USERS, { email, displayName: 'Twin', role: 'viewer' });
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().error.code, 'user.email_taken');
      assert.equal(res.json().error.details[0].path, 'body.email');
    }
    const rows = await byEmail(t, user.email);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.displayName, 'Test viewer');
  });

  it('does not let an administrator disable themself or change their own role', async () => {
    const me = (await call(t, admin, 'GET', `${USERS}/${adminId}`)).json();
    for (const patch of [{ status: 'disabled' }, { role: 'viewer' }]) {
      const res = await call(t, admin, 'PATCH', `${USERS}/${adminId}`, { version: me.version, ...patch });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.code, 'user.cannot_change_self');
    }
    const row = await userRow(t, adminId);
    assert.equal(row.status, 'active');
    assert.equal(row.role, 'hq_admin');
    assert.equal((await call(t, admin, 'GET', ME)).statusCode, 200);
  });

  it('ends the sessions of a user it disables, and lets them back in once re-enabled', async () => {
    const { user, session } = await signedInAs(t, 'hq_officer');
    const disabled = await call(t, admin, 'PATCH', `${USERS}/${user.id}`, {
      version: user.version,
      status: 'disabled',
    });
    assert.equal(disabled.statusCode, 200);
    assert.equal(disabled.json().status, 'disabled');
    const me = await call(t, session, 'GET', ME);
    assert.equal(me.statusCode, 401);
    assert.equal((await attempt(t, user.email, PASSWORD)).statusCode, 401);
    const sessions = await t.deps.db
      .selectFrom('sessions')
      .select('id')
      .where('userId', '=', user.id)
      .execute();
    assert.deepEqual(sessions, []);

    const enabled = await call(t, admin, 'PATCH', `${USERS}/${user.id}`, {
      version: disabled.json().version,
      status: 'active',
    });
    assert.equal(enabled.statusCode, 200);
    assert.equal((await attempt(t, user.email, PASSWORD)).statusCode, 200);
  });

  it('ends the sessions of a user whose role changes', async () => {
    const { user, session } = await signedInAs(t, 'hq_officer');
    const res = await call(t, admin, 'PATCH', `${USERS}/${user.id}`, {
      version: user.version,
      role: 'viewer',
    });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().role, 'viewer');
    assert.equal((await call(t, session, 'GET', ME)).statusCode, 401);
    const again = await login(t, user.email);
    assert.equal((await call(t, again, 'GET', ME)).json().user.role, 'viewer');
  });

  it('lists users page by page, in email order, with an opaque cursor', async () => {
    const prefix = `pager${Date.now().toString(36)}`;
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await makeUser(t, 'viewer', { email: uniqueEmail(prefix) }));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `${USERS}?limit=2&q=${prefix}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const res = await call(t, admin, 'GET', url);
      assert.equal(res.statusCode, 200);
      const body = res.json();
      assert.ok(body.items.length <= 2);
      seen.push(...body.items.map((u: { email: string }) => u.email));
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    assert.equal(pages, 3);
    assert.deepEqual(seen, made.map((u) => u.email).sort());

    const bad = await call(t, admin, 'GET', `${USERS}?cursor=not-a-cursor`);
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.details[0].path, 'querystring.cursor');
  });

  it('filters by role, mission and search text', async () => {
    const a = await makeMission(t);
    const b = await makeMission(t);
    const org = await makePartner(t);
    const officerA = await makeUser(t, 'mission_officer', { missionCodes: [a.code] });
    const officerB = await makeUser(t, 'mission_officer', { missionCodes: [b.code] });
    const officerAB = await makeUser(t, 'mission_officer', { missionCodes: [a.code, b.code] });
    const partner = await makeUser(t, 'partner', { organisationId: org.id });
    const named = await call(t, admin, 'POST', USERS, {
      email: uniqueEmail('search'),
      displayName: 'Dewi Kartika Sari',
      role: 'viewer',
    });

    const ids = async (query: string) =>
      ((await call(t, admin, 'GET', `${USERS}?limit=200&${query}`)).json().items as { id: string }[]).map(
        (u) => u.id,
      );

    const ofA = await ids(`mission=${a.code}`);
    assert.deepEqual(ofA.sort(), [officerA.id, officerAB.id].sort());
    assert.ok(!ofA.includes(officerB.id));
    assert.deepEqual(await ids('mission=KBRI-NOWHERE'), []);

    const partners = await ids('role=partner');
    assert.ok(partners.includes(partner.id));
    const partnerRows = (await call(t, admin, 'GET', `${USERS}?role=partner&limit=200`)).json().items;
    assert.ok(partnerRows.every((u: { role: string }) => u.role === 'partner'));
    assert.ok(!partners.includes(officerA.id));

    assert.deepEqual(await ids('q=kartika'), [named.json().user.id]);
    assert.deepEqual(await ids('q=KARTIKA'), [named.json().user.id]);
    assert.deepEqual(await ids(`q=${encodeURIComponent(officerB.email)}`), [officerB.id]);
    // An underscore is an ordinary character of many email addresses.
    const underscored = await makeUser(t, 'viewer', {
      email: uniqueEmail(`budi_santoso${Date.now().toString(36)}`),
    });
    assert.deepEqual(await ids(`q=${encodeURIComponent(underscored.email.split('@')[0]!)}`), [
      underscored.id,
    ]);
    assert.deepEqual(await ids('q=no-such-person-anywhere'), []);
  });
});
