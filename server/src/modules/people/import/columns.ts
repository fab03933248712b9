// Which column of an imported list holds which part of a person: headers as Indonesian and English
// staff write them in spreadsheets, recognised regardless of case, spacing, underscores, dots and
// accents; a mapping file chosen by the importer overrides or extends the recognition.
import { z } from 'zod';

export const IMPORT_FIELDS = [
  'fullName',
  'givenName',
  'familyName',
  'sex',
  'birthDate',
  'passport',
  'nationalId',
  'address',
  'city',
  'province',
  'country',
  'phone',
  'whatsapp',
  'email',
  'status',
  'employer',
  'language',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** A mapping file: `{ "header as in the file": "fieldName" }`. */
export const ColumnMapping = z.record(z.string(), z.enum(IMPORT_FIELDS));
export type ColumnMapping = z.infer<typeof ColumnMapping>;

/**
 * A header reduced to what identifies it: lower case, accents dropped, punctuation and underscores
 * turned into spaces, and the words for "number" (nomor, number, nr, no.) all written "no", so that
 * "No. Paspor", "nomor_paspor" and "Passport Number" compare as "no paspor" / "passport no".
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}#]+/gu, ' ')
    .trim()
    .split(' ')
    .map((w) => (w === 'nomor' || w === 'number' || w === 'nr' || w === 'num' ? 'no' : w))
    .join(' ');
}

const SYNONYMS: Record<ImportField, string[]> = {
  fullName: ['nama', 'nama lengkap', 'name', 'full name', 'nama wni', 'nama sesuai paspor'],
  givenName: ['nama depan', 'given name', 'first name', 'given names'],
  familyName: ['nama belakang', 'family name', 'surname', 'last name'],
  sex: ['jenis kelamin', 'jk', 'l p', 'sex', 'gender', 'kelamin'],
  birthDate: ['tanggal lahir', 'tgl lahir', 'tgl lhr', 'date of birth', 'dob', 'birth date', 'birthdate'],
  passport: ['no paspor', 'paspor', 'passport', 'passport no', 'no passport'],
  nationalId: ['nik', 'no nik', 'no ktp', 'ktp', 'national id', 'national id no', 'nik ktp'],
  address: ['alamat', 'address', 'alamat domisili', 'alamat di luar negeri'],
  city: ['kota', 'city', 'kota domisili'],
  province: ['provinsi', 'negara bagian', 'state', 'province', 'wilayah'],
  country: ['negara', 'country', 'negara domisili', 'country of residence'],
  phone: ['telepon', 'telpon', 'no telepon', 'no telp', 'telp', 'no hp', 'hp', 'phone', 'phone no', 'mobile'],
  whatsapp: ['whatsapp', 'wa', 'no wa', 'no whatsapp'],
  email: ['email', 'e mail', 'surel', 'alamat email'],
  status: ['status', 'pekerjaan', 'status abroad', 'occupation', 'kategori'],
  employer: ['majikan', 'perusahaan', 'employer', 'sekolah', 'school', 'universitas', 'nama majikan'],
  language: ['bahasa', 'language', 'languages'],
};

const BY_HEADER = new Map<string, ImportField>();
for (const field of IMPORT_FIELDS) for (const s of SYNONYMS[field]) BY_HEADER.set(normaliseHeader(s), field);

// A list's own running number ("No", "No.", "#") numbers the list, not the person: left out without
// being reported as unknown.
const RUNNING_NUMBER = new Set(['no', 'no urut', '#', 'nomor urut']);

const isField = (s: string): s is ImportField => (IMPORT_FIELDS as readonly string[]).includes(s);

/**
 * Maps the headers of a file to import fields. `fields` names, for each recognised field, the header
 * that feeds it; when two headers mean the same field the first (leftmost) wins and the other is
 * listed in `unknown`, so the importer sees that a column is left out. `mapping` entries match a
 * header exactly or after normalisation and take precedence over recognition.
 */
export function mapHeaders(
  headers: string[],
  mapping?: Record<string, string>,
): { fields: Partial<Record<ImportField, string>>; unknown: string[] } {
  const mapped = new Map<string, ImportField>();
  for (const [header, field] of Object.entries(mapping ?? {})) {
    if (!isField(field)) {
      throw new RangeError(`Unknown import field "${field}" for header "${header}" in the column mapping.`);
    }
    mapped.set(header, field);
    mapped.set(normaliseHeader(header), field);
  }

  const fields: Partial<Record<ImportField, string>> = {};
  const unknown: string[] = [];
  // Mapped headers first, so that an explicit choice is never taken by a recognised header to its left.
  const resolved = headers.map((h) => ({ h, by: mapped.get(h) ?? mapped.get(normaliseHeader(h)) }));
  for (const { h, by } of resolved) {
    if (by && fields[by] === undefined) fields[by] = h;
  }
  for (const { h, by } of resolved) {
    if (by) {
      if (fields[by] !== h) unknown.push(h);
      continue;
    }
    const key = normaliseHeader(h);
    if (key === '' || RUNNING_NUMBER.has(key)) continue;
    const field = BY_HEADER.get(key);
    if (field && fields[field] === undefined) fields[field] = h;
    else unknown.push(h);
  }
  return { fields, unknown };
}
