// Rows of the first worksheet of an Excel workbook, read with exceljs's streaming reader so that a
// workbook of a million rows is never held in memory. Each row comes out as cell texts in column
// order, like a CSV record; read.ts turns the first one into headers.
import ExcelJS from 'exceljs';

export type SheetRecord = { row: number; record: string[] };

/**
 * The first worksheet, row by row; rows that the file does not contain (never typed in) are simply
 * absent, so `row` jumps as a spreadsheet user would see it. Errors are exceljs's own: the caller
 * decides what a broken workbook means.
 */
export async function* xlsxRecords(file: string): AsyncIterable<SheetRecord> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    entries: 'emit',
    sharedStrings: 'cache',
    worksheets: 'emit',
    // Styles are needed after all: a date is only a number with a date format in the file, and
    // exceljs recognises the format (and returns a Date) only when it has the styles. They are a
    // small part of the file, read once.
    styles: 'cache',
    hyperlinks: 'ignore',
  });
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      // row.values is indexed by column number, starting at 1, with holes for empty cells.
      const values = row.values as unknown[];
      const record: string[] = [];
      for (let i = 1; i < values.length; i++) record.push(cellText(values[i]));
      yield { row: row.number, record };
    }
    break;
  }
}

/**
 * A cell as the text a user expects to see imported.
 *
 * Whole numbers come out in full, never with an exponent, so that an NIK or phone number typed as a
 * number reads as its digits. Excel itself keeps only 15 significant digits: a 16-digit NIK typed
 * into a number cell has already lost its last digit (stored as 0) before the file reaches us, and
 * a phone number its leading 0. Neither can be recovered here; the column has to be formatted as
 * text in the spreadsheet.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return numberText(value);
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText))
      return (v.richText as { text?: string }[]).map((t) => t.text ?? '').join('');
    if ('formula' in v || 'sharedFormula' in v) return cellText(v.result);
    if ('hyperlink' in v) return cellText(v.text);
    if (typeof v.error === 'string') return v.error;
    if ('text' in v) return cellText(v.text);
  }
  return '';
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return BigInt(n).toString();
  const s = String(n);
  if (!/e/iu.test(s)) return s;
  return n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

// exceljs turns the serial day number into a Date at midnight UTC; the calendar day is in UTC.
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  return d.toISOString().slice(0, 10);
}
