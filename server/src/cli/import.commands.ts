// siaga import people FILE: a list of nationals (CSV or XLSX) into the registry, run in place with
// progress on standard error. Running it again on the same file after an interruption resumes
// where the last committed batch ended; running it on a file already imported changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { STATUSES_ABROAD } from '@siaga/contracts';
import { ColumnMapping, IMPORT_FIELDS } from '../modules/people/import/columns';
import * as repo from '../modules/people/import/imports.repo';
import { importFile } from '../modules/people/import/imports.service';
import type { Status } from '../modules/people/import/values';
import type { Cli } from './cli';
import { print, table, usage } from './output';

/** Errors listed by --json; the rest are in the API's report (errors, errors.csv). */
const JSON_ERRORS = 10_000;
const HUMAN_ERRORS = 20;

export function registerImportCommands({ program, cli, opts, withDeps }: Cli) {
  program
    .command('import')
    .description('bulk imports into the registry')
    .command('people <file>')
    .description('import a list of people (CSV or XLSX); run it again after an interruption to resume')
    .option('--mission <code>', "the list's mission; its country is the residence of rows without one")
    .option('--dry-run', 'check every row and report what would change, writing no one')
    .option(
      '--map <file>',
      'JSON file {"header as in the file": "field"} for headers Siaga does not recognise',
    )
    .option('--status <status>', `status abroad of rows without one: ${STATUSES_ABROAD.join(', ')}`)
    .action(
      async (file: string, o: { mission?: string; dryRun?: boolean; map?: string; status?: string }) => {
        const json = opts().json === true;
        const mapping = o.map === undefined ? undefined : readMapping(o.map, json);
        if (o.status !== undefined && !(STATUSES_ABROAD as readonly string[]).includes(o.status))
          usage(`--status must be one of ${STATUSES_ABROAD.join(', ')}`, json);
        await withDeps(async (deps) => {
          const progress = json ? null : progressReporter();
          let resumed = false;
          let row: repo.ImportRow;
          try {
            row = await importFile(
              deps,
              cli,
              path.resolve(file),
              {
                fileName: path.basename(file),
                missionCode: o.mission,
                dryRun: o.dryRun === true,
                status: o.status as Status | undefined,
                mapping,
              },
              {
                onStart: (started, again) => {
                  resumed = again;
                  progress?.start(started);
                  if (again && !json)
                    process.stderr.write(
                      `Resuming import ${started.id}: ${started.rowsRead.toLocaleString('en')} rows were done before it was interrupted.\n`,
                    );
                },
                ...(progress ? { onProgress: (r: repo.ImportRow) => progress.update(r) } : {}),
              },
            );
          } finally {
            progress?.end();
          }
          const errors = await repo.listErrors(deps.db, row.id, 0, 0, json ? JSON_ERRORS : HUMAN_ERRORS);
          const errorCount = await repo.countErrors(deps.db, row.id);
          const result = {
            importId: row.id,
            fileName: row.fileName,
            status: row.status,
            dryRun: row.dryRun === 1,
            resumed,
            rowsRead: row.rowsRead,
            created: row.created,
            updated: row.updated,
            unchanged: row.unchanged,
            rejected: row.rejected,
            errorCount,
            errors,
          };
          print(opts(), result, () => summary(result));
        });
      },
    );
}

function summary(r: {
  importId: string;
  fileName: string;
  dryRun: boolean;
  rowsRead: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errorCount: number;
  errors: { row: number; column: string; code: string; message: string }[];
}): string {
  const n = (v: number) => v.toLocaleString('en').padStart(10);
  const would = r.dryRun ? 'would be ' : '';
  const lines = [
    `Import ${r.importId} of ${r.fileName}${r.dryRun ? ' (dry run: nothing was written)' : ''}`,
    `${n(r.rowsRead)} rows read`,
    `${n(r.created)} ${would}created`,
    `${n(r.updated)} ${would}updated`,
    `${n(r.unchanged)} unchanged`,
    `${n(r.rejected)} rejected`,
  ];
  if (r.errorCount > 0) {
    lines.push(
      '',
      r.errorCount > r.errors.length ? `First ${r.errors.length} of ${r.errorCount} errors:` : 'Errors:',
      table(r.errors, ['row', 'column', 'code', 'message']),
    );
    if (r.errorCount > r.errors.length)
      lines.push('', `All errors: --json, or GET /api/v1/imports/${r.importId}/errors.csv`);
  }
  return lines.join('\n');
}

/** A bad invocation: says why and exits 2, before anything is read or written. */
function readMapping(file: string, json: boolean): ColumnMapping {
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    usage(
      e.code === 'ENOENT'
        ? `The mapping file ${file} does not exist`
        : `The mapping file ${file} is not readable JSON: ${e.message}`,
      json,
    );
  }
  const res = ColumnMapping.safeParse(value);
  if (!res.success) {
    const issue = res.error.issues[0]!;
    const where = issue.path.length ? ` at "${issue.path.join('.')}"` : '';
    usage(
      `The mapping file ${file} must be a JSON object {"header as in the file": "field"}${where}: ${issue.message}. Fields: ${IMPORT_FIELDS.join(', ')}`,
      json,
    );
  }
  return res.data;
}

/**
 * Progress on standard error: a bar redrawn in place on a terminal; on anything else (logs, CI) a
 * plain line every few seconds. The share is of the file's bytes, which a CSV reports and a
 * compressed workbook cannot: for those only the rows are counted.
 */
function progressReporter() {
  const tty = process.stderr.isTTY === true;
  let started = performance.now();
  let fromRows = 0;
  let lastLine = started;
  let drawn = false;
  return {
    start(row: repo.ImportRow) {
      started = performance.now();
      lastLine = started;
      fromRows = row.rowsRead;
    },
    update(row: repo.ImportRow) {
      const now = performance.now();
      const seconds = (now - started) / 1000;
      const rate = seconds > 0 ? Math.round((row.rowsRead - fromRows) / seconds) : 0;
      const share =
        row.bytesRead > 0 && row.totalBytes > 0 ? Math.min(1, row.bytesRead / row.totalBytes) : null;
      const text = `${row.rowsRead.toLocaleString('en')} rows, ${rate.toLocaleString('en')} rows/s`;
      if (tty) {
        const width = 30;
        const filled = share === null ? 0 : Math.round(share * width);
        const bar =
          share === null
            ? ''
            : `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.floor(share * 100)}% `;
        process.stderr.write(`\r${bar}${text}\u001b[K`);
        drawn = true;
      } else if (now - lastLine >= 5000 || row.status !== 'running') {
        lastLine = now;
        process.stderr.write(`import: ${share === null ? '' : `${Math.floor(share * 100)}%, `}${text}\n`);
      }
    },
    end() {
      if (drawn) process.stderr.write('\n');
      drawn = false;
    },
  };
}
