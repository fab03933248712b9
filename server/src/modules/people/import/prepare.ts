// The CPU side of an import: the file's rows read in order, validated and turned into the rows
// that store them (records.ts: phones, dates, encryption, name keys), in batches. No database: for
// big files it runs in a worker thread (pipeline.ts), so that parsing and encryption of the next
// batch overlap with the writing of this one.
import { createHash } from 'node:crypto';
import { PersonCreate } from '@siaga/contracts';
import type { Keyring } from '../../../platform/crypto';
import { missionFor, type Coverage } from '../coverage';
import { buildPerson, type PersonRows } from '../records';
import { mapHeaders, normaliseHeader, type ImportField } from './columns';
import { readRows } from './read';
import { rowKey, toPerson, type RowError } from './rows';
import { SeenDigests } from './seen';
import type { Status } from './values';

export interface PrepareOptions {
  file: string;
  /** Data rows that an earlier run of this import committed: read past without any work. */
  skip: number;
  batchSize: number;
  /** Estimate the bytes read from the cells (CSV); a workbook is compressed, so it reports none. */
  countBytes: boolean;
  totalBytes: number;
  mapping?: Record<string, string> | undefined;
  /** Country of residence for rows that name none: the mission's. */
  country?: string | undefined;
  statusAbroad?: Status | undefined;
  registeredMissionId: string | null;
  coverage: Coverage;
  /** When this run started: "today" for the dates, and the records' creation time. */
  at: string;
}

export interface RowIssue extends RowError {
  row: number;
}

export interface PreparedRow {
  row: number;
  /** rowKey(): recognises the person in a later upload (people.source_key). */
  key: string;
  /** What the list says about the person (people.content_hash): equal means unchanged. */
  hash: string;
  /** JSON of the fields the row gives, as a change to a person an earlier list registered. */
  patch: string;
  rows: PersonRows;
  /** The columns of the name and of each document, for errors found when writing. */
  nameColumn: string;
  documentColumns: string[];
}

export interface PreparedBatch {
  rows: PreparedRow[];
  errors: RowIssue[];
  /** Rows of this batch refused with errors (a row may have several). */
  rejected: number;
  /** Data rows consumed from the start of the file, skipped ones included: the checkpoint. */
  rowsRead: number;
  bytesRead: number;
  done: boolean;
}

type Fields = Partial<Record<ImportField, string>>;

/** Prepares the file batch by batch; every row read ends up in `rows` or among the rejected. */
export async function* prepareBatches(keyring: Keyring, o: PrepareOptions): AsyncGenerator<PreparedBatch> {
  const now = new Date(o.at);
  const headers = new HeaderMap(o.mapping);
  // Rows and documents met earlier in this run of the file. A resumed run has not seen the rows
  // before its checkpoint; those duplicates are then caught against the database instead.
  const keys = new SeenDigests();
  const documents = new SeenDigests();
  let batch = emptyBatch();
  let read = 0;
  let bytes = 0;
  const progress = () => (o.countBytes ? Math.min(bytes, Math.max(0, o.totalBytes - 1)) : 0);

  for await (const { row, cells } of readRows(o.file)) {
    read++;
    if (o.countBytes) {
      // Cells, their separators and the line end; quotes and multi-byte letters are not counted.
      for (const k in cells) bytes += cells[k]!.length + 1;
      if (read === 1) for (const h of Object.keys(cells)) bytes += h.length + 1;
    }
    const fields = headers.observe(cells, batch.errors);
    if (read <= o.skip) continue;
    prepareRow(row, cells, fields);
    if (batch.rows.length + batch.rejected >= o.batchSize) {
      yield { ...batch, rowsRead: read, bytesRead: progress(), done: false };
      batch = emptyBatch();
    }
  }
  yield { ...batch, rowsRead: read, bytesRead: o.totalBytes, done: true };

  function prepareRow(row: number, cells: Record<string, string>, fields: Fields) {
    const reject = (errors: RowError[]) => {
      batch.rejected++;
      for (const e of errors) batch.errors.push({ row, ...e });
    };
    const res = toPerson(cells, fields, { now, country: o.country, statusAbroad: o.statusAbroad });
    if (!res.ok) return reject(res.errors);
    // toPerson has validated the record already; this applies the schema's defaults.
    const input = PersonCreate.parse(res.person);
    const key = rowKey(res.person);
    const hash = createHash('sha256')
      .update(JSON.stringify(['v1', o.registeredMissionId, input]))
      .digest('hex');
    const built = buildPerson(keyring, input, {
      at: o.at,
      now,
      missionId: missionFor(o.coverage, input.location, o.registeredMissionId),
      registeredMissionId: o.registeredMissionId,
      source: 'import',
      sourceKey: key,
      contentHash: hash,
    });
    if (!built.ok) {
      return reject(
        built.errors.map((e) => ({
          column: columnOf(e.path, fields, input, cells),
          code: e.code,
          message: e.message,
        })),
      );
    }
    const nameColumn = fields.fullName ?? fields.givenName ?? fields.familyName ?? 'fullName';
    const sameRow = keys.get(key);
    if (sameRow !== undefined) {
      return reject([
        {
          column: nameColumn,
          code: 'row.duplicate',
          message: `Row ${sameRow} has the same person (name, birth date and document); this row is left out.`,
        },
      ]);
    }
    const documentColumns = input.documents.map(
      (d) => (d.kind === 'national_id' ? fields.nationalId : fields.passport) ?? 'documents',
    );
    const repeated: RowError[] = [];
    for (const [i, d] of built.rows.documents.entries()) {
      const first = documents.get(d.numberHash);
      if (first !== undefined)
        repeated.push({
          column: documentColumns[i]!,
          code: 'document.duplicate',
          message: `Row ${first} has the same document number: a possible duplicate, not merged.`,
        });
    }
    if (repeated.length > 0) return reject(repeated);
    keys.add(key, row);
    for (const d of built.rows.documents) documents.add(d.numberHash, row);
    const given = Object.keys(res.person) as (keyof typeof input)[];
    batch.rows.push({
      row,
      key,
      hash,
      patch: JSON.stringify(Object.fromEntries(given.map((k) => [k, input[k]]))),
      rows: built.rows,
      nameColumn,
      documentColumns,
    });
  }
}

const emptyBatch = () => ({ rows: [] as PreparedRow[], errors: [] as RowIssue[], rejected: 0 });

/**
 * The file's headers mapped to fields. Rows carry the headers as their keys, but a row of a
 * workbook ends at its last filled cell, so headers to its right appear only with a longer row:
 * the mapping is redone when one does. Headers that a mapping file names but no row has shown yet
 * are mapped in advance, so that recognition never takes their field meanwhile. Each ignored
 * header is reported once, as an error on the header row (row 1).
 */
class HeaderMap {
  private known: string[] = [];
  private fields: Fields = {};
  private reported = new Set<string>();

  constructor(private readonly mapping: Record<string, string> | undefined) {}

  observe(cells: Record<string, string>, errors: RowIssue[]): Fields {
    const keys = Object.keys(cells);
    if (keys.length <= this.known.length) return this.fields;
    this.known = keys;
    const seen = new Set(keys.map(normaliseHeader));
    const ahead = Object.keys(this.mapping ?? {}).filter((h) => !seen.has(normaliseHeader(h)));
    const { fields, unknown } = mapHeaders([...keys, ...ahead], this.mapping);
    this.fields = fields;
    for (const h of unknown) {
      if (this.reported.has(h) || !keys.includes(h)) continue;
      this.reported.add(h);
      errors.push({
        row: 1,
        column: h,
        code: 'column.ignored',
        message:
          'This column is not imported: its header is not one Siaga recognises, or another column already gives the field. A mapping file can name its field.',
      });
    }
    return this.fields;
  }
}

/** The column of the file behind a field of the record, for errors found after toPerson. */
function columnOf(path: string, f: Fields, input: PersonCreate, cells: Record<string, string>): string {
  const [head = '', index = ''] = path.split('.');
  const at = Number(index);
  const filled = (h: string | undefined) => h !== undefined && (cells[h] ?? '').trim() !== '';
  let column: string | undefined;
  switch (head) {
    case 'fullName':
      column = f.fullName ?? f.givenName ?? f.familyName;
      break;
    case 'documents':
      column = input.documents[at]?.kind === 'national_id' ? f.nationalId : f.passport;
      break;
    case 'contacts': {
      const kind = input.contacts[at]?.kind;
      // toPerson lists the phone column's number first, then WhatsApp's, then the email.
      if (kind === 'email') column = f.email;
      else if (kind === 'messaging') column = f.whatsapp;
      else column = at === 0 && filled(f.phone) ? f.phone : f.whatsapp;
      break;
    }
    case 'location':
      column = index === 'city' ? f.city : index === 'addressText' ? f.address : f.country;
      break;
    case 'languages':
      column = f.language;
      break;
    default:
      column = (f as Record<string, string | undefined>)[head];
  }
  return column ?? path;
}
