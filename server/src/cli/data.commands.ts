// Commands that look after the data: migrate, audit verify, backup.
import fs from 'node:fs';
import { openDatabase } from '../db/client';
import { migrate } from '../db/migrate';
import { verifyAuditChain } from '../platform/audit/audit';
import type { Cli } from './cli';
import { fail, print } from './output';

export function registerDataCommands({ program, opts, cfg, withDeps }: Cli) {
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
