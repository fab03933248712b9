// Reading imports: the list, one import's progress, and its per-row report (pages, CSV). A mission
// officer sees the imports of their missions and their own; any other import answers 404 exactly
// like a missing one.
import { stringify } from 'csv-stringify';
import type { Import, ImportErrorsPage, PageQuery } from '@siaga/contracts';
import { AppError, forbidden, notFound } from '../../../errors';
import { actorId, type Deps, type RequestContext } from '../../../platform/context';
import { decodeCursor, encodeCursor, page } from '../../../platform/pagination';
import { canPeople, missionScope } from '../people.policy';
import * as repo from './imports.repo';

const importNotFound = () => notFound('import.not_found', 'Import');

function scopeOf(ctx: RequestContext) {
  const scope = missionScope(ctx);
  return scope === null ? null : { missionIds: scope, userId: actorId(ctx.actor) ?? '' };
}

function visible(ctx: RequestContext, row: { actorId: string | null; missionId: string | null }) {
  const scope = scopeOf(ctx);
  return (
    scope === null ||
    (row.actorId !== null && row.actorId === scope.userId) ||
    (row.missionId !== null && scope.missionIds.includes(row.missionId))
  );
}

function present(row: NonNullable<Awaited<ReturnType<typeof repo.findWithMission>>>): Import {
  return {
    id: row.id,
    fileName: row.fileName,
    missionCode: row.missionCode,
    status: row.status,
    dryRun: row.dryRun === 1,
    rowsRead: row.rowsRead,
    created: row.created,
    updated: row.updated,
    unchanged: row.unchanged,
    rejected: row.rejected,
    totalBytes: Number(row.totalBytes),
    bytesRead: Number(row.bytesRead),
    error: row.error,
    actorLabel: row.actorLabel,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  };
}

/** An import the caller may see; one outside their scope answers exactly like a missing one. */
async function visibleImport(deps: Deps, ctx: RequestContext, id: string) {
  const row = canPeople(ctx, 'import') ? await repo.findWithMission(deps.db, id) : undefined;
  if (!row || !visible(ctx, row)) throw importNotFound();
  return row;
}

export async function getImport(deps: Deps, ctx: RequestContext, id: string): Promise<Import> {
  return present(await visibleImport(deps, ctx, id));
}

export async function listImports(deps: Deps, ctx: RequestContext, q: PageQuery) {
  if (!canPeople(ctx, 'import')) throw forbidden();
  const after = decodeCursor(q.cursor, 2) as [string, string] | undefined;
  const rows = await repo.listImports(deps.db, { scope: scopeOf(ctx), after, limit: q.limit + 1 });
  const p = page(rows, q.limit, (r) => [r.startedAt, r.id]);
  return { items: p.items.map(present), nextCursor: p.nextCursor };
}

/** A page of errors in row order; the cursor is the last row and how many of its errors were given. */
async function errorsPage(deps: Deps, id: string, cursor: string | undefined, limit: number) {
  const [fromRow, skip] = (decodeCursor(cursor, 2) as [number, number] | undefined) ?? [0, 0];
  if (!Number.isInteger(fromRow) || !Number.isInteger(skip) || skip < 0)
    throw new AppError('request.invalid', 400, 'The cursor is not one this server gave out', [
      { path: 'querystring.cursor', code: 'invalid_cursor', message: 'Unknown cursor' },
    ]);
  const rows = await repo.listErrors(deps.db, id, fromRow, skip, limit + 1);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  let nextCursor: string | null = null;
  if (rows.length > limit && last) {
    const given = items.filter((e) => e.row === last.row).length;
    nextCursor = encodeCursor([last.row, (last.row === fromRow ? skip : 0) + given]);
  }
  return { items, nextCursor };
}

export async function importErrors(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  q: { limit: number; cursor?: string | undefined },
): Promise<ImportErrorsPage> {
  await visibleImport(deps, ctx, id);
  const [p, total] = await Promise.all([
    errorsPage(deps, id, q.cursor, q.limit),
    repo.countErrors(deps.db, id),
  ]);
  return { ...p, total };
}

// A spreadsheet runs a cell that starts like a formula; the report's cells hold the list's own text.
const cell = (v: string | number) => (typeof v === 'string' && /^[=+\-@\t\r]/u.test(v) ? `'${v}` : v);

/** Every error of an import as CSV, streamed page by page. */
export async function importErrorsCsv(deps: Deps, ctx: RequestContext, id: string) {
  const row = await visibleImport(deps, ctx, id);
  const out = stringify({ header: true, columns: ['row', 'column', 'code', 'message'], bom: true });
  const run = async () => {
    try {
      let cursor: string | undefined;
      do {
        const p = await errorsPage(deps, id, cursor, 1000);
        for (const e of p.items) {
          if (!out.write([e.row, cell(e.column), e.code, cell(e.message)]))
            await new Promise((resolve) => out.once('drain', resolve));
        }
        cursor = p.nextCursor ?? undefined;
      } while (cursor);
      out.end();
    } catch (err) {
      out.destroy(err as Error);
    }
  };
  void run();
  return { stream: out, fileName: row.fileName };
}
