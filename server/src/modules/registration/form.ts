// What a national submits, from the HTML form or the JSON API, checked with the officers' rules:
// the PersonCreate contract and records.ts checkPerson (phones read in the country of residence
// and stored as E.164, dates that exist and are not in the future, known countries, no control
// characters, length limits). Errors are keyed by the form's field names, which are also the JSON
// paths of the API body (e.g. "members.0.birthDate").
import { PersonCreate, STATUSES_ABROAD, type PersonCreateInput } from '@siaga/contracts';
import type { z } from 'zod';
import { parsePartialDate } from '../people/dates';
import { checkPerson } from '../people/records';
import type { ErrorKey } from './i18n';
import {
  FORM_SEXES,
  MAX_MEMBERS,
  MEMBER_RELATIONSHIPS,
  isResidenceCountry,
  type MemberRelationship,
} from './options';

export interface MemberValues {
  fullName: string;
  relationship: string;
  sex: string;
  birthDate: string;
}

export interface FormValues {
  fullName: string;
  sex: string;
  birthDate: string;
  phone: string;
  email: string;
  country: string;
  city: string;
  address: string;
  statusAbroad: string;
  employer: string;
  passport: string;
  languages: string[];
  emergencyContact: { name: string; relationship: string; phone: string };
  consentRegistry: boolean;
  consentAlerts: boolean;
  members: MemberValues[];
}

/** Field name -> the first problem found with it. */
export type FieldErrors = Record<string, ErrorKey>;

export interface ValidRegistration {
  head: PersonCreate;
  members: { input: PersonCreate; relationship: MemberRelationship }[];
  /** Where the code goes: the phone (E.164) if given, else the email (lower case). */
  channel: 'phone' | 'email';
  to: string;
}

export const emptyMember = (): MemberValues => ({ fullName: '', relationship: '', sex: '', birthDate: '' });

export const emptyForm = (): FormValues => ({
  fullName: '',
  sex: '',
  birthDate: '',
  phone: '',
  email: '',
  country: '',
  city: '',
  address: '',
  statusAbroad: '',
  employer: '',
  passport: '',
  languages: ['id'],
  emergencyContact: { name: '', relationship: '', phone: '' },
  consentRegistry: false,
  consentAlerts: false,
  members: [],
});

// A urlencoded field sent twice arrives as an array: the first value counts.
const str = (v: unknown): string => {
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first : '';
};
const list = (v: unknown): string[] =>
  (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string').slice(0, 20);

/** The values of a submitted form; `memberRows` says how many member rows the page showed. */
export function valuesFromForm(body: unknown): FormValues {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const rows = Math.min(Math.max(Number.parseInt(str(b.memberRows), 10) || 0, 0), MAX_MEMBERS);
  const members: MemberValues[] = [];
  for (let i = 0; i < rows; i++) {
    members.push({
      fullName: str(b[`members.${i}.fullName`]),
      relationship: str(b[`members.${i}.relationship`]),
      sex: str(b[`members.${i}.sex`]),
      birthDate: str(b[`members.${i}.birthDate`]),
    });
  }
  return {
    fullName: str(b.fullName),
    sex: str(b.sex),
    birthDate: str(b.birthDate),
    phone: str(b.phone),
    email: str(b.email),
    country: str(b.country),
    city: str(b.city),
    address: str(b.address),
    statusAbroad: str(b.statusAbroad),
    employer: str(b.employer),
    passport: str(b.passport),
    languages: [...new Set(list(b.languages))],
    emergencyContact: {
      name: str(b['emergencyContact.name']),
      relationship: str(b['emergencyContact.relationship']),
      phone: str(b['emergencyContact.phone']),
    },
    consentRegistry: str(b.consentRegistry) !== '',
    consentAlerts: str(b.consentAlerts) !== '',
    members,
  };
}

const blank = (s: string) => s.trim() === '';
const memberIsBlank = (m: MemberValues) =>
  blank(m.fullName) && blank(m.relationship) && blank(m.sex) && blank(m.birthDate);

const CONTROL = /\p{Cc}/u;

// The error keys of checkPerson that the dictionaries translate; anything else is shown as "invalid".
const CHECK_KEYS = new Set<string>([
  'phone.invalid',
  'phone.not_for_country',
  'phone.too_long',
  'email.invalid',
  'date.invalid',
  'date.impossible',
  'date.future',
  'date.too_old',
]);

/** A code of checkPerson as one of the form's error keys. */
export const checkKey = (code: string): ErrorKey => (CHECK_KEYS.has(code) ? (code as ErrorKey) : 'invalid');

/** A zod issue as one of the form's error keys. */
function issueKey(issue: z.core.$ZodIssue, value: unknown, field: string): ErrorKey {
  if (field === 'country') return 'country.unknown';
  if (issue.code === 'too_big') return 'too_long';
  if (issue.code === 'too_small') return 'required';
  if (issue.code === 'invalid_value') return 'choice';
  if (typeof value === 'string' && CONTROL.test(value)) return 'chars';
  if (field === 'passport') return 'passport.invalid';
  return 'invalid';
}

const getPath = (obj: unknown, path: PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (o, k) => (o && typeof o === 'object' ? (o as Record<PropertyKey, unknown>)[k] : undefined),
    obj,
  );

/**
 * Checks one person's record as officers' records are checked, and files each problem under the
 * form field it came from (`fieldOf` maps a PersonCreate path such as "contacts.1.value").
 */
function checkRecord(
  input: PersonCreateInput,
  now: Date,
  fieldOf: (path: string) => string,
  errors: FieldErrors,
): { data: PersonCreate; phones: Map<number, string> } | null {
  const add = (field: string, key: ErrorKey) => {
    if (!(field in errors)) errors[field] = key;
  };
  const parsed = PersonCreate.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path.join('.'));
      add(field, issueKey(issue, getPath(input, issue.path), field));
    }
  }
  // The date and phone rules run even when the contract found other faults, so that the national
  // sees every problem at once.
  const candidate = parsed.success
    ? parsed.data
    : ({ documents: [], contacts: [], emergencyContacts: [], ...input } as PersonCreate);
  const checked = checkPerson(candidate, now);
  for (const e of checked.errors) {
    const field = fieldOf(e.path);
    // Emergency contacts are read as Indonesian numbers, not numbers of the country of residence.
    const key = field === 'emergencyContact.phone' && e.code.startsWith('phone.') ? 'phone.invalid' : e.code;
    add(field, checkKey(key));
  }
  return parsed.success && checked.errors.length === 0 ? { data: parsed.data, phones: checked.phones } : null;
}

/** A birth date as typed ("17 Agustus 1990", "1990") in ISO form, or the reason it is not one. */
function birthDate(value: string, now: Date): { value?: string; error?: ErrorKey } {
  if (blank(value)) return { error: 'required' };
  const r = parsePartialDate(value, now);
  return r.ok ? { value: r.value } : { error: r.code };
}

const opt = (s: string) => (blank(s) ? undefined : s);

export function validateRegistration(
  v: FormValues,
  now: Date,
): { ok: true; registration: ValidRegistration } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const require = (field: string, value: string, allowed?: readonly string[]) => {
    if (blank(value)) errors[field] = 'required';
    else if (allowed && !allowed.includes(value)) errors[field] = 'choice';
  };
  require('fullName', v.fullName);
  require('sex', v.sex, FORM_SEXES);
  require('statusAbroad', v.statusAbroad, STATUSES_ABROAD);
  require('city', v.city);
  if (blank(v.country)) errors.country = 'required';
  else if (!isResidenceCountry(v.country)) errors.country = 'country.unknown';
  if (blank(v.phone) && blank(v.email)) errors.phone = 'contact.required';
  if (!v.consentRegistry) errors.consentRegistry = 'consent.required';
  const born = birthDate(v.birthDate, now);
  if (born.error) errors.birthDate = born.error;

  const givenAt = now.toISOString();
  const consents: PersonCreate['consents'] = [{ purpose: 'registry', givenAt, channel: 'web' }];
  if (v.consentAlerts) consents.push({ purpose: 'alerts', givenAt, channel: 'web' });
  const location = {
    country: v.country,
    city: v.city,
    addressText: opt(v.address),
    source: 'self' as const,
  };
  const contactFields: string[] = [];
  const contacts: NonNullable<PersonCreateInput['contacts']> = [];
  for (const kind of ['phone', 'email'] as const) {
    if (blank(v[kind])) continue;
    contacts.push({ kind, value: v[kind].trim(), consent: v.consentAlerts });
    contactFields.push(kind);
  }
  const ec = v.emergencyContact;
  const hasEc = !(blank(ec.name) && blank(ec.relationship) && blank(ec.phone));
  if (hasEc && blank(ec.name)) errors['emergencyContact.name'] = 'required';

  const head: PersonCreateInput = {
    fullName: v.fullName,
    sex: FORM_SEXES.includes(v.sex as 'male') ? (v.sex as 'male') : 'unknown',
    birthDate: born.value,
    statusAbroad: (STATUSES_ABROAD as readonly string[]).includes(v.statusAbroad)
      ? (v.statusAbroad as PersonCreate['statusAbroad'])
      : 'other',
    employer: opt(v.employer),
    languages: v.languages,
    documents: blank(v.passport) ? [] : [{ kind: 'passport', number: v.passport, issuingCountry: 'ID' }],
    contacts,
    location: isResidenceCountry(v.country) ? location : undefined,
    emergencyContacts:
      hasEc && !blank(ec.name)
        ? [{ name: ec.name, relationship: opt(ec.relationship), phone: opt(ec.phone) }]
        : [],
    consents,
  };
  const headField = (path: string) => {
    const [first, index, rest] = path.split('.');
    if (first === 'contacts') return contactFields[Number(index)] ?? 'phone';
    if (first === 'documents') return 'passport';
    if (first === 'languages') return 'languages';
    if (first === 'emergencyContacts') return `emergencyContact.${rest ?? 'name'}`;
    if (first === 'location') return index === 'addressText' ? 'address' : (index ?? 'country');
    return first ?? 'fullName';
  };
  const headChecked = checkRecord(head, now, headField, errors);

  const members: ValidRegistration['members'] = [];
  for (const [i, m] of v.members.entries()) {
    if (memberIsBlank(m)) continue;
    const at = (f: string) => `members.${i}.${f}`;
    if (blank(m.fullName)) errors[at('fullName')] = 'required';
    require(at('relationship'), m.relationship, MEMBER_RELATIONSHIPS);
    require(at('sex'), m.sex, FORM_SEXES);
    const mBorn = birthDate(m.birthDate, now);
    if (mBorn.error) errors[at('birthDate')] = mBorn.error;
    const checked = checkRecord(
      {
        fullName: m.fullName,
        sex: FORM_SEXES.includes(m.sex as 'male') ? (m.sex as 'male') : 'unknown',
        birthDate: mBorn.value,
        // Not asked on the form: officers fill it in when it matters.
        statusAbroad: 'other',
        location: isResidenceCountry(v.country) ? location : undefined,
        // The registrant consents to the registry on the members' behalf; alerts go to contacts,
        // and members have none here.
        consents: [consents[0]!],
      },
      now,
      // The location is the registrant's, and reported there.
      (path) => (path.startsWith('location') ? headField(path) : at(path.split('.')[0] || 'fullName')),
      errors,
    );
    if (checked && MEMBER_RELATIONSHIPS.includes(m.relationship as MemberRelationship))
      members.push({ input: checked.data, relationship: m.relationship as MemberRelationship });
  }

  if (Object.keys(errors).length > 0 || !headChecked) return { ok: false, errors };
  const phoneIndex = contactFields.indexOf('phone');
  const channel = phoneIndex >= 0 ? 'phone' : 'email';
  const to =
    phoneIndex >= 0
      ? headChecked.phones.get(phoneIndex)!
      : headChecked.data.contacts[contactFields.indexOf('email')]!.value.toLowerCase();
  return { ok: true, registration: { head: headChecked.data, members, channel, to } };
}
