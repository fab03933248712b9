// Commands that look after the data: migrate, audit verify, backup, and the outbox's dead letters.
import fs from 'node:fs';
import { openDatabase } from '../db/client';
import { migrate } from '../db/migrate';
import { verifyAuditChain } from '../platform/audit/audit';
import { outboxStatus, retryDeadJob } from '../platform/outbox/outbox';
import type { Cli } from './cli';
import { fail, print, table } from './output';

export function registerDataCommands({ program, cli, opts, cfg, withDeps }: Cli) {
  const outbox = program.command('outbox').description('side effects waiting, done or dead-lettered');
  outbox
    .command('status')
    .description('jobs per status, and the newest dead-lettered jobs with their last error')
    .action(() =>
      withDeps(async (deps) => {
        const res = await outboxStatus(deps);
        print(opts(), res, () =>
          [
            Object.entries(res.counts)
              .map(([k, v]) => `${k}: ${v}`)
              .join('  '),
            ...(res.dead.length
              ? [
                  '',
                  'Dead-lettered (siaga outbox retry ID puts one back):',
                  table(res.dead, ['id', 'kind', 'attempts', 'updatedAt', 'lastError']),
                ]
              : []),
          ].join('\n'),
        );
      }),
    );
  outbox
    .command('retry <id>')
    .description('put a dead-lettered job back in the queue with fresh attempts')
    .action((id: string) =>
      withDeps(async (deps) => {
        await retryDeadJob(deps, cli, id);
        print(opts(), { id, status: 'pending' }, () => `Job ${id} is queued again.`);
      }),
    );

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
}
