// A validated person record turned into the rows that store it: phones normalised to E.164,
// sensitive values encrypted with their keyed hashes beside them, name-search keys computed.
// One path for officers, imports, self-registration and the demo, so that the same input always
// gives the same stored record. No I/O apart from the keyring.
import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import { VULNERABILITIES, type PersonCreate } from '@siaga/contracts';
import type {
  PeopleTable,
  PersonContactsTable,
  PersonDocumentsTable,
  PersonLocationsTable,
  PersonNameKeysTable,
} from '../../db/schema';
import type { Keyring } from '../../platform/crypto';
import { placeLocation } from './placement';
import { parsePartialDate } from './dates';
import { normaliseName, searchKeys } from './names';
import { normalisePhone } from './phones';

export type FieldError = { path: string; code: string; message: string };

export interface PersonRows {
  person: Insertable<PeopleTable> & { id: string; sortName: string };
  documents: Insertable<PersonDocumentsTable>[];
  contacts: Insertable<PersonContactsTable>[];
  location: Insertable<PersonLocationsTable> | null;
  nameKeys: PersonNameKeysTable[];
}

export interface BuildOptions {
  id?: string;
  /** When the record is written; also the start of its location. */
  at: string;
  /** Override for the last update, e.g. a demo record that has not been touched for years. */
  updatedAt?: string;
  now: Date;
  missionId: string | null;
  registeredMissionId: string | null;
  source: PeopleTable['source'];
  sourceKey?: string | null;
  contentHash?: string | null;
  householdId?: string | null;
  householdRole?: string | null;
  /** Country whose local phone format applies when the person has no location. */
  phoneCountry?: string;
}

// Encryption contexts bind each ciphertext to its table and column, so that a value copied
// into another column does not decrypt.
export const CTX = {
  document: 'person_documents.number',
  contact: 'person_contacts.value',
  address: 'person_locations.address',
  emergency: 'people.emergency_contacts',
  notes: 'people.vulnerability_notes',
} as const;

/**
 * Documents are found by number alone, without spaces, dots, slashes or hyphens and in upper case:
 * an officer holding a passport need not know how it was typed, nor which country issued it.
 */
export const documentHash = (keyring: Keyring, number: string) =>
  keyring.lookupHash('document', compactDocument(number));
/** Emails match whatever their case; phones are already E.164. */
export const contactHash = (keyring: Keyring, kind: string, value: string) =>
  keyring.lookupHash('contact', `${kind}:${kind === 'email' ? value.toLowerCase() : value}`);
export const compactDocument = (number: string) => number.replace(/[\s./-]/gu, '').toUpperCase();

export function vulnerabilityFlags(kinds: readonly string[]): number {
  let flags = 0;
  for (const k of kinds) {
    const i = (VULNERABILITIES as readonly string[]).indexOf(k);
    if (i >= 0) flags |= 1 << i;
  }
  return flags;
}

export function vulnerabilityKinds(flags: number): (typeof VULNERABILITIES)[number][] {
  return VULNERABILITIES.filter((_, i) => (flags & (1 << i)) !== 0);
}

/** The keys a person is found by: full name, given + family name, native name and aliases. */
export function personSearchKeys(p: {
  fullName: string;
  givenName?: string | null | undefined;
  familyName?: string | null | undefined;
  nativeName?: string | null | undefined;
  aliases?: readonly string[] | undefined;
}): string[] {
  const names = [
    p.fullName,
    [p.givenName, p.familyName].filter(Boolean).join(' '),
    p.nativeName,
    ...(p.aliases ?? []),
  ];
  const keys = new Set<string>();
  for (const n of names) if (n) for (const k of searchKeys(n)) keys.add(k);
  return [...keys];
}

/**
 * Checks the parts of a record that a schema cannot: dates against today, phones against the
 * country of residence (or, for a person without a location, `phoneCountry`: the registering
 * mission's country, where local numbers were written down).
 */
export function checkPerson(
  input: PersonCreate,
  now: Date,
  phoneCountry?: string,
): { errors: FieldError[]; phones: Map<number, string> } {
  const errors: FieldError[] = [];
  const phones = new Map<number, string>();
  if (input.birthDate) {
    const r = parsePartialDate(input.birthDate, now);
    if (!r.ok) errors.push({ path: 'birthDate', code: r.code, message: r.message });
  }
  if (input.stayFrom && input.stayUntil && input.stayUntil < input.stayFrom)
    errors.push({ path: 'stayUntil', code: 'date.before_start', message: 'The stay ends before it starts.' });
  for (const [i, d] of input.documents.entries()) {
    if (d.expiresOn && d.expiresOn < '1950-01-01')
      errors.push({
        path: `documents.${i}.expiresOn`,
        code: 'date.impossible',
        message: 'This expiry date is impossible.',
      });
  }
  const residence = input.location?.country ?? phoneCountry;
  for (const [i, c] of input.contacts.entries()) {
    if (c.kind === 'phone') {
      const r = normalisePhone(c.value, residence);
      if (r.ok) phones.set(i, r.e164);
      else errors.push({ path: `contacts.${i}.value`, code: r.code, message: r.message });
    } else if (c.kind === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/u.test(c.value)) {
      errors.push({
        path: `contacts.${i}.value`,
        code: 'email.invalid',
        message: 'This is not an email address.',
      });
    }
  }
  for (const [i, e] of input.emergencyContacts.entries()) {
    if (!e.phone) continue;
    // Emergency contacts are at home: local numbers are Indonesian.
    const r = normalisePhone(e.phone, 'ID');
    if (!r.ok) errors.push({ path: `emergencyContacts.${i}.phone`, code: r.code, message: r.message });
  }
  const seen = new Map<string, number>();
  for (const [i, d] of input.documents.entries()) {
    const k = `${d.issuingCountry}:${compactDocument(d.number)}`;
    if (seen.has(k))
      errors.push({
        path: `documents.${i}.number`,
        code: 'document.repeated',
        message: 'The same document is listed twice.',
      });
    seen.set(k, i);
  }
  return { errors, phones };
}

export function buildContacts(
  keyring: Keyring,
  personId: string,
  input: PersonCreate,
  phones: Map<number, string>,
): Insertable<PersonContactsTable>[] {
  const rows: Insertable<PersonContactsTable>[] = [];
  const seen = new Set<string>();
  for (const [i, c] of input.contacts.entries()) {
    const value = c.kind === 'phone' ? phones.get(i)! : c.kind === 'email' ? c.value.toLowerCase() : c.value;
    const hash = contactHash(keyring, c.kind, value);
    // The same number written twice ("0812…" and "+62 812…") is one contact path.
    if (seen.has(hash)) continue;
    seen.add(hash);
    rows.push({
      id: randomUUID(),
      personId,
      position: rows.length,
      kind: c.kind,
      service: c.service ?? null,
      valueEnc: keyring.encrypt(value, CTX.contact),
      valueHash: hash,
      consent: c.consent ? 1 : 0,
      verified: c.verified ? 1 : 0,
    });
  }
  return rows;
}

export function buildDocuments(
  keyring: Keyring,
  personId: string,
  input: PersonCreate,
): Insertable<PersonDocumentsTable>[] {
  return input.documents.map((d, i) => {
    const compact = compactDocument(d.number);
    return {
      id: randomUUID(),
      personId,
      position: i,
      kind: d.kind,
      issuingCountry: d.issuingCountry,
      numberEnc: keyring.encrypt(d.number.toUpperCase(), CTX.document),
      numberHash: documentHash(keyring, d.number),
      numberLast: compact.slice(-3),
      expiresOn: d.expiresOn ?? null,
    };
  });
}

export function buildLocation(
  keyring: Keyring,
  personId: string,
  loc: NonNullable<PersonCreate['location']>,
  at: string,
): Insertable<PersonLocationsTable> {
  return {
    id: randomUUID(),
    personId,
    addressEnc: loc.addressText ? keyring.encrypt(loc.addressText, CTX.address) : null,
    city: loc.city ?? null,
    adminArea: loc.adminArea ?? null,
    country: loc.country,
    lat: loc.lat ?? null,
    lon: loc.lon ?? null,
    accuracyM: loc.accuracyM ?? null,
    source: loc.source,
    validFrom: at,
    validUntil: null,
  };
}

export const nameKeyRows = (personId: string, sortName: string, keys: string[]): PersonNameKeysTable[] =>
  keys.map((key) => ({ key, sortName, personId }));

/** Every row of a new person, or the field errors that stop it. */
export function buildPerson(
  keyring: Keyring,
  input: PersonCreate,
  opts: BuildOptions,
): { ok: true; rows: PersonRows } | { ok: false; errors: FieldError[] } {
  const { errors, phones } = checkPerson(input, opts.now, opts.phoneCountry);
  if (errors.length > 0) return { ok: false, errors };
  const id = opts.id ?? randomUUID();
  const sortName = normaliseName(input.fullName) || input.fullName.toLowerCase();
  const placed = input.location ? placeLocation(input.location) : null;
  const loc = placed?.location;
  const notes = Object.fromEntries(input.vulnerabilities.filter((v) => v.note).map((v) => [v.kind, v.note]));
  const person: PersonRows['person'] = {
    id,
    version: 1,
    fullName: input.fullName,
    sortName,
    givenName: input.givenName ?? null,
    familyName: input.familyName ?? null,
    nativeName: input.nativeName ?? null,
    aliases: JSON.stringify(input.aliases),
    sex: input.sex,
    birthDate: input.birthDate ?? null,
    nationalities: JSON.stringify(input.nationalities),
    languages: JSON.stringify(input.languages),
    statusAbroad: input.statusAbroad,
    employer: input.employer ?? null,
    stayFrom: input.stayFrom ?? null,
    stayUntil: input.stayUntil ?? null,
    returnedAt: null,
    missionId: opts.missionId,
    registeredMissionId: opts.registeredMissionId,
    householdId: opts.householdId ?? null,
    householdRole: opts.householdRole ?? null,
    country: loc?.country ?? null,
    adminArea: loc?.adminArea ?? null,
    city: loc?.city ?? null,
    lat: loc?.lat ?? null,
    lon: loc?.lon ?? null,
    locationPrecision: placed?.precision ?? null,
    vulnerabilityFlags: vulnerabilityFlags(input.vulnerabilities.map((v) => v.kind)),
    vulnerabilityNotesEnc: Object.keys(notes).length
      ? keyring.encrypt(JSON.stringify(notes), CTX.notes)
      : null,
    emergencyContactsEnc: input.emergencyContacts.length
      ? keyring.encrypt(JSON.stringify(input.emergencyContacts), CTX.emergency)
      : null,
    consents: JSON.stringify(input.consents),
    retainUntil: input.retainUntil ?? null,
    source: opts.source,
    sourceKey: opts.sourceKey ?? null,
    contentHash: opts.contentHash ?? null,
    createdAt: opts.at,
    updatedAt: opts.updatedAt ?? opts.at,
  };
  return {
    ok: true,
    rows: {
      person,
      documents: buildDocuments(keyring, id, input),
      contacts: buildContacts(keyring, id, input, phones),
      location: loc ? buildLocation(keyring, id, loc, opts.updatedAt ?? opts.at) : null,
      nameKeys: nameKeyRows(id, sortName, personSearchKeys(input)),
    },
  };
}
