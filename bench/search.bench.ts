// Name search over a synthetic registry: p50/p95 of the list endpoint's service call (search,
// total count and first page of 50) against a full scan of the people table in the same run.
//   npm run bench -- search [--people 100000] [--queries 400] [--seed 1]
// On PostgreSQL: DATABASE_URL=postgres://… npm run bench -- search --people 1000000
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { PeopleQuery } from '@siaga/contracts';
import { createDeps } from '../server/src/app';
import { loadConfig } from '../server/src/config';
import { systemContext } from '../server/src/platform/context';
import { loadDemoPeople } from '../server/src/demo/people';
import { listPeople } from '../server/src/modules/people/people.query';
import { numberArg } from './lib/args';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
const round = (n: number) => Math.round(n * 100) / 100;

// A deterministic shuffle of the words, lower-cased: how a query typed in a hurry differs from
// the record (word order, case) without changing the spelling.
const reorder = (name: string) => name.toLowerCase().split(/\s+/u).reverse().join(' ');

export async function main(args: string[]) {
  const people = numberArg(args, 'people', 100_000);
  const queries = numberArg(args, 'queries', 400);
  const seed = numberArg(args, 'seed', 1);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'siaga-bench-search-'));
  const schema = process.env.DATABASE_URL ? `bench_search_${process.pid}` : undefined;
  const config = loadConfig({
    ...process.env,
    ...(schema ? { SIAGA_DB_SCHEMA: schema } : {}),
    NODE_ENV: 'production',
    SIAGA_SECRET_KEY: Buffer.alloc(32, 9).toString('base64'),
    SIAGA_DATA_DIR: dataDir,
    SIAGA_LOG_LEVEL: 'warn',
  });
  const deps = await createDeps(config);
  const ctx = systemContext('bench');
  try {
    const loadStart = performance.now();
    await loadDemoPeople(deps, {
      people,
      seed,
      onProgress: (n) => process.stderr.write(`\rloading ${n.toLocaleString('en')} people`),
    });
    process.stderr.write('\n');
    const loadSeconds = (performance.now() - loadStart) / 1000;

    // A sample of real names, spread over the table, in three shapes: as written, re-ordered and
    // lower-cased, and the first word alone (the broadest: "Siti", "Muhammad").
    const step = Math.max(1, Math.floor(people / queries));
    const sample = await deps.db
      .selectFrom('people')
      .select('fullName')
      .orderBy('id')
      .limit(queries * step)
      .execute();
    const names = sample.filter((_, i) => i % step === 0).map((r) => r.fullName);
    const texts = names.map((n, i) => (i % 5 === 4 ? n.split(/\s+/u)[0]! : i % 5 === 3 ? reorder(n) : n));

    for (const q of texts.slice(0, 20)) await listPeople(deps, ctx, PeopleQuery.parse({ q })); // warm-up
    const times: number[] = [];
    let hits = 0;
    let found = 0;
    for (const q of texts) {
      const t0 = performance.now();
      const page = await listPeople(deps, ctx, PeopleQuery.parse({ q }));
      times.push(performance.now() - t0);
      hits += page.total;
      if (page.total > 0) found++;
    }
    times.sort((a, b) => a - b);

    // The baseline: what a search without the key index costs, a scan of every name.
    const scans: number[] = [];
    for (const n of names.slice(0, 5)) {
      const word = n.split(/\s+/u).pop()!.toLowerCase();
      const t0 = performance.now();
      await deps.db
        .selectFrom('people')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(sql<string>`lower(full_name)`, 'like', `%${word}%`)
        .executeTakeFirstOrThrow();
      scans.push(performance.now() - t0);
    }
    scans.sort((a, b) => a - b);
    const fullScanMs = percentile(scans, 0.5);
    const p50 = percentile(times, 0.5);
    const result = {
      bench: 'search',
      db: deps.dialect,
      people,
      queries: texts.length,
      loadSeconds: round(loadSeconds),
      p50Ms: round(p50),
      p95Ms: round(percentile(times, 0.95)),
      p99Ms: round(percentile(times, 0.99)),
      maxMs: round(times[times.length - 1]!),
      meanMatches: Math.round(hits / texts.length),
      found: `${found}/${texts.length}`,
      fullScanMs: round(fullScanMs),
      speedupP50: round(fullScanMs / p50),
    };
    console.error(
      `search over ${people.toLocaleString('en')} people on ${deps.dialect}: p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms; full scan ${result.fullScanMs} ms`,
    );
    console.log(JSON.stringify(result));
  } finally {
    if (schema) await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(deps.db).catch(() => {});
    await deps.handle.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
