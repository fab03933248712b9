// Bulk imports of people as officers and operators see them: what a list creates, updates, leaves
// alone and refuses (with the row, column and reason of each refusal); a second upload of the same
// list changing nothing; a crashed import resumed exactly where it stopped; and the upload API
// with its report, its roles and its mission scope.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import type { InjectOptions } from 'fastify';
import { PersonCreate, type Import } from '@siaga/contracts';
import { openDatabase } from '../src/db/client';
import { buildHandlers } from '../src/jobs';
import { createPerson } from '../src/modules/people/people.service';
import { documentHash } from '../src/modules/people/records';
import { importFile, type ImportRequest } from '../src/modules/people/import/imports.service';
import { WORKER_FROM_BYTES } from '../src/modules/people/import/pipeline';
import { runImport } from '../src/modules/people/import/writer';
import { claimDue } from '../src/platform/outbox/outbox.repo';
import { OutboxWorker } from '../src/platform/outbox/outbox';
import type { RequestContext } from '../src/platform/context';
import {
  PG_URL,
  auditActions,
  buildTestApp,
  dialectUnderTest,
  makeMission,
  runSiaga,
  signedInAs,
  system,
  testConfig,
  type Session,
  type TestApp,
} from './helpers';

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.join(here, 'fixtures/import');
const REPO_ROOT = path.resolve(here, '../..');
const fixture = (name: string) => path.join(FIXTURES, name);

const kualaLumpur = {
  code: 'KBRI-KUALA-LUMPUR',
  city: 'Kuala Lumpur',
  countries: ['MY'],
  hotline: '+60321164000',
};
const singapura = { code: 'KBRI-SINGAPURA', city: 'Singapore', countries: ['SG'], hotline: '+6567375420' };

type Counts = { rowsRead: number; created: number; updated: number; unchanged: number; rejected: number };
const counts = (r: Counts): Counts => ({
  rowsRead: r.rowsRead,
  created: r.created,
  updated: r.updated,
  unchanged: r.unchanged,
  rejected: r.rejected,
});

async function errorsOf(t: TestApp, importId: string) {
  const rows = await t.deps.db
    .selectFrom('importErrors')
    .select(['row', 'column', 'code'])
    .where('importId', '=', importId)
    .orderBy('row')
    .orderBy('column')
    .orderBy('code')
    .execute();
  return rows.map((e) => [e.row, e.column, e.code]);
}

async function run(t: TestApp, file: string, r: Partial<ImportRequest> = {}, ctx: RequestContext = system) {
  return importFile(t.deps, ctx, file, { fileName: path.basename(file), dryRun: false, ...r });
}

const peopleCount = async (t: TestApp) =>
  Number(
    (
      await t.deps.db
        .selectFrom('people')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const byName = (t: TestApp, fullName: string) =>
  t.deps.db.selectFrom('people').selectAll().where('fullName', '=', fullName).executeTakeFirstOrThrow();

describe(`importing lists of people (${dialectUnderTest})`, () => {
  let t: TestApp;
  let dir: string;
  before(async () => {
    t = await buildTestApp();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siaga-import-test-'));
    await makeMission(t, kualaLumpur);
    // Registered by an officer earlier, with a passport that row 11 of the list also gives.
    await createPerson(
      t.deps,
      system,
      PersonCreate.parse({
        fullName: 'Joko Widodo Susilo',
        statusAbroad: 'worker',
        documents: [{ kind: 'passport', number: 'E5555555', issuingCountry: 'ID' }],
      }),
    );
  });
  after(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('creates the good rows and reports each bad one by row, column and reason', async () => {
    const res = await run(t, fixture('mixed.csv'), { missionCode: kualaLumpur.code });
    assert.equal(res.status, 'done');
    assert.deepEqual(counts(res), { rowsRead: 12, created: 3, updated: 0, unchanged: 0, rejected: 9 });
    assert.deepEqual(await errorsOf(t, res.id), [
      [1, 'Catatan', 'column.ignored'],
      [4, 'No HP', 'phone.not_for_country'], // an Indonesian number written as at home
      [5, 'Tanggal Lahir', 'date.impossible'], // 31 February
      [6, 'Tanggal Lahir', 'date.future'],
      [7, 'Negara', 'country.unknown'],
      [8, 'Nama', 'person.invalid_format'], // a control character
      [9, 'Nama', 'person.too_big'], // 239 characters
      [10, 'No Paspor', 'document.duplicate'], // row 2's passport, spaced differently
      [11, 'No Paspor', 'document.duplicate'], // the officer's earlier record
      [13, 'Nama', 'row.duplicate'], // row 2 again
    ]);
    assert.equal(await peopleCount(t), 4);

    const siti = await byName(t, 'Siti Aminah');
    const kl = await t.deps.db
      .selectFrom('missions')
      .select('id')
      .where('code', '=', kualaLumpur.code)
      .executeTakeFirstOrThrow();
    assert.equal(siti.source, 'import');
    assert.equal(siti.birthDate, '1985-08-17');
    assert.equal(siti.country, 'MY');
    assert.equal(siti.missionId, kl.id);
    assert.equal(siti.registeredMissionId, kl.id);
    assert.ok(siti.sourceKey && siti.contentHash);
    const phone = await t.deps.db
      .selectFrom('personContacts')
      .select('valueEnc')
      .where('personId', '=', siti.id)
      .executeTakeFirstOrThrow();
    assert.equal(t.deps.keyring.decrypt(phone.valueEnc, 'person_contacts.value'), '+60123456789');
    // Without a phone or address, the mission's country is still the country of residence.
    const yusuf = await byName(t, 'Yusuf Halim');
    assert.deepEqual([yusuf.country, yusuf.city], ['MY', 'Johor Bahru']);

    // Audited per batch and per import, not per person.
    const actions = await auditActions(t);
    assert.deepEqual(
      actions.filter((a) => a.startsWith('import.')),
      ['import.start', 'import.batch', 'import.finish'],
    );
  });

  it('changes nothing when the same list comes again', async () => {
    const before = await auditActions(t);
    const versions = await t.deps.db
      .selectFrom('people')
      .select(['id', 'version', 'updatedAt'])
      .orderBy('id')
      .execute();
    const res = await run(t, fixture('mixed.csv'), { missionCode: kualaLumpur.code });
    assert.deepEqual(counts(res), { rowsRead: 12, created: 0, updated: 0, unchanged: 3, rejected: 9 });
    assert.deepEqual(
      await t.deps.db.selectFrom('people').select(['id', 'version', 'updatedAt']).orderBy('id').execute(),
      versions,
    );
    // Only the import itself is on record: no entry about any person.
    assert.deepEqual((await auditActions(t)).slice(before.length), ['import.start', 'import.finish']);
  });

  it('updates just the person whose row changed', async () => {
    const changed = path.join(dir, 'mixed-changed.csv');
    fs.writeFileSync(
      changed,
      fs
        .readFileSync(fixture('mixed.csv'), 'utf8')
        .replace('Lorong Maarof 3,Petaling Jaya', 'Jalan Kebun 2,Shah Alam'),
    );
    const budi = await byName(t, 'Budi Santoso');
    const siti = await byName(t, 'Siti Aminah');
    const before = await auditActions(t);
    const res = await run(t, changed, { missionCode: kualaLumpur.code });
    assert.deepEqual(counts(res), { rowsRead: 12, created: 0, updated: 1, unchanged: 2, rejected: 9 });
    const after = await byName(t, 'Budi Santoso');
    assert.equal(after.id, budi.id);
    assert.equal(after.version, budi.version + 1);
    assert.equal(after.city, 'Shah Alam');
    assert.equal((await byName(t, 'Siti Aminah')).version, siti.version);
    assert.deepEqual((await auditActions(t)).slice(before.length), [
      'import.start',
      'person.update',
      'import.batch',
      'import.finish',
    ]);
    // And the changed list, imported again, is unchanged in turn.
    const again = await run(t, changed, { missionCode: kualaLumpur.code });
    assert.deepEqual(counts(again), { rowsRead: 12, created: 0, updated: 0, unchanged: 3, rejected: 9 });
  });

  it('writes no one in a dry run, yet reports what would happen', async () => {
    const peopleBefore = await peopleCount(t);
    const res = await run(t, fixture('english-comma.csv'), { dryRun: true });
    assert.deepEqual(counts(res), { rowsRead: 3, created: 2, updated: 0, unchanged: 0, rejected: 1 });
    assert.equal(res.dryRun, 1);
    assert.equal(await peopleCount(t), peopleBefore);
    assert.deepEqual(await errorsOf(t, res.id), [
      [3, 'Date of Birth', 'date.future'],
      [3, 'National ID', 'document.invalid'],
    ]);
    // A dry run of a list imported before says what would change.
    const known = await run(t, fixture('mixed.csv'), { dryRun: true, missionCode: kualaLumpur.code });
    assert.deepEqual(counts(known), { rowsRead: 12, created: 0, updated: 1, unchanged: 2, rejected: 9 });
  });

  it('reads Excel workbooks and Latin-1 CSV', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('WNI');
    sheet.addRow(['Nama', 'Tanggal Lahir', 'No Paspor', 'Negara', 'No HP']);
    sheet.addRow(['Rahmat Hidayat', new Date(Date.UTC(1984, 2, 9)), 'P1234567', 'Singapura', '9123 4567']);
    sheet.addRow(['Ayu Lestari', '1993', 'P7654321', 'Malaysia', '013-456 7890']);
    sheet.addRow(['Tanpa Negara', '1993', 'P1111111', 'Narnia', '']);
    const xlsx = path.join(dir, 'daftar.xlsx');
    await wb.xlsx.writeFile(xlsx);
    const res = await run(t, xlsx);
    assert.deepEqual(counts(res), { rowsRead: 3, created: 2, updated: 0, unchanged: 0, rejected: 1 });
    assert.deepEqual(await errorsOf(t, res.id), [[4, 'Negara', 'country.unknown']]);
    assert.equal((await byName(t, 'Rahmat Hidayat')).birthDate, '1984-03-09');

    const latin1 = path.join(dir, 'latin1.csv');
    fs.writeFileSync(
      latin1,
      Buffer.from('Nama;Negara;No HP\r\nJosé Müller;Malaysia;012-987 6543\r\n', 'latin1'),
    );
    const l = await run(t, latin1);
    assert.deepEqual(counts(l), { rowsRead: 1, created: 1, updated: 0, unchanged: 0, rejected: 0 });
    assert.equal((await byName(t, 'José Müller')).country, 'MY');
  });

  it('takes column names from a mapping file', async () => {
    const mapping = JSON.parse(fs.readFileSync(fixture('mapping.json'), 'utf8')) as Record<string, string>;
    const res = await run(t, fixture('mapped.csv'), {
      missionCode: kualaLumpur.code,
      mapping: mapping as ImportRequest['mapping'],
    });
    assert.deepEqual(counts(res), { rowsRead: 1, created: 1, updated: 0, unchanged: 0, rejected: 0 });
    // "Alamat" would also be the address, but the mapping gave that field to "Tempat Tinggal".
    assert.deepEqual(await errorsOf(t, res.id), [[1, 'Alamat', 'column.ignored']]);
    const rudi = await byName(t, 'Rudi Hartono');
    const [phone] = await t.deps.db
      .selectFrom('personContacts')
      .select('valueEnc')
      .where('personId', '=', rudi.id)
      .execute();
    assert.equal(t.deps.keyring.decrypt(phone!.valueEnc, 'person_contacts.value'), '+60123456789');
  });

  it('fails an import whose file cannot be read, with import.unreadable', async () => {
    await assert.rejects(run(t, path.join(dir, 'missing.csv')), { code: 'import.unreadable' });
    const broken = path.join(dir, 'broken.xlsx');
    fs.writeFileSync(broken, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]));
    await assert.rejects(run(t, broken), { code: 'import.unreadable' });
    const failed = await t.deps.db
      .selectFrom('imports')
      .selectAll()
      .where('fileName', '=', 'broken.xlsx')
      .executeTakeFirstOrThrow();
    assert.equal(failed.status, 'failed');
    assert.match(failed.error ?? '', /Excel/);
  });
});

/** A list of `rows` nationals in Malaysia, every 50th with a number that is not Malaysian. */
function writeList(file: string, rows: number): number {
  const given = ['Siti', 'Budi', 'Dewi', 'Agus', 'Rina', 'Eko', 'Putri', 'Yusuf'];
  const family = ['Aminah', 'Santoso', 'Lestari', 'Wijaya', 'Hidayat', 'Saputra', 'Halim'];
  const lines = ['nama,no_paspor,tanggal_lahir,jenis_kelamin,alamat,kota,negara,telepon'];
  let bad = 0;
  for (let i = 1; i <= rows; i++) {
    const d = `${2 + (i % 8)}${String(i % 1_000_000).padStart(6, '0')}`;
    const phone = i % 50 === 0 ? '0812-3456-7890' : `012-${d.slice(0, 3)} ${d.slice(3)}`;
    if (i % 50 === 0) bad++;
    lines.push(
      [
        `${given[i % given.length]} ${family[(i * 3) % family.length]}`,
        `A${String(i).padStart(7, '0')}`,
        `${1 + (i % 28)}/${1 + (i % 12)}/${1960 + (i % 40)}`,
        i % 2 ? 'P' : 'L',
        `Jalan Ampang No. ${i % 300}`,
        'Kuala Lumpur',
        'Malaysia',
        phone,
      ].join(','),
    );
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return bad;
}

describe(`an import killed mid-way (${dialectUnderTest})`, () => {
  it('resumes from its last committed batch: every row once, totals adding up', async () => {
    const { config, dataDir, schema } = testConfig();
    const install = { dataDir, schema };
    const db = openDatabase(config.database);
    try {
      const mission = await runSiaga(
        [
          'mission',
          'create',
          '--code',
          kualaLumpur.code,
          '--name',
          'KBRI Kuala Lumpur',
          '--kind',
          'embassy',
          '--city',
          'Kuala Lumpur',
          '--countries',
          'MY',
          '--hotline',
          kualaLumpur.hotline,
          '--address',
          'Jalan Tun Razak 233',
        ],
        install,
      );
      assert.equal(mission.code, 0, mission.stderr);
      // Big enough (over 512 KiB) to be prepared in a worker thread, and to take a few seconds.
      const rows = 10_000;
      const file = path.join(dataDir, 'wni-malaysia.csv');
      const bad = writeList(file, rows);
      assert.ok(fs.statSync(file).size >= WORKER_FROM_BYTES);
      const args = ['--json', 'import', 'people', file, '--mission', kualaLumpur.code];

      const env: Record<string, string> = {};
      for (const [k, v] of Object.entries(process.env))
        if (v !== undefined && !k.startsWith('SIAGA_') && k !== 'DATABASE_URL' && k !== 'NODE_ENV')
          env[k] = v;
      Object.assign(env, {
        SIAGA_DATA_DIR: dataDir,
        ...(PG_URL && schema ? { DATABASE_URL: PG_URL, SIAGA_DB_SCHEMA: schema } : {}),
      });
      const child = spawn(process.execPath, ['bin/siaga.mjs', ...args], {
        cwd: REPO_ROOT,
        env,
        stdio: 'ignore',
      });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      let killedAt = 0;
      for (let waited = 0; waited < 60_000 && child.exitCode === null; waited += 50) {
        const row = await db.db
          .selectFrom('imports')
          .select('rowsRead')
          .executeTakeFirst()
          .catch(() => undefined);
        // Two batches committed: visibly under way, far from done.
        if (row && row.rowsRead >= 2000) {
          child.kill('SIGKILL');
          killedAt = row.rowsRead;
          break;
        }
        await sleep(50);
      }
      await exited;
      assert.ok(killedAt > 0 && killedAt < rows, `the import was not caught mid-way (at ${killedAt})`);
      const interrupted = await db.db.selectFrom('imports').selectAll().executeTakeFirstOrThrow();
      assert.equal(interrupted.status, 'running');

      const rerun = await runSiaga(args, install);
      assert.equal(rerun.code, 0, rerun.stderr);
      const res = JSON.parse(rerun.stdout) as Counts & {
        importId: string;
        resumed: boolean;
        errorCount: number;
      };
      assert.equal(res.importId, interrupted.id);
      assert.equal(res.resumed, true);
      assert.deepEqual(counts(res), {
        rowsRead: rows,
        created: rows - bad,
        updated: 0,
        unchanged: 0,
        rejected: bad,
      });
      assert.equal(res.errorCount, bad);

      const stored = await db.db
        .selectFrom('people')
        .select((eb) => [
          eb.fn.countAll<number>().as('n'),
          eb.fn.count<number>('sourceKey').distinct().as('keys'),
        ])
        .executeTakeFirstOrThrow();
      assert.deepEqual([Number(stored.n), Number(stored.keys)], [rows - bad, rows - bad]);
      const docs = await db.db
        .selectFrom('personDocuments')
        .select((eb) => [
          eb.fn.countAll<number>().as('n'),
          eb.fn.count<number>('numberHash').distinct().as('hashes'),
        ])
        .executeTakeFirstOrThrow();
      assert.deepEqual([Number(docs.n), Number(docs.hashes)], [rows - bad, rows - bad]);
    } finally {
      await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe(`the imports API (${dialectUnderTest})`, () => {
  let t: TestApp;
  let hq: Session;
  let officer: Session;
  before(async () => {
    t = await buildTestApp();
    await makeMission(t, kualaLumpur);
    await makeMission(t, singapura);
    hq = (await signedInAs(t, 'hq_officer')).session;
    officer = (await signedInAs(t, 'mission_officer', { missionCodes: [kualaLumpur.code] })).session;
  });
  after(() => t.close());

  const upload = (
    s: Session | null,
    query: Record<string, string>,
    body: string | Buffer,
    type = 'text/csv',
    csrf = true,
  ) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/imports?${new URLSearchParams(query).toString()}`,
      headers: {
        'content-type': type,
        ...(s ? { cookie: s.cookie } : {}),
        ...(s && csrf ? { 'x-csrf-token': s.csrf } : {}),
      },
      payload: body,
    } as InjectOptions);
  const get = (s: Session, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });

  /** Runs the outbox worker until the import has ended. */
  async function finished(s: Session, id: string): Promise<Import> {
    const worker = new OutboxWorker(t.deps, buildHandlers());
    for (let i = 0; i < 50; i++) {
      await worker.runOnce();
      const res = await get(s, `/api/v1/imports/${id}`);
      assert.equal(res.statusCode, 200, res.body);
      const imp = res.json() as Import;
      if (imp.status !== 'running') return imp;
    }
    throw new Error('the import did not finish');
  }

  it('takes an upload, runs it in the worker and reports every refused row', async () => {
    const res = await upload(
      hq,
      { fileName: 'mixed.csv', mission: kualaLumpur.code },
      fs.readFileSync(fixture('mixed.csv')),
    );
    assert.equal(res.statusCode, 202, res.body);
    const started = res.json() as Import;
    assert.equal(started.status, 'running');
    assert.equal(started.fileName, 'mixed.csv');
    assert.equal(started.missionCode, kualaLumpur.code);
    assert.equal(started.totalBytes, fs.statSync(fixture('mixed.csv')).size);

    const done = await finished(hq, started.id);
    assert.equal(done.status, 'done');
    // No earlier record holds row 11's passport here: 4 created.
    assert.deepEqual(counts(done), { rowsRead: 12, created: 4, updated: 0, unchanged: 0, rejected: 8 });
    assert.equal(done.bytesRead, done.totalBytes);
    assert.ok(done.finishedAt);
    // The uploaded list is not kept once its import has ended.
    assert.equal(fs.existsSync(path.join(t.config.dataDir, 'imports', started.id)), false);

    const all: { row: number; column: string; code: string }[] = [];
    let cursor: string | null = null;
    do {
      const page = await get(
        hq,
        `/api/v1/imports/${started.id}/errors?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      assert.equal(page.statusCode, 200, page.body);
      const body = page.json() as { items: typeof all; total: number; nextCursor: string | null };
      assert.equal(body.total, 9);
      assert.ok(body.items.length <= 3);
      all.push(...body.items);
      cursor = body.nextCursor;
    } while (cursor);
    assert.deepEqual(
      all.map((e) => [e.row, e.column, e.code]),
      [
        [1, 'Catatan', 'column.ignored'],
        [4, 'No HP', 'phone.not_for_country'],
        [5, 'Tanggal Lahir', 'date.impossible'],
        [6, 'Tanggal Lahir', 'date.future'],
        [7, 'Negara', 'country.unknown'],
        [8, 'Nama', 'person.invalid_format'],
        [9, 'Nama', 'person.too_big'],
        [10, 'No Paspor', 'document.duplicate'],
        [13, 'Nama', 'row.duplicate'],
      ],
    );

    const csv = await get(hq, `/api/v1/imports/${started.id}/errors.csv`);
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    assert.equal(lines[0], 'row,column,code,message');
    assert.equal(lines.length, 10);
    assert.match(lines[2]!, /^4,No HP,phone\.not_for_country,/);

    const list = await get(hq, '/api/v1/imports');
    assert.equal(list.statusCode, 200);
    assert.equal((list.json() as { items: Import[] }).items[0]!.id, started.id);
  });

  it('accepts a workbook, a mapping and a status for rows without one', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Mahasiswa');
    sheet.addRow(['Nama Mahasiswa', 'Kampus', 'HP']);
    sheet.addRow(['Nadia Putri', 'NUS', '9123 4567']);
    const body = Buffer.from(await wb.xlsx.writeBuffer());
    const map = JSON.stringify({ 'Nama Mahasiswa': 'fullName', Kampus: 'employer', HP: 'phone' });
    const res = await upload(
      hq,
      { fileName: 'mahasiswa.xlsx', mission: singapura.code, status: 'student', map },
      body,
      'application/octet-stream',
    );
    assert.equal(res.statusCode, 202, res.body);
    const done = await finished(hq, (res.json() as Import).id);
    assert.deepEqual(counts(done), { rowsRead: 1, created: 1, updated: 0, unchanged: 0, rejected: 0 });
    const nadia = await byName(t, 'Nadia Putri');
    const sg = await t.deps.db
      .selectFrom('missions')
      .select('id')
      .where('code', '=', singapura.code)
      .executeTakeFirstOrThrow();
    // No place in the row: the person stays with the mission that registered them.
    assert.deepEqual(
      [nadia.statusAbroad, nadia.employer, nadia.country, nadia.missionId],
      ['student', 'NUS', null, sg.id],
    );
    const [phone] = await t.deps.db
      .selectFrom('personContacts')
      .select('valueEnc')
      .where('personId', '=', nadia.id)
      .execute();
    assert.equal(t.deps.keyring.decrypt(phone!.valueEnc, 'person_contacts.value'), '+6591234567');

    const badMap = await upload(hq, { fileName: 'x.csv', map: '{"Nama": "shoeSize"}' }, 'Nama\nA\n');
    assert.equal(badMap.statusCode, 400);
    assert.equal(badMap.json().error.details[0].path, 'querystring.map');
  });

  it('runs a dry run without writing anyone', async () => {
    const peopleBefore = await peopleCount(t);
    const res = await upload(
      hq,
      { fileName: 'english.csv', dryRun: 'true' },
      fs.readFileSync(fixture('english-comma.csv')),
    );
    assert.equal(res.statusCode, 202, res.body);
    const done = await finished(hq, (res.json() as Import).id);
    assert.equal(done.dryRun, true);
    assert.deepEqual(counts(done), { rowsRead: 3, created: 2, updated: 0, unchanged: 0, rejected: 1 });
    assert.equal(await peopleCount(t), peopleBefore);
  });

  it('refuses what is not a list, and browser writes without the CSRF token', async () => {
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports?fileName=a.csv',
      headers: { cookie: hq.cookie, 'x-csrf-token': hq.csrf },
      payload: { rows: [] },
    });
    assert.equal(json.statusCode, 415);
    const empty = await upload(hq, { fileName: 'a.csv' }, '');
    assert.equal(empty.statusCode, 400);
    assert.equal(empty.json().error.code, 'import.unreadable');
    const noCsrf = await upload(hq, { fileName: 'a.csv' }, 'Nama\nA\n', 'text/csv', false);
    assert.equal(noCsrf.statusCode, 403);
    assert.equal(noCsrf.json().error.code, 'auth.csrf_invalid');
    const anonymous = await upload(null, { fileName: 'a.csv' }, 'Nama\nA\n');
    assert.equal(anonymous.statusCode, 401);
    const noName = await upload(hq, {}, 'Nama\nA\n');
    assert.equal(noName.statusCode, 400);
  });

  it("keeps a mission officer to their own missions' imports", async () => {
    const elsewhere = await upload(officer, { fileName: 'sg.csv', mission: singapura.code }, 'Nama\nA\n');
    assert.equal(elsewhere.statusCode, 403);
    assert.equal(elsewhere.json().error.code, 'person.mission_not_allowed');

    // Without a mission named, the list is their own mission's.
    const own = await upload(officer, { fileName: 'kl.csv' }, 'Nama;Kota\nLina Marlina;Kuala Lumpur\n');
    assert.equal(own.statusCode, 202, own.body);
    const mine = await finished(officer, (own.json() as Import).id);
    assert.equal(mine.missionCode, kualaLumpur.code);
    assert.equal((await byName(t, 'Lina Marlina')).country, 'MY');

    const hqOnly = await upload(hq, { fileName: 'sg-hq.csv', mission: singapura.code }, 'Nama\nTan Ah Kow\n');
    const hqImport = hqOnly.json() as Import;
    await finished(hq, hqImport.id);
    for (const url of [
      `/api/v1/imports/${hqImport.id}`,
      `/api/v1/imports/${hqImport.id}/errors`,
      `/api/v1/imports/${hqImport.id}/errors.csv`,
    ]) {
      const res = await get(officer, url);
      assert.equal(res.statusCode, 404, url);
      assert.equal(res.json().error.code, 'import.not_found');
    }
    const missing = await get(officer, '/api/v1/imports/00000000-0000-4000-8000-000000000000');
    assert.equal(missing.json().error.code, 'import.not_found');
    const listed = (await get(officer, '/api/v1/imports')).json() as { items: Import[] };
    assert.ok(listed.items.length > 0);
    assert.ok(listed.items.every((i) => i.missionCode === kualaLumpur.code));
  });

  it('lets only importing roles near imports', async () => {
    const viewer = (await signedInAs(t, 'viewer')).session;
    const post = await upload(viewer, { fileName: 'a.csv' }, 'Nama\nA\n');
    assert.equal(post.statusCode, 403);
    assert.equal(post.json().error.code, 'auth.forbidden');
    assert.equal((await get(viewer, '/api/v1/imports')).statusCode, 403);
    const [anyImport] = (await t.deps.db.selectFrom('imports').select('id').execute()) as { id: string }[];
    const one = await get(viewer, `/api/v1/imports/${anyImport!.id}`);
    assert.equal(one.statusCode, 404);
    assert.equal(one.json().error.code, 'import.not_found');
  });

  it("resumes the job of a worker that died mid-import from the import's checkpoint", async () => {
    const file = path.join(t.config.dataDir, 'big.csv');
    const bad = writeList(file, 2500);
    const res = await upload(hq, { fileName: 'big.csv', mission: kualaLumpur.code }, fs.readFileSync(file));
    const id = (res.json() as Import).id;
    // A worker claims the job, commits the first batch, and dies (its lease is never released).
    const [job] = await t.deps.db
      .transaction()
      .execute((trx) => claimDue(trx, t.deps.dialect, 'doomed', 10, new Date(), 60_000));
    assert.ok(job);
    await assert.rejects(
      runImport(t.deps, system, id, {
        file: path.join(t.config.dataDir, 'imports', id),
        onProgress: () => {
          throw new Error('worker died');
        },
      }),
      /worker died/,
    );
    const interrupted = await t.deps.db
      .selectFrom('imports')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.deepEqual([interrupted.status, interrupted.rowsRead], ['running', 1000]);

    // After the lease, another worker takes the job over and finishes from row 1001.
    const later = new Date(Date.now() + 10 * 60_000);
    const worker = new OutboxWorker({ ...t.deps, now: () => later }, buildHandlers());
    assert.equal(await worker.runOnce(), 1);
    const done = await t.deps.db
      .selectFrom('imports')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(done.status, 'done');
    assert.deepEqual(counts(done), {
      rowsRead: 2500,
      created: 2500 - bad,
      updated: 0,
      unchanged: 0,
      rejected: bad,
    });
    const outbox = await t.deps.db
      .selectFrom('outbox')
      .select(['status', 'attempts'])
      .where('id', '=', job.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual([outbox.status, outbox.attempts], ['done', 2]);
    // Each good row's passport is held once, by one person.
    const hashes = Array.from({ length: 2500 }, (_, i) =>
      documentHash(t.deps.keyring, `A${String(i + 1).padStart(7, '0')}`),
    );
    const holders: string[] = [];
    for (let i = 0; i < hashes.length; i += 500) {
      const found = await t.deps.db
        .selectFrom('personDocuments')
        .select('personId')
        .where('numberHash', 'in', hashes.slice(i, i + 500))
        .execute();
      holders.push(...found.map((d) => d.personId));
    }
    assert.equal(holders.length, 2500 - bad);
    assert.equal(new Set(holders).size, 2500 - bad);
  });
});
