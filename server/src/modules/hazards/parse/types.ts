// The shape every hazard feed parser produces: one normalised event per CAP message, GDACS item or
// USGS feature, plus the reasons anything was turned away and the CAP links an index points to.
// Pure data: the poller fetches, the store dedupes by key and orders by revision.

export type FeedFormat =
  'cap' | 'cap-atom' | 'cap-rss' | 'edxl-de' | 'gdacs-rss' | 'usgs-geojson' | 'unknown';

export interface ParseOptions {
  fileName?: string;
  contentType?: string;
  /** Documents larger than this are refused before any decoding; default 10 MiB. */
  maxBytes?: number;
  /** Deepest element (or JSON array/object) nesting accepted; default 64. */
  maxDepth?: number;
}

export interface ParsedDocument {
  format: FeedFormat;
  events: ParsedHazard[];
  /** Per-event or whole-document rejections: bad input never throws. */
  rejected: Rejection[];
  /** CAP alerts an Atom/RSS index or EDXL envelope only links to: for the poller to fetch. */
  links: string[];
}

export interface Rejection {
  /** Stable dotted code, e.g. 'feed.doctype_forbidden', 'cap.invalid_enum'. */
  code: string;
  /** For a person: what is wrong and where. */
  message: string;
  /** Element or property path, e.g. 'alert.info[0].urgency', 'features[3].geometry'. */
  path?: string;
  /** Index of the entry, item, content object or feature within the document. */
  itemIndex?: number;
}

export type HazardKind =
  | 'earthquake'
  | 'tsunami'
  | 'flood'
  | 'tropical_cyclone'
  | 'volcano'
  | 'drought'
  | 'wildfire'
  | 'storm'
  | 'extreme_temperature'
  | 'landslide'
  | 'epidemic'
  | 'conflict'
  | 'civil_unrest'
  | 'chemical'
  | 'other';

export type HazardSeverity = 'extreme' | 'severe' | 'moderate' | 'minor' | 'unknown';

export interface HazardArea {
  /** GeoJSON MultiPolygon coordinates, [lon, lat]. */
  polygons: number[][][][];
  circles: { lon: number; lat: number; radiusKm: number }[];
  point?: { lon: number; lat: number };
  /** For point-only events: a first guess the operator can adjust. */
  suggestedRadiusKm?: number;
  /** [minLon, minLat, maxLon, maxLat]; minLon > maxLon when the box crosses the antimeridian. */
  bbox?: [number, number, number, number];
  geocodes: { name: string; value: string }[];
  description?: string;
}

export interface ParsedHazard {
  source: 'cap' | 'gdacs' | 'usgs';
  /** CAP `sender|identifier|sent`, GDACS `EQ:1234567`, USGS feature id. */
  key: string;
  /** Orders messages with the same key: CAP sent (epoch ms), GDACS episode id, USGS updated (epoch ms). */
  revision: number;
  /** CAP only: keys of the earlier messages this one updates or cancels. */
  references: string[];
  action: 'alert' | 'update' | 'cancel';
  status: 'actual' | 'exercise' | 'system' | 'test' | 'draft';
  kind: HazardKind;
  severity: HazardSeverity;
  urgency?: string;
  certainty?: string;
  title: string;
  description?: string;
  language?: string;
  /** Headline (or event) per CAP info language. */
  titles?: Record<string, string>;
  magnitude?: number;
  /** ISO 3166-1 alpha-2. */
  countries: string[];
  /** ISO 8601 UTC. */
  sent: string;
  onset?: string;
  expires?: string;
  updated?: string;
  /** http(s) only. */
  link?: string;
  area: HazardArea;
  raw?: unknown;
}

/** What one part of a document yields; merged into the ParsedDocument. */
export interface Yield {
  events: ParsedHazard[];
  rejected: Rejection[];
  links: string[];
}

export const emptyYield = (): Yield => ({ events: [], rejected: [], links: [] });

/** Appends; links are deduplicated once, at the end, by parseFeedDocument. */
export function mergeYield(into: Yield, from: Yield): Yield {
  for (const event of from.events) into.events.push(event);
  for (const rejection of from.rejected) into.rejected.push(rejection);
  for (const link of from.links) into.links.push(link);
  return into;
}

export interface Limits {
  maxBytes: number;
  maxDepth: number;
}
