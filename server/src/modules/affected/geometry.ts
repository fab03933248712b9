// Checks GeoJSON polygons an officer draws or uploads, before any of it is stored: ranges,
// closed rings, enough vertices, no self-intersections, holes inside their shell, and the
// common mistake of [lat, lon] for GeoJSON's [lon, lat] (RFC 7946 §3.1.1). Every problem is a
// field error with the path of the coordinate at fault.
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import kinks from '@turf/kinks';
import type { ErrorDetail } from '@siaga/contracts';
import type { AreaGeometry } from '@siaga/contracts';

export type Ring = [number, number][];
export type PolygonRings = Ring[];

const err = (path: string, code: string, message: string): ErrorDetail => ({ path, code, message });

/**
 * Longitudes made continuous along the ring, so that an edge from 179° to −179° is 2° long
 * rather than 358°: a ring drawn across the antimeridian (Fiji, Kamchatka, Chukotka) then
 * spans, say, 177° to 182°, and is tested against points at both `lon` and `lon + 360`.
 */
export function unwrapRing(ring: Ring): Ring {
  const out: Ring = [];
  let shift = 0;
  for (let i = 0; i < ring.length; i++) {
    const [lon, lat] = ring[i]!;
    if (i > 0) {
      const prev = ring[i - 1]![0];
      const d = lon - prev;
      if (d > 180) shift -= 360;
      else if (d < -180) shift += 360;
    }
    out.push([lon + shift, lat]);
  }
  return out;
}

/** The polygons of a geometry as rings of [lon, lat], in input order. */
export function polygonsOf(geometry: AreaGeometry): number[][][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/**
 * Validates a Polygon or MultiPolygon; returns the polygons with unwrapped rings, or the errors.
 * `path` is where the geometry sits in the request, e.g. `body.areas.0.geometry`.
 */
export function checkGeometry(
  geometry: AreaGeometry,
  path: string,
): { ok: true; polygons: PolygonRings[] } | { ok: false; errors: ErrorDetail[] } {
  const errors: ErrorDetail[] = [];
  const polygons: PolygonRings[] = [];
  const multi = geometry.type === 'MultiPolygon';
  polygonsOf(geometry).forEach((rings, p) => {
    const at = multi ? `${path}.coordinates.${p}` : `${path}.coordinates`;
    const checked: PolygonRings = [];
    rings.forEach((ring, r) => {
      const ringAt = `${at}.${r}`;
      const before = errors.length;
      ring.forEach((pos, i) => {
        const [lon, lat] = pos as [number, number];
        if (!Number.isFinite(lon) || !Number.isFinite(lat)) {
          errors.push(err(`${ringAt}.${i}`, 'geometry.not_a_number', 'Coordinates must be numbers'));
        } else if (Math.abs(lat) > 90 && Math.abs(lon) <= 90) {
          errors.push(
            err(
              `${ringAt}.${i}`,
              'geometry.swapped_coordinates',
              `[${lon}, ${lat}] has a latitude beyond ±90: GeoJSON positions are [longitude, latitude], this looks like [latitude, longitude]`,
            ),
          );
        } else if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
          errors.push(
            err(
              `${ringAt}.${i}`,
              'geometry.out_of_range',
              `[${lon}, ${lat}] is out of range: longitude must be within ±180 and latitude within ±90`,
            ),
          );
        }
      });
      if (errors.length > before) return;
      if (ring.length < 4) {
        errors.push(
          err(
            ringAt,
            'geometry.ring_too_short',
            'A ring needs at least four positions, the last repeating the first',
          ),
        );
        return;
      }
      const first = ring[0]!;
      const last = ring[ring.length - 1]!;
      if (first[0] !== last[0] || first[1] !== last[1]) {
        errors.push(
          err(
            ringAt,
            'geometry.ring_not_closed',
            'The ring is not closed: its last position must repeat the first',
          ),
        );
        return;
      }
      const unwrapped = unwrapRing(ring.map((q) => [q[0]!, q[1]!]));
      const end = unwrapped[unwrapped.length - 1]!;
      if (Math.abs(end[0] - unwrapped[0]![0]) > 1e-9) {
        errors.push(
          err(
            ringAt,
            'geometry.wraps_the_globe',
            'The ring goes all the way round the globe; draw it as two areas',
          ),
        );
        return;
      }
      const distinct = new Set(unwrapped.slice(0, -1).map(([x, y]) => `${x},${y}`));
      if (distinct.size < 3) {
        errors.push(err(ringAt, 'geometry.degenerate', 'The ring has fewer than three distinct corners'));
        return;
      }
      checked.push(unwrapped);
    });
    if (checked.length !== rings.length) return;
    const found = kinks({ type: 'Polygon', coordinates: checked });
    const kink = found.features[0];
    if (kink) {
      const [x, y] = kink.geometry.coordinates as [number, number];
      errors.push(
        err(
          at,
          'geometry.self_intersection',
          `The polygon crosses itself near [${round(normaliseLon(x))}, ${round(y)}]; edges may not cross`,
        ),
      );
      return;
    }
    for (let h = 1; h < checked.length; h++) {
      if (!ringInside(checked[h]!, checked[0]!)) {
        errors.push(err(`${at}.${h}`, 'geometry.hole_outside', 'A hole must lie inside the outer ring'));
      }
    }
    polygons.push(checked);
  });
  return errors.length ? { ok: false, errors } : { ok: true, polygons };
}

const round = (x: number) => Math.round(x * 1e5) / 1e5;
export const normaliseLon = (lon: number) => ((((lon + 180) % 360) + 360) % 360) - 180;

/** Whether a hole's vertices all lie inside (or on) the shell; rings do not cross, checked above. */
function ringInside(hole: Ring, shell: Ring): boolean {
  const polygon = { type: 'Polygon' as const, coordinates: [shell] };
  return hole.every((p) => booleanPointInPolygon(p, polygon));
}
