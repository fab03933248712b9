// Runs pending migrations with Kysely's Migrator, then makes sure the data every installation
// needs exists (headquarters). On PostgreSQL the Migrator takes an advisory lock; on SQLite it
// takes none and runs outside a transaction, so the whole run holds SQLite's write lock instead.
import { randomUUID } from 'node:crypto';
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { DbHandle } from './client';
import { MIGRATIONS } from './migrations/index';

export interface MigrateResult {
  applied: string[];
  total: number;
}

export async function migrate(
  handle: DbHandle,
  opts: { hqName: string; schema?: string | null },
): Promise<MigrateResult> {
  const { db, dialect } = handle;
  if (dialect === 'postgres' && opts.schema) {
    await sql`create schema if not exists ${sql.id(opts.schema)}`.execute(db);
  }
  // Migrations see the raw snake_case names, without the camel-case plugin, and no typed schema.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const raw = db.withoutPlugins() as unknown as Kysely<any>;
  const provider: MigrationProvider = {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const [name, m] of Object.entries(MIGRATIONS)) out[name] = { up: (d) => m.up(d, dialect) };
      return out;
    },
  };
  const migrator = new Migrator({
    db: raw,
    provider,
    ...(opts.schema ? { migrationTableSchema: opts.schema } : {}),
  });
  // BEGIN IMMEDIATE waits (busy_timeout) for another process migrating the same file, then sees its work.
  handle.sqlite?.exec('begin immediate');
  try {
    const { error, results } = await migrator.migrateToLatest();
    if (error) throw error instanceof Error ? error : new Error(String(error));
    await ensureHeadquarters(handle, opts.hqName);
    handle.sqlite?.exec('commit');
    return {
      applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
      total: Object.keys(MIGRATIONS).length,
    };
  } catch (err) {
    if (handle.sqlite?.inTransaction) handle.sqlite.exec('rollback');
    throw err;
  }
}

async function ensureHeadquarters(handle: DbHandle, name: string) {
  const existing = await handle.db
    .selectFrom('organisations')
    .select('id')
    .where('kind', '=', 'headquarters')
    .executeTakeFirst();
  if (existing) return;
  const at = new Date().toISOString();
  await handle.db
    .insertInto('organisations')
    .values({
      id: randomUUID(),
      kind: 'headquarters',
      name,
      shortName: 'HQ',
      email: null,
      phone: null,
      version: 1,
      createdAt: at,
      updatedAt: at,
    })
    // Another process starting at the same moment may have just added it.
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
}
