// The siaga command line. Output is for people by default; --json prints one JSON document for
// scripts. Errors go to stderr and exit non-zero.
import { Command, Option } from 'commander';
import fs from 'node:fs';
import {
  MissionCreate,
  OrganisationCreate,
  Role,
  UserCreate,
  type Mission,
  type User,
} from '@siaga/contracts';
import { createDeps, type AppDeps } from '../app';
import { loadConfig, type Config } from '../config';
import { openDatabase } from '../db/client';
import { migrate } from '../db/migrate';
import { fail, print, readStdin, table, type OutputOptions } from '../cli/output';
import { runWorker, serve } from '../cli/serve';
import { systemContext } from '../platform/context';
import { verifyAuditChain } from '../platform/audit/audit';
import * as users from '../modules/users/users.service';
import * as missions from '../modules/missions/missions.service';
import * as organisations from '../modules/organisations/organisations.service';
import { createToken } from '../modules/auth/tokens.service';
import { DEMO_MISSIONS, DEMO_PARTNERS } from '../demo/missions';
import { AppError } from '../errors';

const program = new Command('siaga')
  .description('Siaga: protecting nationals and migrants abroad in crises')
  .addOption(new Option('--json', 'print machine-readable JSON'))
  .showHelpAfterError();

const cli = systemContext('cli');
const opts = (): OutputOptions => program.opts<OutputOptions>();
let config: Config;
const cfg = () => (config ??= loadConfig());

/** Runs fn with the database open and migrated, then closes it; errors exit non-zero. */
async function withDeps(fn: (deps: AppDeps) => Promise<void>): Promise<void> {
  let deps: AppDeps | undefined;
  let error: unknown = null;
  try {
    deps = await createDeps(cfg());
    await fn(deps);
  } catch (err) {
    error = err;
  }
  await deps?.handle.close().catch(() => undefined);
  if (error) fail(error, opts());
}

program
  .command('serve')
  .description('start the web server (and the outbox worker, unless --no-worker)')
  .option('--port <port>', 'port to listen on (default: PORT or 8080)')
  .option('--host <host>', 'address to listen on (default: SIAGA_HOST or 127.0.0.1)')
  .option('--no-worker', 'do not run the outbox worker in this process')
  .action(async (o: { port?: string; host?: string; worker: boolean }) => {
    try {
      config = loadConfig({
        ...process.env,
        ...(o.port ? { PORT: o.port } : {}),
        ...(o.host ? { SIAGA_HOST: o.host } : {}),
      });
      await serve(config, {
        worker: o.worker,
        onListening: (url) => process.stderr.write(`Siaga is listening on ${url}\n`),
      });
    } catch (err) {
      fail(err, opts());
    }
  });

program
  .command('worker')
  .description('run the outbox worker on its own')
  .action(async () => {
    try {
      await runWorker(cfg());
    } catch (err) {
      fail(err, opts());
    }
  });

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(async () => {
    const c = cfg();
    const handle = openDatabase(c.database);
    try {
      const res = await migrate(handle, {
        hqName: c.hqName,
        schema: c.database.kind === 'postgres' ? c.database.schema : null,
      });
      print(opts(), { ...res, database: handle.dialect }, () =>
        res.applied.length
          ? `Applied ${res.applied.length} migration(s):\n  ${res.applied.join('\n  ')}`
          : `Database is up to date (${res.total} migrations).`,
      );
    } catch (err) {
      fail(err, opts());
    } finally {
      await handle.close();
    }
  });

const user = program.command('user').description('staff accounts');
user
  .command('create')
  .description('create a staff user; prints a one-time password unless --password-stdin')
  .requiredOption('--email <email>', 'sign-in email')
  .requiredOption('--role <role>', `one of ${Role.options.join(', ')}`)
  .option('--name <name>', 'display name (default: the email)')
  .option('--mission <code...>', 'mission code(s), for mission officers')
  .option('--organisation <id>', 'partner organisation id, for partners')
  .option('--locale <locale>', 'id or en', 'id')
  .option('--password-stdin', 'read the password from standard input')
  .action(
    async (o: {
      email: string;
      role: string;
      name?: string;
      mission?: string[];
      organisation?: string;
      locale: string;
      passwordStdin?: boolean;
    }) => {
      const password = o.passwordStdin ? await readStdin() : undefined;
      await withDeps(async (deps) => {
        const input = UserCreate.parse({
          email: o.email,
          displayName: o.name ?? o.email,
          role: o.role,
          missionCodes: o.mission ?? [],
          ...(o.organisation ? { organisationId: o.organisation } : {}),
          locale: o.locale,
          ...(password !== undefined ? { password } : {}),
        });
        const res = await users.createUser(deps, cli, input);
        print(opts(), res.oneTimePassword ? res : res.user, () =>
          [
            `Created ${res.user.role} ${res.user.email} (${res.user.id})`,
            ...(res.oneTimePassword ? [`One-time password: ${res.oneTimePassword}`] : []),
          ].join('\n'),
        );
      });
    },
  );
user
  .command('list')
  .description('list staff users')
  .action(() =>
    withDeps(async (deps) => {
      const all: User[] = [];
      let cursor: string | undefined;
      do {
        const p = await users.listUsers(deps, cli, { limit: 200, cursor });
        all.push(...p.items);
        cursor = p.nextCursor ?? undefined;
      } while (cursor);
      print(opts(), all, () =>
        table(all, ['email', 'role', 'missionCodes', 'status', 'totpEnabled', 'lastLoginAt']),
      );
    }),
  );

program
  .command('token')
  .description('personal API tokens')
  .command('create')
  .description('create a personal API token for a user (printed once)')
  .requiredOption('--email <email>', "the token's user")
  .option('--name <name>', 'what the token is for', 'cli')
  .option('--days <n>', 'expire after n days')
  .action((o: { email: string; name: string; days?: string }) =>
    withDeps(async (deps) => {
      const u = await users.findUserByEmailForSystem(deps, o.email);
      if (!u) throw new AppError('user.not_found', 404, `No user with email ${o.email}`);
      const t = await createToken(deps, cli, u.id, {
        name: o.name,
        ...(o.days ? { expiresInDays: Number(o.days) } : {}),
      });
      print(opts(), t, () => `Token for ${u.email} (shown once):\n${t.token}`);
    }),
  );

const mission = program.command('mission').description('missions (embassies, consulates, offices)');
mission
  .command('create')
  .description('create a mission')
  .requiredOption('--code <code>', 'stable code such as KBRI-KHARTOUM')
  .requiredOption('--name <name>', 'name')
  .requiredOption('--kind <kind>', 'embassy, consulate or office')
  .requiredOption('--city <city>', 'city')
  .requiredOption('--countries <list>', 'ISO 3166-1 alpha-2 codes, comma-separated')
  .requiredOption('--hotline <e164>', 'hotline in E.164')
  .requiredOption('--address <address>', 'postal address')
  .option('--email <email>', 'email')
  .action(
    (o: {
      code: string;
      name: string;
      kind: string;
      city: string;
      countries: string;
      hotline: string;
      address: string;
      email?: string;
    }) =>
      withDeps(async (deps) => {
        const input = MissionCreate.parse({
          ...o,
          countries: o.countries
            .split(',')
            .map((c) => c.trim().toUpperCase())
            .filter(Boolean),
        });
        const m = await missions.createMission(deps, cli, input);
        print(opts(), m, () => `Created mission ${m.code} (${m.name})`);
      }),
  );
mission
  .command('list')
  .description('list missions')
  .action(() =>
    withDeps(async (deps) => {
      const all: Mission[] = [];
      let cursor: string | undefined;
      do {
        const p = await missions.listMissions(deps, cli, { limit: 200, cursor });
        all.push(...p.items);
        cursor = p.nextCursor ?? undefined;
      } while (cursor);
      print(opts(), all, () => table(all, ['code', 'name', 'kind', 'countries', 'hotline']));
    }),
  );

program
  .command('audit')
  .description('the audit log')
  .command('verify')
  .description('check the hash chain: finds altered, removed or reordered entries')
  .action(() =>
    withDeps(async (deps) => {
      const res = await verifyAuditChain(deps);
      print(opts(), res, () =>
        res.ok
          ? `Audit log intact: ${res.entries} entries.`
          : `AUDIT LOG DAMAGED at entry ${res.firstBadSeq}: ${res.problem}`,
      );
      if (!res.ok) process.exitCode = 3;
    }),
  );

program
  .command('backup <file>')
  .description('consistent online copy of the embedded database (PostgreSQL: use pg_dump)')
  .action(async (file: string) => {
    const c = cfg();
    if (c.database.kind === 'postgres') {
      process.stderr.write(
        "Siaga is on PostgreSQL: back it up with PostgreSQL's own tools, for example\n" +
          '  pg_dump --format=custom --file=siaga.dump "$DATABASE_URL"\n' +
          'and restore with pg_restore. Keep SIAGA_SECRET_KEY safe too: without it encrypted fields cannot be read.\n',
      );
      process.exit(2);
    }
    const handle = openDatabase(c.database);
    try {
      if (fs.existsSync(file)) throw new Error(`${file} exists; choose a new file name`);
      await handle.sqlite!.backup(file);
      const bytes = fs.statSync(file).size;
      print(
        opts(),
        { file, bytes },
        () =>
          `Backed up ${c.database.kind === 'sqlite' ? c.database.file : ''} to ${file} (${bytes} bytes). Keep the secret key (data/secret.key) with it.`,
      );
    } catch (err) {
      fail(err, opts());
    } finally {
      await handle.close();
    }
  });

program
  .command('demo')
  .description('load the demo directory: missions and partner organisations (skips what exists)')
  .action(() =>
    withDeps(async (deps) => {
      const res = await seedDemo(deps);
      print(opts(), res, () => `Demo: ${res.missions} mission(s) and ${res.partners} partner(s) added.`);
    }),
  );

async function seedDemo(deps: AppDeps) {
  let added = 0;
  for (const m of DEMO_MISSIONS) {
    try {
      await missions.createMission(deps, systemContext('demo'), MissionCreate.parse(m));
      added++;
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'mission.code_taken')) throw err;
    }
  }
  let partners = 0;
  for (const p of DEMO_PARTNERS) {
    try {
      await organisations.createOrganisation(deps, systemContext('demo'), OrganisationCreate.parse(p));
      partners++;
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'organisation.name_taken')) throw err;
    }
  }
  return { missions: added, partners };
}

program
  .command('up')
  .description('first-run start: migrate, create the first administrator, load the demo directory, serve')
  .option('--port <port>', 'port to listen on')
  .action(async (o: { port?: string }) => {
    try {
      config = loadConfig({ ...process.env, ...(o.port ? { PORT: o.port } : {}) });
      const deps = await createDeps(config);
      const first = (await users.listUsers(deps, cli, { limit: 1 })).items.length === 0;
      let credentials: { email: string; password: string } | null = null;
      if (first) {
        const res = await users.createUser(
          deps,
          systemContext('setup'),
          UserCreate.parse({ email: 'admin@siaga.local', displayName: 'Administrator', role: 'hq_admin' }),
        );
        credentials = { email: res.user.email, password: res.oneTimePassword! };
        await seedDemo(deps);
      }
      await serve(config, {
        worker: true,
        deps,
        onListening: (url) => {
          const shown = url.replace('127.0.0.1', 'localhost');
          const lines = ['', `  Siaga is running: ${shown}`, `  API docs:         ${shown}/api/docs`];
          if (credentials)
            lines.push(
              '',
              `  Sign in as ${credentials.email}`,
              `  one-time password: ${credentials.password}`,
              '  (you will choose your own password at first sign-in; it is not shown again)',
            );
          else
            lines.push(
              '',
              '  Sign in with your account. Lost the admin password? siaga user create --email you@example.org --role hq_admin',
            );
          lines.push('', '  Stop with Ctrl+C.', '');
          process.stdout.write(lines.join('\n'));
        },
      });
    } catch (err) {
      fail(err, opts());
    }
  });

program.parseAsync(process.argv).catch((err) => fail(err, opts()));
