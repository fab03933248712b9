// Starting bulk imports of people: an upload through the API, stored and then run by the outbox
// worker, or a file on the command line, run in place and resumed if an earlier run was
// interrupted. Who may import: people.policy's 'import'; a mission officer only for their own
// missions. Reading imports and their reports: imports.query.ts.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Import, ImportStart } from '@siaga/contracts';
import { AppError, forbidden } from '../../../errors';
import { appendAudit } from '../../../platform/audit/audit';
import { loadActor } from '../../../platform/auth/actor';
import {
  actorId,
  actorLabel,
  systemContext,
  type Deps,
  type RequestContext,
} from '../../../platform/context';
import { enqueue, type Job } from '../../../platform/outbox/outbox';
import { canPeople, missionScope } from '../people.policy';
import { ColumnMapping } from './columns';
import { getImport } from './imports.query';
import * as repo from './imports.repo';
import type { Status } from './values';
import { failImport, runImport, type ImportOptions, type RunOptions } from './writer';

export const IMPORT_RUN = 'import.run';
/** The largest upload: a list of about a million rows. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
/** How long a worker keeps an import job after each batch; another worker resumes it after that. */
const LEASE_MS = 5 * 60_000;

export interface ImportRequest {
  fileName: string;
  missionCode?: string | undefined;
  dryRun: boolean;
  status?: Status | undefined;
  mapping?: ColumnMapping | undefined;
}

/** Where an upload is kept while its import runs; removed when it ends. */
export const uploadPath = (deps: Pick<Deps, 'config'>, id: string) =>
  path.join(deps.config.dataDir, 'imports', id);

/** The mission an import is for: the one named, else a mission officer's own; within the caller's scope. */
async function importMission(deps: Deps, ctx: RequestContext, code: string | undefined, where: string) {
  const scope = missionScope(ctx);
  const q = deps.db.selectFrom('missions').select(['id', 'code', 'countries']);
  const m = code
    ? await q.where('code', '=', code.toUpperCase()).executeTakeFirst()
    : scope?.length
      ? await q.where('id', '=', scope[0]!).executeTakeFirst()
      : undefined;
  if (code && !m)
    throw new AppError('request.invalid', 400, `No mission has the code ${code}`, [
      { path: where, code: 'unknown_mission', message: 'No mission has this code' },
    ]);
  if (m && scope !== null && !scope.includes(m.id))
    throw new AppError(
      'person.mission_not_allowed',
      403,
      'You may only import people for your own missions',
      [{ path: where, code: 'not_allowed', message: 'Not one of your missions' }],
    );
  return m ? { id: m.id, country: (JSON.parse(m.countries) as string[])[0] } : null;
}

/** The options an import runs with; written in a fixed order, so that equal options are equal text. */
const optionsOf = (r: ImportRequest, country: string | undefined): ImportOptions => ({
  ...(r.mapping ? { mapping: r.mapping } : {}),
  ...(r.status ? { status: r.status } : {}),
  ...(country ? { country } : {}),
});

async function createImport(
  deps: Deps,
  ctx: RequestContext,
  r: ImportRequest,
  mission: { id: string; country: string | undefined } | null,
  file: { sha256: string; bytes: number },
  id: string,
  alsoInTransaction?: (trx: repo.Trx) => Promise<unknown>,
): Promise<repo.ImportRow> {
  const at = deps.now().toISOString();
  const row: repo.ImportRow = {
    id,
    fileName: r.fileName,
    fileSha256: file.sha256,
    missionId: mission?.id ?? null,
    actorId: actorId(ctx.actor),
    actorLabel: actorLabel(ctx.actor),
    status: 'running',
    dryRun: r.dryRun ? 1 : 0,
    options: JSON.stringify(optionsOf(r, mission?.country)),
    rowsRead: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    totalBytes: file.bytes,
    bytesRead: 0,
    error: null,
    startedAt: at,
    updatedAt: at,
    finishedAt: null,
  };
  await deps.db.transaction().execute(async (trx) => {
    await repo.insertImport(trx, row);
    await appendAudit(trx, deps, ctx, {
      action: 'import.start',
      entityType: 'import',
      entityId: id,
      meta: { fileName: r.fileName, bytes: file.bytes, dryRun: r.dryRun, mission: r.missionCode ?? null },
    });
    await alsoInTransaction?.(trx);
  });
  return row;
}

/**
 * The command line's import of a file on disk, run in place. An earlier run of the same file with
 * the same options that was interrupted (its import still "running") is resumed from its checkpoint.
 */
export async function importFile(
  deps: Deps,
  ctx: RequestContext,
  file: string,
  r: ImportRequest,
  run: Omit<RunOptions, 'file'> & { onStart?: (row: repo.ImportRow, resumed: boolean) => void } = {},
): Promise<repo.ImportRow> {
  if (!canPeople(ctx, 'import')) throw forbidden();
  const mission = await importMission(deps, ctx, r.missionCode, 'mission');
  const hashed = await hashFile(file);
  const options = JSON.stringify(optionsOf(r, mission?.country));
  const earlier = r.dryRun
    ? undefined
    : await repo.findResumable(deps.db, {
        fileSha256: hashed.sha256,
        missionId: mission?.id ?? null,
        options,
        actorLabel: actorLabel(ctx.actor),
      });
  const row = earlier ?? (await createImport(deps, ctx, r, mission, hashed, randomUUID()));
  const { onStart, ...rest } = run;
  onStart?.(row, earlier !== undefined);
  return runImport(deps, ctx, row.id, { ...rest, file });
}

/** SHA-256 and size of a file, streamed; a file that cannot be read is import.unreadable. */
export async function hashFile(file: string): Promise<{ sha256: string; bytes: number }> {
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
    const hash = createHash('sha256');
    await pipeline(createReadStream(file), hash);
    return { sha256: hash.digest('hex'), bytes: info.size };
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message;
    throw new AppError('import.unreadable', 400, `Cannot read ${file}: ${reason}`);
  }
}

const isStream = (body: unknown): body is Readable =>
  typeof (body as Readable | null)?.pipe === 'function' && typeof (body as Readable).on === 'function';

function parseMapping(text: string): ColumnMapping {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const res = ColumnMapping.safeParse(value);
  if (res.success) return res.data;
  throw new AppError('request.invalid', 400, 'The column mapping is not a JSON object of header -> field', [
    {
      path: 'querystring.map',
      code: 'invalid_mapping',
      message: res.error.issues[0]?.message ?? 'Not a JSON object',
    },
  ]);
}

/** Streams an upload to its file, never whole in memory, refusing it past MAX_UPLOAD_BYTES. */
async function storeUpload(body: Readable, file: string): Promise<{ sha256: string; bytes: number }> {
  await mkdir(path.dirname(file), { recursive: true });
  const part = `${file}.part`;
  const hash = createHash('sha256');
  let bytes = 0;
  const cap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > MAX_UPLOAD_BYTES) {
        done(
          new AppError(
            'request.too_large',
            413,
            `A list may have at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`,
          ),
        );
        return;
      }
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(body, cap, createWriteStream(part, { flags: 'wx', mode: 0o600 }));
    if (bytes === 0) throw new AppError('import.unreadable', 400, 'The file is empty.');
    await rename(part, file);
  } catch (err) {
    await rm(part, { force: true });
    throw err;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** The API's upload: the file is stored and its import queued for the outbox worker (202). */
export async function uploadImport(
  deps: Deps,
  ctx: RequestContext,
  q: ImportStart,
  body: unknown,
): Promise<Import> {
  if (!canPeople(ctx, 'import')) throw forbidden();
  // Fastify leaves the body out when the request has none.
  if (body === undefined || body === null) throw new AppError('import.unreadable', 400, 'The file is empty.');
  if (!isStream(body))
    throw new AppError(
      'request.unsupported_media_type',
      415,
      'Send the list itself as the body: text/csv, an .xlsx workbook, or application/octet-stream',
    );
  const mapping = q.map === undefined ? undefined : parseMapping(q.map);
  const mission = await importMission(deps, ctx, q.mission, 'querystring.mission');
  const id = randomUUID();
  const file = uploadPath(deps, id);
  const stored = await storeUpload(body, file);
  const r: ImportRequest = {
    fileName: q.fileName,
    missionCode: q.mission,
    dryRun: q.dryRun,
    status: q.status,
    mapping,
  };
  try {
    await createImport(deps, ctx, r, mission, stored, id, (trx) =>
      enqueue(trx, deps, { kind: IMPORT_RUN, payload: { importId: id }, idempotencyKey: `import:${id}` }),
    );
  } catch (err) {
    await rm(file, { force: true });
    throw err;
  }
  return getImport(deps, ctx, id);
}

/** The acting context of a queued import: the user who uploaded it, as they are now. */
async function jobContext(deps: Deps, row: repo.ImportRow, jobId: string): Promise<RequestContext | null> {
  if (row.actorId === null) return systemContext(row.actorLabel.replace(/^system:/u, ''));
  const loaded = await loadActor(deps.db, row.actorId, 'token');
  return loaded ? { actor: loaded.actor, requestId: `job:${jobId}` } : null;
}

/**
 * The outbox job that runs an uploaded import. Delivered at least once: an import that has ended
 * needs nothing more, and one that a crashed worker left running resumes from its checkpoint.
 */
export async function runImportJob(job: Job, deps: Deps): Promise<void> {
  const { importId } = job.payload as { importId: string };
  const row = await repo.findImport(deps.db, importId);
  if (!row || row.status !== 'running') return;
  const file = uploadPath(deps, row.id);
  const end = async (error: string, ctx: RequestContext) => {
    await failImport(deps, ctx, row, error);
    await rm(file, { force: true });
  };
  const ctx = await jobContext(deps, row, job.id);
  if (!ctx) return end('The account that started this import is no longer active.', systemContext('worker'));
  if (!(await stat(file).catch(() => null))) return end('The uploaded file is no longer there.', ctx);
  try {
    await runImport(deps, ctx, row.id, {
      file,
      onProgress: async () => {
        const now = deps.now();
        const until = new Date(now.getTime() + LEASE_MS).toISOString();
        if (!(await repo.extendLease(deps.db, job.id, job.attempt, until, now.toISOString())))
          throw new Error('Another worker took this import over.');
      },
    });
  } catch (err) {
    // An unreadable file has been marked failed already: retrying would not help.
    if (err instanceof AppError && err.code === 'import.unreadable')
      return void (await rm(file, { force: true }));
    if (job.attempt >= deps.config.outbox.maxAttempts) {
      const latest = await repo.findImport(deps.db, row.id);
      if (latest?.status === 'running') await end(err instanceof Error ? err.message : String(err), ctx);
    }
    throw err;
  }
  await rm(file, { force: true });
}
