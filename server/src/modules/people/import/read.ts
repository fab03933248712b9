// Reads the rows of an imported list of nationals, streamed so that a list of a million rows never
// sits in memory: CSV in UTF-8 (with or without BOM) or Latin-1, comma or semicolon separated, as
// spreadsheets save it, or the first sheet of an Excel workbook (xlsx.ts). Rows carry the number a spreadsheet user sees, for error reports.
import { open } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { Transform, pipeline } from 'node:stream';
import { parse } from 'csv-parse';
import { xlsxRecords, type SheetRecord } from './xlsx';

export type ImportRow = { row: number; cells: Record<string, string> };

export class ImportFileError extends Error {
  constructor(
    readonly code: 'import.encoding' | 'import.empty' | 'import.csv' | 'import.xlsx',
    message: string,
  ) {
    super(message);
    this.name = 'ImportFileError';
  }
}

// Enough bytes to see non-ASCII letters in any list with names from outside Indonesia, and the whole
// header line. A Latin-1 file whose first such letter comes later fails with import.encoding rather
// than being read with replacement characters.
const SNIFF_BYTES = 256 * 1024;

/**
 * Rows of a CSV file, or of the first sheet of an XLSX workbook, as header -> cell text (trimmed);
 * wholly empty rows are skipped but counted.
 */
export async function* readRows(file: string): AsyncIterable<ImportRow> {
  const head = await readHead(file);
  const xlsx = /\.xlsx$/iu.test(file) || isZip(head.bytes);
  let headers: string[] | undefined;
  for await (const { row, record } of xlsx ? xlsxRows(file, head.bytes) : csvRows(file, head)) {
    if (record.every((c) => c.trim() === '')) continue;
    if (!headers) {
      headers = headerKeys(record);
      continue;
    }
    const cells: Record<string, string> = {};
    record.forEach((cell, i) => {
      const value = cell.trim();
      if (value === '' && i >= headers!.length) return;
      cells[headers![i] ?? `Column ${columnLetter(i)}`] = value;
    });
    yield { row, cells };
  }
  if (!headers) throw new ImportFileError('import.empty', 'The file has no header row.');
}

async function* csvRows(file: string, head: Head): AsyncIterable<SheetRecord> {
  const { encoding, delimiter } = sniff(head);
  const parser = pipeline(
    createReadStream(file),
    decoder(encoding),
    parse({ delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }),
    () => {
      // Errors reach the loop below through the parser, which pipeline destroys with them.
    },
  );

  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      // One record is one spreadsheet row, even when a quoted cell spans several lines.
      row++;
      yield { row, record };
    }
  } catch (err) {
    if (err instanceof ImportFileError) throw err;
    const { code } = err as { code?: string };
    if (code?.startsWith('CSV_')) throw new ImportFileError('import.csv', `Row ${row + 1}: ${String(err)}`);
    throw err;
  } finally {
    parser.destroy();
  }
}

async function* xlsxRows(file: string, head: Uint8Array): AsyncIterable<SheetRecord> {
  const broken = (detail: string) =>
    new ImportFileError('import.xlsx', `The file is not a readable Excel workbook (.xlsx): ${detail}`);
  if (!isZip(head)) throw broken('it does not start like one.');
  try {
    yield* xlsxRecords(file);
  } catch (err) {
    // File system errors stay what they are; anything exceljs or its unzipper throws means the
    // workbook is damaged or is not an .xlsx (an old .xls renamed, say).
    if (err instanceof ImportFileError || typeof (err as { errno?: unknown }).errno === 'number') throw err;
    throw broken(err instanceof Error ? err.message : String(err));
  }
}

// Every .xlsx is a ZIP archive, whose first local file header starts with these bytes.
const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/**
 * Header texts as cell keys: trimmed; a blank header becomes "Column F" (its spreadsheet letter) and
 * a repeated one "No HP (2)", so that no cell is silently overwritten by another.
 */
function headerKeys(record: string[]): string[] {
  const seen = new Map<string, number>();
  return record.map((cell, i) => {
    const h = cell.trim() || `Column ${columnLetter(i)}`;
    const n = (seen.get(h) ?? 0) + 1;
    seen.set(h, n);
    return n === 1 ? h : `${h} (${n})`;
  });
}

function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

type Encoding = 'utf-8' | 'latin1';

type Head = { bytes: Uint8Array; whole: boolean };

async function readHead(file: string): Promise<Head> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await fh.read(buf, 0, SNIFF_BYTES, 0);
    return { bytes: buf.subarray(0, bytesRead), whole: bytesRead < SNIFF_BYTES };
  } finally {
    await fh.close();
  }
}

/** Encoding and delimiter from the first bytes. */
function sniff({ bytes, whole }: Head): { encoding: Encoding; delimiter: string } {
  let encoding: Encoding = 'utf-8';
  let text: string;
  try {
    // Streaming mode when the head is cut, so a letter split at the cut is not taken for an error.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !whole });
  } catch {
    encoding = 'latin1';
    text = new TextDecoder('latin1').decode(bytes);
  }
  return { encoding, delimiter: delimiterOf(firstLine(text)) };
}

// Excel saves "CSV" with the list separator of the computer's locale: a semicolon wherever the
// decimal separator is a comma (Indonesia, most of Europe), a comma elsewhere.
function delimiterOf(line: string): string {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === ',') commas++;
    else if (!quoted && c === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

function firstLine(text: string): string {
  const body = text.replace(/^\uFEFF/u, '');
  const lines = body.split(/\r?\n/u);
  return lines.find((l) => l.trim() !== '') ?? '';
}

/**
 * Bytes to text. UTF-8 is decoded strictly: a file that looked like UTF-8 at its start but is not
 * fails instead of filling names with replacement characters. "latin1" is, for the WHATWG decoder,
 * Windows-1252: what Windows writes when it says Latin-1, with ’ and “ ” where ISO 8859-1 has
 * control characters that no name contains.
 */
function decoder(encoding: Encoding): Transform {
  const td = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  const wrap = (fn: () => string): string => {
    try {
      return fn();
    } catch {
      throw new ImportFileError(
        'import.encoding',
        'The file is not valid UTF-8 after its beginning; save it again as "CSV UTF-8".',
      );
    }
  };
  return new Transform({
    decodeStrings: true,
    readableObjectMode: false,
    transform(chunk: Buffer, _enc, done) {
      try {
        done(
          null,
          wrap(() => td.decode(chunk, { stream: true })),
        );
      } catch (err) {
        done(err as Error);
      }
    },
    flush(done) {
      try {
        done(
          null,
          wrap(() => td.decode()),
        );
      } catch (err) {
        done(err as Error);
      }
    },
  });
}
