// Affected-population selection: who is inside a polygon holding about 1% of the registry, and
// inside a city-scale polygon, with every count a crisis shows (mission, country, admin area,
// city, status, vulnerability, households). Timed through the service on the warm in-memory
// index and on the database's spatial index, against a full scan of the people table computing
// the same answer in the same run. Also: the index's memory and its build time from cold.
//   npm run bench -- affected [--people 1000000] [--queries 50] [--db sqlite|postgres] [--seed 1]
// PostgreSQL from DATABASE_URL. People are written straight into the people table (the fields a
// crisis count reads), clustered around weighted city centres, so that ten million load in minutes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Insertable } from 'kysely';
import type { AreaInput } from '@siaga/contracts';
import type { PeopleTable } from '../server/src/db/schema';
import { createDeps } from '../server/src/app';
import { loadConfig } from '../server/src/config';
import { systemContext } from '../server/src/platform/context';
import { compileOrThrow, countAffected } from '../server/src/modules/affected/affected.service';
import { PopulationIndex } from '../server/src/modules/affected/population-index';
import { placesAfter } from '../server/src/modules/affected/affected.repo';
import { newDicts, Tally, tallyRow } from '../server/src/modules/affected/tally';
import { numberArg } from './lib/args';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
const round = (n: number) => Math.round(n * 100) / 100;

/** A small deterministic generator (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const gauss = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  return { next, gauss };
}

const STATUSES = ['worker', 'worker', 'worker', 'student', 'resident', 'crew', 'pilgrim', 'tourist'];

/** A hexagon of `radius` degrees around a centre, with a small hole off-centre (a safe zone). */
function hexagon(lon: number, lat: number, radius: number): AreaInput {
  const ring = (r: number, cx: number, cy: number) => {
    const pts: number[][] = [];
    for (let i = 0; i < 6; i++) {
      const a = (Math.PI / 3) * i + 0.2;
      pts.push([cx + r * Math.cos(a), cy + r * Math.sin(a) * 0.8]);
    }
    pts.push(pts[0]!);
    return pts;
  };
  return {
    kind: 'polygon',
    geometry: {
      type: 'Polygon',
      coordinates: [ring(radius, lon, lat), ring(radius / 10, lon + radius / 3, lat)],
    },
  };
}

export async function main(args: string[]) {
  const people = numberArg(args, 'people', 1_000_000);
  const queries = numberArg(args, 'queries', 50);
  const seed = numberArg(args, 'seed', 1);
  const dbArg = args[args.indexOf('--db') + 1];
  const usePg = args.includes('--db') ? dbArg === 'postgres' : Boolean(process.env.DATABASE_URL);
  if (usePg && !process.env.DATABASE_URL) throw new Error('--db postgres needs DATABASE_URL');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siaga-bench-affected-'));
  const schema = usePg ? `bench_affected_${process.pid}` : undefined;
  const env: Record<string, string | undefined> = { ...process.env };
  if (!usePg) delete env.DATABASE_URL;
  const config = loadConfig({
    ...env,
    ...(schema ? { SIAGA_DB_SCHEMA: schema } : {}),
    NODE_ENV: 'production',
    SIAGA_SECRET_KEY: Buffer.alloc(32, 9).toString('base64'),
    SIAGA_DATA_DIR: dataDir,
    SIAGA_LOG_LEVEL: 'warn',
  });
  const deps = await createDeps(config);
  const ctx = systemContext('bench');
  try {
    // Missions, and city centres with Zipf-like weights across the inhabited latitudes.
    const r = rng(seed);
    const missions: string[] = [];
    for (let m = 0; m < 40; m++) {
      const id = randomUUID();
      missions.push(id);
      const at = new Date().toISOString();
      await deps.db
        .insertInto('missions')
        .values({
          id,
          code: `KBRI-B${m}`,
          name: `Mission ${m}`,
          kind: 'embassy',
          city: 'X',
          countries: '[]',
          jurisdictions: '[]',
          hotline: '+6221000000',
          email: null,
          address: 'X',
          version: 1,
          createdAt: at,
          updatedAt: at,
        })
        .execute();
    }
    const cities = Array.from({ length: 400 }, (_, i) => ({
      lon: r.next() * 340 - 170,
      lat: r.next() * 100 - 40,
      weight: 1 / (i + 3),
      spread: 0.05 + r.next() * 0.4,
      mission: missions[i % missions.length]!,
      name: `City ${i}`,
    }));
    const total = cities.reduce((s, c) => s + c.weight, 0);
    const cumulative: number[] = [];
    let acc = 0;
    for (const c of cities) cumulative.push((acc += c.weight / total));

    const sqlite = deps.handle.sqlite;
    const insertHousehold = sqlite?.prepare(
      'insert into households (id, size, created_at, updated_at) values (?, ?, ?, ?)',
    );
    const insertPerson = sqlite?.prepare(
      `insert into people (id, version, full_name, sort_name, aliases, sex, nationalities, languages, status_abroad,
        mission_id, country, admin_area, city, lat, lon, location_precision, vulnerability_flags, household_id,
        consents, source, created_at, updated_at)
       values (?, 1, ?, ?, '[]', 'unknown', '["ID"]', '["id"]', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', 'demo', ?, ?)`,
    );
    const loadStart = performance.now();
    // 22 columns: under PostgreSQL's limit of 65,535 bound values per statement.
    const BATCH = 2500;
    const at = new Date().toISOString();
    for (let done = 0; done < people;) {
      const rows: Insertable<PeopleTable>[] = [];
      const households: { id: string; size: number; createdAt: string; updatedAt: string }[] = [];
      for (let i = 0; i < BATCH && done < people; i++, done++) {
        if (done % 3 === 0) households.push({ id: `h${done / 3}`, size: 3, createdAt: at, updatedAt: at });
        const u = r.next();
        let lo = 0;
        let hi = cumulative.length - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (cumulative[mid]! > u) hi = mid;
          else lo = mid + 1;
        }
        const c = cities[lo]!;
        const byCity = r.next() < 0.1;
        const unplaced = !byCity && r.next() < 0.05;
        const lat = byCity ? c.lat : Math.max(-89, Math.min(89, c.lat + r.gauss() * c.spread));
        const lon = byCity ? c.lon : c.lon + r.gauss() * c.spread;
        rows.push({
          id: randomUUID(),
          version: 1,
          fullName: `Person ${done}`,
          sortName: `person ${done}`,
          aliases: '[]',
          sex: 'unknown' as const,
          nationalities: '["ID"]',
          languages: '["id"]',
          statusAbroad: STATUSES[Math.floor(r.next() * STATUSES.length)]!,
          missionId: c.mission,
          country: 'XX',
          adminArea: `XX-${lo % 20}`,
          city: c.name,
          lat: unplaced ? null : lat,
          lon: unplaced ? null : lon,
          locationPrecision: unplaced ? null : byCity ? ('city' as const) : ('point' as const),
          vulnerabilityFlags: r.next() < 0.08 ? 1 << Math.floor(r.next() * 8) : 0,
          householdId: `h${Math.floor(done / 3)}`,
          consents: '[]',
          source: 'demo' as const,
          createdAt: at,
          updatedAt: at,
        });
      }
      if (sqlite) {
        // One prepared statement per table in one transaction: the Kysely path compiles a
        // 30,000-parameter statement per batch, which is what a bulk load should not measure.
        sqlite.transaction(() => {
          for (const h of households) insertHousehold!.run(h.id, h.size, h.createdAt, h.updatedAt);
          for (const p of rows) {
            insertPerson!.run(
              p.id,
              p.fullName,
              p.sortName,
              p.statusAbroad,
              p.missionId,
              p.country,
              p.adminArea,
              p.city,
              p.lat,
              p.lon,
              p.locationPrecision,
              p.vulnerabilityFlags,
              p.householdId,
              p.createdAt,
              p.updatedAt,
            );
          }
        })();
      } else {
        await deps.db.insertInto('households').values(households).execute();
        await deps.db.insertInto('people').values(rows).execute();
      }
      if (done % 100_000 < BATCH) process.stderr.write(`\rloading ${done.toLocaleString('en')} people`);
    }
    process.stderr.write('\n');
    await deps.db.deleteFrom('peopleChanges').execute();
    const loadSeconds = (performance.now() - loadStart) / 1000;
    if (usePg) await sql`analyze people`.execute(deps.db);

    // Cold start: the index built from the registry.
    const index = new PopulationIndex(deps.db);
    const buildStart = performance.now();
    await index.build();
    const indexBuildMs = performance.now() - buildStart;
    const indexMemoryMb = index.stats().bytes / 1048576;
    // The service uses the process's own index: warm it too (not timed).
    await countAffected(deps, ctx, compileOrThrow([hexagon(0, 0, 1)], 'a'), [], { prefer: 'memory' });

    // The 1% polygon: around the busiest city, grown until it holds about 1% of the people.
    const target = people * 0.01;
    const big = cities[0]!;
    let radius = 0.01;
    for (let step = 0; step < 40; step++) {
      const c = index.count(compileOrThrow([hexagon(big.lon, big.lat, radius)], 'a'), [], null);
      if (c.inside + c.locatedByCity >= target) break;
      radius *= 1.25;
    }
    const city = cities[5]!;
    const shapes = [
      { name: 'onePercent', area: compileOrThrow([hexagon(big.lon, big.lat, radius)], 'a') },
      { name: 'city', area: compileOrThrow([hexagon(city.lon, city.lat, city.spread / 2)], 'a') },
    ];

    const results: Record<string, unknown> = {};
    let scanMs = 0;
    for (const s of shapes) {
      const time = async (prefer: 'memory' | 'database', n: number) => {
        const ms: number[] = [];
        let inside = 0;
        for (let q = 0; q < n; q++) {
          const t0 = performance.now();
          const c = await countAffected(deps, ctx, s.area, [], { prefer });
          ms.push(performance.now() - t0);
          inside = c.inside + c.locatedByCity;
        }
        ms.sort((a, b) => a - b);
        return { p50: percentile(ms, 0.5), p95: percentile(ms, 0.95), inside };
      };
      const mem = await time('memory', queries);
      const db = await time('database', Math.max(5, Math.floor(queries / 5)));
      // The same answer by reading the whole people table: no spatial index at all.
      const scanStart = performance.now();
      const [w, so, e, n] = s.area.boxes[0]!;
      const dicts = newDicts();
      const tally = new Tally(dicts);
      let after = '';
      for (;;) {
        const rows = await placesAfter(deps.db, after, 50_000);
        for (const p of rows) {
          if (p.lat === null || p.lon === null || p.lon < w || p.lon > e || p.lat < so || p.lat > n) continue;
          if (s.area.contains(p.lon, p.lat)) tallyRow(tally, dicts, p);
        }
        if (rows.length < 50_000) break;
        after = rows[rows.length - 1]!.id;
      }
      const scan = performance.now() - scanStart;
      const scanned = tally.result();
      if (scanned.inside + scanned.locatedByCity !== mem.inside || mem.inside !== db.inside) {
        throw new Error(
          `answers differ: scan ${scanned.inside + scanned.locatedByCity}, memory ${mem.inside}, database ${db.inside}`,
        );
      }
      if (s.name === 'onePercent') scanMs = scan;
      results[s.name] = {
        inside: mem.inside,
        p50Ms: round(mem.p50),
        p95Ms: round(mem.p95),
        databaseIndexP50Ms: round(db.p50),
        databaseIndexP95Ms: round(db.p95),
        scanMs: round(scan),
        speedup: round(scan / mem.p95),
      };
    }
    const one = results.onePercent as { p50Ms: number; p95Ms: number; inside: number };
    console.log(
      JSON.stringify({
        bench: 'affected',
        db: usePg ? 'postgres' : 'sqlite',
        people,
        queries,
        loadSeconds: round(loadSeconds),
        ...results,
        inside: one.inside,
        p50Ms: one.p50Ms,
        p95Ms: one.p95Ms,
        scanMs: round(scanMs),
        speedup: round(scanMs / one.p95Ms),
        indexBuildMs: Math.round(indexBuildMs),
        indexMemoryMb: round(indexMemoryMb),
      }),
    );
  } finally {
    if (schema)
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(deps.db).catch(() => undefined);
    await deps.handle.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
