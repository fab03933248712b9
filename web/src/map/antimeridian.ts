// world-atlas rings are spherical: a few (Russia, Fiji, Antarctica) cross the 180th meridian,
// which a planar renderer draws as bands across the whole map. Unwrapping their longitudes
// keeps each ring continuous; a ring that still goes once around the globe encloses a pole and
// is closed along that pole's edge.
import type { FeatureCollection, Geometry, Position } from 'geojson';

function unwrapRing(ring: Position[]): Position[] {
  if (ring.length < 2) return ring;
  let offset = 0;
  let prev = ring[0]![0]!;
  const out: Position[] = [ring[0]!];
  for (let i = 1; i < ring.length; i++) {
    const [lon = 0, lat = 0] = ring[i]!;
    const step = lon - prev;
    if (step > 180) offset -= 360;
    else if (step < -180) offset += 360;
    prev = lon;
    out.push([lon + offset, lat]);
  }
  const first = out[0]!;
  const last = out[out.length - 1]!;
  const turns = Math.round((last[0]! - first[0]!) / 360);
  if (turns === 0) return out;
  // Encircles a pole: go down to it and back along the map edge, then close.
  const meanLat = out.reduce((sum, p) => sum + p[1]!, 0) / out.length;
  const pole = meanLat < 0 ? -90 : 90;
  return [...out, [last[0]!, pole], [first[0]!, pole], first];
}

function fixGeometry(g: Geometry): Geometry {
  if (g.type === 'Polygon') return { ...g, coordinates: g.coordinates.map(unwrapRing) };
  if (g.type === 'MultiPolygon') return { ...g, coordinates: g.coordinates.map((p) => p.map(unwrapRing)) };
  return g;
}

export function fixAntimeridian(fc: FeatureCollection): FeatureCollection {
  return {
    ...fc,
    features: fc.features.map((f) => (f.geometry ? { ...f, geometry: fixGeometry(f.geometry) } : f)),
  };
}
