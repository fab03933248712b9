// Areas as longitude/latitude polygons: the repair Natural Earth's TopoJSON needs at the antimeridian
// and the poles, boxes that may cross the antimeridian, and an index that answers "which area holds
// this point" with a flatbush R-tree over polygon boxes and turf's exact point-in-polygon test.
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import Flatbush from 'flatbush';

/** [west, south, east, north]; west > east when the area crosses the antimeridian (RFC 7946 §5.2). */
export type BBox = [number, number, number, number];
/** GeoJSON [lon, lat]; rings that cross the antimeridian are continuous, so longitudes may pass ±180. */
export type AreaGeometry = { type: 'MultiPolygon'; coordinates: number[][][][] };

type Ring = number[][];
type Polygon = { type: 'Polygon'; coordinates: Ring[] };

/**
 * TopoJSON built from Natural Earth jumps from 179.9 to -180 where a ring crosses the antimeridian
 * (Chukotka, Taveuni), which a planar test reads as a band around the whole globe: such rings are
 * made continuous instead. A ring that circles a pole (Antarctica) is closed along the pole, and a
 * ring without area (a stitch along the pole) is dropped. Returns undefined for a dropped ring.
 */
export function repairRing(ring: Ring): Ring | undefined {
  if (ring.length < 4) return undefined;
  const out: Ring = [];
  let shift = 0;
  let prev = ring[0]![0]!;
  let minY = Infinity;
  let maxY = -Infinity;
  let sumY = 0;
  for (const [x0, y] of ring as [number, number][]) {
    let x = x0 + shift;
    if (x - prev > 180) {
      shift -= 360;
      x -= 360;
    } else if (x - prev < -180) {
      shift += 360;
      x += 360;
    }
    out.push([x, y]);
    prev = x;
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
    sumY += y;
  }
  if (maxY - minY < 1e-9) return undefined;
  const first = out[0]!;
  const last = out[out.length - 1]!;
  if (Math.abs(last[0]! - first[0]!) > 180) {
    const pole = sumY < 0 ? -90 : 90;
    out.push([last[0]!, pole], [first[0]!, pole], [first[0]!, first[1]!]);
  }
  return out;
}

/** The repaired polygons of a decoded Polygon or MultiPolygon; other geometries have none. */
export function repairPolygons(geometry: { type: string; coordinates?: unknown } | null): number[][][][] {
  if (!geometry) return [];
  const polygons =
    geometry.type === 'Polygon'
      ? [geometry.coordinates as Ring[]]
      : geometry.type === 'MultiPolygon'
        ? (geometry.coordinates as Ring[][])
        : [];
  const out: number[][][][] = [];
  for (const polygon of polygons) {
    const rings = polygon.map(repairRing).filter((r): r is Ring => r !== undefined);
    if (rings.length > 0) out.push(rings);
  }
  return out;
}

function ringBox(ring: Ring): BBox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of ring) {
    const x = p[0]!;
    const y = p[1]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}

/**
 * The smallest box holding every polygon, going round the globe the short way: the US (Aleutians
 * to Maine) is [172, 18, -66, 71], not a box across the whole world. Boxes of polygons repaired by
 * repairRing may run past 180; the result is back in [-180, 180].
 */
export function areaBBox(polygons: number[][][][]): BBox | null {
  const spans: [number, number][] = [];
  let south = Infinity;
  let north = -Infinity;
  for (const polygon of polygons) {
    const [minX, minY, maxX, maxY] = ringBox(polygon[0]!);
    south = Math.min(south, minY);
    north = Math.max(north, maxY);
    if (maxX - minX >= 360) return [-180, south, 180, north];
    const start = ((((minX + 180) % 360) + 360) % 360) - 180;
    spans.push([start, start + (maxX - minX)]);
  }
  if (spans.length === 0) return null;
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const s of spans) {
    const top = merged[merged.length - 1];
    if (top && s[0] <= top[1]) top[1] = Math.max(top[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  // Spans that run past 180 may reach round to the first ones.
  while (merged.length > 1 && merged[merged.length - 1]![1] >= merged[0]![0] + 360) {
    const first = merged.shift()!;
    const top = merged[merged.length - 1]!;
    top[1] = Math.max(top[1], first[1] + 360);
  }
  // The box leaves out the widest stretch of longitude that no polygon covers.
  let west = merged[0]![0];
  let east = merged[merged.length - 1]![1];
  let widest = merged[0]![0] + 360 - east;
  for (let i = 0; i + 1 < merged.length; i++) {
    const gap = merged[i + 1]![0] - merged[i]![1];
    if (gap > widest) {
      widest = gap;
      west = merged[i + 1]![0];
      east = merged[i]![1];
    }
  }
  if (widest <= 0) return [-180, south, 180, north];
  if (east > 180) east -= 360;
  return [west, south, east, north];
}

/** Whether a box (possibly across the antimeridian) holds the point. */
export function bboxContains([west, south, east, north]: BBox, lon: number, lat: number): boolean {
  if (lat < south || lat > north) return false;
  return west <= east ? lon >= west && lon <= east : lon >= west || lon <= east;
}

/** The middle of a box, on the right side of the antimeridian: [lon, lat]. */
export function bboxCentre([west, south, east, north]: BBox): [number, number] {
  const width = west <= east ? east - west : east + 360 - west;
  const lon = west + width / 2;
  return [lon > 180 ? lon - 360 : lon, (south + north) / 2];
}

/** A rough radius in metres of the circle as large as the box's half-diagonal. */
export function bboxRadiusM([west, south, east, north]: BBox): number {
  const width = west <= east ? east - west : east + 360 - west;
  const dx = width * 111_320 * Math.cos((((south + north) / 2) * Math.PI) / 180);
  const dy = (north - south) * 110_574;
  return Math.hypot(dx, dy) / 2;
}

interface Entry<K> {
  key: K;
  polygon: Polygon;
  /** Added to a query's longitude: a polygon repaired past 180 is also indexed a turn to the west. */
  shift: number;
}

/**
 * The areas holding a point. Each polygon is indexed by its box (once more, a turn of 360° away,
 * when it runs past ±180), and only the polygons whose box holds the point are tested exactly.
 */
export class AreaIndex<K> {
  private readonly entries: Entry<K>[] = [];
  private readonly tree: Flatbush;
  private segments: { tree: Flatbush; keys: K[] } | undefined;

  constructor(areas: Iterable<{ key: K; polygons: number[][][][] }>) {
    const boxes: BBox[] = [];
    for (const { key, polygons } of areas) {
      for (const coordinates of polygons) {
        const polygon: Polygon = { type: 'Polygon', coordinates };
        const [minX, minY, maxX, maxY] = ringBox(coordinates[0]!);
        this.entries.push({ key, polygon, shift: 0 });
        boxes.push([minX, minY, maxX, maxY]);
        for (const shift of [360, -360]) {
          if ((shift > 0 && maxX > 180) || (shift < 0 && minX < -180)) {
            this.entries.push({ key, polygon, shift });
            boxes.push([minX - shift, minY, maxX - shift, maxY]);
          }
        }
      }
    }
    this.tree = new Flatbush(Math.max(boxes.length, 1));
    for (const b of boxes) this.tree.add(b[0], b[1], b[2], b[3]);
    if (boxes.length === 0) this.tree.add(0, 0, 0, 0);
    this.tree.finish();
  }

  /** The area whose polygons hold the point (borders count as inside). */
  find(lon: number, lat: number): K | undefined {
    for (const i of this.tree.search(lon, lat, lon, lat)) {
      const e = this.entries[i];
      if (e && booleanPointInPolygon([lon + e.shift, lat], e.polygon)) return e.key;
    }
    return undefined;
  }

  /** The areas with a polygon whose box lies within maxDeg degrees of the point. */
  near(lon: number, lat: number, maxDeg: number): K[] {
    const keys = new Set<K>();
    for (const i of this.tree.search(lon - maxDeg, lat - maxDeg, lon + maxDeg, lat + maxDeg)) {
      const e = this.entries[i];
      if (e) keys.add(e.key);
    }
    return [...keys];
  }

  /**
   * The area with a boundary nearest the point, within maxDeg degrees: for points just off a
   * coastline that the generalised boundaries draw a little inland (ports, waterfront city centres).
   * Distance is to the boxes of the boundary segments, a close bound for segments this short. The
   * segment index is built on first use: most points fall inside an area and never need it.
   */
  nearest(lon: number, lat: number, maxDeg: number): K | undefined {
    const segments = (this.segments ??= this.buildSegments());
    const [i] = segments.tree.neighbors(lon, lat, 1, maxDeg);
    return i === undefined ? undefined : segments.keys[i];
  }

  private buildSegments(): { tree: Flatbush; keys: K[] } {
    const keys: K[] = [];
    const boxes: number[] = [];
    for (const { key, polygon, shift } of this.entries) {
      for (const ring of polygon.coordinates) {
        for (let j = 1; j < ring.length; j++) {
          const a = ring[j - 1]!;
          const b = ring[j]!;
          const minX = Math.min(a[0]!, b[0]!) - shift;
          const maxX = Math.max(a[0]!, b[0]!) - shift;
          if (maxX < -181 || minX > 181) continue;
          boxes.push(minX, Math.min(a[1]!, b[1]!), maxX, Math.max(a[1]!, b[1]!));
          keys.push(key);
        }
      }
    }
    // Single precision is a metre or two here, and halves the index.
    const tree = new Flatbush(Math.max(keys.length, 1), 16, Float32Array);
    for (let k = 0; k < boxes.length; k += 4)
      tree.add(boxes[k]!, boxes[k + 1]!, boxes[k + 2]!, boxes[k + 3]!);
    if (keys.length === 0) tree.add(0, 0, 0, 0);
    tree.finish();
    return { tree, keys };
  }
}
