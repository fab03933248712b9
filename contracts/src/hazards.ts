// Hazard feeds and the events they bring: CAP 1.2 alerts (single, in Atom/RSS indexes or in
// EDXL-DE envelopes), GDACS RSS and USGS earthquake GeoJSON. Each event shows its area and how
// many registered nationals are inside it; an officer can promote one to a crisis.
import { z } from 'zod';
import { Id, IsoDateTime, MAX_PAGE_SIZE } from './common';
import { AreaGeometry } from './crises';

export const FEED_FORMATS = ['cap', 'gdacs', 'usgs'] as const;
export const HAZARD_SEVERITIES = ['extreme', 'severe', 'moderate', 'minor', 'unknown'] as const;

export const FeedCreate = z.strictObject({
  name: z.string().trim().min(1).max(200),
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .describe('http(s) address of the feed'),
  /** Minutes between polls. */
  intervalMinutes: z.number().int().min(1).max(1440).default(5),
  enabled: z.boolean().default(true),
});
export type FeedCreate = z.infer<typeof FeedCreate>;

export const Feed = z.object({
  id: Id,
  name: z.string(),
  url: z.string(),
  intervalMinutes: z.number().int(),
  enabled: z.boolean(),
  lastPolledAt: IsoDateTime.nullable(),
  lastStatus: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: IsoDateTime,
});
export type Feed = z.infer<typeof Feed>;

export const FeedRejection = z.object({
  code: z.string(),
  message: z.string(),
  path: z.string().optional(),
  itemIndex: z.number().int().optional(),
});
export type FeedRejection = z.infer<typeof FeedRejection>;

export const HazardArea = z.object({
  /** Polygons and circles (as polygons) of the event; null when it has only a point. */
  geometry: AreaGeometry.nullable(),
  circles: z.array(z.object({ lat: z.number(), lon: z.number(), radiusKm: z.number() })),
  point: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  /** Around the point: set from the magnitude, adjustable by the operator. */
  radiusKm: z.number().nullable(),
  description: z.string().nullable(),
});
export type HazardArea = z.infer<typeof HazardArea>;

export const HazardEvent = z.object({
  id: Id,
  source: z.enum(FEED_FORMATS),
  externalId: z.string(),
  kind: z.string(),
  severity: z.enum(HAZARD_SEVERITIES),
  status: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  magnitude: z.number().nullable(),
  countries: z.array(z.string()),
  area: HazardArea,
  /** Registered nationals whose location lies inside the area (by point or by city). */
  affectedNationals: z.number().int(),
  cancelled: z.boolean(),
  sentAt: IsoDateTime,
  expiresAt: IsoDateTime.nullable(),
  updatedAt: IsoDateTime,
  link: z.string().nullable(),
  crisisId: z.string().nullable(),
  revisions: z.number().int(),
});
export type HazardEvent = z.infer<typeof HazardEvent>;

export const HazardListQuery = z.strictObject({
  source: z.enum(FEED_FORMATS).optional(),
  includeCancelled: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
  cursor: z.string().max(200).optional(),
});
export const HazardPage = z.object({ items: z.array(HazardEvent), nextCursor: z.string().nullable() });

export const HazardRadiusSet = z.strictObject({ radiusKm: z.number().positive().max(3000) });

export const HazardPromote = z.strictObject({
  type: z
    .enum(['natural_disaster', 'armed_conflict', 'epidemic', 'civil_unrest', 'hazardous_chemical', 'other'])
    .optional(),
  title: z.string().trim().min(3).max(200).optional(),
});

/** What an import or a poll did with one document. */
export const FeedImportResult = z.object({
  accepted: z.number().int(),
  rejected: z.number().int(),
  duplicates: z.number().int(),
  updated: z.number().int(),
  cancelled: z.number().int(),
  documentId: Id,
  format: z.string(),
  events: z.array(
    z.object({
      id: Id,
      source: z.enum(FEED_FORMATS),
      kind: z.string(),
      severity: z.enum(HAZARD_SEVERITIES),
      title: z.string(),
      area: HazardArea,
      affectedNationals: z.number().int(),
    }),
  ),
  errors: z.array(FeedRejection),
});
export type FeedImportResult = z.infer<typeof FeedImportResult>;

export const FeedDocument = z.object({
  id: Id,
  feedId: z.string().nullable(),
  fileName: z.string().nullable(),
  format: z.string(),
  sha256: z.string(),
  bytes: z.number().int(),
  status: z.enum(['accepted', 'partial', 'rejected', 'unchanged']),
  rejections: z.array(FeedRejection),
  receivedAt: IsoDateTime,
});
export type FeedDocument = z.infer<typeof FeedDocument>;
