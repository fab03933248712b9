// The person record of the registry of nationals abroad, as officers, imports and the demo
// population submit it. Sensitive parts (document numbers, vulnerabilities, precise location)
// are accepted here and shown only to roles allowed to reveal them.
import { z } from 'zod';
import { CountryCode, Id, IsoDateTime, MAX_PAGE_SIZE, Version } from './common';
import { MissionCode } from './missions';

/** Printable text without control characters, trimmed. */
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .regex(/^[^\p{Cc}]*$/u, 'No control characters');

export const PartialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'A date as YYYY, YYYY-MM or YYYY-MM-DD');
export const IsoDate = z.iso.date();
export const LanguageTag = z
  .string()
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'A BCP 47 language tag such as id, en or zh-Hant');

export const SEXES = ['female', 'male', 'unknown'] as const;
export const STATUSES_ABROAD = [
  'worker',
  'student',
  'resident',
  'tourist',
  'crew',
  'pilgrim',
  'other',
] as const;
export const DOCUMENT_KINDS = ['passport', 'national_id', 'residence_permit', 'other'] as const;
export const CONTACT_KINDS = ['phone', 'email', 'messaging'] as const;
export const MESSAGING_SERVICES = ['whatsapp', 'telegram', 'line', 'signal', 'wechat', 'other'] as const;
export const VULNERABILITIES = [
  'child',
  'older_person',
  'pregnant',
  'disability',
  'chronic_illness',
  'undocumented',
  'trafficking_indicator',
  'forced_labour_indicator',
] as const;
export const LOCATION_SOURCES = ['self', 'officer', 'import', 'geocoded', 'device'] as const;
export const CONSENT_PURPOSES = ['registry', 'alerts', 'share_with_partners'] as const;
export const CONSENT_CHANNELS = ['web', 'sms', 'email', 'officer', 'import'] as const;

export const PersonDocumentInput = z.strictObject({
  kind: z.enum(DOCUMENT_KINDS),
  number: z
    .string()
    .trim()
    .min(3)
    .max(40)
    .regex(/^[A-Za-z0-9][A-Za-z0-9 ./-]*$/, 'Letters, digits, spaces, dots, slashes and hyphens'),
  issuingCountry: CountryCode,
  expiresOn: IsoDate.optional(),
});

export const PersonContactInput = z.strictObject({
  kind: z.enum(CONTACT_KINDS),
  /** Phones in any local format of the country of residence; stored as E.164. */
  value: text(254).pipe(z.string().min(3)),
  service: z.enum(MESSAGING_SERVICES).optional(),
  consent: z.boolean().default(false),
  verified: z.boolean().default(false),
});

export const PersonLocationInput = z.strictObject({
  addressText: text(500).optional(),
  city: text(100).optional(),
  adminArea: z
    .string()
    .regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, 'ISO 3166-2 code such as MY-14')
    .optional(),
  country: CountryCode,
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
  accuracyM: z.number().int().min(0).max(1_000_000).optional(),
  source: z.enum(LOCATION_SOURCES),
});

export const EmergencyContactInput = z.strictObject({
  name: text(200).pipe(z.string().min(1)),
  relationship: text(60).optional(),
  phone: text(40).optional(),
  email: z.email().max(254).optional(),
});

export const VulnerabilityInput = z.strictObject({
  kind: z.enum(VULNERABILITIES),
  note: text(1000).optional(),
});

export const ConsentInput = z.strictObject({
  purpose: z.enum(CONSENT_PURPOSES),
  givenAt: z.iso.datetime({ offset: true }),
  channel: z.enum(CONSENT_CHANNELS),
});

export const HOUSEHOLD_RELATIONSHIPS = [
  'head',
  'spouse',
  'child',
  'parent',
  'sibling',
  'relative',
  'other',
] as const;
export type HouseholdRelationship = (typeof HOUSEHOLD_RELATIONSHIPS)[number];

// The fields of a person without defaults: a change (PersonUpdate) must not fill in what it
// does not mention.
const personFields = {
  fullName: text(200).pipe(z.string().min(1)).describe('The full name as the person writes it'),
  givenName: text(100).optional(),
  familyName: text(100).optional(),
  nativeName: text(200).optional().describe('In the native script, e.g. Arabic or Chinese'),
  aliases: z.array(text(200).pipe(z.string().min(1))).max(10),
  sex: z.enum(SEXES),
  birthDate: PartialDate.optional(),
  nationalities: z.array(CountryCode).min(1).max(3),
  languages: z.array(LanguageTag).max(10),
  statusAbroad: z.enum(STATUSES_ABROAD),
  employer: text(200).optional().describe('Employer or school'),
  stayFrom: IsoDate.optional(),
  stayUntil: IsoDate.optional(),
  documents: z.array(PersonDocumentInput).max(10),
  contacts: z.array(PersonContactInput).max(20),
  location: PersonLocationInput.optional(),
  emergencyContacts: z.array(EmergencyContactInput).max(5),
  vulnerabilities: z.array(VulnerabilityInput).max(VULNERABILITIES.length),
  consents: z.array(ConsentInput).max(10),
  /** The mission registering the person; it stays responsible while the person has no location. */
  missionCode: MissionCode.optional(),
  retainUntil: IsoDate.optional().describe('When the record is due for deletion unless renewed'),
};

export const PersonCreate = z.strictObject({
  ...personFields,
  aliases: personFields.aliases.default([]),
  sex: personFields.sex.default('unknown'),
  nationalities: personFields.nationalities.default(['ID']),
  languages: personFields.languages.default([]),
  documents: personFields.documents.default([]),
  contacts: personFields.contacts.default([]),
  emergencyContacts: personFields.emergencyContacts.default([]),
  vulnerabilities: personFields.vulnerabilities.default([]),
  consents: personFields.consents.default([]),
  /** Join an existing household or group, with this member's relationship to its head. */
  household: z.strictObject({ id: Id, relationship: z.enum(HOUSEHOLD_RELATIONSHIPS) }).optional(),
});
export type PersonCreate = z.infer<typeof PersonCreate>;
export type PersonCreateInput = z.input<typeof PersonCreate>;

/**
 * A change to a person: any fields of PersonCreate, plus the version read earlier. Lists
 * (documents, contacts, emergency contacts, vulnerabilities, consents, aliases) replace the old
 * list as a whole; a new location is appended to the history and becomes the current one.
 * `returned: true` records that the person has gone home: the stay ends today.
 */
export const PersonUpdate = z
  .strictObject(personFields)
  .partial()
  .extend({
    version: Version,
    returned: z.boolean().optional(),
    household: z
      .strictObject({ id: Id, relationship: z.enum(HOUSEHOLD_RELATIONSHIPS) })
      .nullable()
      .optional()
      .describe('Move to another household, or null to leave the current one'),
  });
export type PersonUpdate = z.infer<typeof PersonUpdate>;

const MissionRef = z.object({ id: Id, code: z.string(), name: z.string() });

export const PersonLocation = z.object({
  addressText: z.string().nullable(),
  city: z.string().nullable(),
  adminArea: z.string().nullable(),
  country: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  accuracyM: z.number().nullable(),
  source: z.enum(LOCATION_SOURCES),
  validFrom: IsoDateTime,
  validUntil: IsoDateTime.nullable(),
});
export type PersonLocation = z.infer<typeof PersonLocation>;

export const PersonDocument = z.object({
  id: Id,
  kind: z.enum(DOCUMENT_KINDS),
  issuingCountry: z.string(),
  expiresOn: z.string().nullable(),
  /** The number with all but its last characters hidden, unless revealed. */
  number: z.string(),
});

export const PersonContact = z.object({
  id: Id,
  kind: z.enum(CONTACT_KINDS),
  value: z.string(),
  service: z.enum(MESSAGING_SERVICES).nullable(),
  consent: z.boolean(),
  verified: z.boolean(),
});

export const HouseholdMember = z.object({
  id: Id,
  fullName: z.string(),
  relationship: z.enum(HOUSEHOLD_RELATIONSHIPS),
  birthDate: z.string().nullable(),
});

/** A person as officers read it. Sensitive fields are absent until revealed (see PersonSensitive). */
export const Person = z.object({
  id: Id,
  version: z.number().int(),
  fullName: z.string(),
  givenName: z.string().nullable(),
  familyName: z.string().nullable(),
  nativeName: z.string().nullable(),
  aliases: z.array(z.string()),
  sex: z.enum(SEXES),
  birthDate: z.string().nullable(),
  nationalities: z.array(z.string()),
  languages: z.array(z.string()),
  statusAbroad: z.enum(STATUSES_ABROAD),
  employer: z.string().nullable(),
  stayFrom: z.string().nullable(),
  stayUntil: z.string().nullable(),
  returnedAt: IsoDateTime.nullable(),
  mission: MissionRef.nullable().describe('Responsible mission, derived from the current location'),
  registeredBy: MissionRef.nullable(),
  household: z
    .object({ id: Id, relationship: z.enum(HOUSEHOLD_RELATIONSHIPS), members: z.array(HouseholdMember) })
    .nullable(),
  location: PersonLocation.nullable(),
  documents: z.array(PersonDocument),
  contacts: z.array(PersonContact),
  emergencyContacts: z.array(EmergencyContactInput),
  /** How many vulnerabilities are recorded; which ones is sensitive. */
  vulnerabilityCount: z.number().int(),
  consents: z.array(ConsentInput),
  retainUntil: z.string().nullable(),
  source: z.enum(['officer', 'import', 'self', 'demo']),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Person = z.infer<typeof Person>;

export const PersonSummary = z.object({
  id: Id,
  fullName: z.string(),
  sex: z.enum(SEXES),
  birthDate: z.string().nullable(),
  statusAbroad: z.enum(STATUSES_ABROAD),
  missionCode: z.string().nullable(),
  country: z.string().nullable(),
  city: z.string().nullable(),
  householdSize: z.number().int(),
  returnedAt: IsoDateTime.nullable(),
  updatedAt: IsoDateTime,
});
export type PersonSummary = z.infer<typeof PersonSummary>;

const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.split(',').filter((s) => s !== '') : v),
    z.array(item).min(1).max(50),
  );

/** Filters of the people list and its CSV export. */
export const PeopleQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe('Name search: accents, case, word order and spelling variants ignored'),
  mission: csv(MissionCode).optional(),
  country: csv(CountryCode).optional(),
  city: z.string().trim().min(1).max(100).optional(),
  status: csv(z.enum(STATUSES_ABROAD)).optional(),
  vulnerability: csv(z.enum(VULNERABILITIES))
    .optional()
    .describe('Any of these; only for roles that may reveal'),
  householdMin: z.coerce.number().int().min(1).max(100).optional(),
  householdMax: z.coerce.number().int().min(1).max(100).optional(),
  staleMonths: z.coerce
    .number()
    .int()
    .min(1)
    .max(240)
    .optional()
    .describe('Not updated for this many months'),
  updatedSince: IsoDateTime.optional(),
  includeReturned: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('Also list people who have returned home'),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
  cursor: z.string().max(300).optional(),
});
export type PeopleQuery = z.infer<typeof PeopleQuery>;

export const SEARCH_COUNT_LIMIT = 1000;

export const PeoplePage = z.object({
  items: z.array(PersonSummary),
  total: z.number().int(),
  /**
   * False when a name search matched more than SEARCH_COUNT_LIMIT people: `total` is then that
   * limit, a lower bound. Counting further would make a broad search ("Siti") slow for a number
   * nobody reads; the officer narrows the search instead. Lists without a search count exactly.
   */
  totalExact: z.boolean(),
  nextCursor: z.string().nullable(),
});
export type PeoplePage = z.infer<typeof PeoplePage>;

/** Exact lookup; sent in a body so that numbers never appear in URLs or access logs. */
export const PeopleLookup = z
  .strictObject({
    document: z.string().trim().min(3).max(40).optional(),
    phone: z.string().trim().min(3).max(40).optional(),
    email: z.email().max(254).optional(),
    /** Country whose local format the phone is written in. */
    country: CountryCode.optional(),
  })
  .refine((v) => v.document || v.phone || v.email, {
    message: 'Give a document number, a phone or an email',
  });
export type PeopleLookup = z.infer<typeof PeopleLookup>;

export const SENSITIVE_FIELDS = ['documents', 'vulnerabilities'] as const;
export const PersonReveal = z.strictObject({
  fields: z.array(z.enum(SENSITIVE_FIELDS)).min(1),
  reason: z
    .string()
    .trim()
    .min(3)
    .max(300)
    .describe('Why the officer needs to see it; kept in the audit log'),
});
export type PersonReveal = z.infer<typeof PersonReveal>;

export const PersonSensitive = z.object({
  documents: z
    .array(z.object({ id: Id, kind: z.enum(DOCUMENT_KINDS), number: z.string(), issuingCountry: z.string() }))
    .optional(),
  vulnerabilities: z
    .array(z.object({ kind: z.enum(VULNERABILITIES), note: z.string().nullable() }))
    .optional(),
});
export type PersonSensitive = z.infer<typeof PersonSensitive>;

export const PersonErase = z.strictObject({
  version: Version,
  reason: z.string().trim().min(3).max(300),
});
export type PersonErase = z.infer<typeof PersonErase>;

export const HouseholdCreated = z.object({ id: Id });
