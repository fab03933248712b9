// The JSON API's shapes. Strings are only bounded here: the field rules are the form's
// (form.ts validateRegistration), so an app and the web page are judged the same way.
import { HOUSEHOLD_RELATIONSHIPS, IsoDateTime } from '@siaga/contracts';
import { z } from 'zod';
import { MAX_MEMBERS } from './options';

const s = (max: number) => z.string().max(max);

export const RegistrationBody = z.strictObject({
  lang: z.enum(['id', 'en']).optional().describe('Language of the messages sent; Indonesian by default'),
  fullName: s(1000),
  sex: s(20).describe('female or male'),
  birthDate: s(100).describe('1990, 1990-08, 1990-08-17, 17/08/1990 or 17 Agustus 1990'),
  phone: s(100).optional().describe('Local format of the country of residence, or +country code'),
  email: s(1000).optional(),
  country: s(10).describe('Country of residence, ISO 3166-1 alpha-2'),
  city: s(1000),
  address: s(2000).optional(),
  statusAbroad: s(40),
  employer: s(1000).optional(),
  passport: s(100).optional(),
  languages: z.array(s(40)).max(20).optional(),
  emergencyContact: z
    .strictObject({ name: s(1000), relationship: s(1000).optional(), phone: s(100).optional() })
    .optional(),
  consentRegistry: z.boolean().describe('Consent to be kept in the registry: required'),
  consentAlerts: z.boolean().optional(),
  members: z
    .array(z.strictObject({ fullName: s(1000), relationship: s(40), sex: s(20), birthDate: s(100) }))
    .max(MAX_MEMBERS)
    .optional(),
});
export type RegistrationBody = z.infer<typeof RegistrationBody>;

export const RegistrationStarted = z.object({
  id: z.string().describe('Send it back with the code'),
  channel: z.enum(['phone', 'email']),
  sentTo: z.string().describe('The contact the code went to, masked'),
  expiresAt: IsoDateTime,
});

export const VerifyParams = z.strictObject({ id: s(100) });
export const VerifyBody = z.strictObject({ code: s(20) });

export const RegistrationConfirmed = z.object({
  token: z.string().describe('The management token: send it as x-registration-token; shown once'),
  url: z.string().describe('The management page in a browser'),
  expiresAt: IsoDateTime,
  people: z.number().int(),
});

export const TokenHeaders = z.object({ 'x-registration-token': s(200).optional() });

export const RegisteredHousehold = z.object({
  expiresAt: IsoDateTime,
  people: z.array(
    z.object({
      fullName: z.string(),
      relationship: z.enum(HOUSEHOLD_RELATIONSHIPS),
      sex: z.string(),
      birthDate: z.string().nullable(),
      returnedAt: IsoDateTime.nullable(),
      stayUntil: z.string().nullable(),
    }),
  ),
  contacts: z.array(
    z.object({ kind: z.enum(['phone', 'email', 'messaging']), value: z.string(), verified: z.boolean() }),
  ),
  location: z
    .object({ country: z.string(), city: z.string().nullable(), addressText: z.string().nullable() })
    .nullable(),
  mission: z.object({ code: z.string(), name: z.string() }).nullable(),
  returnedAt: IsoDateTime.nullable(),
});

export const ContactsChange = z.strictObject({ phone: s(100).default(''), email: s(1000).default('') });
export const LocationChange = z.strictObject({ country: s(10), city: s(1000), address: s(2000).default('') });
