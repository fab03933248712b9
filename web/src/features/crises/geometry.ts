// Plane and sphere geometry the console needs for drawing: circles as polygons, extents, and
// which countries a drawn area touches (to prefill the crisis's countries). The server computes
// the authoritative answers; these only serve the map and the form.
import type { AreaGeometry } from '@siaga/contracts';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';

export type LonLat = [number, number];
/** [west, south, east, north] */
export type Bbox = [number, number, number, number];

const EARTH_KM = 6371.0088;
const rad = (d: number) => (d * Math.PI) / 180;
const deg = (r: number) => (r * 180) / Math.PI;

/** A circle on the sphere as a closed ring of `steps` points (great-circle destinations). */
export function circleRing(center: { lat: number; lon: number }, radiusKm: number, steps = 72): Position[] {
  const d = radiusKm / EARTH_KM;
  const lat1 = rad(center.lat);
  const lon1 = rad(center.lon);
  const ring: Position[] = [];
  for (let i = 0; i <= steps; i++) {
    const bearing = rad((360 * (i % steps)) / steps);
    const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(bearing));
    const lon2 =
      lon1 +
      Math.atan2(
        Math.sin(bearing) * Math.sin(d) * Math.cos(lat1),
        Math.cos(d) - Math.sin(lat1) * Math.sin(lat2),
      );
    ring.push([deg(lon2), deg(lat2)]);
  }
  return ring;
}

export const circlePolygon = (center: { lat: number; lon: number }, radiusKm: number): AreaGeometry => ({
  type: 'Polygon',
  coordinates: [circleRing(center, radiusKm)],
});

/** The ring closed as GeoJSON wants it (RFC 7946 §3.1.6): the last position repeats the first. */
export function closedRing(vertices: readonly LonLat[]): Position[] {
  const ring: Position[] = vertices.map(([lon, lat]) => [lon, lat]);
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first && last && (first[0] !== last[0] || first[1] !== last[1])) ring.push([first[0]!, first[1]!]);
  return ring;
}

function eachPosition(g: Geometry, visit: (p: Position) => void): void {
  switch (g.type) {
    case 'Point':
      return visit(g.coordinates);
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates.forEach(visit);
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.forEach((r) => r.forEach(visit));
    case 'MultiPolygon':
      return g.coordinates.forEach((p) => p.forEach((r) => r.forEach(visit)));
    case 'GeometryCollection':
      return g.geometries.forEach((c) => eachPosition(c, visit));
  }
}

/** The extent of features, or null when there is nothing to bound. */
export function bboxOf(features: readonly Feature[]): Bbox | null {
  let box: Bbox | null = null;
  for (const f of features) {
    if (!f.geometry) continue;
    eachPosition(f.geometry, ([lon = 0, lat = 0]) => {
      box = box
        ? [Math.min(box[0], lon), Math.min(box[1], lat), Math.max(box[2], lon), Math.max(box[3], lat)]
        : [lon, lat, lon, lat];
    });
  }
  return box;
}

function inRing(point: LonLat, ring: Position[]): boolean {
  const [x, y] = point;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i]!;
    const [xj = 0, yj = 0] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Even-odd test against a polygon's outer ring and holes. */
export function inPolygon(point: LonLat, g: Geometry): boolean {
  if (g.type === 'Polygon') {
    const [outer, ...holes] = g.coordinates;
    return !!outer && inRing(point, outer) && !holes.some((h) => inRing(point, h));
  }
  if (g.type === 'MultiPolygon')
    return g.coordinates.some((p) => inPolygon(point, { type: 'Polygon', coordinates: p }));
  return false;
}

/** Sample points of an area: its vertices and the middle of its extent. */
function samplesOf(g: AreaGeometry): LonLat[] {
  const out: LonLat[] = [];
  eachPosition(g, ([lon = 0, lat = 0]) => out.push([lon, lat]));
  const box = bboxOf([{ type: 'Feature', geometry: g, properties: {} }]);
  if (box) out.push([(box[0] + box[2]) / 2, (box[1] + box[3]) / 2]);
  return out;
}

/**
 * The basemap countries (world-atlas ids: ISO numeric) that an area touches: any sample point of
 * the area inside the country, or any vertex of the country inside the area.
 */
export function countriesTouching(g: AreaGeometry, countries: FeatureCollection): string[] {
  const samples = samplesOf(g);
  const box = bboxOf([{ type: 'Feature', geometry: g, properties: {} }]);
  const out: string[] = [];
  for (const c of countries.features) {
    if (!c.geometry || c.id === undefined) continue;
    const cbox = bboxOf([c]);
    if (box && cbox && (cbox[0] > box[2] || cbox[2] < box[0] || cbox[1] > box[3] || cbox[3] < box[1]))
      continue;
    let hit = samples.some((p) => inPolygon(p, c.geometry));
    if (!hit) {
      eachPosition(c.geometry, ([lon = 0, lat = 0]) => {
        hit ||= inPolygon([lon, lat], g);
      });
    }
    if (hit) out.push(String(c.id));
  }
  return out;
}
