// Migrations on a fresh database: every one applied in order, the tables usable through Kysely,
// headquarters and the role settings seeded once, and a second run a no-op. Also `siaga migrate`.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { openDatabase, type DbHandle } from '../src/db/client';
import { migrate } from '../src/db/migrate';
import { MIGRATIONS } from '../src/db/migrations/index';
import { placesInBoxes } from '../src/modules/affected/affected.repo';
import type { Config } from '../src/config';
import { dialectUnderTest, PG_URL, testConfig, runSiaga } from './helpers';

/** Runs `siaga …` from the repository root on the given data directory (and PostgreSQL schema). */
const runCli = (args: string[], dataDir: string, schema: string | null) =>
  runSiaga(args, { dataDir, schema });

/** A fresh, unmigrated database; `run` gets the handle and its config, and everything is removed after. */
async function withFreshDatabase(run: (h: DbHandle, config: Config) => Promise<void>) {
  const { config, dataDir } = testConfig();
  const h = openDatabase(config.database);
  try {
    await run(h, config);
  } finally {
    await h.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const schemaOf = (c: Config) => (c.database.kind === 'postgres' ? c.database.schema : null);

describe(`migrations (${dialectUnderTest})`, () => {
  it('are date-named and listed in order', () => {
    const names = Object.keys(MIGRATIONS);
    assert.ok(names.length >= 1);
    for (const n of names) assert.match(n, /^\d{4}_\d{2}_\d{2}_\d{4}_[a-z0-9_]+$/);
    assert.deepEqual(names, [...names].sort());
  });

  it('apply every migration to a fresh database, then nothing on a second run', async () => {
    await withFreshDatabase(async (h, config) => {
      const first = await migrate(h, { hqName: config.hqName, schema: schemaOf(config) });
      assert.deepEqual(first, { applied: Object.keys(MIGRATIONS), total: Object.keys(MIGRATIONS).length });
      const second = await migrate(h, { hqName: config.hqName, schema: schemaOf(config) });
      assert.deepEqual(second, { applied: [], total: Object.keys(MIGRATIONS).length });
    });
  });

  it('seed headquarters and the five role settings exactly once', async () => {
    await withFreshDatabase(async (h, config) => {
      await migrate(h, { hqName: config.hqName, schema: schemaOf(config) });
      await migrate(h, { hqName: 'Another Headquarters Name', schema: schemaOf(config) });
      const orgs = await h.db.selectFrom('organisations').selectAll().execute();
      assert.equal(orgs.length, 1);
      assert.equal(orgs[0]!.kind, 'headquarters');
      assert.equal(orgs[0]!.name, config.hqName);
      assert.equal(orgs[0]!.shortName, 'HQ');
      const roles = await h.db.selectFrom('roleSettings').selectAll().orderBy('role').execute();
      assert.deepEqual(
        roles.map((r) => [r.role, r.totpRequired]),
        [
          ['hq_admin', 0],
          ['hq_officer', 0],
          ['mission_officer', 0],
          ['partner', 0],
          ['viewer', 0],
        ],
      );
    });
  });

  it('create tables that take and give back rows through Kysely', async () => {
    await withFreshDatabase(async (h, config) => {
      await migrate(h, { hqName: config.hqName, schema: schemaOf(config) });
      const db = h.db;
      const at = new Date().toISOString();
      const orgId = randomUUID();
      const missionId = randomUUID();
      const userId = randomUUID();
      await db
        .insertInto('organisations')
        .values({
          id: orgId,
          kind: 'partner',
          name: 'IOM',
          shortName: 'IOM',
          email: null,
          phone: null,
          version: 1,
          createdAt: at,
          updatedAt: at,
        })
        .execute();
      await db
        .insertInto('missions')
        .values({
          id: missionId,
          code: 'KBRI-MIGRATE',
          name: 'KBRI Migrate',
          kind: 'embassy',
          city: 'Khartoum',
          countries: '["SD"]',
          jurisdictions: '[]',
          hotline: '+249912345678',
          email: null,
          address: 'Street 60',
          version: 1,
          createdAt: at,
          updatedAt: at,
        })
        .execute();
      await db.insertInto('missionCountries').values({ missionId, country: 'SD' }).execute();
      await db
        .insertInto('users')
        .values({
          id: userId,
          email: 'migrate@test.example',
          displayName: 'Migrate',
          passwordHash: 'x',
          role: 'partner',
          organisationId: orgId,
          locale: 'en',
          status: 'active',
          totpSecretEnc: null,
          totpEnabled: 0,
          mustChangePassword: 0,
          loginKey: 'k1',
          lastLoginAt: null,
          version: 1,
          createdAt: at,
          updatedAt: at,
        })
        .execute();
      await db.insertInto('userMissions').values({ userId, missionId }).execute();
      await db
        .insertInto('sessions')
        .values({
          id: 's1',
          userId,
          csrfToken: 'c',
          stage: 'complete',
          createdAt: at,
          lastSeenAt: at,
          expiresAt: at,
          ip: null,
          userAgent: null,
        })
        .execute();
      await db
        .insertInto('apiTokens')
        .values({
          id: randomUUID(),
          userId,
          name: 'cli',
          tokenHash: 'h',
          prefix: 'siaga_',
          createdAt: at,
          lastUsedAt: null,
          expiresAt: null,
          revokedAt: null,
        })
        .execute();
      await db
        .insertInto('loginThrottle')
        .values({ key: 'k1', failures: 2, lockouts: 0, lockedUntil: null, updatedAt: at })
        .execute();
      await db
        .insertInto('auditLog')
        .values({
          seq: 1,
          at,
          actorId: null,
          actorLabel: 'system:test',
          action: 'x.y',
          entityType: 'x',
          entityId: null,
          requestId: null,
          changes: null,
          meta: null,
          prevHash: 'genesis',
          hash: 'h1',
        })
        .execute();
      await db.insertInto('auditHead').values({ id: 1, seq: 1, hash: 'h1' }).execute();
      await db
        .insertInto('outbox')
        .values({
          id: randomUUID(),
          kind: 'mail.send',
          payload: '{}',
          status: 'pending',
          attempts: 0,
          maxAttempts: 3,
          runAt: at,
          lockedBy: null,
          lockedUntil: null,
          lastError: null,
          idempotencyKey: 'once',
          createdAt: at,
          updatedAt: at,
          doneAt: null,
        })
        .execute();

      const user = await db
        .selectFrom('users')
        .innerJoin('userMissions', 'userMissions.userId', 'users.id')
        .innerJoin('missions', 'missions.id', 'userMissions.missionId')
        .innerJoin('organisations', 'organisations.id', 'users.organisationId')
        .select(['users.email', 'missions.code', 'organisations.shortName'])
        .executeTakeFirstOrThrow();
      assert.deepEqual(user, { email: 'migrate@test.example', code: 'KBRI-MIGRATE', shortName: 'IOM' });
      const audit = await db.selectFrom('auditLog').select(['seq', 'prevHash']).executeTakeFirstOrThrow();
      assert.deepEqual({ ...audit, seq: Number(audit.seq) }, { seq: 1, prevHash: 'genesis' });
      for (const table of [
        'sessions',
        'apiTokens',
        'loginThrottle',
        'auditHead',
        'outbox',
        'missionCountries',
      ] as const) {
        const n = await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        assert.equal(Number(n.n), 1, table);
      }

      // The constraints the code relies on are in place.
      await assert.rejects(
        db
          .insertInto('missions')
          .values({
            ...(await db.selectFrom('missions').selectAll().executeTakeFirstOrThrow()),
            id: randomUUID(),
          })
          .execute(),
      );
      await assert.rejects(
        db
          .insertInto('organisations')
          .values({
            id: randomUUID(),
            kind: 'partner',
            name: 'IOM',
            shortName: 'IOM2',
            email: null,
            phone: null,
            version: 1,
            createdAt: at,
            updatedAt: at,
          })
          .execute(),
      );
      await assert.rejects(
        db
          .insertInto('outbox')
          .values({
            id: randomUUID(),
            kind: 'mail.send',
            payload: '{}',
            status: 'lost' as 'dead',
            attempts: 0,
            maxAttempts: 3,
            runAt: at,
            lockedBy: null,
            lockedUntil: null,
            lastError: null,
            idempotencyKey: null,
            createdAt: at,
            updatedAt: at,
            doneAt: null,
          })
          .execute(),
      );
      // Removing a mission removes its country index rows.
      if (h.dialect === 'sqlite') await sql`pragma foreign_keys = on`.execute(db);
      await db.deleteFrom('userMissions').execute();
      await db.deleteFrom('missions').where('id', '=', missionId).execute();
      const left = await db.selectFrom('missionCountries').selectAll().execute();
      assert.deepEqual(left, []);
    });
  });

  it(
    'keep PostgreSQL tables inside the configured schema',
    { skip: !PG_URL && 'PostgreSQL only' },
    async () => {
      await withFreshDatabase(async (h, config) => {
        const schema = schemaOf(config)!;
        await migrate(h, { hqName: config.hqName, schema });
        // Read without the camel-case plugin, to see the names as PostgreSQL has them.
        const rows = await sql<{ table_name: string }>`
        select table_name from information_schema.tables where table_schema = ${schema} order by table_name`.execute(
          h.db.withoutPlugins(),
        );
        const tables = rows.rows.map((r) => r.table_name);
        for (const name of [
          'audit_head',
          'audit_log',
          'missions',
          'organisations',
          'outbox',
          'users',
          'kysely_migration',
        ]) {
          assert.ok(tables.includes(name), `${name} in ${schema}: ${tables.join(', ')}`);
        }
      });
    },
  );

  it('give people already registered a location precision and a place in the spatial index', async () => {
    await withFreshDatabase(async (h, config) => {
      const schema = schemaOf(config);
      if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(h.db);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const raw = h.db.withoutPlugins() as unknown as Kysely<any>;
      const names = Object.keys(MIGRATIONS);
      const crises = names.indexOf('2026_12_03_0001_crises');
      for (const name of names.slice(0, crises)) await MIGRATIONS[name]!.up(raw, h.dialect);
      const at = new Date().toISOString();
      const row = (id: string, lat: number | null, lon: number | null) => ({
        id,
        version: 1,
        full_name: id,
        sort_name: id,
        aliases: '[]',
        sex: 'unknown',
        nationalities: '[]',
        languages: '[]',
        status_abroad: 'worker',
        lat,
        lon,
        country: 'MY',
        vulnerability_flags: 0,
        consents: '[]',
        source: 'officer',
        created_at: at,
        updated_at: at,
      });
      const placed = randomUUID();
      const unplaced = randomUUID();
      await raw
        .insertInto('people')
        .values([row(placed, 3.15, 101.69), row(unplaced, null, null)])
        .execute();
      for (const name of names.slice(crises)) await MIGRATIONS[name]!.up(raw, h.dialect);

      const people = await h.db
        .selectFrom('people')
        .select(['id', 'locationPrecision'])
        .orderBy('id')
        .execute();
      const precision = Object.fromEntries(people.map((p) => [p.id, p.locationPrecision]));
      assert.equal(precision[placed], 'point');
      assert.equal(precision[unplaced], null);
      const found = await placesInBoxes(h.db, h.dialect, [[101, 3, 102, 4]]);
      assert.deepEqual(
        found.map((p) => p.id),
        [placed],
      );
      // From here on, every change of a person is in the change log.
      await h.db.updateTable('people').set({ lat: 3.2 }).where('id', '=', placed).execute();
      const log = await h.db.selectFrom('peopleChanges').select('personId').execute();
      assert.deepEqual(
        log.map((c) => c.personId),
        [placed],
      );
      assert.equal(
        (await placesInBoxes(h.db, h.dialect, [[101, 3.19, 102, 3.21]])).length,
        1,
        'the index follows the move',
      );
    });
  });

  it('can be run by two processes starting at once', async () => {
    const { config, dataDir, schema } = testConfig();
    try {
      // As a server and a separate worker starting together on a new installation.
      const [a, b] = await Promise.all([
        runCli(['migrate', '--json'], dataDir, schema),
        runCli(['migrate', '--json'], dataDir, schema),
      ]);
      assert.equal(a.code, 0, a.stderr);
      assert.equal(b.code, 0, b.stderr);
      const applied = [...JSON.parse(a.stdout).applied, ...JSON.parse(b.stdout).applied];
      assert.deepEqual(applied.sort(), Object.keys(MIGRATIONS).sort());
      const h = openDatabase(config.database);
      try {
        const hq = await h.db
          .selectFrom('organisations')
          .select('id')
          .where('kind', '=', 'headquarters')
          .execute();
        assert.equal(hq.length, 1);
        assert.equal((await h.db.selectFrom('roleSettings').selectAll().execute()).length, 5);
      } finally {
        await h.close();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe(`siaga migrate (${dialectUnderTest})`, () => {
  it('prints what it applied on a fresh data directory, and then that all is up to date', async () => {
    const { dataDir, schema } = testConfig();
    try {
      const run = (args: string[]) => runCli(args, dataDir, schema);

      const first = await run(['migrate']);
      assert.equal(first.code, 0, first.stderr);
      const names = Object.keys(MIGRATIONS);
      assert.match(first.stdout, new RegExp(`^Applied ${names.length} migration\\(s\\):`));
      for (const n of names) assert.ok(first.stdout.includes(n), `${n} listed`);
      if (!PG_URL) assert.ok(fs.existsSync(path.join(dataDir, 'siaga.db')));

      const second = await run(['migrate', '--json']);
      assert.equal(second.code, 0, second.stderr);
      assert.deepEqual(JSON.parse(second.stdout), {
        applied: [],
        total: names.length,
        database: dialectUnderTest,
      });
      const human = await run(['migrate']);
      assert.match(human.stdout, /up to date/);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
