// Turns the areas of a crisis or of an ad-hoc question (polygons, circles, whole countries,
// admin-1 areas) into one test, "is this point inside?", and the boxes a spatial index is asked
// for. Antimeridian-crossing shapes are split into boxes on both sides and tested at lon ± 360.
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { AreaInput, ErrorDetail } from '@siaga/contracts';
import { gazetteer } from '../geo/gazetteer';
import {
  checkGeometry,
  normaliseLon,
  polygonsOf,
  unwrapRing,
  type PolygonRings,
  type Ring,
} from './geometry';

/** [west, south, east, north] in degrees, west ≤ east, all within ±180 / ±90. */
export type Box = [number, number, number, number];

interface Part {
  /** Bounding box in the part's own (possibly unwrapped, beyond ±180) longitudes. */
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
  test(x: number, y: number): boolean;
}

export interface CompiledArea {
  /** Boxes to ask the spatial index for; a point outside every box is outside the area. */
  boxes: Box[];
  /** Points on an edge or a vertex count as inside: a street on the line is in the danger zone. */
  contains(lon: number, lat: number): boolean;
  /**
   * Countries the areas touch, as far as the gazetteer can tell. Worked out on first use: only
   * declaring a crisis needs it, not the counts and map clusters asked for on every view.
   */
  readonly countries: string[];
  /** The same, for each area in input order. */
  readonly countriesByArea: string[][];
}

const EARTH_KM = 6371.0088;
const KM_PER_DEG = (Math.PI * EARTH_KM) / 180;

function polygonPart(rings: PolygonRings): Part {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of rings[0]!) {
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const polygon = { type: 'Polygon' as const, coordinates: rings };
  return { minX, minY, maxX, maxY, test: (x, y) => booleanPointInPolygon([x, y], polygon) };
}

export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const dLat = (lat2 - lat1) * r;
  const dLon = (lon2 - lon1) * r;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

function circlePart(lat: number, lon: number, radiusKm: number): Part {
  const dLat = radiusKm / KM_PER_DEG;
  const minY = Math.max(-90, lat - dLat);
  const maxY = Math.min(90, lat + dLat);
  const widest = Math.max(Math.abs(minY), Math.abs(maxY));
  // Near a pole the circle covers every longitude.
  const dLon = widest >= 89.9 ? 180 : Math.min(180, dLat / Math.cos((widest * Math.PI) / 180));
  return {
    minX: lon - dLon,
    maxX: lon + dLon,
    minY,
    maxY,
    test: (x, y) => haversineKm(lat, lon, y, x) <= radiusKm,
  };
}

/** A part's box cut at the antimeridian into boxes within ±180. */
function boxesOf(p: Part): Box[] {
  if (p.maxX - p.minX >= 360) return [[-180, p.minY, 180, p.maxY]];
  const west = normaliseLon(p.minX);
  const east = west + (p.maxX - p.minX);
  if (east <= 180) return [[west, p.minY, east, p.maxY]];
  return [
    [west, p.minY, 180, p.maxY],
    [-180, p.minY, east - 360, p.maxY],
  ];
}

function partContains(p: Part, lon: number, lat: number): boolean {
  if (lat < p.minY || lat > p.maxY) return false;
  // The point itself, or its copy one turn east or west (for parts unwrapped past ±180).
  for (let turn = 0; turn < 3; turn++) {
    const x = turn === 0 ? lon : turn === 1 ? lon + 360 : lon - 360;
    if (x >= p.minX && x <= p.maxX && p.test(x, lat)) return true;
  }
  return false;
}

/** Gazetteer polygons (trusted data, but possibly drawn across the antimeridian). */
function gazetteerParts(polygons: number[][][][]): Part[] {
  return polygons.map((rings) => polygonPart(rings.map((r) => unwrapRing(r as Ring))));
}

export type CompileResult = { ok: true; area: CompiledArea } | { ok: false; errors: ErrorDetail[] };

/** Validates and compiles areas; `path` is where the list sits in the request (`body.areas`). */
export function compileAreas(areas: readonly AreaInput[], path: string): CompileResult {
  const errors: ErrorDetail[] = [];
  const parts: Part[] = [];
  // Per area: countries named outright, and parts whose countries are looked up only if asked.
  const named: string[][] = areas.map(() => []);
  const sampled: Part[][] = areas.map(() => []);
  const g = gazetteer();
  areas.forEach((area, i) => {
    const at = `${path}.${i}`;
    switch (area.kind) {
      case 'polygon': {
        const checked = checkGeometry(area.geometry, `${at}.geometry`);
        if (!checked.ok) errors.push(...checked.errors);
        else {
          const ps = checked.polygons.map(polygonPart);
          parts.push(...ps);
          sampled[i]!.push(...ps);
        }
        break;
      }
      case 'circle': {
        const { lat, lon } = area.center;
        if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
          errors.push({
            path: `${at}.center`,
            code:
              Math.abs(lat) > 90 && Math.abs(lon) <= 90
                ? 'geometry.swapped_coordinates'
                : 'geometry.out_of_range',
            message: 'The centre needs a latitude within ±90 and a longitude within ±180',
          });
          break;
        }
        const part = circlePart(lat, lon, area.radiusKm);
        parts.push(part);
        sampled[i]!.push(part);
        break;
      }
      case 'country': {
        const geometry = g.countryGeometry(area.country);
        if (!geometry) {
          errors.push({
            path: `${at}.country`,
            code: 'geo.unknown_country',
            message: 'No boundary is known for this country',
          });
          break;
        }
        parts.push(...gazetteerParts(polygonsOf(geometry)));
        named[i]!.push(area.country);
        break;
      }
      case 'admin1': {
        const info = g.admin1Area(area.code);
        const geometry = info && g.admin1Geometry(area.code);
        if (!info || !geometry) {
          errors.push({
            path: `${at}.code`,
            code: 'geo.unknown_admin1',
            message: `No admin-1 area is known as "${area.code}"`,
          });
          break;
        }
        parts.push(...gazetteerParts(polygonsOf(geometry)));
        named[i]!.push(info.country);
        break;
      }
    }
  });
  if (errors.length) return { ok: false, errors };
  let byArea: string[][] | undefined;
  return {
    ok: true,
    area: {
      boxes: parts.flatMap(boxesOf),
      contains: (lon, lat) => {
        for (const p of parts) if (partContains(p, lon, lat)) return true;
        return false;
      },
      get countriesByArea() {
        byArea ??= areas.map((_, i) => [...new Set([...named[i]!, ...touchedCountries(sampled[i]!)])].sort());
        return byArea;
      },
      get countries() {
        return [...new Set(this.countriesByArea.flat())].sort();
      },
    },
  };
}

/**
 * The countries under a part: the gazetteer's answer for a grid of points inside it and for its
 * corners. Good enough to name the missions concerned; the people inside are found exactly.
 */
function touchedCountries(ps: Part[]): Set<string> {
  const g = gazetteer();
  const found = new Set<string>();
  for (const p of ps) {
    const steps = 8;
    for (let i = 0; i <= steps; i++) {
      for (let j = 0; j <= steps; j++) {
        const x = p.minX + ((p.maxX - p.minX) * i) / steps;
        const y = p.minY + ((p.maxY - p.minY) * j) / steps;
        if (!p.test(x, y)) continue;
        const c = g.reverse(normaliseLon(x), y).country;
        if (c) found.add(c);
      }
    }
  }
  return found;
}
