// Rows of real-looking lists turned into person records, and the errors an importer sees for the
// rows that cannot be: with their row number and the header of the column to fix.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PersonCreate } from '@siaga/contracts';
import { ColumnMapping, mapHeaders } from './columns';
import { readRows } from './read';
import { rowKey, toPerson, type RowContext, type RowResult } from './rows';
import { countryCode } from './values';

const now = new Date('2026-06-01T00:00:00Z');
const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../../test/fixtures/import/${name}`, import.meta.url));

/** The whole chain of the parsing half of an import: file -> rows -> person or errors. */
async function importFile(name: string, ctx: RowContext, mapping?: Record<string, string>) {
  const results: { row: number; result: RowResult }[] = [];
  let fields: ReturnType<typeof mapHeaders>['fields'] | undefined;
  for await (const { row, cells } of readRows(fixture(name))) {
    fields ??= mapHeaders(Object.keys(cells), mapping).fields;
    results.push({ row, result: toPerson(cells, fields, ctx) });
  }
  return results;
}

const person = (r: RowResult) => {
  assert.ok(r.ok, JSON.stringify(r));
  return r.person;
};

describe('toPerson: an Indonesian list from a mission in Malaysia', async () => {
  const results = await importFile('indonesia-semicolon.csv', { now });
  const at = (row: number) => results.find((r) => r.row === row)!.result;

  it('builds a complete record', () => {
    assert.deepEqual(person(at(2)), {
      fullName: 'Siti Aminah',
      statusAbroad: 'other',
      sex: 'female',
      birthDate: '1985-08-17',
      documents: [{ kind: 'passport', number: 'C1234567', issuingCountry: 'ID' }],
      contacts: [{ kind: 'phone', value: '+60123456789' }],
      location: {
        country: 'MY',
        city: 'Kuala Lumpur',
        addressText: 'Jalan Ampang 12; Blok B',
        source: 'import',
      },
    });
    assert.ok(PersonCreate.safeParse(person(at(2))).success);
  });

  it('keeps an Indonesian number, normalises a passport written with a space', () => {
    const p = person(at(3));
    assert.equal(p.sex, 'male');
    assert.equal(p.birthDate, '1990-02-03');
    assert.deepEqual(p.documents, [{ kind: 'passport', number: 'X7654321', issuingCountry: 'ID' }]);
    assert.deepEqual(p.contacts, [{ kind: 'phone', value: '+6281234567890' }]);
  });

  it('reports a bad date and a bad phone with the row number and the header', () => {
    const r = results.find((x) => x.row === 5)!;
    assert.equal(r.result.ok, false);
    assert.deepEqual(!r.result.ok && r.result.errors.map((e) => [e.column, e.code]), [
      ['Tanggal Lahir', 'date.impossible'],
      ['No HP', 'phone.not_for_country'],
    ]);
  });

  it('reports a row without a name', () => {
    const r = at(6);
    assert.deepEqual(!r.ok && r.errors.map((e) => [e.column, e.code]), [['Nama', 'name.required']]);
  });

  it('reads a row whose address spans two lines, and a fixed-line number', () => {
    assert.match(person(at(7)).location!.addressText!, /^Taman Melati\s+Blok C$/u);
    assert.equal(person(at(8)).sex, 'male');
    assert.deepEqual(person(at(8)).contacts, [{ kind: 'phone', value: '+60321612345' }]);
  });
});

describe('toPerson: an English list', async () => {
  const results = await importFile('english-comma.csv', { now, country: 'HK' });

  it('maps NIK, passport, e-mail, status and employer', () => {
    assert.deepEqual(person(results[0]!.result), {
      fullName: 'Ahmad Yusuf',
      statusAbroad: 'worker',
      sex: 'male',
      birthDate: '1979-05',
      employer: 'Chan Family',
      documents: [
        { kind: 'passport', number: 'A1234567', issuingCountry: 'ID' },
        { kind: 'national_id', number: '3174012345678901', issuingCountry: 'ID' },
      ],
      contacts: [
        { kind: 'phone', value: '+85291234567' },
        { kind: 'email', value: 'ahmad@example.org' },
      ],
      location: { country: 'HK', city: 'Kowloon', addressText: '12 Nathan Road', source: 'import' },
    });
  });

  it('reports every error of a row at once', () => {
    const r = results[1]!;
    assert.equal(r.row, 3);
    assert.deepEqual(!r.result.ok && r.result.errors.map((e) => [e.column, e.code]), [
      ['Date of Birth', 'date.future'],
      ['National ID', 'document.invalid'],
    ]);
  });

  it('reads the phone in the country of the row, not the mission', () => {
    const p = person(results[2]!.result);
    assert.equal(p.location?.country, 'AE');
    assert.equal(p.statusAbroad, 'tourist');
    assert.deepEqual(p.contacts?.[0], { kind: 'phone', value: '+971501234567' });
  });
});

describe('toPerson: single cells', () => {
  const fields = {
    fullName: 'Nama',
    sex: 'JK',
    nationalId: 'NIK',
    whatsapp: 'WA',
    phone: 'HP',
    status: 'Pekerjaan',
    language: 'Bahasa',
    country: 'Negara',
    province: 'Provinsi',
  };
  const row = (cells: Record<string, string>, ctx: Partial<RowContext> = {}) =>
    toPerson({ Nama: 'Siti Nur’aini', ...cells }, fields, { now, ...ctx });

  it('reads sexes written the Indonesian, Malay and English ways', () => {
    for (const [v, sex] of [
      ['L', 'male'],
      ['P', 'female'],
      ['Laki-laki', 'male'],
      ['perempuan', 'female'],
      ['Pria', 'male'],
      ['Wanita', 'female'],
      ['M', 'male'],
      ['F', 'female'],
    ]) {
      assert.equal(person(row({ JK: v! })).sex, sex, v);
    }
    const r = row({ JK: 'X' });
    assert.deepEqual(!r.ok && r.errors[0]!.column, 'JK');
  });

  it('reads status abroad from status and occupation words', () => {
    for (const [v, status] of [
      ['PMI', 'worker'],
      ['TKI sektor formal', 'worker'],
      ['Mahasiswa S2', 'student'],
      ['ABK', 'crew'],
      ['Jamaah Umrah', 'pilgrim'],
      ['Wisatawan', 'tourist'],
      ['Menetap', 'resident'],
      ['Ibu rumah tangga', 'other'],
    ]) {
      assert.equal(person(row({ Pekerjaan: v! })).statusAbroad, status, v);
    }
    assert.equal(person(row({}, { statusAbroad: 'student' })).statusAbroad, 'student');
  });

  it('checks a NIK has 16 digits and explains one mangled by a spreadsheet', () => {
    assert.equal(person(row({ NIK: '3174 0123 4567 8901' })).documents?.[0]?.number, '3174012345678901');
    for (const nik of ['317401234567890', '3174O12345678901', '3.17401E+15']) {
      const r = row({ NIK: nik });
      assert.deepEqual(!r.ok && r.errors.map((e) => [e.column, e.code]), [['NIK', 'document.invalid']], nik);
    }
  });

  it('makes a WhatsApp number a phone and a messaging contact', () => {
    assert.deepEqual(
      person(row({ WA: '+62 812-3456-7890', HP: '0812 3456 7890' }, { country: 'ID' })).contacts,
      [
        { kind: 'phone', value: '+6281234567890' },
        { kind: 'messaging', service: 'whatsapp', value: '+6281234567890' },
      ],
    );
  });

  it('reads a phone without a country code only when a country is known', () => {
    const r = row({ HP: '012-345 6789' });
    assert.deepEqual(!r.ok && r.errors.map((e) => [e.column, e.code]), [['HP', 'phone.not_for_country']]);
    assert.equal(person(row({ HP: '012-345 6789', Negara: 'MY' })).contacts?.[0]?.value, '+60123456789');
  });

  it('reads languages by name or tag', () => {
    assert.deepEqual(person(row({ Bahasa: 'Indonesia, Jawa; English / ar' })).languages, [
      'id',
      'jv',
      'en',
      'ar',
    ]);
    const r = row({ Bahasa: 'Klingon' });
    assert.deepEqual(!r.ok && r.errors.map((e) => e.code), ['language.unknown']);
  });

  it('keeps a province as text with the address', () => {
    assert.deepEqual(person(row({ Negara: 'Malaysia', Provinsi: 'Sabah' })).location, {
      country: 'MY',
      addressText: 'Sabah',
      source: 'import',
    });
  });

  it('reports an unknown country', () => {
    const r = row({ Negara: 'Atlantis' });
    assert.deepEqual(!r.ok && r.errors.map((e) => [e.column, e.code]), [['Negara', 'country.unknown']]);
  });

  it('turns schema issues into errors on the column that fed the field', () => {
    const r = toPerson({ Nama: 'Siti', Paspor: '#12' }, { fullName: 'Nama', passport: 'Paspor' }, { now });
    assert.deepEqual(!r.ok && r.errors.map((e) => [e.column, e.code]), [['Paspor', 'person.invalid_format']]);
    const long = toPerson({ Nama: 'A'.repeat(201) }, { fullName: 'Nama' }, { now });
    assert.deepEqual(!long.ok && long.errors.map((e) => [e.column, e.code]), [['Nama', 'person.too_big']]);
  });

  it('builds the full name from given and family names', () => {
    const r = toPerson(
      { First: 'Made', Last: 'Wirawan' },
      { givenName: 'First', familyName: 'Last' },
      { now },
    );
    assert.deepEqual(person(r), {
      fullName: 'Made Wirawan',
      givenName: 'Made',
      familyName: 'Wirawan',
      statusAbroad: 'other',
    });
  });
});

describe('countryCode', () => {
  it('knows the countries where nationals live, in Indonesian and English', () => {
    const cases: [string, string][] = [
      ['Malaysia', 'MY'],
      ['Arab Saudi', 'SA'],
      ['Saudi Arabia', 'SA'],
      ['Taiwan', 'TW'],
      ['Hong Kong', 'HK'],
      ['Singapura', 'SG'],
      ['Singapore', 'SG'],
      ['Uni Emirat Arab', 'AE'],
      ['UAE', 'AE'],
      ['Korea Selatan', 'KR'],
      ['South Korea', 'KR'],
      ['Jepang', 'JP'],
      ['Japan', 'JP'],
      ['Qatar', 'QA'],
      ['Kuwait', 'KW'],
      ['Oman', 'OM'],
      ['Bahrain', 'BH'],
      ['Brunei', 'BN'],
      ['Sudan', 'SD'],
      ['Ukraina', 'UA'],
      ['Ukraine', 'UA'],
      ['Lebanon', 'LB'],
      ['Yordania', 'JO'],
      ['Jordan', 'JO'],
      ['Mesir', 'EG'],
      ['Egypt', 'EG'],
      ['Turki', 'TR'],
      ['Turkey', 'TR'],
      ['Australia', 'AU'],
      ['Belanda', 'NL'],
      ['Netherlands', 'NL'],
      ['Amerika Serikat', 'US'],
      ['USA', 'US'],
      ['United States', 'US'],
      ['my', 'MY'],
      ['DE', 'DE'],
      ['  ARAB_SAUDI ', 'SA'],
    ];
    for (const [name, code] of cases) assert.equal(countryCode(name), code, name);
    assert.equal(countryCode('XX'), undefined);
    assert.equal(countryCode('Atlantis'), undefined);
  });
});

describe('rowKey', () => {
  const base = {
    fullName: 'Siti Nur’aini',
    statusAbroad: 'worker' as const,
    birthDate: '1985-08-17',
    documents: [{ kind: 'passport' as const, number: 'C1234567', issuingCountry: 'ID' }],
  };

  it('is the same for the same person written differently', () => {
    const again = {
      ...base,
      fullName: "  SITI  Nur'aini ",
      documents: [{ ...base.documents[0]!, number: 'c 1234567' }],
    };
    assert.equal(rowKey(again), rowKey(base));
    assert.match(rowKey(base), /^[0-9a-f]{64}$/u);
  });

  it('differs when the birth date or the document differs', () => {
    assert.notEqual(rowKey({ ...base, birthDate: '1985' }), rowKey(base));
    assert.notEqual(rowKey({ ...base, documents: [] }), rowKey(base));
  });

  it('recognises a row of a list uploaded again', async () => {
    const keys = async () =>
      (await importFile('indonesia-semicolon.csv', { now })).flatMap((r) =>
        r.result.ok ? [rowKey(r.result.person)] : [],
      );
    const first = await keys();
    assert.equal(first.length, 4);
    assert.equal(new Set(first).size, 4);
    assert.deepEqual(await keys(), first);
  });
});

describe('toPerson with a mapping file', () => {
  it('reads the columns the mapping names', async () => {
    const path = fixture('mapping.json');
    const mapping = ColumnMapping.parse(JSON.parse(await readFile(path, 'utf8')));
    const [r] = await importFile('mapped.csv', { now, country: 'MY' }, mapping);
    assert.deepEqual(person(r!.result), {
      fullName: 'Rudi Hartono',
      statusAbroad: 'other',
      contacts: [{ kind: 'phone', value: '+60123456789' }],
      location: { country: 'MY', addressText: 'Johor Bahru', source: 'import' },
    });
  });
});
