// Headquarters and partner organisations (IOM, UN agencies, NGOs, host-country services).
import { z } from 'zod';
import { Id, IsoDateTime, Version } from './common';

export const ORGANISATION_KINDS = ['headquarters', 'partner'] as const;
export const OrganisationKind = z.enum(ORGANISATION_KINDS);

export const OrganisationCreate = z.strictObject({
  name: z.string().trim().min(2).max(200),
  shortName: z.string().trim().min(1).max(40),
  kind: z.literal('partner').default('partner'),
  email: z.email().max(254).optional(),
  phone: z.string().trim().max(40).optional(),
});
export type OrganisationCreate = z.infer<typeof OrganisationCreate>;

export const OrganisationUpdate = z.strictObject({
  version: Version,
  name: z.string().trim().min(2).max(200).optional(),
  shortName: z.string().trim().min(1).max(40).optional(),
  email: z.email().max(254).nullable().optional(),
  phone: z.string().trim().max(40).nullable().optional(),
});

export const Organisation = z.object({
  id: Id,
  kind: OrganisationKind,
  name: z.string(),
  shortName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  version: z.number().int(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Organisation = z.infer<typeof Organisation>;
