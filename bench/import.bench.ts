// Bulk import throughput: a generated list of nationals in Malaysia, Singapore and Brunei (CSV with
// Indonesian headers, unique passports, local mobile numbers, about 1% bad rows) imported by the
// real writer, against a raw bulk insert of the same prepared rows into a fresh database in the
// same run: plain multi-row inserts (people.repo insertPeople), one transaction per 1,000 rows,
// timed without the preparation. The ratio says what validation, idempotency, resumability and
// the audit cost on top of writing the rows at all.
//   npm run bench -- import [--rows 100000] [--db sqlite|postgres]
// PostgreSQL takes its server from DATABASE_URL, in throwaway schemas.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createDeps, type AppDeps } from '../server/src/app';
import { loadConfig } from '../server/src/config';
import { systemContext } from '../server/src/platform/context';
import { createMission } from '../server/src/modules/missions/missions.service';
import { insertPeople } from '../server/src/modules/people/people.repo';
import { loadCoverage } from '../server/src/modules/people/coverage';
import { importFile } from '../server/src/modules/people/import/imports.service';
import { prepareBatches } from '../server/src/modules/people/import/prepare';
import { BATCH_SIZE } from '../server/src/modules/people/import/writer';
import { numberArg } from './lib/args';

const GIVEN = [
  'Siti',
  'Nur',
  'Dewi',
  'Sri',
  'Putri',
  'Rina',
  'Ayu',
  'Wulan',
  'Indah',
  'Lestari',
  'Fitri',
  'Ani',
  'Muhammad',
  'Ahmad',
  'Budi',
  'Agus',
  'Andi',
  'Dedi',
  'Eko',
  'Hendra',
  'Joko',
  'Rudi',
  'Yusuf',
  'Bayu',
];
/** The first names of GIVEN are women's. */
const FEMALE_GIVEN = 12;
const MIDDLE = ['', '', 'Nur', 'Dwi', 'Tri', 'Eka', 'Adi', 'Sari', 'Rahmat', 'Abdul', 'Kurnia', 'Puspita'];
const FAMILY = [
  'Aminah',
  'Santoso',
  'Wijaya',
  'Saputra',
  'Hidayat',
  'Kusuma',
  'Lestari',
  'Pratama',
  'Setiawan',
  'Rahayu',
  'Susanto',
  'Nugroho',
  'Siregar',
  'Nasution',
  'Harahap',
  'Sinaga',
  'Hasibuan',
  'Lubis',
  'Purnomo',
  'Halim',
  'Syahputra',
  'Maharani',
  'Utami',
  'Wahyuni',
];
const STREETS = ['Jalan Ampang', 'Jalan Bukit Bintang', 'Lorong Maarof', 'Jalan Klang Lama', 'Jalan Ipoh'];
const PLACES: { country: string; weight: number; cities: string[]; phone: (r: () => number) => string }[] = [
  {
    country: 'Malaysia',
    weight: 90,
    cities: [
      'Kuala Lumpur',
      'Petaling Jaya',
      'Shah Alam',
      'Johor Bahru',
      'Penang',
      'Kota Kinabalu',
      'Kuching',
    ],
    phone: (r) => {
      const prefix = ['012', '013', '016', '017', '019'][Math.floor(r() * 5)]!;
      // Subscriber numbers start with 2-9 (libphonenumber's metadata for these ranges).
      const d = `${2 + Math.floor(r() * 8)}${String(Math.floor(r() * 1e6)).padStart(6, '0')}`;
      return `${prefix}-${d.slice(0, 3)} ${d.slice(3)}`;
    },
  },
  {
    country: 'Singapura',
    weight: 7,
    cities: ['Singapore'],
    phone: (r) => {
      const lead = r() < 0.5 ? 81 + Math.floor(r() * 8) : 90 + Math.floor(r() * 9);
      const d = `${lead}${String(Math.floor(r() * 1e6)).padStart(6, '0')}`;
      return `${d.slice(0, 4)} ${d.slice(4)}`;
    },
  },
  {
    country: 'Brunei',
    weight: 3,
    cities: ['Bandar Seri Begawan'],
    phone: (r) => {
      const d = `${7 + Math.floor(r() * 2)}${String(Math.floor(r() * 1e6)).padStart(6, '0')}`;
      return `${d.slice(0, 3)} ${d.slice(3)}`;
    },
  },
];
// The mistakes lists really have, one of them in about one row in a hundred.
const BAD: ((cells: string[]) => void)[] = [
  (c) => (c[8] = '12345'), // not a phone number of the country
  (c) => (c[3] = '31/02/1990'), // impossible date
  (c) => (c[3] = '01/01/2099'), // in the future
  (c) => (c[7] = 'Atlantis'), // unknown country
  (c) => (c[1] = `${c[1]}\u0007`), // control character
  (c) => (c[1] = 'Siti '.repeat(50)), // over-long name
];

/** A deterministic generator (mulberry32), so that runs compare. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const csvCell = (v: string) => (/[",\n]/u.test(v) ? `"${v.replace(/"/gu, '""')}"` : v);

export async function generate(file: string, rows: number): Promise<number> {
  const r = random(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)]!;
  const out = fs.createWriteStream(file);
  const write = (line: string) =>
    out.write(line) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve()));
  await write('No,nama,no_paspor,tanggal_lahir,jenis_kelamin,alamat,kota,negara,telepon\n');
  let bad = 0;
  for (let i = 1; i <= rows; i++) {
    let w = r() * 100;
    const place = PLACES.find((p) => (w -= p.weight) < 0) ?? PLACES[0]!;
    const g = Math.floor(r() * GIVEN.length);
    const name = [GIVEN[g], pick(MIDDLE), pick(FAMILY)].filter(Boolean).join(' ');
    const birth = `${1 + Math.floor(r() * 28)}/${1 + Math.floor(r() * 12)}/${1955 + Math.floor(r() * 50)}`;
    const cells = [
      String(i),
      name,
      // Unique: the letter and the row number.
      `${'ABCXE'[i % 5]}${String(i).padStart(7, '0')}`,
      birth,
      g < FEMALE_GIVEN ? 'P' : 'L',
      `${pick(STREETS)} No. ${1 + Math.floor(r() * 200)}`,
      pick(place.cities),
      place.country,
      place.phone(r),
    ];
    if (i % 100 === 37) {
      pick(BAD)(cells);
      bad++;
    }
    await write(`${cells.map(csvCell).join(',')}\n`);
  }
  await new Promise<void>((resolve, reject) =>
    out.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );
  return bad;
}

async function freshDatabase(kind: 'sqlite' | 'postgres', name: string) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `siaga-bench-import-${name}-`));
  const schema = kind === 'postgres' ? `bench_import_${name}_${process.pid}` : undefined;
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: 'production',
    SIAGA_SECRET_KEY: Buffer.alloc(32, 11).toString('base64'),
    SIAGA_DATA_DIR: dataDir,
    SIAGA_LOG_LEVEL: 'warn',
    ...(schema ? { SIAGA_DB_SCHEMA: schema } : {}),
  };
  if (kind === 'sqlite') delete env.DATABASE_URL;
  const deps = await createDeps(loadConfig(env));
  const ctx = systemContext('bench');
  const mission = (code: string, city: string, countries: string[], hotline: string) =>
    createMission(deps, ctx, {
      code,
      name: code,
      kind: 'embassy',
      city,
      countries,
      jurisdictions: [],
      hotline,
      address: city,
    });
  await mission('KBRI-KUALA-LUMPUR', 'Kuala Lumpur', ['MY'], '+60321164000');
  await mission('KBRI-SINGAPURA', 'Singapore', ['SG'], '+6567375420');
  await mission('KBRI-BANDAR-SERI-BEGAWAN', 'Bandar Seri Begawan', ['BN'], '+6732330180');
  return {
    deps,
    async close() {
      if (schema) await sql`drop schema ${sql.id(schema)} cascade`.execute(deps.db);
      await deps.handle.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The same preparation as the import's (prepare.ts), then only the inserts are timed. */
async function rawInsert(deps: AppDeps, file: string): Promise<{ rows: number; seconds: number }> {
  const mission = await deps.db
    .selectFrom('missions')
    .select('id')
    .where('code', '=', 'KBRI-KUALA-LUMPUR')
    .executeTakeFirstOrThrow();
  let rows = 0;
  let ms = 0;
  const started = performance.now();
  for await (const batch of prepareBatches(deps.keyring, {
    file,
    skip: 0,
    batchSize: BATCH_SIZE,
    countBytes: false,
    totalBytes: 0,
    country: 'MY',
    registeredMissionId: mission.id,
    coverage: await loadCoverage(deps.db),
    at: new Date().toISOString(),
  })) {
    const t0 = performance.now();
    await deps.db.transaction().execute((trx) =>
      insertPeople(
        trx,
        batch.rows.map((p) => p.rows),
      ),
    );
    ms += performance.now() - t0;
    rows += batch.rows.length;
    progress('raw insert', batch.rowsRead, started);
  }
  return { rows, seconds: ms / 1000 };
}

const mb = (kib: number) => Math.round(kib / 1024);

/** A line on stderr every 100,000 rows, for the long runs. */
let lastReported = 0;
function progress(what: string, rows: number, since: number) {
  if (rows < lastReported) lastReported = 0;
  if (rows % 100_000 === 0 && rows > lastReported) {
    lastReported = rows;
    console.error(
      `  ${what}: ${rows.toLocaleString('en')} rows, ${((performance.now() - since) / 1000).toFixed(0)} s`,
    );
  }
}

export async function main(args: string[]) {
  const rows = numberArg(args, 'rows', 100_000);
  const i = args.indexOf('--db');
  const db = (i >= 0 ? args[i + 1] : process.env.DATABASE_URL ? 'postgres' : 'sqlite') as string;
  if (db !== 'sqlite' && db !== 'postgres') throw new Error('--db is sqlite or postgres');
  if (db === 'postgres' && !process.env.DATABASE_URL)
    throw new Error('--db postgres takes the server from DATABASE_URL=postgres://…');

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siaga-bench-import-'));
  try {
    const file = path.join(dir, 'wni-malaysia.csv');
    const t0 = performance.now();
    const bad = await generate(file, rows);
    const bytes = fs.statSync(file).size;
    console.log(
      `generated ${rows.toLocaleString('en')} rows (${bad.toLocaleString('en')} bad), ${(bytes / 1e6).toFixed(1)} MB, in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    // The import first, so that the peak memory measured is its own.
    const target = await freshDatabase(db, 'import');
    let result;
    let seconds;
    try {
      const started = performance.now();
      result = await importFile(
        target.deps,
        systemContext('bench'),
        file,
        { fileName: path.basename(file), missionCode: 'KBRI-KUALA-LUMPUR', dryRun: false },
        { onProgress: (row) => progress('import', row.rowsRead, started) },
      );
      seconds = (performance.now() - started) / 1000;
    } finally {
      await target.close();
    }
    const peakRss = process.resourceUsage().maxRSS;
    console.log(
      `import: ${seconds.toFixed(1)} s, ${Math.round(rows / seconds).toLocaleString('en')} rows/s; created ${result.created.toLocaleString('en')}, rejected ${result.rejected.toLocaleString('en')}; peak RSS ${mb(peakRss)} MB`,
    );

    const baseline = await freshDatabase(db, 'raw');
    let raw;
    try {
      raw = await rawInsert(baseline.deps, file);
    } finally {
      await baseline.close();
    }
    const rawRate = raw.rows / raw.seconds;
    console.log(
      `raw bulk insert of the same ${raw.rows.toLocaleString('en')} prepared rows: ${raw.seconds.toFixed(1)} s, ${Math.round(rawRate).toLocaleString('en')} rows/s`,
    );
    // Both wrote the same people; the ratio is of their times for them.
    const ratio = raw.seconds / seconds;
    console.log(`import / raw insert: ${ratio.toFixed(2)}`);
    console.log(
      JSON.stringify({
        bench: 'import',
        db,
        rows,
        fileMb: Number((bytes / 1e6).toFixed(1)),
        seconds: Number(seconds.toFixed(2)),
        rowsPerSec: Math.round(rows / seconds),
        created: result.created,
        rejected: result.rejected,
        rawInsertSeconds: Number(raw.seconds.toFixed(2)),
        rawInsertRowsPerSec: Math.round(rawRate),
        ratioToRawInsert: Number(ratio.toFixed(3)),
        peakRssMb: mb(peakRss),
        cpus: os.cpus().length,
      }),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
