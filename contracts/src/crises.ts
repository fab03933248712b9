// Crises: what an officer declares when fighting breaks out or an earthquake hits. A crisis has
// areas (GeoJSON polygons, circles, whole countries or admin-1 areas), an alert level per
// country or area with its history, a phase, a status and a timeline. The affected population
// is whoever's current location lies inside the areas.
import { z } from 'zod';
import { CountryCode, Id, IsoDateTime, MAX_PAGE_SIZE, Version } from './common';
import { STATUSES_ABROAD, VULNERABILITIES } from './people';

export const CRISIS_TYPES = [
  'armed_conflict',
  'natural_disaster',
  'epidemic',
  'civil_unrest',
  'hazardous_chemical',
  'other',
] as const;
export const CRISIS_PHASES = ['preparedness', 'emergency_response', 'post_crisis'] as const;
export const CRISIS_STATUSES = ['monitoring', 'active', 'closed'] as const;

/**
 * The ministry's scale: Siaga 3 is the first, least severe state and Siaga 1 the most severe.
 * `normal` is no alert at all.
 */
export const ALERT_LEVELS = ['normal', 'siaga_3', 'siaga_2', 'siaga_1'] as const;
export type AlertLevelValue = (typeof ALERT_LEVELS)[number];

/**
 * The MICIC four-phase scale (as the Philippines uses it): 1 precaution, 2 restriction,
 * 3 voluntary return or relocation, 4 mandatory evacuation. Siaga 3 is declared when a situation
 * calls for precaution; Siaga 2 restricts movement and prepares routes; Siaga 1 is evacuation,
 * voluntary at first, which the ministry may make mandatory: it maps to phases 3 and 4.
 */
export const MICIC_PHASES = {
  normal: [],
  siaga_3: [1],
  siaga_2: [2],
  siaga_1: [3, 4],
} as const satisfies Record<AlertLevelValue, readonly number[]>;

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    // Line breaks and tabs are fine in descriptions and notes; other control characters are not.
    .regex(/^(?:[^\p{Cc}]|[\n\r\t])*$/u, 'No control characters');

/** A GeoJSON position, [longitude, latitude] (RFC 7946 §3.1.1); checked in depth by the server. */
const Position = z.array(z.number()).min(2).max(3);
export const PolygonGeometry = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(z.array(Position)).min(1),
});
export const MultiPolygonGeometry = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(z.array(Position)).min(1)).min(1),
});
export const AreaGeometry = z.discriminatedUnion('type', [PolygonGeometry, MultiPolygonGeometry]);
export type AreaGeometry = z.infer<typeof AreaGeometry>;

/** One area of a crisis (or an ad-hoc query). */
export const AreaInput = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('polygon'),
    name: text(200).optional(),
    geometry: AreaGeometry,
  }),
  z.strictObject({
    kind: z.literal('circle'),
    name: text(200).optional(),
    center: z.strictObject({ lat: z.number(), lon: z.number() }),
    radiusKm: z.number().positive().max(5000),
  }),
  z.strictObject({ kind: z.literal('country'), name: text(200).optional(), country: CountryCode }),
  z.strictObject({
    kind: z.literal('admin1'),
    name: text(200).optional(),
    code: z.string().trim().min(2).max(80),
  }),
]);
export type AreaInput = z.infer<typeof AreaInput>;

export const CrisisArea = z.object({
  id: Id,
  kind: z.enum(['polygon', 'circle', 'country', 'admin1']),
  name: z.string(),
  /** ISO codes of the countries the area touches. */
  countries: z.array(z.string()),
  /** For circles; the polygon of a country or admin-1 area is served by the gazetteer. */
  center: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  radiusKm: z.number().nullable(),
  code: z.string().nullable(),
  geometry: AreaGeometry.nullable(),
  alertLevel: z.enum(ALERT_LEVELS).nullable(),
});
export type CrisisArea = z.infer<typeof CrisisArea>;

export const AlertLevelSet = z.strictObject({
  /** A country of the crisis, or omit it and name an area. */
  country: CountryCode.optional(),
  areaId: Id.optional(),
  level: z.enum(ALERT_LEVELS),
  reason: text(2000).min(1),
  version: Version,
});
export type AlertLevelSet = z.infer<typeof AlertLevelSet>;

export const AlertLevelEntry = z.object({
  country: z.string().nullable(),
  areaId: z.string().nullable(),
  level: z.enum(ALERT_LEVELS),
  micicPhases: z.array(z.number().int()),
  reason: z.string(),
  setBy: z.string(),
  setAt: IsoDateTime,
});
export type AlertLevelEntry = z.infer<typeof AlertLevelEntry>;

/** The particulars of a timeline entry, for saying it in the reader's language. */
export const CrisisEventData = z
  .object({
    type: z.enum(CRISIS_TYPES),
    level: z.enum(ALERT_LEVELS),
    country: z.string(),
    area: z.string(),
    from: z.string(),
    to: z.string(),
    reason: z.string(),
    fields: z.array(z.string()),
    countries: z.array(z.string()),
    areas: z.number().int(),
  })
  .partial();
export type CrisisEventData = z.infer<typeof CrisisEventData>;

export const CrisisEvent = z.object({
  id: Id,
  kind: z.enum(['declared', 'note', 'decision', 'alert_level', 'phase', 'status', 'areas', 'details']),
  /** English, for logs and scripts; the console builds its own sentence from `data`. */
  text: z.string(),
  data: CrisisEventData.nullable(),
  author: z.string(),
  at: IsoDateTime,
});
export type CrisisEvent = z.infer<typeof CrisisEvent>;

export const CrisisCreate = z.strictObject({
  type: z.enum(CRISIS_TYPES),
  title: text(200).min(3),
  description: text(10_000).default(''),
  countries: z.array(CountryCode).min(1).max(50),
  areas: z.array(AreaInput).max(50).default([]),
  /** The level for every affected country at declaration; change it later per country or area. */
  alertLevel: z.enum(ALERT_LEVELS).default('siaga_3'),
  phase: z.enum(CRISIS_PHASES).default('emergency_response'),
  status: z.enum(CRISIS_STATUSES).default('active'),
  /** The hazard event this crisis was promoted from, if any. */
  hazardEventId: Id.optional(),
  exercise: z.boolean().default(false),
});
export type CrisisCreate = z.infer<typeof CrisisCreate>;
export type CrisisCreateInput = z.input<typeof CrisisCreate>;

export const CrisisUpdate = z.strictObject({
  version: Version,
  title: text(200).min(3).optional(),
  description: text(10_000).optional(),
  type: z.enum(CRISIS_TYPES).optional(),
  countries: z.array(CountryCode).min(1).max(50).optional(),
  /** Replaces every area. */
  areas: z.array(AreaInput).max(50).optional(),
  phase: z.enum(CRISIS_PHASES).optional(),
  status: z.enum(CRISIS_STATUSES).optional(),
  /** Said in the timeline beside the change. */
  reason: text(2000).optional(),
});
export type CrisisUpdate = z.infer<typeof CrisisUpdate>;

export const CrisisNote = z.strictObject({
  kind: z.enum(['note', 'decision']),
  text: text(5000).min(1),
});

export const CrisisSummary = z.object({
  id: Id,
  type: z.enum(CRISIS_TYPES),
  title: z.string(),
  countries: z.array(z.string()),
  /** The most severe level in force in any country or area of the crisis. */
  alertLevel: z.enum(ALERT_LEVELS),
  phase: z.enum(CRISIS_PHASES),
  status: z.enum(CRISIS_STATUSES),
  exercise: z.boolean(),
  missions: z.array(z.object({ id: Id, code: z.string(), name: z.string() })),
  declaredAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type CrisisSummary = z.infer<typeof CrisisSummary>;

export const Crisis = CrisisSummary.extend({
  version: z.number().int(),
  description: z.string(),
  areas: z.array(CrisisArea),
  /** The level in force per country (areas carry their own). */
  countryLevels: z.array(z.object({ country: z.string(), level: z.enum(ALERT_LEVELS) })),
  levelHistory: z.array(AlertLevelEntry),
  timeline: z.array(CrisisEvent),
  hazardEventId: z.string().nullable(),
  declaredBy: z.string(),
});
export type Crisis = z.infer<typeof Crisis>;

export const CrisisListQuery = z.strictObject({
  status: z.enum(CRISIS_STATUSES).optional(),
  country: CountryCode.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
  cursor: z.string().max(200).optional(),
});
export const CrisisPage = z.object({ items: z.array(CrisisSummary), nextCursor: z.string().nullable() });

// ---- affected population ----------------------------------------------------------------

const Counts = z.record(z.string(), z.number().int());

export const AffectedCounts = z.object({
  /** People whose own location (an address or a device position) lies inside. */
  inside: z.number().int(),
  /** People placed only by their city's centre, which lies inside: counted apart, never dropped. */
  locatedByCity: z.number().int(),
  /** People of an affected country with no place finer than the country. */
  locatedByCountry: z.number().int(),
  /** The counts below cover `inside` and `locatedByCity`. */
  byMission: Counts,
  byCountry: Counts,
  byAdminArea: Counts,
  byCity: Counts,
  byStatus: z.record(z.enum(STATUSES_ABROAD), z.number().int()),
  /** Only for roles that may see vulnerabilities; null for the others. */
  byVulnerability: z.record(z.enum(VULNERABILITIES), z.number().int()).nullable(),
  households: z.number().int(),
  /** The missions by id, with their codes and names, for the byMission keys. */
  missions: z.array(z.object({ id: Id, code: z.string(), name: z.string() })),
  /** Whether the answer came from the warm in-memory index or the database's spatial index. */
  via: z.enum(['memory', 'database']),
  tookMs: z.number(),
});
export type AffectedCounts = z.infer<typeof AffectedCounts>;

/** An ad-hoc question: who is inside these areas? */
export const AffectedQuery = z.strictObject({
  areas: z.array(AreaInput).min(1).max(50),
  /** Countries whose people located only by country are counted as `locatedByCountry`. */
  countries: z.array(CountryCode).max(50).default([]),
});
export type AffectedQuery = z.infer<typeof AffectedQuery>;

export const AffectedListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
  cursor: z.string().max(200).optional(),
});

export const AffectedPerson = z.object({
  id: Id,
  fullName: z.string(),
  missionId: z.string().nullable(),
  country: z.string().nullable(),
  adminArea: z.string().nullable(),
  city: z.string().nullable(),
  statusAbroad: z.enum(STATUSES_ABROAD),
  householdId: z.string().nullable(),
  locatedBy: z.enum(['point', 'city']),
});
export type AffectedPerson = z.infer<typeof AffectedPerson>;
export const AffectedPage = z.object({
  items: z.array(AffectedPerson),
  total: z.number().int(),
  nextCursor: z.string().nullable(),
});

/** Server-side clusters for the map: the browser never receives a million points. */
export const ClusterQuery = z.strictObject({
  zoom: z.coerce.number().int().min(0).max(20),
  west: z.coerce.number().min(-180).max(180),
  south: z.coerce.number().min(-90).max(90),
  east: z.coerce.number().min(-180).max(180),
  north: z.coerce.number().min(-90).max(90),
});
export const ClusterCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      geometry: z.object({ type: z.literal('Point'), coordinates: z.array(z.number()) }),
      properties: z.object({ count: z.number().int() }),
    }),
  ),
});
