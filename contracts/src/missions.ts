// Missions abroad: embassies (KBRI), consulates-general (KJRI) and offices such as KDEI Taipei.
import { z } from 'zod';
import { CountryCode, Id, IsoDateTime, Version } from './common';

export const MISSION_KINDS = ['embassy', 'consulate', 'office'] as const;
export const MissionKind = z.enum(MISSION_KINDS);

export const MissionCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2,6}(-[A-Z0-9]{2,20}){1,3}$/, 'Like KBRI-KHARTOUM: letters, digits and hyphens');

/** A jurisdiction: a whole country, or admin-1 areas of it by ISO 3166-2 code. */
export const Jurisdiction = z.strictObject({
  country: CountryCode,
  adminAreas: z
    .array(z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, 'ISO 3166-2 code such as MY-14'))
    .max(200)
    .optional(),
});
export type Jurisdiction = z.infer<typeof Jurisdiction>;

const missionFields = {
  name: z.string().trim().min(3).max(200),
  kind: MissionKind,
  city: z.string().trim().min(1).max(100),
  countries: z.array(CountryCode).min(1).max(30),
  jurisdictions: z.array(Jurisdiction).max(60),
  hotline: z
    .string()
    .trim()
    .regex(/^\+[1-9]\d{6,14}$/, 'E.164, such as +249912345678'),
  email: z.email().max(254),
  address: z.string().trim().min(3).max(500),
};

export const MissionCreate = z.strictObject({
  code: MissionCode,
  ...missionFields,
  jurisdictions: missionFields.jurisdictions.default([]),
  email: missionFields.email.optional(),
});
export type MissionCreate = z.infer<typeof MissionCreate>;

export const MissionUpdate = z.strictObject({
  version: Version,
  name: missionFields.name.optional(),
  kind: missionFields.kind.optional(),
  city: missionFields.city.optional(),
  countries: missionFields.countries.optional(),
  jurisdictions: missionFields.jurisdictions.optional(),
  hotline: missionFields.hotline.optional(),
  email: missionFields.email.nullable().optional(),
  address: missionFields.address.optional(),
});
export type MissionUpdate = z.infer<typeof MissionUpdate>;

export const Mission = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  kind: MissionKind,
  city: z.string(),
  countries: z.array(z.string()),
  jurisdictions: z.array(Jurisdiction),
  hotline: z.string(),
  email: z.string().nullable(),
  address: z.string(),
  version: z.number().int(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Mission = z.infer<typeof Mission>;

export const MissionParams = z.strictObject({ code: MissionCode });
