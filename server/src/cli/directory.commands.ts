// Commands for the directory: staff users, their API tokens, missions, and the demo directory.
import { MissionCreate, Role, UserCreate } from '@siaga/contracts';
import { loadDemoPeople } from '../demo/people';
import { seedDemo } from '../demo/seed';
import { AppError } from '../errors';
import { createToken } from '../modules/auth/tokens.service';
import * as missions from '../modules/missions/missions.service';
import * as users from '../modules/users/users.service';
import type { Cli } from './cli';
import { collectAll, positiveInt, print, progressLine, readStdin, table } from './output';

export function registerDirectoryCommands({ program, cli, opts, withDeps }: Cli) {
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
        const all = await collectAll((cursor) => users.listUsers(deps, cli, { limit: 200, cursor }));
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
        const all = await collectAll((cursor) => missions.listMissions(deps, cli, { limit: 200, cursor }));
        print(opts(), all, () => table(all, ['code', 'name', 'kind', 'countries', 'hotline']));
      }),
    );

  program
    .command('demo')
    .description(
      'load the demo directory (missions and partners, skipping what exists) and, with --people, a synthetic registry',
    )
    .option('--people <n>', 'how many synthetic nationals to add', '0')
    .option('--seed <s>', 'random seed: the same seed gives the same people', '1')
    .action((o: { people: string; seed: string }) =>
      withDeps(async (deps) => {
        const people = positiveInt(o.people, '--people');
        const seed = positiveInt(o.seed, '--seed');
        if (people === 0) {
          const res = await seedDemo(deps);
          print(
            opts(),
            { people: 0, ...res },
            () => `Demo: ${res.missions} mission(s) and ${res.partners} partner(s) added.`,
          );
          return;
        }
        const progress = progressLine(people, opts().json === true);
        const res = await loadDemoPeople(deps, { people, seed, onProgress: progress });
        progress(people, true);
        print(
          opts(),
          res,
          () =>
            `Demo: ${res.people.toLocaleString('en')} people in ${res.households.toLocaleString('en')} households, ` +
            `${res.countries} countries, ${res.missions} missions (seed ${res.seed}, ${res.seconds} s).`,
        );
      }),
    );
}
