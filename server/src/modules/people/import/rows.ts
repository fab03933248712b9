// One row of an imported list turned into a person record, or into errors that name the column of
// the file that caused them, so that the importer can fix the list and upload it again. Pure: no I/O;
// the row is validated with the same PersonCreate schema as a person registered by an officer.
import { createHash } from 'node:crypto';
import { PersonCreate, type PersonCreateInput } from '@siaga/contracts';
import { normaliseName } from '../names';
import { normalisePhone } from '../phones';
import { parsePartialDate } from '../dates';
import { normaliseHeader, type ImportField } from './columns';
import { LANGUAGES, SEX, STATUS, countryCode, type Status } from './values';

const key = (s: string) => normaliseHeader(s);

export type RowError = { column: string; code: string; message: string };
export type RowResult = { ok: true; person: PersonCreateInput } | { ok: false; errors: RowError[] };
export type RowContext = {
  /** The country of residence when the row names none: the mission's country. */
  country?: string;
  now: Date;
  /** Status abroad when the list has no status column, e.g. 'student' for a list of a students' union. */
  statusAbroad?: Status;
};

type Fields = Partial<Record<ImportField, string>>;
type Contact = NonNullable<PersonCreateInput['contacts']>[number];
type Doc = NonNullable<PersonCreateInput['documents']>[number];

/**
 * A row as a person. `fields` is what mapHeaders found: field -> header in the file; every error
 * names that header, or the field when no header fed it.
 */
export function toPerson(cells: Record<string, string>, fields: Fields, ctx: RowContext): RowResult {
  const errors: RowError[] = [];
  // Dotted paths of the person record (as zod reports them) -> the header that fed them.
  const sources = new Map<string, string>();
  const fail = (field: ImportField, code: string, message: string) =>
    errors.push({ column: fields[field] ?? field, code, message });
  const cell = (field: ImportField): string | undefined => {
    const header = fields[field];
    // Line breaks inside a quoted cell (an address typed over two lines) and runs of spaces become
    // one space: the record refuses control characters, and no field here is multi-line.
    const value = header === undefined ? undefined : cells[header]?.replace(/\s+/gu, ' ').trim();
    return value === '' ? undefined : value;
  };
  const from = (path: string, field: ImportField) => {
    const header = fields[field];
    if (header !== undefined) sources.set(path, header);
  };

  const person: PersonCreateInput = { fullName: '', statusAbroad: ctx.statusAbroad ?? 'other' };

  const givenName = cell('givenName');
  const familyName = cell('familyName');
  const fullName = cell('fullName') ?? ([givenName, familyName].filter(Boolean).join(' ') || undefined);
  if (!fullName) fail('fullName', 'name.required', 'The row has no name.');
  else person.fullName = fullName;
  from('fullName', cell('fullName') ? 'fullName' : givenName ? 'givenName' : 'familyName');
  if (givenName) {
    person.givenName = givenName;
    from('givenName', 'givenName');
  }
  if (familyName) {
    person.familyName = familyName;
    from('familyName', 'familyName');
  }

  const sex = cell('sex');
  if (sex) {
    const value = SEX.get(key(sex));
    if (value) person.sex = value;
    else fail('sex', 'sex.invalid', `"${sex}" is not a sex; write L or P, M or F.`);
  }

  const birth = cell('birthDate');
  if (birth) {
    const r = parsePartialDate(birth, ctx.now);
    if (r.ok) {
      person.birthDate = r.value;
      from('birthDate', 'birthDate');
    } else fail('birthDate', r.code, r.message);
  }

  const status = cell('status');
  if (status) {
    const words = key(status).split(' ');
    const found = words.map((w) => STATUS.get(w)).find((s) => s !== undefined);
    // An occupation that names no status ("Ibu rumah tangga") is still a person to register.
    person.statusAbroad = found ?? 'other';
  }
  const employer = cell('employer');
  if (employer) {
    person.employer = employer;
    from('employer', 'employer');
  }

  const countryText = cell('country');
  let country: string | undefined;
  if (countryText) {
    country = countryCode(countryText);
    if (!country) fail('country', 'country.unknown', `"${countryText}" is not a country name or ISO code.`);
  }
  const residence = country ?? (ctx.country ? countryCode(ctx.country) : undefined);

  const documents: Doc[] = [];
  const passport = cell('passport');
  if (passport) {
    from(`documents.${documents.length}`, 'passport');
    documents.push({
      kind: 'passport',
      number: passport.replace(/\s+/gu, '').toUpperCase(),
      issuingCountry: 'ID',
    });
  }
  const nik = cell('nationalId');
  if (nik) {
    const digits = nik.replace(/[\s.-]/gu, '');
    if (/^\d{16}$/u.test(digits)) {
      from(`documents.${documents.length}`, 'nationalId');
      documents.push({ kind: 'national_id', number: digits, issuingCountry: 'ID' });
    } else if (/e\+?\d+$/iu.test(nik)) {
      fail(
        'nationalId',
        'document.invalid',
        'The NIK was turned into a number by the spreadsheet; format the column as text.',
      );
    } else {
      fail('nationalId', 'document.invalid', 'A NIK has 16 digits.');
    }
  }
  if (documents.length > 0) person.documents = documents;

  const contacts: Contact[] = [];
  const phone = (field: 'phone' | 'whatsapp'): string | undefined => {
    const value = cell(field);
    if (!value) return undefined;
    const r = normalisePhone(value, residence);
    if (r.ok) return r.e164;
    fail(field, r.code, r.message);
    return undefined;
  };
  const tel = phone('phone');
  const wa = phone('whatsapp');
  if (tel) {
    from(`contacts.${contacts.length}`, 'phone');
    contacts.push({ kind: 'phone', value: tel });
  }
  // A WhatsApp number is both a number to call or text and a messaging contact.
  if (wa && wa !== tel) {
    from(`contacts.${contacts.length}`, 'whatsapp');
    contacts.push({ kind: 'phone', value: wa });
  }
  if (wa) {
    from(`contacts.${contacts.length}`, 'whatsapp');
    contacts.push({ kind: 'messaging', service: 'whatsapp', value: wa });
  }
  const email = cell('email');
  if (email) {
    if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/u.test(email)) {
      from(`contacts.${contacts.length}`, 'email');
      contacts.push({ kind: 'email', value: email.toLowerCase() });
    } else fail('email', 'email.invalid', `"${email}" is not an e-mail address.`);
  }
  if (contacts.length > 0) person.contacts = contacts;

  const language = cell('language');
  if (language) {
    const tags: string[] = [];
    for (const part of language
      .split(/[,;/]+/u)
      .map((p) => p.trim())
      .filter(Boolean)) {
      const tag = LANGUAGES[key(part)] ?? (/^[a-z]{2,3}$/u.test(part) ? part : undefined);
      if (tag) {
        if (!tags.includes(tag)) tags.push(tag);
      } else fail('language', 'language.unknown', `"${part}" is not a language this import knows.`);
    }
    if (tags.length > 0) {
      person.languages = tags;
      from('languages', 'language');
    }
  }

  const address = cell('address');
  const city = cell('city');
  const province = cell('province');
  if (residence && (address || city || province || countryText)) {
    // The province or state stays text in the address: the location's adminArea takes an ISO
    // 3166-2 code, which lists seldom give.
    const addressText = [address, province].filter(Boolean).join(', ') || undefined;
    person.location = {
      country: residence,
      ...(city && { city }),
      ...(addressText && { addressText }),
      source: 'import',
    };
    from('location.country', 'country');
    from('location.city', 'city');
    from('location.addressText', 'address');
  }

  if (errors.length > 0) return { ok: false, errors };
  const parsed = PersonCreate.safeParse(person);
  if (parsed.success) return { ok: true, person };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => {
      const path = issue.path.map(String);
      let column: string | undefined;
      for (let n = path.length; n > 0 && column === undefined; n--)
        column = sources.get(path.slice(0, n).join('.'));
      return {
        column: column ?? (path.join('.') || 'row'),
        code: `person.${issue.code}`,
        message: issue.message,
      };
    }),
  };
}

/**
 * A key that recognises the same person in a later upload of the same or a corrected list: the
 * normalised name, the birth date and the first document. Versioned, so a change of recipe is
 * not mistaken for different people.
 */
export function rowKey(person: PersonCreateInput): string {
  const doc = person.documents?.[0];
  const parts = [
    'v1',
    normaliseName(person.fullName),
    person.birthDate ?? '',
    doc ? `${doc.kind}:${doc.issuingCountry}:${doc.number.replace(/[\s./-]/gu, '').toUpperCase()}` : '',
  ];
  return createHash('sha256').update(parts.join('\u001f')).digest('hex');
}
