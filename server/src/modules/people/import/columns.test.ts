// Header recognition against headers as staff type them in Indonesian and English spreadsheets.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { ColumnMapping, mapHeaders, normaliseHeader } from './columns';

describe('mapHeaders', () => {
  it('recognises an Indonesian list and leaves its running number out', () => {
    const headers = 'No;Nama;Jenis Kelamin;Tanggal Lahir;No Paspor;Alamat;Kota;Negara;No HP'.split(';');
    assert.deepEqual(mapHeaders(headers), {
      fields: {
        fullName: 'Nama',
        sex: 'Jenis Kelamin',
        birthDate: 'Tanggal Lahir',
        passport: 'No Paspor',
        address: 'Alamat',
        city: 'Kota',
        country: 'Negara',
        phone: 'No HP',
      },
      unknown: [],
    });
  });

  it('recognises English headers', () => {
    const headers = ['Given Name', 'Surname', 'Gender', 'DOB', 'Passport Number', 'National ID', 'Mobile'];
    assert.deepEqual(mapHeaders(headers).fields, {
      givenName: 'Given Name',
      familyName: 'Surname',
      sex: 'Gender',
      birthDate: 'DOB',
      passport: 'Passport Number',
      nationalId: 'National ID',
      phone: 'Mobile',
    });
  });

  it('ignores case, spaces, underscores, dots and accents', () => {
    const cases: [string, string][] = [
      ['NAMA_LENGKAP', 'fullName'],
      ['  full   name ', 'fullName'],
      ['tgl_lahir', 'birthDate'],
      ['No. Paspor', 'passport'],
      ['nomor_paspor', 'passport'],
      ['no_ktp', 'nationalId'],
      ['NIK', 'nationalId'],
      ['Négara', 'country'],
      ['negara_bagian', 'province'],
      ['E-mail', 'email'],
      ['Surel', 'email'],
      ['WA', 'whatsapp'],
      ['WhatsApp', 'whatsapp'],
      ['Pekerjaan', 'status'],
      ['Majikan', 'employer'],
      ['Sekolah', 'employer'],
      ['Bahasa', 'language'],
      ['JK', 'sex'],
      ['Telepon', 'phone'],
    ];
    for (const [header, field] of cases) {
      assert.deepEqual(mapHeaders([header]).fields, { [field]: header }, header);
    }
    assert.equal(normaliseHeader('Passport_No.'), 'passport no');
  });

  it('reports unrecognised headers and a second header for the same field', () => {
    assert.deepEqual(mapHeaders(['Nama', 'Hobi', 'Name', 'No HP', 'Telepon']), {
      fields: { fullName: 'Nama', phone: 'No HP' },
      unknown: ['Hobi', 'Name', 'Telepon'],
    });
  });

  it('lets a mapping file override and extend recognition', async () => {
    const path = fileURLToPath(new URL('../../../../test/fixtures/import/mapping.json', import.meta.url));
    const mapping = ColumnMapping.parse(JSON.parse(await readFile(path, 'utf8')));
    // "Tempat Tinggal" is mapped to the address, so the recognised "Alamat" to its right is reported.
    assert.deepEqual(mapHeaders(['Nama', 'Kontak Darurat', 'Tempat Tinggal', 'Alamat'], mapping), {
      fields: { fullName: 'Nama', phone: 'Kontak Darurat', address: 'Tempat Tinggal' },
      unknown: ['Alamat'],
    });
    // Matched after normalisation too, and overriding what the header would otherwise mean.
    assert.deepEqual(mapHeaders(['KOTA'], { kota: 'address' }).fields, { address: 'KOTA' });
  });

  it('refuses a mapping to a field that does not exist', () => {
    assert.throws(() => mapHeaders(['Nama'], { Nama: 'nama' }), RangeError);
    assert.equal(ColumnMapping.safeParse({ Nama: 'nama' }).success, false);
  });
});
