// The person record of the registry of nationals abroad, as officers, imports and the demo
// population submit it. Sensitive parts (document numbers, vulnerabilities, precise location)
// are accepted here and shown only to roles allowed to reveal them.
import { z } from 'zod';
import { CountryCode } from './common';
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

export const PersonCreate = z.strictObject({
  fullName: text(200).pipe(z.string().min(1)).describe('The full name as the person writes it'),
  givenName: text(100).optional(),
  familyName: text(100).optional(),
  nativeName: text(200).optional().describe('In the native script, e.g. Arabic or Chinese'),
  aliases: z
    .array(text(200).pipe(z.string().min(1)))
    .max(10)
    .default([]),
  sex: z.enum(SEXES).default('unknown'),
  birthDate: PartialDate.optional(),
  nationalities: z.array(CountryCode).min(1).max(3).default(['ID']),
  languages: z.array(LanguageTag).max(10).default([]),
  statusAbroad: z.enum(STATUSES_ABROAD),
  employer: text(200).optional().describe('Employer or school'),
  stayFrom: IsoDate.optional(),
  stayUntil: IsoDate.optional(),
  documents: z.array(PersonDocumentInput).max(10).default([]),
  contacts: z.array(PersonContactInput).max(20).default([]),
  location: PersonLocationInput.optional(),
  emergencyContacts: z.array(EmergencyContactInput).max(5).default([]),
  vulnerabilities: z.array(VulnerabilityInput).max(VULNERABILITIES.length).default([]),
  consents: z.array(ConsentInput).max(10).default([]),
  /** The mission registering the person; it stays responsible while the person has no location. */
  missionCode: MissionCode.optional(),
});
export type PersonCreate = z.infer<typeof PersonCreate>;
export type PersonCreateInput = z.input<typeof PersonCreate>;
