// Runs pending migrations with Kysely's Migrator (which takes a lock on both dialects), then
// makes sure the data every installation needs exists (headquarters).
import { randomUUID } from 'node:crypto';
import { Kysely, Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import type { DbHandle } from './client';
import { MIGRATIONS } from './migrations/index';

export interface MigrateResult {
  applied: string[];
  total: number;
}

export async function migrate(handle: DbHandle, opts: { hqName: string; schema?: string | null }): Promise<MigrateResult> {
  const { db, dialect } = handle;
  if (dialect === 'postgres' && opts.schema) {
    await sql`create schema if not exists ${sql.id(opts.schema)}`.execute(db);
  }
  // Migrations see the raw snake_case names, without the camel-case plugin.
  const raw = db.withoutPlugins() as unknown as Kysely<any>;
  const provider: MigrationProvider = {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const [name, m] of Object.entries(MIGRATIONS)) out[name] = { up: (d) => m.up(d, dialect) };
      return out;
    },
  };
  const migrator = new Migrator({ db: raw, provider, ...(opts.schema ? { migrationTableSchema: opts.schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  await ensureHeadquarters(handle, opts.hqName);
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName), total: Object.keys(MIGRATIONS).length };
}

async function ensureHeadquarters(handle: DbHandle, name: string) {
  const existing = await handle.db.selectFrom('organisations').select('id').where('kind', '=', 'headquarters').executeTakeFirst();
  if (existing) return;
  const at = new Date().toISOString();
  await handle.db
    .insertInto('organisations')
    .values({ id: randomUUID(), kind: 'headquarters', name, shortName: 'HQ', email: null, phone: null, version: 1, createdAt: at, updatedAt: at })
    .execute();
}
