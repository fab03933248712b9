// Hazard rows -> the API shapes. The stored area keeps what the feed said (polygons, circles,
// a point); the operator's radius applies to a point-only event.
import type { Feed, FeedDocument, HazardEvent } from '@siaga/contracts';
import type { Selectable } from 'kysely';
import type { FeedDocumentsTable, HazardEventRow, HazardFeedsTable } from '../../db/schema';
import type { HazardArea } from './parse/types';

export interface StoredArea {
  polygons: number[][][][];
  circles: { lon: number; lat: number; radiusKm: number }[];
  point: { lon: number; lat: number } | null;
  description: string | null;
  geocodes: { name: string; value: string }[];
}

export const storedArea = (a: HazardArea): StoredArea => ({
  polygons: a.polygons,
  circles: a.circles,
  point: a.point ?? null,
  description: a.description ?? null,
  geocodes: a.geocodes,
});

/** `affectedNationals` is counted at the time of asking: people move, the event's area stays. */
export function presentHazard(row: HazardEventRow, affectedNationals: number): HazardEvent {
  const area = JSON.parse(row.area) as StoredArea;
  return {
    id: row.id,
    source: row.source,
    externalId: row.externalKey,
    kind: row.kind,
    severity: row.severity as HazardEvent['severity'],
    status: row.status,
    title: row.title,
    description: row.description,
    magnitude: row.magnitude,
    countries: JSON.parse(row.countries) as string[],
    area: {
      geometry: area.polygons.length ? { type: 'MultiPolygon', coordinates: area.polygons } : null,
      circles: area.circles.map((c) => ({ lat: c.lat, lon: c.lon, radiusKm: c.radiusKm })),
      point: area.point ? { lat: area.point.lat, lon: area.point.lon } : null,
      radiusKm: row.radiusKm,
      description: area.description,
    },
    affectedNationals,
    cancelled: row.cancelled === 1,
    sentAt: row.sentAt,
    expiresAt: row.expiresAt,
    updatedAt: row.updatedAt,
    link: row.link,
    crisisId: row.crisisId,
    revisions: row.revisions,
  };
}

export const presentFeed = (f: Selectable<HazardFeedsTable>): Feed => ({
  id: f.id,
  name: f.name,
  url: f.url,
  intervalMinutes: f.intervalMinutes,
  enabled: f.enabled === 1,
  lastPolledAt: f.lastPolledAt,
  lastStatus: f.lastStatus,
  lastError: f.lastError,
  createdAt: f.createdAt,
});

export const presentDocument = (d: Omit<Selectable<FeedDocumentsTable>, 'body'>): FeedDocument => ({
  id: d.id,
  feedId: d.feedId,
  fileName: d.fileName,
  format: d.format,
  sha256: d.sha256,
  bytes: d.bytes,
  status: d.status,
  rejections: JSON.parse(d.rejections) as FeedDocument['rejections'],
  receivedAt: d.receivedAt,
});
