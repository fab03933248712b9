// Opens the database the configuration names: SQLite in the data directory (WAL, foreign keys on)
// or PostgreSQL. Both are driven through one Kysely instance typed by schema.ts.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CamelCasePlugin,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  sql,
  type SqliteDatabase,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import type { Config } from '../config';
import type { Database } from './schema';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
/** The executor every repository takes: the database itself or an open transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;

export interface DbHandle {
  db: Db;
  dialect: Dialect;
  /** For SQLite only: the raw connection, used by backup. */
  sqlite: SQLite.Database | null;
  close(): Promise<void>;
}

// int8 (COUNT, bigint columns) arrives as text by default; every value we keep fits in 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

export function openDatabase(config: Config['database']): DbHandle {
  const plugins = [new CamelCasePlugin()];
  if (config.kind === 'sqlite') {
    fs.mkdirSync(path.dirname(config.file), { recursive: true });
    const sqlite = new SQLite(config.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // FULL: a commit is on disk before it is acknowledged, so a registration or an import batch
    // confirmed to someone survives a power cut (NORMAL in WAL mode may lose the last ones). It
    // costs under a millisecond per commit here; bulk writers commit in large batches.
    sqlite.pragma('synchronous = FULL');
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
      plugins,
    });
    return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: config.url,
    max: 10,
    ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins });
  return { db, dialect: 'postgres', sqlite: null, close: () => db.destroy() };
}

/**
 * A unique-constraint violation on either dialect: a concurrent write got there first, after this
 * transaction's own "is it taken?" check. Services turn it into the same 409 as that check.
 */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * better-sqlite3 as Kysely sees it, with prepared statements kept by SQL text: Kysely prepares
 * every query anew, and preparing costs more than running a small query. Queries are run one at a
 * time on the single connection and never streamed, so a statement is never in use twice at once.
 */
function withStatementCache(sqlite: SQLite.Database, max = 500): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      let statement = cache.get(sql);
      if (statement) {
        cache.delete(sql); // re-inserted below: the map's order is least recently used first
      } else {
        statement = sqlite.prepare(sql);
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}

/**
 * Refreshes the query planner's statistics after a bulk load (an import, the demo population), so
 * that searches choose their indexes by the data actually there. SQLite samples a bounded number
 * of rows per index, which keeps this to a second or two on millions of rows.
 */
export async function refreshStatistics(db: Executor, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') {
    await sql`PRAGMA analysis_limit = 1000`.execute(db);
    await sql`ANALYZE`.execute(db);
  } else {
    await sql`ANALYZE`.execute(db);
  }
}
