// Reading lists as embassies receive them: Excel CSV with semicolons or commas, UTF-8 with a BOM,
// Latin-1 from older Windows machines, and files far larger than memory should hold.
import { after, before, describe, it } from 'node:test';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import assert from 'node:assert/strict';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ImportFileError, readRows, type ImportRow } from './read';

// A full garbage collection on demand, without a command-line flag for the whole test run.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../../test/fixtures/import/${name}`, import.meta.url));

const collect = async (file: string) => {
  const rows: ImportRow[] = [];
  for await (const r of readRows(file)) rows.push(r);
  return rows;
};

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'siaga-import-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

const temp = async (name: string, bytes: Buffer | string) => {
  const file = join(dir, name);
  await writeFile(file, bytes);
  return file;
};

describe('readRows: CSV', () => {
  it('reads an Indonesian list saved by Excel with semicolons and CRLF', async () => {
    const rows = await collect(fixture('indonesia-semicolon.csv'));
    // Header is row 1; the blank line 4 is skipped but counted, as a spreadsheet shows it.
    assert.deepEqual(
      rows.map((r) => r.row),
      [2, 3, 5, 6, 7, 8],
    );
    assert.deepEqual(rows[0]!.cells, {
      No: '1',
      Nama: 'Siti Aminah',
      'Jenis Kelamin': 'P',
      'Tanggal Lahir': '17 Agustus 1985',
      'No Paspor': 'C1234567',
      Alamat: 'Jalan Ampang 12; Blok B',
      Kota: 'Kuala Lumpur',
      Negara: 'Malaysia',
      'No HP': '012-345 6789',
    });
    // A quoted cell over two lines is one spreadsheet row; the next row's number follows it.
    assert.match(rows[4]!.cells.Alamat!, /^Taman Melati\r?\nBlok C$/u);
    assert.equal(rows[5]!.cells.Nama, 'Rahmat Hidayat');
  });

  it('reads an English list with commas', async () => {
    const rows = await collect(fixture('english-comma.csv'));
    assert.equal(rows.length, 3);
    assert.equal(rows[0]!.row, 2);
    assert.equal(rows[0]!.cells['Full Name'], 'Ahmad Yusuf');
    assert.equal(rows[2]!.cells.Employer, '');
  });

  it('strips a UTF-8 byte order mark from the first header', async () => {
    const file = await temp(
      'bom.csv',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Nama,Kota\nJosé Müller,Zürich\n')]),
    );
    assert.deepEqual(await collect(file), [{ row: 2, cells: { Nama: 'José Müller', Kota: 'Zürich' } }]);
  });

  it('detects Latin-1 when the bytes are not UTF-8', async () => {
    const text = "Nama;Kota\r\nJosé Müller;Zürich\r\nSiti Nur'aini;Köln\r\nFrançois Ñúñez;Málaga\r\n";
    const file = await temp('latin1.csv', Buffer.from(text, 'latin1'));
    const rows = await collect(file);
    assert.deepEqual(
      rows.map((r) => [r.row, r.cells.Nama, r.cells.Kota]),
      [
        [2, 'José Müller', 'Zürich'],
        [3, "Siti Nur'aini", 'Köln'],
        [4, 'François Ñúñez', 'Málaga'],
      ],
    );
  });

  it('reads Windows quotation marks in a Latin-1 file as Windows wrote them', async () => {
    const file = await temp(
      'cp1252.csv',
      Buffer.from([...Buffer.from('Nama\nSiti Nur'), 0x92, 0x61, 0x69, 0x6e, 0x69, 0x0a]),
    );
    assert.equal((await collect(file))[0]!.cells.Nama, 'Siti Nur\u2019aini');
  });

  it('fails with import.encoding when Latin-1 appears only after the sniffed beginning', async () => {
    const filler = 'Ahmad;Kuala Lumpur\n'.repeat(20_000);
    const file = await temp(
      'late.csv',
      Buffer.concat([Buffer.from(`Nama;Kota\n${filler}`), Buffer.from('José;Köln\n', 'latin1')]),
    );
    await assert.rejects(
      collect(file),
      (err: unknown) => err instanceof ImportFileError && err.code === 'import.encoding',
    );
  });

  it('names blank and repeated headers so that no cell is lost', async () => {
    const file = await temp('dup.csv', 'Nama,No HP,,No HP\nSiti,0812,x,0813,extra\n');
    assert.deepEqual((await collect(file))[0]!.cells, {
      Nama: 'Siti',
      'No HP': '0812',
      'Column C': 'x',
      'No HP (2)': '0813',
      'Column E': 'extra',
    });
  });

  it('fails with import.empty on a file without a header', async () => {
    const file = await temp('empty.csv', '\n\n');
    await assert.rejects(
      collect(file),
      (err: unknown) => err instanceof ImportFileError && err.code === 'import.empty',
    );
  });

  it('streams a 200 000-row list without holding it in memory', async () => {
    const file = join(dir, 'big.csv');
    const out = createWriteStream(file);
    out.write('No;Nama;Jenis Kelamin;Tanggal Lahir;No Paspor;Alamat;Kota;Negara;No HP\n');
    const filler = 'Jalan Pekerja Migran Indonesia Nomor Panjang Sekali Untuk Mengisi Baris'.repeat(3);
    for (let i = 1; i <= 200_000; i++) {
      const line = `${i};Warga Negara ${i};P;1990;C${String(i).padStart(7, '0')};${filler} ${i};Kuala Lumpur;Malaysia;0123456789\n`;
      if (!out.write(line)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    const fileBytes = out.bytesWritten;

    // Measure what stays alive after a full collection, not garbage waiting for one: that is what a
    // reader holding the file would keep, and it does not depend on when the collector runs.
    const retained = () => {
      collectGarbage();
      return process.memoryUsage().heapUsed;
    };
    const base = retained();
    let peak = 0;
    let count = 0;
    let last = 0;
    for await (const { row } of readRows(file)) {
      count++;
      last = row;
      if (count % 10_000 === 0) peak = Math.max(peak, retained() - base);
    }
    assert.equal(count, 200_000);
    assert.equal(last, 200_001);
    // The file as JavaScript strings alone would take more than its size in heap; a stream keeps a
    // few chunks alive.
    assert.ok(fileBytes > 40_000_000, `file of ${fileBytes} bytes`);
    assert.ok(peak < fileBytes / 10, `heap kept ${peak} bytes for a file of ${fileBytes} bytes`);
  });
});
