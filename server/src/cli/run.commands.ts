// Commands that run Siaga: serve, worker, and up (the first-run start of the quick start).
import { UserCreate } from '@siaga/contracts';
import { createDeps } from '../app';
import { loadConfig } from '../config';
import { loadDemoPeople } from '../demo/people';
import * as users from '../modules/users/users.service';
import { systemContext } from '../platform/context';
import type { Cli } from './cli';
import { fail, positiveInt, progressLine } from './output';
import { runWorker, serve } from './serve';

export function registerRunCommands({ program, cli, opts, cfg }: Cli) {
  program
    .command('serve')
    .description('start the web server (and the outbox worker, unless --no-worker)')
    .option('--port <port>', 'port to listen on (default: PORT or 8080)')
    .option('--host <host>', 'address to listen on (default: SIAGA_HOST or 127.0.0.1)')
    .option('--no-worker', 'do not run the outbox worker in this process')
    .action(async (o: { port?: string; host?: string; worker: boolean }) => {
      try {
        const config = loadConfig({
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
    .command('up')
    .description('first-run start: migrate, create the first administrator, load the demo directory, serve')
    .option('--port <port>', 'port to listen on')
    .option('--people <n>', 'size of the synthetic demo registry loaded on the first run', '20000')
    .action(async (o: { port?: string; people: string }) => {
      try {
        const config = loadConfig({ ...process.env, ...(o.port ? { PORT: o.port } : {}) });
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
          const people = positiveInt(o.people, '--people');
          process.stdout.write(
            `Loading the demo registry (${people.toLocaleString('en')} synthetic people)...\n`,
          );
          await loadDemoPeople(deps, { people, seed: 1, onProgress: progressLine(people, false, 'people') });
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
}
