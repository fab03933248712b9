// Self-registration by nationals: the /lapor pages (urlencoded forms, no JavaScript) and the JSON
// API. A national's code is read where they would read it: the outbox message, or the file the
// development log channel writes. Nothing may tell a visitor who is already registered.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { buildHandlers } from '../src/jobs';
import { OutboxWorker } from '../src/platform/outbox/outbox';
import { sha256 } from '../src/platform/crypto';
import { purgeOldRegistrations } from '../src/modules/registration/registration.service';
import { buildTestApp, dialectUnderTest, makeMission, type TestApp } from './helpers';

type Fields = Record<string, string | string[]>;

let ipSeq = 0;
/** Each scenario comes from its own address, so that the per-address limits meet only their own test. */
const newIp = () => `10.1.${Math.floor(++ipSeq / 200)}.${(ipSeq % 200) + 1}`;

const encode = (fields: Fields) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
  return p.toString();
};

/** A national in Kuala Lumpur with one child, as the form sends it. */
const national = (over: Fields = {}): Fields => ({
  lang: 'id',
  memberRows: '1',
  action: 'send',
  fullName: 'Siti Aminah',
  sex: 'female',
  birthDate: '17 Agustus 1990',
  phone: '012-345 6789',
  email: '',
  country: 'MY',
  city: 'Kuala Lumpur',
  address: 'Jalan Ampang 12',
  statusAbroad: 'worker',
  employer: 'Kedai Makan Sdn Bhd',
  passport: 'C1234567',
  languages: ['id', 'ms'],
  'emergencyContact.name': 'Aminah',
  'emergencyContact.relationship': 'ibu',
  'emergencyContact.phone': '0812 3456 7890',
  consentRegistry: 'on',
  consentAlerts: 'on',
  'members.0.fullName': 'Budi Santoso',
  'members.0.relationship': 'child',
  'members.0.sex': 'male',
  'members.0.birthDate': '2015',
  ...over,
});

const apiBody = (over: Record<string, unknown> = {}) => ({
  fullName: 'Dewi Lestari',
  sex: 'female',
  birthDate: '1988-03',
  email: 'Dewi.Lestari@example.com',
  country: 'SA',
  city: 'Riyadh',
  statusAbroad: 'worker',
  consentRegistry: true,
  members: [{ fullName: 'Rudi Hartono', relationship: 'spouse', sex: 'male', birthDate: '1985' }],
  ...over,
});

const idIn = (html: string) => /name="id" value="([^"]+)"/.exec(html)?.[1] ?? '';
const tokenIn = (html: string) => /\/lapor\/m\/([\w-]{43})/.exec(html)?.[1] ?? '';
const codeIn = (text: string) => /\b(\d{6})\b/.exec(text)?.[1] ?? '';
/** A page with its one-time parts (registration id) blanked, to compare two answers. */
const comparable = (html: string) => html.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, 'ID');

describe(`self-registration (${dialectUnderTest})`, () => {
  let t: TestApp;
  let kl: { id: string };
  let riyadh: { id: string; name: string };

  const post = (url: string, fields: Fields, ip = newIp(), headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url,
      remoteAddress: ip,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      payload: encode(fields),
    });
  const codeJob = (registrationId: string) =>
    t.deps.db
      .selectFrom('outbox')
      .selectAll()
      .where('idempotencyKey', '=', `registration:${registrationId}:code`)
      .executeTakeFirst();
  const codeOf = async (registrationId: string) => {
    const job = await codeJob(registrationId);
    assert.ok(job, 'a code was sent');
    return codeIn((JSON.parse(job.payload) as { text: string }).text);
  };

  /** Submits the form and confirms it with the code from the outbox; returns the management token. */
  async function register(over: Fields = {}, ip = newIp()) {
    const start = await post('/lapor', national(over), ip);
    assert.equal(start.statusCode, 200, start.body);
    const id = idIn(start.body);
    const done = await post('/lapor/verify', { id, code: await codeOf(id), lang: 'id' }, ip);
    assert.equal(done.statusCode, 200, done.body);
    const token = tokenIn(done.body);
    assert.ok(token, 'the management link is shown');
    return { id, token, done };
  }

  const householdOf = async (token: string) => {
    const link = await t.deps.db
      .selectFrom('registrationLinks')
      .selectAll()
      .where('tokenHash', '=', sha256(token))
      .executeTakeFirstOrThrow();
    const people = await t.deps.db
      .selectFrom('people')
      .selectAll()
      .where('householdId', '=', link.householdId)
      .execute();
    const head = people.find((p) => p.id === link.personId)!;
    return { link, people, head, others: people.filter((p) => p.id !== head.id) };
  };

  before(async () => {
    t = await buildTestApp();
    kl = await makeMission(t, {
      code: 'KBRI-KUALALUMPUR',
      city: 'Kuala Lumpur',
      countries: ['MY'],
      hotline: '+60321164000',
    });
    riyadh = await makeMission(t, {
      code: 'KBRI-RIYADH',
      name: 'KBRI Riyadh',
      city: 'Riyadh',
      countries: ['SA'],
      hotline: '+966114882800',
    });
  });
  after(() => t.close());

  it('serves a light, script-free form in Indonesian, and in English on request', async () => {
    const id = await t.app.inject({ method: 'GET', url: '/lapor', headers: { accept: 'text/html' } });
    assert.equal(id.statusCode, 200);
    assert.match(String(id.headers['content-type']), /^text\/html/);
    assert.equal(id.headers['cache-control'], 'no-store');
    assert.match(id.body, /<html lang="id">/);
    assert.match(id.body, /Lapor diri WNI di luar negeri/);
    assert.match(id.body, /href="\/lapor\?lang=en"/);
    assert.doesNotMatch(id.body, /<script/i);
    assert.ok(Buffer.byteLength(id.body) < 30_000, `page weight ${Buffer.byteLength(id.body)} bytes`);
    assert.match(id.body, /name="viewport" content="width=device-width/);
    // The inline stylesheet is allowed by the security policy.
    assert.match(String(id.headers['content-security-policy']), /style-src [^;]*'unsafe-inline'/);

    const en = await t.app.inject({ method: 'GET', url: '/lapor?lang=en' });
    assert.match(en.body, /<html lang="en">/);
    assert.match(en.body, /Register as an Indonesian national abroad/);
    assert.doesNotMatch(en.body, /<script/i);

    const hint = (al: string) =>
      t.app.inject({ method: 'GET', url: '/lapor', headers: { 'accept-language': al } }).then((r) => r.body);
    assert.match(await hint('en-GB,en;q=0.9'), /<html lang="en">/);
    assert.match(await hint('ms-MY,en;q=0.8'), /<html lang="id">/);
    assert.match(await hint('ar-SA,fr;q=0.5'), /<html lang="id">/);
    assert.match(await hint('fr,en;q=0.5'), /<html lang="en">/);
  });

  it('removes registrations a day old at housekeeping, and keeps the people they created', async () => {
    const { id, token } = await register();
    const pending = idIn((await post('/lapor', national())).body);
    const realNow = t.deps.now;
    try {
      t.deps.now = () => new Date(realNow().getTime() + 25 * 3600_000);
      await purgeOldRegistrations(t.deps);
    } finally {
      t.deps.now = realNow;
    }
    const left = await t.deps.db
      .selectFrom('registrations')
      .select('id')
      .where('id', 'in', [id, pending])
      .execute();
    assert.deepEqual(left, []);
    const { people } = await householdOf(token);
    assert.ok(people.length > 0, 'the registered people stay');
    const fresh = idIn((await post('/lapor', national())).body);
    await purgeOldRegistrations(t.deps);
    assert.ok(
      await t.deps.db.selectFrom('registrations').select('id').where('id', '=', fresh).executeTakeFirst(),
    );
    // Other tests here count pending registrations: leave none behind.
    await t.deps.db.deleteFrom('registrations').where('id', '=', fresh).execute();
  });

  it('keeps its own pages under /lapor instead of the console', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/lapor/nothing-here',
      headers: { accept: 'text/html' },
    });
    assert.equal(res.statusCode, 404);
    assert.match(String(res.headers['content-type']), /^text\/html/);
    assert.match(res.body, /Halaman tidak ditemukan/);
    assert.doesNotMatch(res.body, /<script/i);
  });

  it('adds a member row without JavaScript, keeping what was typed', async () => {
    const res = await post('/lapor', { ...national({ memberRows: '1' }), action: 'add' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /name="members\.1\.fullName"/);
    assert.match(res.body, /name="members\.0\.fullName" value="Budi Santoso"/);
    assert.match(res.body, /value="Siti Aminah"/);
    assert.match(res.body, /<option value="MY" selected>/);
    assert.match(res.body, /value="ms" checked/);
    assert.doesNotMatch(res.body, /aria-invalid="true"/);
    const full = await post('/lapor', { ...national({ memberRows: '6' }), action: 'add' });
    assert.match(full.body, /name="members\.5\.fullName"/);
    assert.doesNotMatch(full.body, /name="members\.6\.fullName"/);
    assert.doesNotMatch(full.body, /value="add"/);
    assert.equal(await t.deps.db.selectFrom('registrations').select('id').executeTakeFirst(), undefined);
  });

  it('shows field errors next to the fields, keeps the values and sends nothing', async () => {
    const before = (await t.deps.db.selectFrom('outbox').select('id').execute()).length;
    const bad = await post(
      '/lapor',
      national({
        phone: '0812 3456 7890', // an Indonesian mobile written as at home, while living in Malaysia
        birthDate: '31-02-1990',
        'members.0.birthDate': '2099',
        city: 'x'.repeat(101),
        passport: 'C12;34',
      }),
    );
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Periksa kembali isian/);
    const errorOf = (name: string) =>
      new RegExp(
        `id="${name}"[^>]*aria-invalid="true"[\\s\\S]*?<p class="e" id="${name}-e">([^<]+)</p>`,
      ).exec(bad.body)?.[1];
    assert.match(errorOf('f-phone') ?? '', /kode negara/);
    assert.equal(errorOf('f-birthDate'), 'Tanggal ini tidak ada.');
    assert.equal(errorOf('f-members-0-birthDate'), 'Tanggal lahir tidak boleh di masa depan.');
    assert.equal(errorOf('f-city'), 'Terlalu panjang.');
    assert.equal(errorOf('f-passport'), 'Nomor paspor hanya berisi huruf dan angka.');
    assert.match(bad.body, /value="0812 3456 7890"/);
    assert.match(bad.body, /value="31-02-1990"/);

    const worse = await post(
      '/lapor',
      national({ lang: 'en', country: 'XX', fullName: 'Siti\u0007Aminah', phone: '', consentRegistry: [] }),
    );
    assert.equal(worse.statusCode, 400);
    assert.match(worse.body, /<html lang="en">/);
    assert.match(worse.body, /id="f-country-e">Choose a country from the list\.</);
    assert.match(worse.body, /id="f-fullName-e">Contains characters that are not allowed\.</);
    assert.match(worse.body, /id="f-phone-e">Give a mobile phone number or an email\.</);
    assert.match(worse.body, /id="f-consentRegistry-e">We need this consent/);
    // Kept, with the control character shown as a replacement character: HTML may not carry it.
    assert.ok(worse.body.includes('value="Siti\uFFFDAminah"'));

    assert.equal((await t.deps.db.selectFrom('outbox').select('id').execute()).length, before);
  });

  it('registers a household through the form: a code by SMS, then everyone in one go', async () => {
    const ip = newIp();
    const start = await post('/lapor', national(), ip);
    assert.equal(start.statusCode, 200);
    assert.match(start.body, /Masukkan kode konfirmasi/);
    assert.match(start.body, /lewat SMS ke \+60•+6789/);
    assert.doesNotMatch(start.body, /123456789|<script/);
    const id = idIn(start.body);

    // The national reads the SMS: the log channel's file in the data directory.
    const job = (await codeJob(id))!;
    assert.equal(job.kind, 'sms.send');
    await new OutboxWorker(t.deps, buildHandlers()).runOnce();
    const sms = fs.readFileSync(path.join(t.config.dataDir, 'outbox', `${job.id}.sms.txt`), 'utf8');
    assert.match(sms, /^To: \+60123456789\n/);
    const code = codeIn(sms);
    assert.equal(code.length, 6);

    const row = await t.deps.db
      .selectFrom('registrations')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.notEqual(row.codeHash, code);
    assert.doesNotMatch(row.payloadEnc ?? '', /Siti|Budi/);

    const done = await post('/lapor/verify', { id, code, lang: 'id' }, ip);
    assert.equal(done.statusCode, 200);
    assert.match(done.body, /Pendaftaran berhasil/);
    const token = tokenIn(done.body);
    assert.match(done.body, new RegExp(`http://[^/]+/lapor/m/${token}`));

    const { head, others, link } = await householdOf(token);
    assert.equal(others.length, 1);
    const [child] = others;
    assert.equal(head.fullName, 'Siti Aminah');
    assert.equal(head.householdRole, 'head');
    assert.equal(head.source, 'self');
    assert.equal(head.birthDate, '1990-08-17');
    assert.equal(head.missionId, kl.id);
    assert.equal(head.country, 'MY');
    assert.deepEqual(JSON.parse(head.languages), ['id', 'ms']);
    assert.deepEqual(
      (JSON.parse(head.consents) as { purpose: string; channel: string }[]).map((c) => [
        c.purpose,
        c.channel,
      ]),
      [
        ['registry', 'web'],
        ['alerts', 'web'],
      ],
    );
    assert.equal(child!.fullName, 'Budi Santoso');
    assert.equal(child!.householdRole, 'child');
    assert.equal(child!.birthDate, '2015');
    assert.equal(child!.missionId, kl.id);
    const household = await t.deps.db
      .selectFrom('households')
      .selectAll()
      .where('id', '=', link.householdId)
      .executeTakeFirstOrThrow();
    assert.equal(household.size, 2);

    const contacts = await t.deps.db
      .selectFrom('personContacts')
      .selectAll()
      .where('personId', '=', head.id)
      .execute();
    assert.equal(contacts.length, 1);
    assert.equal(contacts[0]!.kind, 'phone');
    assert.equal(contacts[0]!.verified, 1);
    assert.equal(contacts[0]!.consent, 1);
    const docs = await t.deps.db
      .selectFrom('personDocuments')
      .selectAll()
      .where('personId', '=', head.id)
      .execute();
    assert.deepEqual(
      docs.map((d) => [d.kind, d.issuingCountry, d.numberLast]),
      [['passport', 'ID', '567']],
    );

    // Only the token's hash is kept; the confirmed payload is gone.
    assert.equal(link.tokenHash, sha256(token));
    const after = await t.deps.db
      .selectFrom('registrations')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(after.status, 'verified');
    assert.equal(after.payloadEnc, null);

    // The link is sent by the same channel.
    const linkJob = await t.deps.db
      .selectFrom('outbox')
      .selectAll()
      .where('idempotencyKey', '=', `registration:${id}:link`)
      .executeTakeFirstOrThrow();
    assert.equal(linkJob.kind, 'sms.send');
    assert.match(linkJob.payload, new RegExp(`/lapor/m/${token}`));

    // Audited as the self-registration actor, with no personal data in the label.
    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select(['action', 'actorLabel', 'entityId'])
      .where('entityId', 'in', [head.id, child!.id, link.householdId])
      .execute();
    assert.ok(audit.some((a) => a.action === 'household.create'));
    assert.equal(audit.filter((a) => a.action === 'person.create').length, 2);
    assert.ok(audit.every((a) => a.actorLabel === 'system:self-registration'));

    // Sending the right code again changes nothing.
    const again = await post('/lapor/verify', { id, code, lang: 'id' }, ip);
    assert.equal(again.statusCode, 200);
    assert.match(again.body, /sudah dikonfirmasi/);
    assert.equal((await householdOf(token)).people.length, 2);
  });

  it('registers through the JSON API, with the code by email', async () => {
    const ip = newIp();
    const start = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/registrations',
      remoteAddress: ip,
      payload: apiBody({ lang: 'en' }),
    });
    assert.equal(start.statusCode, 202, start.body);
    const started = start.json() as { id: string; channel: string; sentTo: string };
    assert.equal(started.channel, 'email');
    assert.match(started.sentTo, /^d•+@example\.com$/);
    const job = (await codeJob(started.id))!;
    assert.equal(job.kind, 'mail.send');
    const mail = JSON.parse(job.payload) as { to: string; subject: string; text: string };
    assert.equal(mail.to, 'dewi.lestari@example.com');
    assert.equal(mail.subject, 'Your registration code');

    const wrong = await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/registrations/${started.id}/verify`,
      remoteAddress: ip,
      payload: { code: '000000' === codeIn(mail.text) ? '111111' : '000000' },
    });
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.json().error.code, 'registration.code_invalid');
    assert.match(wrong.json().error.message, /4 attempts left/);

    const ok = await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/registrations/${started.id}/verify`,
      remoteAddress: ip,
      payload: { code: codeIn(mail.text) },
    });
    assert.equal(ok.statusCode, 201, ok.body);
    const confirmed = ok.json() as { token: string; url: string; people: number };
    assert.equal(confirmed.people, 2);
    assert.match(confirmed.url, new RegExp(`/lapor/m/${confirmed.token}$`));

    const view = await t.app.inject({
      method: 'GET',
      url: '/api/v1/public/registrations/household',
      headers: { 'x-registration-token': confirmed.token },
    });
    assert.equal(view.statusCode, 200, view.body);
    const h = view.json();
    assert.deepEqual(
      h.people.map((p: { fullName: string; relationship: string }) => [p.fullName, p.relationship]),
      [
        ['Dewi Lestari', 'head'],
        ['Rudi Hartono', 'spouse'],
      ],
    );
    assert.deepEqual(h.contacts, [{ kind: 'email', value: 'dewi.lestari@example.com', verified: true }]);
    assert.deepEqual(h.mission, { code: 'KBRI-RIYADH', name: riyadh.name });

    const moved = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/public/registrations/household/location',
      headers: { 'x-registration-token': confirmed.token },
      payload: { country: 'MY', city: 'Johor Bahru' },
    });
    assert.equal(moved.statusCode, 200, moved.body);
    assert.equal(moved.json().mission.code, 'KBRI-KUALALUMPUR');

    const gone = await t.app.inject({ method: 'GET', url: '/api/v1/public/registrations/household' });
    assert.equal(gone.statusCode, 404);
    assert.equal(gone.json().error.code, 'registration.link_invalid');
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/registrations/00000000-0000-4000-8000-000000000000/verify',
      payload: { code: '123456' },
    });
    assert.equal(unknown.statusCode, 410);
    assert.equal(unknown.json().error.code, 'registration.expired');
  });

  it('names the API fields at fault with the same rules as the form', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/registrations',
      remoteAddress: newIp(),
      payload: apiBody({
        phone: '0812 3456 7890',
        country: 'SA',
        members: [{ fullName: 'Rudi', relationship: 'spouse', sex: 'male', birthDate: '1985-13' }],
        emergencyContact: { name: 'Ibu', phone: 'call me' },
      }),
    });
    assert.equal(res.statusCode, 400);
    const err = res.json().error;
    assert.equal(err.code, 'request.invalid');
    const byPath = Object.fromEntries(
      err.details.map((d: { path: string; code: string }) => [d.path, d.code]),
    );
    assert.equal(byPath['body.phone'], 'phone.not_for_country');
    assert.equal(byPath['body.members.0.birthDate'], 'date.impossible');
    assert.equal(byPath['body.emergencyContact.phone'], 'phone.invalid');
    const unknownCountry = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/registrations',
      payload: apiBody({ country: 'ZZ' }),
    });
    assert.equal(unknownCountry.json().error.details[0].path, 'body.country');
  });

  it('counts wrong codes and gives up after five', async () => {
    const ip = newIp();
    const start = await post('/lapor', national({ phone: '012-555 0101' }), ip);
    const id = idIn(start.body);
    const code = await codeOf(id);
    const wrongCode = code === '999999' ? '999998' : '999999';
    for (const left of [4, 3, 2, 1]) {
      const res = await post(
        '/lapor/verify',
        // A posted copy of the contact is never shown back.
        { id, code: wrongCode, lang: 'id', sentTo: '<b>call us</b>' },
        ip,
      );
      assert.equal(res.statusCode, 400);
      assert.match(res.body, new RegExp(`Kode salah\\. Sisa percobaan: ${left}\\.`));
      assert.match(res.body, /kami kirim lewat SMS/);
      assert.doesNotMatch(res.body, /call us/);
    }
    const last = await post('/lapor/verify', { id, code: wrongCode, lang: 'id' }, ip);
    assert.equal(last.statusCode, 410);
    assert.match(last.body, /Kode sudah tidak berlaku/);
    const late = await post('/lapor/verify', { id, code, lang: 'id' }, ip);
    assert.equal(late.statusCode, 410);
    const row = await t.deps.db
      .selectFrom('registrations')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'locked');
    assert.equal(row.payloadEnc, null);
  });

  it('lets a code expire after 30 minutes', async () => {
    const ip = newIp();
    const start = await post('/lapor', national({ phone: '012-555 0202', lang: 'en' }), ip);
    const id = idIn(start.body);
    const code = await codeOf(id);
    const realNow = t.deps.now;
    t.deps.now = () => new Date(realNow().getTime() + 31 * 60_000);
    try {
      const res = await post('/lapor/verify', { id, code, lang: 'en' }, ip);
      assert.equal(res.statusCode, 410);
      assert.match(res.body, /This code is no longer valid/);
      assert.match(res.body, /href="\/lapor\?lang=en"/);
    } finally {
      t.deps.now = realNow;
    }
  });

  it('answers the same whether or not the contact or passport is known', async () => {
    await register({ phone: '012-777 4321', passport: 'B7654321' });
    const known = await post('/lapor', national({ phone: '012-777 4321', passport: 'B7654321' }));
    const unknown = await post('/lapor', national({ phone: '013-777 4321', passport: 'A1111111' }));
    assert.equal(known.statusCode, unknown.statusCode);
    assert.equal(comparable(known.body), comparable(unknown.body));
    assert.deepEqual(Object.keys(known.headers).sort(), Object.keys(unknown.headers).sort());

    const apiKnown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/registrations',
      remoteAddress: newIp(),
      payload: apiBody({ email: 'dewi.lestari@example.com' }),
    });
    const apiUnknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/registrations',
      remoteAddress: newIp(),
      payload: apiBody({ email: 'dewi.lestary@example.com' }),
    });
    assert.equal(apiKnown.statusCode, apiUnknown.statusCode);
    const shape = (r: LightMyRequestResponse) => ({ ...r.json(), id: 'ID', expiresAt: 'T' });
    assert.deepEqual(shape(apiKnown), shape(apiUnknown));
  });

  it('sends at most three codes an hour to one contact, answering the same after that', async () => {
    const contact = { phone: '012-888 0303' };
    const pages: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await post('/lapor', national(contact));
      assert.equal(res.statusCode, 200);
      pages.push(res.body);
    }
    assert.equal(comparable(pages[3]!), comparable(pages[2]!));
    const jobs = await t.deps.db
      .selectFrom('outbox')
      .select('payload')
      .where('kind', '=', 'sms.send')
      .execute();
    assert.equal(jobs.filter((j) => j.payload.includes('+60128880303')).length, 3);
    // The fourth has no code that could ever match.
    const id = idIn(pages[3]!);
    const res = await post('/lapor/verify', { id, code: '123456', lang: 'id' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /Kode salah/);
  });

  it('limits code requests and code attempts per address, with a friendly page', async () => {
    const ip = newIp();
    for (let i = 0; i < 9; i++) {
      const res = await post('/lapor', national({ phone: `012-600 ${String(1000 + i)}` }), ip);
      assert.equal(res.statusCode, 200);
    }
    const viaApi = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/registrations',
      remoteAddress: ip,
      payload: apiBody(),
    });
    assert.equal(viaApi.statusCode, 202);
    const over = await post('/lapor', national({ phone: '012-600 2000' }), ip);
    assert.equal(over.statusCode, 429);
    assert.match(over.body, /Terlalu banyak percobaan/);
    assert.ok(Number(over.headers['retry-after']) > 0);
    const apiOver = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/registrations',
      remoteAddress: ip,
      payload: apiBody(),
    });
    assert.equal(apiOver.statusCode, 429);
    assert.equal(apiOver.json().error.code, 'request.rate_limited');

    const guesser = newIp();
    for (let i = 0; i < 20; i++) {
      const res = await post(
        '/lapor/verify',
        { id: '00000000-0000-4000-8000-000000000000', code: '1' },
        guesser,
      );
      assert.equal(res.statusCode, 410);
    }
    const blocked = await post(
      '/lapor/verify',
      { id: '00000000-0000-4000-8000-000000000000', code: '1' },
      guesser,
    );
    assert.equal(blocked.statusCode, 429);
    assert.doesNotMatch(blocked.body, /<script/);
  });

  it('lets the national change contacts, move, and report the return home', async () => {
    const { token } = await register({ phone: '012-999 0404', lang: 'en' });
    const url = `/lapor/m/${token}`;
    const page = await t.app.inject({ method: 'GET', url });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Siti Aminah/);
    assert.match(page.body, /Budi Santoso/);
    assert.match(page.body, /\+60129990404 \(verified\)/);
    assert.match(page.body, /Jalan Ampang 12, Kuala Lumpur, Malaysia/);
    assert.match(page.body, /<html lang="en">/);
    assert.doesNotMatch(page.body, /<script/i);
    assert.ok(Buffer.byteLength(page.body) < 30_000);
    assert.equal(page.headers['cache-control'], 'no-store');

    const badPhone = await post(url, { lang: 'en', action: 'contact', phone: '12', email: '' });
    assert.equal(badPhone.statusCode, 400);
    assert.match(badPhone.body, /id="f-phone-e">/);
    assert.match(badPhone.body, /value="12"/);

    const contact = await post(url, {
      lang: 'en',
      action: 'contact',
      phone: '019-876 5432',
      email: 'Siti@Example.com',
    });
    assert.equal(contact.statusCode, 303);
    assert.equal(contact.headers.location, `${url}?lang=en&saved=contact`);
    const afterContact = await t.app.inject({ method: 'GET', url: String(contact.headers.location) });
    assert.match(afterContact.body, /Your changes are saved/);
    let { head, others } = await householdOf(token);
    const contacts = await t.deps.db
      .selectFrom('personContacts')
      .selectAll()
      .where('personId', '=', head.id)
      .execute();
    assert.deepEqual(contacts.map((c) => [c.kind, c.verified]).sort(), [
      ['email', 0],
      ['phone', 0],
    ]);
    assert.match(afterContact.body, /\+60198765432/);
    assert.match(afterContact.body, /siti@example\.com/);

    const move = await post(url, {
      lang: 'en',
      action: 'location',
      country: 'SA',
      city: 'Riyadh',
      address: '',
    });
    assert.equal(move.statusCode, 303);
    ({ head, others } = await householdOf(token));
    for (const p of [head, ...others]) {
      assert.equal(p.country, 'SA');
      assert.equal(p.city, 'Riyadh');
      assert.equal(p.missionId, riyadh.id);
    }
    const history = await t.deps.db
      .selectFrom('personLocations')
      .selectAll()
      .where('personId', '=', head.id)
      .orderBy('validFrom')
      .execute();
    assert.equal(history.length, 2);
    assert.notEqual(history[0]!.validUntil, null);
    assert.equal(history[1]!.validUntil, null);
    const badMove = await post(url, { lang: 'en', action: 'location', country: 'QQ', city: '', address: '' });
    assert.equal(badMove.statusCode, 400);
    assert.match(badMove.body, /id="f-country-e">Choose a country/);
    assert.match(badMove.body, /id="f-city-e">Required\./);

    const home = await post(url, { lang: 'en', action: 'returned' });
    assert.equal(home.statusCode, 303);
    const today = t.deps.now().toISOString().slice(0, 10);
    ({ head, others } = await householdOf(token));
    for (const p of [head, ...others]) {
      assert.notEqual(p.returnedAt, null);
      assert.equal(p.stayUntil, today);
    }
    const final = await t.app.inject({ method: 'GET', url: `${url}?lang=id&saved=returned` });
    assert.match(final.body, /Kepulangan Anda tercatat/);
    assert.match(final.body, /Tercatat sudah kembali ke Indonesia/);
    assert.doesNotMatch(final.body, /value="returned"/);

    const audit = await t.deps.db
      .selectFrom('auditLog')
      .select(['action', 'actorLabel', 'changes'])
      .where('entityId', '=', head.id)
      .where('action', '=', 'person.update')
      .execute();
    assert.ok(audit.length >= 3);
    assert.ok(audit.every((a) => a.actorLabel === 'system:self-registration'));
    assert.ok(audit.some((a) => (a.changes ?? '').includes('returned')));
  });

  it('answers a wrong or expired management link with a clear 404 page', async () => {
    for (const url of ['/lapor/m/not-a-token', `/lapor/m/${'A'.repeat(43)}`]) {
      const res = await t.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      assert.equal(res.statusCode, 404);
      assert.match(res.body, /Tautan tidak berlaku/);
      assert.doesNotMatch(res.body, /<script|Error|stack/i);
    }
    const { token } = await register({ phone: '012-999 0505' });
    await t.deps.db
      .updateTable('registrationLinks')
      .set({ expiresAt: '2000-01-01T00:00:00.000Z' })
      .where('tokenHash', '=', sha256(token))
      .execute();
    const expired = await t.app.inject({ method: 'GET', url: `/lapor/m/${token}?lang=en` });
    assert.equal(expired.statusCode, 404);
    assert.match(expired.body, /This link does not work/);
    const write = await post(`/lapor/m/${token}`, { lang: 'en', action: 'returned' });
    assert.equal(write.statusCode, 404);
    const { head } = await householdOf(token);
    assert.equal(head.returnedAt, null);
  });
});
