// Reads an uploaded .geojson file into crisis areas: a Polygon or MultiPolygon geometry, given
// bare, as a Feature, or as the features of a FeatureCollection (RFC 7946 §3). Anything else is
// refused with a reason the officer can act on.
import { AreaInput } from '@siaga/contracts';

export type GeoJsonFileResult =
  | { ok: true; areas: AreaInput[]; skipped: number }
  | { ok: false; reason: 'unreadable' | 'noPolygons' | 'tooMany' | 'tooLarge' };

/** The server's request limit is 1 MiB; a larger file cannot be declared in one request. */
export const MAX_GEOJSON_BYTES = 1_000_000;
const MAX_AREAS = 50;

interface Loose {
  type?: unknown;
  geometry?: unknown;
  features?: unknown;
  properties?: { name?: unknown } | null;
}

export function areasFromGeoJson(text: string, fileName: string): GeoJsonFileResult {
  let doc: Loose;
  try {
    doc = JSON.parse(text) as Loose;
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  if (!doc || typeof doc !== 'object') return { ok: false, reason: 'unreadable' };
  const candidates: Loose[] =
    doc.type === 'FeatureCollection' && Array.isArray(doc.features)
      ? (doc.features as Loose[])
      : doc.type === 'Feature'
        ? [doc]
        : [{ type: 'Feature', geometry: doc, properties: null }];
  const base = fileName.replace(/\.(geo)?json$/i, '');
  const areas: AreaInput[] = [];
  let skipped = 0;
  candidates.forEach((f, i) => {
    const name = typeof f?.properties?.name === 'string' ? f.properties.name : `${base} ${i + 1}`;
    const parsed = AreaInput.safeParse({ kind: 'polygon', name: name.slice(0, 200), geometry: f?.geometry });
    if (parsed.success) areas.push(parsed.data);
    else skipped += 1;
  });
  if (areas.length === 0) return { ok: false, reason: 'noPolygons' };
  if (areas.length > MAX_AREAS) return { ok: false, reason: 'tooMany' };
  return { ok: true, areas, skipped };
}
