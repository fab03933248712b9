// Queries of bulk imports: the imports row that is both progress report and resume checkpoint, its
// per-row errors, and the per-batch lookups of the people a batch may already hold.
import type { Insertable, Transaction } from 'kysely';
import type { Executor } from '../../../db/client';
import type { Database, ImportErrorsTable, ImportsTable } from '../../../db/schema';

export type ImportRow = ImportsTable;
export type Trx = Transaction<Database>;

// Keys per IN list: far under SQLite's 32,766 bound parameters and PostgreSQL's 65,535.
const CHUNK = 1000;

const chunks = <T>(items: T[]): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
};

export async function insertImport(db: Executor, row: Insertable<ImportsTable>) {
  await db.insertInto('imports').values(row).execute();
}

export const findImport = (db: Executor, id: string) =>
  db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();

/** An interrupted run of the same file with the same options, by the same actor: resumed rather than restarted. */
export const findResumable = (
  db: Executor,
  w: { fileSha256: string; missionId: string | null; options: string; actorLabel: string },
) =>
  db
    .selectFrom('imports')
    .selectAll()
    .where('fileSha256', '=', w.fileSha256)
    .where('status', '=', 'running')
    .where('dryRun', '=', 0)
    .where((eb) => (w.missionId === null ? eb('missionId', 'is', null) : eb('missionId', '=', w.missionId)))
    .where('options', '=', w.options)
    .where('actorLabel', '=', w.actorLabel)
    .orderBy('startedAt', 'desc')
    .executeTakeFirst();

/**
 * Moves the checkpoint from `from` to `to` rows read. Zero rows updated means another process moved
 * it first (or finished the import): the caller must stop. As the batch's first statement it also
 * takes SQLite's write lock, so the batch's reads and writes see one state.
 */
export async function advance(
  db: Executor,
  id: string,
  from: number,
  to: { rowsRead: number; bytesRead: number; at: string },
): Promise<boolean> {
  const res = await db
    .updateTable('imports')
    .set({ rowsRead: to.rowsRead, bytesRead: to.bytesRead, updatedAt: to.at })
    .where('id', '=', id)
    .where('rowsRead', '=', from)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function setCounts(
  db: Executor,
  id: string,
  c: Pick<ImportsTable, 'created' | 'updated' | 'unchanged' | 'rejected'>,
) {
  await db.updateTable('imports').set(c).where('id', '=', id).execute();
}

export async function finish(
  db: Executor,
  id: string,
  f: { status: 'done' | 'failed'; error: string | null; at: string; bytesRead?: number },
) {
  await db
    .updateTable('imports')
    .set({
      status: f.status,
      error: f.error,
      finishedAt: f.at,
      updatedAt: f.at,
      ...(f.bytesRead !== undefined ? { bytesRead: f.bytesRead } : {}),
    })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute();
}

export async function insertErrors(db: Executor, rows: ImportErrorsTable[]) {
  for (const chunk of chunks(rows)) {
    // A resumed batch may meet errors it wrote before the crash's checkpoint only in theory; keep the first.
    await db
      .insertInto('importErrors')
      .values(chunk)
      .onConflict((oc) => oc.columns(['importId', 'row', 'column', 'code']).doNothing())
      .execute();
  }
}

/** The imported people among these row keys, with what the list said last time. */
export async function peopleByKeys(db: Executor, keys: string[]) {
  const out = new Map<string, { id: string; contentHash: string | null; missionId: string | null }>();
  for (const chunk of chunks(keys)) {
    const rows = await db
      .selectFrom('people')
      .select(['id', 'sourceKey', 'contentHash', 'missionId'])
      .where('sourceKey', 'in', chunk)
      .execute();
    for (const r of rows) out.set(r.sourceKey!, r);
  }
  return out;
}

/** Who holds these document hashes already: person and row key (null for people not imported). */
export async function documentHolders(db: Executor, hashes: string[]) {
  const out = new Map<string, { personId: string; sourceKey: string | null }[]>();
  for (const chunk of chunks([...new Set(hashes)])) {
    const rows = await db
      .selectFrom('personDocuments')
      .innerJoin('people', 'people.id', 'personDocuments.personId')
      .select(['personDocuments.numberHash', 'people.id', 'people.sourceKey'])
      .where('personDocuments.numberHash', 'in', chunk)
      .execute();
    for (const r of rows) {
      const list = out.get(r.numberHash) ?? [];
      list.push({ personId: r.id, sourceKey: r.sourceKey });
      out.set(r.numberHash, list);
    }
  }
  return out;
}

/**
 * Keeps the outbox job of a long import leased while it works, so that no other worker takes it
 * over; false when the lease was lost (another worker claimed the job after it expired).
 */
export async function extendLease(db: Executor, jobId: string, attempt: number, until: string, at: string) {
  const res = await db
    .updateTable('outbox')
    .set({ lockedUntil: until, updatedAt: at })
    .where('id', '=', jobId)
    .where('status', '=', 'processing')
    .where('attempts', '=', attempt)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

const withMission = (db: Executor) =>
  db
    .selectFrom('imports')
    .leftJoin('missions', 'missions.id', 'imports.missionId')
    .selectAll('imports')
    .select('missions.code as missionCode');

export const findWithMission = (db: Executor, id: string) =>
  withMission(db).where('imports.id', '=', id).executeTakeFirst();

/** Newest first; `scope` limits to imports of these missions or by this user (mission officers). */
export function listImports(
  db: Executor,
  o: { scope: { missionIds: string[]; userId: string } | null; after?: [string, string]; limit: number },
) {
  let q = withMission(db);
  if (o.scope) {
    const { missionIds, userId } = o.scope;
    q = q.where((eb) =>
      eb.or([
        eb('imports.actorId', '=', userId),
        ...(missionIds.length ? [eb('imports.missionId', 'in', missionIds)] : []),
      ]),
    );
  }
  if (o.after) {
    const [startedAt, id] = o.after;
    q = q.where((eb) =>
      eb.or([
        eb('imports.startedAt', '<', startedAt),
        eb.and([eb('imports.startedAt', '=', startedAt), eb('imports.id', '<', id)]),
      ]),
    );
  }
  return q.orderBy('imports.startedAt', 'desc').orderBy('imports.id', 'desc').limit(o.limit).execute();
}

/**
 * Errors in row order. Pages continue from a row and how many of that row's errors were already
 * given, which keeps the cursor short whatever the column headers are.
 */
export const listErrors = (db: Executor, id: string, fromRow: number, skip: number, limit: number) =>
  db
    .selectFrom('importErrors')
    .select(['row', 'column', 'code', 'message'])
    .where('importId', '=', id)
    .where('row', '>=', fromRow)
    .orderBy('row')
    .orderBy('column')
    .orderBy('code')
    .offset(skip)
    .limit(limit)
    .execute();

export async function countErrors(db: Executor, id: string): Promise<number> {
  const { n } = await db
    .selectFrom('importErrors')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('importId', '=', id)
    .executeTakeFirstOrThrow();
  return Number(n);
}
