// Writes an import: batches prepared from the file (prepare.ts, in a worker thread for big files)
// go to the database in one transaction each, together with the imports row, which is both the
// progress report and the checkpoint. A crash loses at most the open batch; a rerun resumes after
// the last committed one. Idempotent: a row whose key (people.source_key) is stored with the same
// content hash changes nothing and writes nothing.
//
// Audit: new people are recorded per batch (`import.batch`: import id, rows and counts), not one
// entry per person; the import id, the uploaded list and the people's source keys tie each record
// to its list. A person that a later list changes goes through applyUpdate (`person.update`, with
// the changed fields). `import.start`, `import.finish` and `import.fail` frame the run.
import { open } from 'node:fs/promises';
import { sql } from 'kysely';
import type { PersonUpdate } from '@siaga/contracts';
import { refreshStatistics } from '../../../db/client';
import { AppError, notFound } from '../../../errors';
import type { ImportErrorsTable } from '../../../db/schema';
import { appendAudit } from '../../../platform/audit/audit';
import type { Deps, RequestContext } from '../../../platform/context';
import { resolveSecretKey } from '../../../platform/crypto';
import { loadCoverage } from '../coverage';
import { inScope } from '../people.policy';
import * as people from '../people.repo';
import { applyUpdate, type Trx } from '../people.service';
import type { PersonRows } from '../records';
import * as repo from './imports.repo';
import { preparedBatches, WORKER_FROM_BYTES } from './pipeline';
import type { PreparedBatch, PreparedRow, RowIssue } from './prepare';
import { ImportFileError } from './read';
import type { Status } from './values';

/** What an import runs with, kept in imports.options (JSON). */
export interface ImportOptions {
  mapping?: Record<string, string>;
  status?: Status;
  /** The mission's first country: the country of residence of rows that name none. */
  country?: string;
}

export interface RunOptions {
  /** The file to read (the upload, or the operator's file for the command line). */
  file: string;
  /** After each committed batch, with the imports row as stored. */
  onProgress?: (row: repo.ImportRow) => void | Promise<void>;
  /** Rows per transaction. */
  batchSize?: number;
  /** Prepare rows in a worker thread; by default for files from WORKER_FROM_BYTES. */
  worker?: boolean;
}

export const BATCH_SIZE = 1000;
/** People created by one run from which the planner's statistics are refreshed. */
const STATISTICS_AFTER = 10_000;

/** Another process moved the checkpoint: it is running the same import. */
export class ImportTakenOver extends Error {
  constructor() {
    super('Another process is running this import; it stopped here.');
    this.name = 'ImportTakenOver';
  }
}

/** Runs (or resumes) an import to its end; answers the final imports row. */
export async function runImport(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  o: RunOptions,
): Promise<repo.ImportRow> {
  const start = await repo.findImport(deps.db, id);
  if (!start) throw notFound('import.not_found', 'Import');
  if (start.status !== 'running') return start;
  const state: repo.ImportRow = { ...start };
  const options = JSON.parse(start.options) as ImportOptions;
  const missionCode = start.missionId
    ? ((
        await deps.db
          .selectFrom('missions')
          .select('code')
          .where('id', '=', start.missionId)
          .executeTakeFirst()
      )?.code ?? null)
    : null;
  const batches = preparedBatches(
    {
      file: o.file,
      skip: start.rowsRead,
      batchSize: o.batchSize ?? BATCH_SIZE,
      countBytes: !(await isWorkbook(o.file)),
      totalBytes: start.totalBytes,
      mapping: options.mapping,
      country: options.country,
      statusAbroad: options.status,
      registeredMissionId: start.missionId,
      coverage: await loadCoverage(deps.db),
      at: deps.now().toISOString(),
    },
    {
      keyring: deps.keyring,
      secretKey: resolveSecretKey(deps.config),
      worker: o.worker ?? start.totalBytes >= WORKER_FROM_BYTES,
    },
  );
  try {
    for await (const batch of batches) {
      await writeBatch(deps, ctx, state, batch, missionCode);
      await o.onProgress?.({ ...state });
    }
  } catch (err) {
    if (!(err instanceof ImportFileError)) throw err;
    await failImport(deps, ctx, state, err.message);
    throw new AppError('import.unreadable', 400, err.message);
  }
  // Searches plan by the statistics of the tables; a big list changes them.
  if (state.dryRun === 0 && state.created - start.created >= STATISTICS_AFTER)
    await refreshStatistics(deps.db, deps.dialect);
  return state;
}

/** Marks an import failed for good (its file cannot be read, or its job gave up). */
export async function failImport(deps: Deps, ctx: RequestContext, row: repo.ImportRow, error: string) {
  const at = deps.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await repo.finish(trx, row.id, { status: 'failed', error, at });
    await appendAudit(trx, deps, ctx, {
      action: 'import.fail',
      entityType: 'import',
      entityId: row.id,
      meta: { rowsRead: row.rowsRead, error },
    });
  });
  Object.assign(row, { status: 'failed', error, finishedAt: at, updatedAt: at });
}

async function writeBatch(
  deps: Deps,
  ctx: RequestContext,
  s: repo.ImportRow,
  batch: PreparedBatch,
  missionCode: string | null,
) {
  const at = deps.now().toISOString();
  const dryRun = s.dryRun === 1;
  const n = { created: 0, updated: 0, unchanged: 0, rejected: batch.rejected };
  const errors: RowIssue[] = [...batch.errors];
  const reject = (row: number, list: Omit<RowIssue, 'row'>[]) => {
    n.rejected++;
    for (const e of list) errors.push({ row, ...e });
  };
  const totals = () => ({
    created: s.created + n.created,
    updated: s.updated + n.updated,
    unchanged: s.unchanged + n.unchanged,
    rejected: s.rejected + n.rejected,
  });

  await deps.db.transaction().execute(async (trx) => {
    const moved = await repo.advance(trx, s.id, s.rowsRead, {
      rowsRead: batch.rowsRead,
      bytesRead: batch.bytesRead,
      at,
    });
    if (!moved) throw new ImportTakenOver();
    const known = await repo.peopleByKeys(
      trx,
      batch.rows.map((p) => p.key),
    );
    const holders = await repo.documentHolders(
      trx,
      batch.rows.flatMap((p) => p.rows.documents.map((d) => d.numberHash)),
    );
    const creates: PersonRows[] = [];
    const updates: { p: PreparedRow; id: string }[] = [];
    for (const p of batch.rows) {
      const held = heldByOthers(p, holders);
      if (held.length > 0) {
        reject(p.row, held);
        continue;
      }
      const person = known.get(p.key);
      if (!person) creates.push(p.rows);
      else if (person.contentHash === p.hash) n.unchanged++;
      else if (!inScope(ctx, person))
        // Same name, birth date and document as someone another mission is responsible for.
        reject(p.row, [
          {
            column: p.nameColumn,
            code: 'person.mission_not_allowed',
            message: 'This person is registered with a mission you do not work for; not changed.',
          },
        ]);
      else updates.push({ p, id: person.id });
    }
    n.created = creates.length;
    if (dryRun) n.updated = updates.length;
    else {
      await people.insertPeople(trx, creates);
      for (const u of updates) {
        const outcome = await updatePerson(deps, trx, ctx, u.id, u.p, missionCode);
        if (outcome === 'updated') n.updated++;
        else if (outcome === 'unchanged') n.unchanged++;
        else reject(u.p.row, outcome);
      }
    }
    if (errors.length > 0) await repo.insertErrors(trx, mergeErrors(s.id, errors));
    await repo.setCounts(trx, s.id, totals());
    if (!dryRun && n.created + n.updated > 0) {
      await appendAudit(trx, deps, ctx, {
        action: 'import.batch',
        entityType: 'import',
        entityId: s.id,
        meta: { rows: [s.rowsRead + 1, batch.rowsRead], created: n.created, updated: n.updated },
      });
    }
    if (batch.done) {
      await repo.finish(trx, s.id, { status: 'done', error: null, at, bytesRead: batch.bytesRead });
      await appendAudit(trx, deps, ctx, {
        action: 'import.finish',
        entityType: 'import',
        entityId: s.id,
        meta: { dryRun, rowsRead: batch.rowsRead, ...totals() },
      });
    }
  });
  Object.assign(s, totals(), { rowsRead: batch.rowsRead, bytesRead: batch.bytesRead, updatedAt: at });
  if (batch.done) Object.assign(s, { status: 'done', finishedAt: at });
}

/** The row's documents that a person other than the row's own already holds. */
function heldByOthers(p: PreparedRow, holders: Awaited<ReturnType<typeof repo.documentHolders>>) {
  const out: Omit<RowIssue, 'row'>[] = [];
  for (const [i, d] of p.rows.documents.entries()) {
    if (!(holders.get(d.numberHash) ?? []).some((h) => h.sourceKey !== p.key)) continue;
    out.push({
      column: p.documentColumns[i] ?? 'documents',
      code: 'document.duplicate',
      message: 'Another person in the registry holds this document number: a possible duplicate, not merged.',
    });
  }
  return out;
}

/**
 * A person registered by an earlier list, changed by this one: the fields the row gives replace
 * the stored ones (applyUpdate). In a savepoint, so that a refused change leaves the batch intact.
 */
async function updatePerson(
  deps: Deps,
  trx: Trx,
  ctx: RequestContext,
  id: string,
  p: PreparedRow,
  missionCode: string | null,
): Promise<'updated' | 'unchanged' | Omit<RowIssue, 'row'>[]> {
  const row = await people.findPersonRow(trx, id);
  if (!row) return 'unchanged';
  const patch = JSON.parse(p.patch) as Omit<PersonUpdate, 'version'>;
  if (missionCode) patch.missionCode = missionCode;
  await sql`savepoint import_row`.execute(trx);
  try {
    const changed = await applyUpdate(deps, trx, ctx, row, patch, { source: 'import', contentHash: p.hash });
    // The list changed (another mission, say) but the record did not: remember the new content.
    if (changed.length === 0)
      await trx.updateTable('people').set({ contentHash: p.hash }).where('id', '=', id).execute();
    await sql`release savepoint import_row`.execute(trx);
    return changed.length > 0 ? 'updated' : 'unchanged';
  } catch (err) {
    await sql`rollback to savepoint import_row`.execute(trx);
    await sql`release savepoint import_row`.execute(trx);
    if (!(err instanceof AppError) || err.status >= 500) throw err;
    const details = err.details?.length
      ? err.details
      : [{ path: 'row', code: err.code, message: err.message }];
    return details.map((d) => ({
      column: d.path.replace(/^body\./u, ''),
      code: err.code === 'person.duplicate_document' ? 'document.duplicate' : d.code,
      message: d.message,
    }));
  }
}

/** One error per row, column and code (the table's key): messages of the same kind are joined. */
function mergeErrors(importId: string, errors: RowIssue[]): ImportErrorsTable[] {
  const byKey = new Map<string, ImportErrorsTable>();
  for (const e of errors) {
    const k = JSON.stringify([e.row, e.column, e.code]);
    const seen = byKey.get(k);
    if (seen) seen.message = `${seen.message} ${e.message}`;
    else byKey.set(k, { importId, row: e.row, column: e.column, code: e.code, message: e.message });
  }
  return [...byKey.values()];
}

// Every .xlsx is a ZIP archive; its bytes say nothing about how many rows have been read.
async function isWorkbook(file: string): Promise<boolean> {
  const fh = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await fh.read(Buffer.alloc(4), 0, 4, 0);
    return bytesRead === 4 && buffer.readUInt32BE(0) === 0x504b0304;
  } finally {
    await fh.close();
  }
}
