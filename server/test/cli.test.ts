// The siaga command line as an operator uses it: each test runs `node bin/siaga.mjs …` from the
// repository root on its own data directory (and PostgreSQL schema), then checks what it printed,
// how it exited, and what the server built on the same data then sees. The tests share nothing,
// so each group runs them side by side.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { buildApp } from '../src/app';
import { openDatabase } from '../src/db/client';
import type { Config } from '../src/config';
import { DEMO_MISSIONS, DEMO_PARTNERS } from '../src/demo/missions';
import { dialectUnderTest, PASSWORD, PG_URL, runSiaga, testConfig, type CliResult } from './helpers';

interface Install {
  config: Config;
  dataDir: string;
  siaga(args: string[], input?: string): Promise<CliResult>;
  /** The JSON document a successful --json command printed. */
  json<T = any>(args: string[], input?: string): Promise<T>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** A new installation: a private data directory (and schema), removed afterwards. */
async function withInstall(run: (i: Install) => Promise<void>) {
  const { config, dataDir, schema } = testConfig();
  const siaga = (args: string[], input?: string) => runSiaga(args, { dataDir, schema }, { input });
  const json = async (args: string[], input?: string) => {
    const res = await siaga(['--json', ...args], input);
    assert.equal(res.code, 0, `siaga ${args.join(' ')} failed: ${res.stderr}`);
    return JSON.parse(res.stdout);
  };
  try {
    await run({ config, dataDir, siaga, json });
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The server, built on the installation's data directory and database. */
async function withServer(
  config: Config,
  run: (app: Awaited<ReturnType<typeof buildApp>>['app']) => Promise<void>,
) {
  const { app } = await buildApp(config);
  try {
    await app.ready();
    await run(app);
  } finally {
    await app.close();
  }
}

const missionArgs = (code: string) => [
  'mission',
  'create',
  '--code',
  code,
  '--name',
  `Mission ${code}`,
  '--kind',
  'consulate',
  '--city',
  'Jeddah',
  '--countries',
  'sa, ye',
  '--hotline',
  '+966126711271',
  '--address',
  'Al-Mualifin Street, Jeddah',
];

describe(`siaga users and tokens (${dialectUnderTest})`, { concurrency: true }, () => {
  it('creates a user with a password from stdin and prints the user as JSON', async () => {
    await withInstall(async ({ config, siaga, json }) => {
      const user = await json(
        ['user', 'create', '--email', 'Admin@Kemlu.example', '--role', 'hq_admin', '--password-stdin'],
        `${PASSWORD}\n`,
      );
      assert.equal(user.email, 'admin@kemlu.example');
      assert.equal(user.role, 'hq_admin');
      assert.equal(user.mustChangePassword, false);
      assert.equal(user.oneTimePassword, undefined);
      assert.match(user.id, /^[0-9a-f-]{36}$/);
      // The password read from stdin (without its newline) signs in.
      await withServer(config, async (app) => {
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: 'admin@kemlu.example', password: PASSWORD },
        });
        assert.equal(res.statusCode, 200, res.body);
      });
      const human = await siaga(
        ['user', 'create', '--email', 'second@kemlu.example', '--role', 'viewer', '--password-stdin'],
        PASSWORD,
      );
      assert.equal(human.code, 0, human.stderr);
      assert.match(human.stdout, /^Created viewer second@kemlu\.example \([0-9a-f-]{36}\)\n$/);
    });
  });

  it('prints a one-time password when none is given, which must be changed at first sign-in', async () => {
    await withInstall(async ({ config, siaga, json }) => {
      const res = await siaga(['user', 'create', '--email', 'officer@kemlu.example', '--role', 'hq_officer']);
      assert.equal(res.code, 0, res.stderr);
      const m = /One-time password: (\S+)/.exec(res.stdout);
      assert.ok(m, res.stdout);
      const created = await json(['user', 'create', '--email', 'viewer@kemlu.example', '--role', 'viewer']);
      assert.equal(created.user.email, 'viewer@kemlu.example');
      assert.equal(created.user.mustChangePassword, true);
      assert.ok(typeof created.oneTimePassword === 'string' && created.oneTimePassword.length >= 12);
      await withServer(config, async (app) => {
        const login = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: 'officer@kemlu.example', password: m[1] },
        });
        assert.equal(login.statusCode, 200, login.body);
        const cookie = login.cookies.find((c) => c.name === 'siaga_session')!;
        const missions = await app.inject({
          method: 'GET',
          url: '/api/v1/missions',
          headers: { cookie: `siaga_session=${cookie.value}` },
        });
        assert.equal(missions.statusCode, 403);
        assert.equal(missions.json().error.code, 'auth.password_change_required');
      });
    });
  });

  it('lists users as JSON and as a table', async () => {
    await withInstall(async ({ siaga, json }) => {
      await json(
        ['user', 'create', '--email', 'b@kemlu.example', '--role', 'hq_admin', '--password-stdin'],
        PASSWORD,
      );
      await json(
        ['user', 'create', '--email', 'a@kemlu.example', '--role', 'viewer', '--password-stdin'],
        PASSWORD,
      );
      const users = await json(['user', 'list']);
      assert.deepEqual(
        users.map((u: { email: string; role: string }) => [u.email, u.role]),
        [
          ['a@kemlu.example', 'viewer'],
          ['b@kemlu.example', 'hq_admin'],
        ],
      );
      assert.ok(users.every((u: Record<string, unknown>) => !('passwordHash' in u)));
      const table = await siaga(['user', 'list']);
      assert.equal(table.code, 0);
      const lines = table.stdout.trim().split('\n');
      assert.match(lines[0]!, /^EMAIL\s+ROLE/);
      assert.match(lines[1]!, /^a@kemlu\.example\s+viewer/);
      assert.equal(lines.length, 3);
    });
  });

  it('creates an API token that then authenticates against the server', async () => {
    await withInstall(async ({ config, json, siaga }) => {
      await json(
        ['user', 'create', '--email', 'script@kemlu.example', '--role', 'hq_officer', '--password-stdin'],
        PASSWORD,
      );
      const created = await json([
        'token',
        'create',
        '--email',
        'script@kemlu.example',
        '--name',
        'nightly export',
      ]);
      assert.match(created.token, /^siaga_/);
      assert.equal(created.name, 'nightly export');

      const h = openDatabase(config.database);
      try {
        const row = await h.db.selectFrom('apiTokens').selectAll().executeTakeFirstOrThrow();
        assert.equal(row.tokenHash, createHash('sha256').update(created.token).digest('hex'));
        assert.notEqual(row.tokenHash, created.token);
      } finally {
        await h.close();
      }

      await withServer(config, async (app) => {
        const ok = await app.inject({
          method: 'GET',
          url: '/api/v1/missions',
          headers: { authorization: `Bearer ${created.token}` },
        });
        assert.equal(ok.statusCode, 200, ok.body);
        assert.deepEqual(ok.json(), { items: [], nextCursor: null });
        const wrong = await app.inject({
          method: 'GET',
          url: '/api/v1/missions',
          headers: { authorization: `Bearer ${created.token}x` },
        });
        assert.equal(wrong.statusCode, 401);
      });

      const unknown = await siaga(['token', 'create', '--email', 'nobody@kemlu.example']);
      assert.equal(unknown.code, 1);
      assert.match(unknown.stderr, /No user with email nobody@kemlu\.example \(user\.not_found\)/);
      assert.equal(unknown.stdout, '');
    });
  });

  it('refuses bad input on stderr with a non-zero exit, printing nothing else unless --json', async () => {
    await withInstall(async ({ siaga }) => {
      const badRole = await siaga(
        ['user', 'create', '--email', 'x@kemlu.example', '--role', 'superuser', '--password-stdin'],
        PASSWORD,
      );
      assert.notEqual(badRole.code, 0);
      assert.match(badRole.stderr, /invalid input[\s\S]*role/);
      assert.equal(badRole.stdout, '');

      const badEmail = await siaga(
        ['user', 'create', '--email', 'not-an-email', '--role', 'viewer', '--password-stdin'],
        PASSWORD,
      );
      assert.notEqual(badEmail.code, 0);
      assert.match(badEmail.stderr, /email/);
      assert.equal(badEmail.stdout, '');

      const asJson = await siaga(
        ['--json', 'user', 'create', '--email', 'not-an-email', '--role', 'viewer', '--password-stdin'],
        PASSWORD,
      );
      assert.notEqual(asJson.code, 0);
      assert.match(asJson.stderr, /email/);
      const doc = JSON.parse(asJson.stdout);
      assert.equal(doc.error.code, 'request.invalid');
      assert.deepEqual(
        doc.error.details.map((d: { path: string }) => d.path),
        ['email'],
      );

      const missingOption = await siaga(['user', 'create', '--email', 'x@kemlu.example']);
      assert.notEqual(missingOption.code, 0);
      assert.match(missingOption.stderr, /--role/);

      // Nothing was created by any of these.
      const list = await siaga(['--json', 'user', 'list']);
      assert.deepEqual(JSON.parse(list.stdout), []);
    });
  });

  it('reports a refused request (email taken) with its code, as JSON too', async () => {
    await withInstall(async ({ json, siaga }) => {
      await json(
        ['user', 'create', '--email', 'dup@kemlu.example', '--role', 'viewer', '--password-stdin'],
        PASSWORD,
      );
      const again = await siaga(
        ['user', 'create', '--email', 'dup@kemlu.example', '--role', 'viewer', '--password-stdin'],
        PASSWORD,
      );
      assert.equal(again.code, 1);
      assert.match(again.stderr, /user\.email_taken/);
      assert.equal(again.stdout, '');
      const asJson = await siaga(
        ['--json', 'user', 'create', '--email', 'dup@kemlu.example', '--role', 'viewer', '--password-stdin'],
        PASSWORD,
      );
      assert.equal(asJson.code, 1);
      assert.equal(JSON.parse(asJson.stdout).error.code, 'user.email_taken');
    });
  });
});

describe(`siaga missions and demo (${dialectUnderTest})`, { concurrency: true }, () => {
  it('creates missions and lists them', async () => {
    await withInstall(async ({ json, siaga }) => {
      const m = await json(missionArgs('kjri-jeddah'));
      assert.equal(m.code, 'KJRI-JEDDAH');
      assert.deepEqual(m.countries, ['SA', 'YE']);
      assert.equal(m.kind, 'consulate');
      assert.equal(m.version, 1);
      const human = await siaga(missionArgs('KBRI-SANAA'));
      assert.equal(human.code, 0, human.stderr);
      assert.equal(human.stdout, 'Created mission KBRI-SANAA (Mission KBRI-SANAA)\n');

      const list = await json(['mission', 'list']);
      assert.deepEqual(
        list.map((x: { code: string }) => x.code),
        ['KBRI-SANAA', 'KJRI-JEDDAH'],
      );
      const table = await siaga(['mission', 'list']);
      assert.match(table.stdout, /^CODE\s+NAME\s+KIND\s+COUNTRIES\s+HOTLINE\n/);
      assert.match(table.stdout, /KJRI-JEDDAH\s+Mission kjri-jeddah\s+consulate\s+SA,YE\s+\+966126711271/);

      const dup = await siaga(missionArgs('KJRI-JEDDAH'));
      assert.equal(dup.code, 1);
      assert.match(dup.stderr, /mission\.code_taken/);
      const badHotline = await siaga([...missionArgs('KJRI-MEDAN'), '--hotline', '0812345']);
      assert.notEqual(badHotline.code, 0);
      assert.match(badHotline.stderr, /hotline/);
    });
  });

  it('loads the demo directory once, however often it is run', async () => {
    await withInstall(async ({ config, json }) => {
      assert.deepEqual(await json(['demo']), {
        people: 0,
        missions: DEMO_MISSIONS.length,
        partners: DEMO_PARTNERS.length,
      });
      assert.deepEqual(await json(['demo']), { people: 0, missions: 0, partners: 0 });
      const missions = await json(['mission', 'list']);
      assert.equal(missions.length, DEMO_MISSIONS.length);
      assert.ok(
        missions.some(
          (m: { code: string; countries: string[] }) =>
            m.code === 'KBRI-KHARTOUM' && m.countries.includes('SD'),
        ),
      );
      const h = openDatabase(config.database);
      try {
        const partners = await h.db
          .selectFrom('organisations')
          .select('name')
          .where('kind', '=', 'partner')
          .orderBy('name')
          .execute();
        assert.deepEqual(
          partners.map((p) => p.name),
          DEMO_PARTNERS.map((p) => p.name).sort(),
        );
      } finally {
        await h.close();
      }
    });
  });
});

describe(`siaga audit verify and backup (${dialectUnderTest})`, { concurrency: true }, () => {
  it('shows the outbox and its dead letters, and retries only dead jobs', async () => {
    await withInstall(async ({ config, json, siaga }) => {
      assert.deepEqual(await json(['outbox', 'status']), {
        counts: { pending: 0, processing: 0, done: 0, dead: 0 },
        dead: [],
      });
      // A mail job that has failed for good, as a worker leaves it.
      const h = openDatabase(config.database);
      const at = new Date().toISOString();
      const id = '6f1d9a52-3c1e-4f4e-9b0e-2d7c1a0b9e11';
      await h.db
        .insertInto('outbox')
        .values({
          id,
          kind: 'mail.send',
          payload: '{}',
          status: 'dead',
          attempts: 8,
          maxAttempts: 8,
          runAt: at,
          lockedBy: null,
          lockedUntil: null,
          lastError: 'relay refused',
          idempotencyKey: null,
          createdAt: at,
          updatedAt: at,
          doneAt: null,
        })
        .execute();
      await h.close();
      const human = await siaga(['outbox', 'status']);
      assert.match(human.stdout, /dead: 1/);
      assert.match(human.stdout, new RegExp(`${id}\\s+mail\\.send\\s+8 .*relay refused`));
      assert.deepEqual(await json(['outbox', 'retry', id]), { id, status: 'pending' });
      assert.equal((await json(['outbox', 'status'])).counts.pending, 1);
      const again = await siaga(['outbox', 'retry', id]);
      assert.notEqual(again.code, 0);
      assert.match(again.stderr, /No dead-lettered job/);
    });
  });

  it('reports an intact log, then a damaged one with a non-zero exit', async () => {
    await withInstall(async ({ config, json, siaga }) => {
      await json(
        ['user', 'create', '--email', 'a@kemlu.example', '--role', 'hq_admin', '--password-stdin'],
        PASSWORD,
      );
      await json(missionArgs('KJRI-JEDDAH'));
      await json(missionArgs('KBRI-SANAA'));
      assert.deepEqual(await json(['audit', 'verify']), {
        ok: true,
        entries: 3,
        firstBadSeq: null,
        problem: null,
      });
      const human = await siaga(['audit', 'verify']);
      assert.equal(human.stdout, 'Audit log intact: 3 entries.\n');

      // Someone edits the database behind Siaga's back.
      if (config.database.kind === 'sqlite') {
        const db = new SQLite(config.database.file);
        db.prepare("update audit_log set actor_label = 'nobody' where seq = 2").run();
        db.close();
      } else {
        const h = openDatabase(config.database);
        await sql`update audit_log set actor_label = 'nobody' where seq = 2`.execute(h.db);
        await h.close();
      }
      const damaged = await siaga(['--json', 'audit', 'verify']);
      assert.notEqual(damaged.code, 0);
      const res = JSON.parse(damaged.stdout);
      assert.equal(res.ok, false);
      assert.equal(res.firstBadSeq, 2);
      assert.match(res.problem, /altered/);
      const humanDamaged = await siaga(['audit', 'verify']);
      assert.notEqual(humanDamaged.code, 0);
      assert.match(humanDamaged.stdout, /AUDIT LOG DAMAGED at entry 2/);
    });
  });

  it(
    'backs up the SQLite database to a file that opens and holds the users',
    { skip: !!PG_URL && 'SQLite only' },
    async () => {
      await withInstall(async ({ dataDir, json, siaga }) => {
        await json(
          ['user', 'create', '--email', 'keep@kemlu.example', '--role', 'hq_admin', '--password-stdin'],
          PASSWORD,
        );
        const file = path.join(dataDir, 'backup-1.db');
        const out = await json(['backup', file]);
        assert.equal(out.file, file);
        assert.equal(out.bytes, fs.statSync(file).size);
        const copy = new SQLite(file, { readonly: true });
        try {
          assert.deepEqual(copy.prepare('select email, role from users').all(), [
            { email: 'keep@kemlu.example', role: 'hq_admin' },
          ]);
          assert.equal((copy.prepare('select count(*) as n from audit_log').get() as { n: number }).n, 1);
        } finally {
          copy.close();
        }
        // An existing file is never overwritten.
        const again = await siaga(['backup', file]);
        assert.notEqual(again.code, 0);
        assert.match(again.stderr, /exists/);
      });
    },
  );

  it(
    'explains that PostgreSQL is backed up with pg_dump',
    { skip: !PG_URL && 'PostgreSQL only' },
    async () => {
      await withInstall(async ({ dataDir, siaga }) => {
        const file = path.join(dataDir, 'backup.db');
        const res = await siaga(['backup', file]);
        assert.notEqual(res.code, 0);
        assert.match(res.stderr, /pg_dump/);
        assert.equal(res.stdout, '');
        assert.equal(fs.existsSync(file), false);
      });
    },
  );
});
