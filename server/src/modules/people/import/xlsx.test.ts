// Reading lists that embassies receive as Excel workbooks rather than CSV.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ImportFileError, readRows, type ImportRow } from './read';
import { cellText } from './xlsx';

const collect = async (file: string) => {
  const rows: ImportRow[] = [];
  for await (const r of readRows(file)) rows.push(r);
  return rows;
};

const isXlsxError = (err: unknown) => err instanceof ImportFileError && err.code === 'import.xlsx';

let dir: string;
let workbook: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'siaga-import-xlsx-'));
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Daftar WNI');
  sheet.addRow(['Nama', 'Tanggal Lahir', 'No Paspor', 'NIK', 'No HP', 'Kota']);
  sheet.addRow([
    'Siti Aminah',
    new Date(Date.UTC(1985, 7, 17)),
    'C1234567',
    3174052501900001,
    60123456789,
    'Kuala Lumpur',
  ]);
  sheet.addRow([]); // row 3 stays empty
  sheet.addRow([
    ' Budi Santoso ',
    '1990-02-03',
    'B7654321',
    '3201234567890123',
    '+60 12-987 6543',
    'Johor Bahru',
  ]);
  sheet.addRow([
    { richText: [{ text: 'Dewi ' }, { text: 'Lestari', font: { bold: true } }] },
    null,
    'A1111111',
  ]);
  sheet.getCell('F5').value = { formula: 'UPPER("penang")', result: 'PENANG' };
  sheet.addRow(['', null, '', '', '', '']); // empty cells only: skipped
  sheet.addRow(['Rahmat', null, null, null, null, null, true]);
  const other = wb.addWorksheet('Catatan');
  other.addRow(['Nama', 'Catatan']);
  other.addRow(['Bukan data', 'harus diabaikan']);
  workbook = join(dir, 'daftar.xlsx');
  await wb.xlsx.writeFile(workbook);
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readRows: XLSX', () => {
  it('reads the first sheet with sheet row numbers, skipping empty rows', async () => {
    const rows = await collect(workbook);
    assert.deepEqual(
      rows.map((r) => r.row),
      [2, 4, 5, 7],
    );
    assert.deepEqual(rows[0]!.cells, {
      Nama: 'Siti Aminah',
      'Tanggal Lahir': '1985-08-17',
      'No Paspor': 'C1234567',
      NIK: '3174052501900001',
      'No HP': '60123456789',
      Kota: 'Kuala Lumpur',
    });
    assert.deepEqual(rows[1]!.cells, {
      Nama: 'Budi Santoso',
      'Tanggal Lahir': '1990-02-03',
      'No Paspor': 'B7654321',
      NIK: '3201234567890123',
      'No HP': '+60 12-987 6543',
      Kota: 'Johor Bahru',
    });
    assert.equal(rows[2]!.cells.Nama, 'Dewi Lestari');
    assert.equal(rows[2]!.cells['Tanggal Lahir'], '');
    assert.equal(rows[2]!.cells.Kota, 'PENANG');
    // A cell beyond the headers keeps its column letter, as in CSV.
    assert.equal(rows[3]!.cells['Column G'], 'true');
    assert.ok(rows.every((r) => r.cells.Nama !== 'Bukan data'));
  });

  it('recognises a workbook by its bytes whatever its name', async () => {
    const renamed = join(dir, 'daftar.bin');
    await copyFile(workbook, renamed);
    assert.equal((await collect(renamed)).length, 4);
  });

  it('names blank and repeated headers like CSV', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').addRows([
      [],
      ['Nama', 'No HP', null, 'No HP'],
      ['Siti', '0812', 'x', '0813', 'extra'],
    ]);
    const file = join(dir, 'dup.XLSX');
    await wb.xlsx.writeFile(file);
    assert.deepEqual(await collect(file), [
      {
        row: 3,
        cells: { Nama: 'Siti', 'No HP': '0812', 'Column C': 'x', 'No HP (2)': '0813', 'Column E': 'extra' },
      },
    ]);
  });

  it('fails with import.empty on a workbook whose first sheet is empty', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Kosong');
    wb.addWorksheet('Lain').addRow(['Nama']);
    const file = join(dir, 'empty.xlsx');
    await wb.xlsx.writeFile(file);
    await assert.rejects(
      collect(file),
      (err: unknown) => err instanceof ImportFileError && err.code === 'import.empty',
    );
  });

  it('fails with import.xlsx on a file named .xlsx that is not a workbook', async () => {
    const file = join(dir, 'garbage.xlsx');
    await writeFile(file, 'Nama;Kota\nSiti;Kuala Lumpur\n');
    await assert.rejects(collect(file), isXlsxError);
  });

  it('fails with import.xlsx on a workbook cut short', async () => {
    const bytes = await readFile(workbook);
    const file = join(dir, 'cut.xlsx');
    await writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await assert.rejects(collect(file), isXlsxError);
  });

  it('fails with import.xlsx on a damaged workbook', async () => {
    const file = join(dir, 'broken.xlsx');
    // The ZIP signature, then nothing an unzipper can read.
    await writeFile(file, Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(2000, 0x41)]));
    await assert.rejects(collect(file), isXlsxError);
  });
});

describe('cellText', () => {
  it('writes whole numbers in full and other values as a user reads them', () => {
    assert.equal(cellText(3201234567890120), '3201234567890120');
    assert.equal(cellText(1e21), '1000000000000000000000');
    assert.equal(cellText(1.5), '1.5');
    assert.equal(cellText(1e-7), '0.0000001');
    assert.equal(cellText(false), 'false');
    assert.equal(cellText(new Date(Date.UTC(2001, 0, 9))), '2001-01-09');
    assert.equal(cellText({ formula: 'A1', result: new Date(Date.UTC(2001, 0, 9)) }), '2001-01-09');
    assert.equal(cellText({ sharedFormula: 'A1' }), '');
    assert.equal(cellText({ text: 'Situs', hyperlink: 'https://example.org' }), 'Situs');
    assert.equal(cellText({ error: '#N/A' }), '#N/A');
    assert.equal(cellText(null), '');
  });
});
