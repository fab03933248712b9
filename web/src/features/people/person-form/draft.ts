// Converts between a person and the strings a form edits, and back into API bodies. Lists start
// with one empty row for convenience; rows left empty are not sent.
import {
  CONSENT_PURPOSES,
  VULNERABILITIES,
  type HouseholdRelationship,
  type Person,
  type PersonSensitive,
} from '@siaga/contracts';

type Vulnerability = (typeof VULNERABILITIES)[number];
type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
type Consent = Person['consents'][number];

export interface DocumentDraft {
  kind: string;
  number: string;
  issuingCountry: string;
  expiresOn: string;
}

export interface ContactDraft {
  kind: string;
  value: string;
  service: string;
  consent: boolean;
  verified: boolean;
}

export interface EmergencyDraft {
  name: string;
  relationship: string;
  phone: string;
  email: string;
}

export interface LocationDraft {
  country: string;
  adminArea: string;
  city: string;
  addressText: string;
  lat: string;
  lon: string;
}

/**
 * keep: stay in the current household (editing); none: no household (registering);
 * new: start a household with this person as its head; join: an existing one by id; leave: leave it.
 */
export type HouseholdMode = 'keep' | 'none' | 'new' | 'join' | 'leave';

export interface PersonDraft {
  fullName: string;
  givenName: string;
  familyName: string;
  nativeName: string;
  /** One a line. */
  aliases: string;
  sex: string;
  birthDate: string;
  /** Comma-separated ISO codes. */
  nationalities: string;
  /** Comma-separated language tags. */
  languages: string;
  statusAbroad: string;
  employer: string;
  stayFrom: string;
  stayUntil: string;
  retainUntil: string;
  missionCode: string;
  documents: DocumentDraft[];
  contacts: ContactDraft[];
  location: LocationDraft;
  emergencyContacts: EmergencyDraft[];
  /** The vulnerabilities ticked, each with its note. */
  vulnerabilities: Partial<Record<Vulnerability, string>>;
  /** Consents on record, kept with their original time and channel while ticked. */
  consentsOnRecord: Consent[];
  consents: Record<ConsentPurpose, boolean>;
  /** `id` is the household to join; `currentId` the one the person is in now, if any. */
  household: { mode: HouseholdMode; id: string; relationship: HouseholdRelationship; currentId: string };
}

export const emptyDocument = (): DocumentDraft => ({
  kind: 'passport',
  number: '',
  issuingCountry: 'ID',
  expiresOn: '',
});
export const emptyContact = (): ContactDraft => ({
  kind: 'phone',
  value: '',
  service: '',
  consent: true,
  verified: false,
});
export const emptyEmergency = (): EmergencyDraft => ({ name: '', relationship: '', phone: '', email: '' });
const emptyLocation: LocationDraft = {
  country: '',
  adminArea: '',
  city: '',
  addressText: '',
  lat: '',
  lon: '',
};

export function emptyPersonDraft(missionCode = ''): PersonDraft {
  return {
    fullName: '',
    givenName: '',
    familyName: '',
    nativeName: '',
    aliases: '',
    sex: 'unknown',
    birthDate: '',
    nationalities: 'ID',
    languages: 'id',
    statusAbroad: 'worker',
    employer: '',
    stayFrom: '',
    stayUntil: '',
    retainUntil: '',
    missionCode,
    documents: [emptyDocument()],
    contacts: [emptyContact()],
    location: { ...emptyLocation },
    emergencyContacts: [emptyEmergency()],
    vulnerabilities: {},
    consentsOnRecord: [],
    consents: { registry: true, alerts: true, share_with_partners: false },
    household: { mode: 'none', id: '', relationship: 'head', currentId: '' },
  };
}

const str = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));

/** A person as a draft; documents and vulnerabilities only when their sensitive values were revealed. */
export function draftOf(p: Person, sensitive: PersonSensitive | null): PersonDraft {
  const vulnerabilities: PersonDraft['vulnerabilities'] = {};
  for (const v of sensitive?.vulnerabilities ?? []) vulnerabilities[v.kind] = v.note ?? '';
  return {
    fullName: p.fullName,
    givenName: str(p.givenName),
    familyName: str(p.familyName),
    nativeName: str(p.nativeName),
    aliases: p.aliases.join('\n'),
    sex: p.sex,
    birthDate: str(p.birthDate),
    nationalities: p.nationalities.join(', '),
    languages: p.languages.join(', '),
    statusAbroad: p.statusAbroad,
    employer: str(p.employer),
    stayFrom: str(p.stayFrom),
    stayUntil: str(p.stayUntil),
    retainUntil: str(p.retainUntil),
    missionCode: p.registeredBy?.code ?? '',
    documents: (sensitive?.documents ?? []).map((d) => ({
      kind: d.kind,
      number: d.number,
      issuingCountry: d.issuingCountry,
      expiresOn: str(p.documents.find((x) => x.id === d.id)?.expiresOn),
    })),
    contacts: p.contacts.map((c) => ({
      kind: c.kind,
      value: c.value,
      service: str(c.service),
      consent: c.consent,
      verified: c.verified,
    })),
    location: p.location
      ? {
          country: p.location.country,
          adminArea: str(p.location.adminArea),
          city: str(p.location.city),
          addressText: str(p.location.addressText),
          lat: str(p.location.lat),
          lon: str(p.location.lon),
        }
      : { ...emptyLocation },
    emergencyContacts: p.emergencyContacts.map((e) => ({
      name: e.name,
      relationship: str(e.relationship),
      phone: str(e.phone),
      email: str(e.email),
    })),
    vulnerabilities,
    consentsOnRecord: p.consents,
    consents: {
      registry: p.consents.some((c) => c.purpose === 'registry'),
      alerts: p.consents.some((c) => c.purpose === 'alerts'),
      share_with_partners: p.consents.some((c) => c.purpose === 'share_with_partners'),
    },
    household: {
      mode: p.household ? 'keep' : 'none',
      id: '',
      relationship: p.household?.relationship ?? 'head',
      currentId: p.household?.id ?? '',
    },
  };
}

const list = (text: string, upper = false) =>
  text
    .split(/[\s,;]+/)
    .map((s) => (upper ? s.trim().toUpperCase() : s.trim()))
    .filter(Boolean);

/** Puts a key only when the text has something in it. */
function put(out: Record<string, unknown>, key: string, value: string) {
  const v = value.trim();
  if (v) out[key] = v;
}

/** "-6.2" → -6.2; anything else is sent as typed so that the contract reports it. */
const coordinate = (value: string): number | string => {
  const v = value.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
};

function locationBody(d: LocationDraft): Record<string, unknown> | undefined {
  const any = Object.values(d).some((v) => v.trim() !== '');
  if (!any) return undefined;
  const out: Record<string, unknown> = { country: d.country.trim().toUpperCase(), source: 'officer' };
  put(out, 'adminArea', d.adminArea.toUpperCase());
  put(out, 'city', d.city);
  put(out, 'addressText', d.addressText);
  if (d.lat.trim()) out.lat = coordinate(d.lat);
  if (d.lon.trim()) out.lon = coordinate(d.lon);
  return out;
}

/**
 * The fields every body shares: what the form shows, minus rows left empty. Documents and
 * vulnerabilities are left out when `sensitive` is false (their values were never revealed).
 */
function fieldsOf(d: PersonDraft, opts: { sensitive: boolean; now: string }): Record<string, unknown> {
  const out: Record<string, unknown> = {
    fullName: d.fullName.trim(),
    aliases: d.aliases
      .split('\n')
      .map((a) => a.trim())
      .filter(Boolean),
    sex: d.sex,
    nationalities: list(d.nationalities, true),
    languages: list(d.languages),
    statusAbroad: d.statusAbroad,
    contacts: d.contacts
      .filter((c) => c.value.trim() !== '')
      .map((c) => ({
        kind: c.kind,
        value: c.value.trim(),
        ...(c.kind === 'messaging' && c.service ? { service: c.service } : {}),
        consent: c.consent,
        verified: c.verified,
      })),
    emergencyContacts: d.emergencyContacts
      .filter((e) => [e.name, e.relationship, e.phone, e.email].some((v) => v.trim() !== ''))
      .map((e) => {
        const row: Record<string, unknown> = { name: e.name.trim() };
        put(row, 'relationship', e.relationship);
        put(row, 'phone', e.phone);
        put(row, 'email', e.email);
        return row;
      }),
    consents: CONSENT_PURPOSES.filter((purpose) => d.consents[purpose]).map(
      (purpose) =>
        d.consentsOnRecord.find((c) => c.purpose === purpose) ?? {
          purpose,
          givenAt: opts.now,
          channel: 'officer',
        },
    ),
  };
  put(out, 'givenName', d.givenName);
  put(out, 'familyName', d.familyName);
  put(out, 'nativeName', d.nativeName);
  put(out, 'birthDate', d.birthDate);
  put(out, 'employer', d.employer);
  put(out, 'stayFrom', d.stayFrom);
  put(out, 'stayUntil', d.stayUntil);
  put(out, 'retainUntil', d.retainUntil);
  put(out, 'missionCode', d.missionCode);
  const location = locationBody(d.location);
  if (location) out.location = location;
  if (opts.sensitive) {
    out.documents = d.documents
      .filter((doc) => doc.number.trim() !== '')
      .map((doc) => {
        const row: Record<string, unknown> = {
          kind: doc.kind,
          number: doc.number.trim(),
          issuingCountry: doc.issuingCountry.trim().toUpperCase(),
        };
        put(row, 'expiresOn', doc.expiresOn);
        return row;
      });
    out.vulnerabilities = VULNERABILITIES.filter((kind) => d.vulnerabilities[kind] !== undefined).map(
      (kind) => {
        const row: Record<string, unknown> = { kind };
        put(row, 'note', d.vulnerabilities[kind] ?? '');
        return row;
      },
    );
  }
  return out;
}

/** The body of POST /people; `householdId` is the household just started when mode is "new". */
export function createBody(d: PersonDraft, householdId?: string): Record<string, unknown> {
  const out = fieldsOf(d, { sensitive: true, now: new Date().toISOString() });
  if (d.household.mode === 'join')
    out.household = { id: d.household.id.trim(), relationship: d.household.relationship };
  if (d.household.mode === 'new' && householdId) out.household = { id: householdId, relationship: 'head' };
  return out;
}

// Text fields the API lets a change empty by sending "" (dates and codes cannot be emptied).
const CLEARABLE = ['givenName', 'familyName', 'nativeName', 'employer'];

/**
 * The body of PATCH /people/:id: only what differs from the record as first shown, so that a
 * change never rewrites fields nobody touched, plus the version read.
 */
export function updateBody(
  d: PersonDraft,
  original: PersonDraft,
  version: number,
  opts: { sensitive: boolean; householdId?: string },
): Record<string, unknown> {
  const now = new Date().toISOString();
  const before = fieldsOf(original, { sensitive: opts.sensitive, now });
  const after = fieldsOf(d, { sensitive: opts.sensitive, now });
  const out: Record<string, unknown> = { version };
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    if (key in after) out[key] = after[key];
    else if (CLEARABLE.includes(key)) out[key] = '';
  }
  const h = d.household;
  if (h.mode === 'leave') out.household = null;
  if (h.mode === 'join') out.household = { id: h.id.trim(), relationship: h.relationship };
  if (h.mode === 'new' && opts.householdId) out.household = { id: opts.householdId, relationship: 'head' };
  if (h.mode === 'keep' && h.currentId && h.relationship !== original.household.relationship)
    out.household = { id: h.currentId, relationship: h.relationship };
  return out;
}
