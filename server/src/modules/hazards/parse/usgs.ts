// USGS earthquake GeoJSON summary feeds (FeatureCollection of Point features, coordinates
// [lon, lat, depth_km], times in epoch ms): one event per feature, keyed by the feature id and
// ordered by `updated`. A bad feature is rejected with its index; the others still count.
import { safeLink } from './cap';
import { isoOf } from './dates';
import { kindFromUsgs } from './kinds';
import { earthquakeRadiusKm } from './radius';
import { emptyYield, type HazardSeverity, type ParsedHazard, type Yield } from './types';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * A FeatureCollection from the USGS: its metadata says so, or its features carry `mag`. Other GeoJSON
 * (incident feeds, anything else) must not be read as earthquakes.
 */
export function isUsgsGeoJson(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (value.type === 'Feature') return isObject(value.properties) && 'mag' in value.properties;
  if (value.type !== 'FeatureCollection' || !Array.isArray(value.features)) return false;
  const url = isObject(value.metadata) ? value.metadata.url : undefined;
  if (typeof url === 'string' && /(^|\.)usgs\.gov\//.test(url.replace(/^https?:\/\//, ''))) return true;
  if (value.features.length === 0) return true;
  return value.features.some((f) => isObject(f) && isObject(f.properties) && 'mag' in f.properties);
}

/**
 * Severity, the higher of two readings. PAGER's alert estimates losses: red (≥1,000 deaths or ≥$1bn)
 * -> extreme, orange -> severe, yellow -> moderate, green -> minor. Magnitude follows the USGS classes:
 * great (≥ 8) -> extreme, major (7–7.9) -> severe, strong (6–6.9) -> moderate, below 6 -> minor. The
 * higher wins because PAGER does not see alarm or tsunami risk, and magnitude does not see exposure.
 */
const PAGER: Record<string, HazardSeverity> = {
  red: 'extreme',
  orange: 'severe',
  yellow: 'moderate',
  green: 'minor',
};
const RANK: HazardSeverity[] = ['unknown', 'minor', 'moderate', 'severe', 'extreme'];

function severityOf(magnitude: number | undefined, alert: unknown): HazardSeverity {
  const byPager = typeof alert === 'string' ? (PAGER[alert.toLowerCase()] ?? 'unknown') : 'unknown';
  const byMagnitude: HazardSeverity =
    magnitude === undefined
      ? 'unknown'
      : magnitude >= 8
        ? 'extreme'
        : magnitude >= 7
          ? 'severe'
          : magnitude >= 6
            ? 'moderate'
            : 'minor';
  return RANK.indexOf(byPager) > RANK.indexOf(byMagnitude) ? byPager : byMagnitude;
}

export function parseUsgsGeoJson(value: Json): Yield {
  const out = emptyYield();
  const features: unknown[] = value.type === 'Feature' ? [value] : (value.features as unknown[]);
  features.forEach((feature, index) => {
    const at = `features[${index}]`;
    const reject = (path: string, why: string): void => {
      out.rejected.push({
        code: 'usgs.invalid',
        message: `USGS feature ${index}: ${why} at ${path}`,
        path,
        itemIndex: index,
      });
    };
    if (!isObject(feature) || feature.type !== 'Feature') return reject(at, 'not a GeoJSON Feature');
    const id = typeof feature.id === 'string' || isFiniteNumber(feature.id) ? String(feature.id).trim() : '';
    if (!id) return reject(`${at}.id`, 'no id');
    const props = feature.properties;
    if (!isObject(props)) return reject(`${at}.properties`, 'no properties');
    const geometry = feature.geometry;
    const coords = isObject(geometry) && geometry.type === 'Point' ? geometry.coordinates : undefined;
    if (!Array.isArray(coords) || coords.length < 2 || !coords.every(isFiniteNumber)) {
      return reject(`${at}.geometry`, 'geometry is not a Point with numeric [lon, lat, depth] coordinates');
    }
    const [lon, lat, depth] = coords as number[];
    if (Math.abs(lat!) > 90 || Math.abs(lon!) > 180)
      return reject(`${at}.geometry`, `[${lon}, ${lat}] is outside the globe`);
    if (!isFiniteNumber(props.time)) return reject(`${at}.properties.time`, 'time is not epoch milliseconds');
    if (props.updated !== undefined && props.updated !== null && !isFiniteNumber(props.updated)) {
      return reject(`${at}.properties.updated`, 'updated is not epoch milliseconds');
    }
    if (props.mag !== undefined && props.mag !== null && !isFiniteNumber(props.mag)) {
      return reject(`${at}.properties.mag`, 'mag is not a number');
    }
    const magnitude = isFiniteNumber(props.mag) ? props.mag : undefined;
    // Depth is positive down; a few events sit slightly above sea level (negative depth).
    const depthKm = isFiniteNumber(depth) ? depth : undefined;
    const updated = isFiniteNumber(props.updated) ? props.updated : props.time;
    const place = typeof props.place === 'string' && props.place.trim() ? props.place.trim() : undefined;
    const title =
      typeof props.title === 'string' && props.title.trim()
        ? props.title.trim()
        : `M ${magnitude ?? '?'}${place ? ` - ${place}` : ''}`;
    const status = typeof props.status === 'string' ? props.status.toLowerCase() : undefined;

    const notes: string[] = [];
    if (place) notes.push(place);
    if (depthKm !== undefined) notes.push(`depth ${depthKm} km`);
    // The flag marks large events in oceanic regions; it is not a tsunami warning.
    if (props.tsunami === 1)
      notes.push('USGS tsunami flag set (large oceanic event; check tsunami warning centres)');

    const event: ParsedHazard = {
      source: 'usgs',
      key: id,
      revision: updated,
      references: [],
      action: status === 'deleted' ? 'cancel' : 'alert',
      status: 'actual',
      kind: kindFromUsgs(props.type),
      severity: severityOf(magnitude, props.alert),
      title,
      countries: [],
      sent: isoOf(props.time),
      onset: isoOf(props.time),
      updated: isoOf(updated),
      area: { polygons: [], circles: [], geocodes: [], point: { lon: lon!, lat: lat! } },
    };
    if (notes.length > 0) event.description = notes.join('; ');
    if (magnitude !== undefined) {
      event.magnitude = magnitude;
      event.area.suggestedRadiusKm = earthquakeRadiusKm(magnitude, depthKm);
    }
    if (place) event.area.description = place;
    const link = safeLink(typeof props.url === 'string' ? props.url : undefined);
    if (link) event.link = link;
    out.events.push(event);
  });
  return out;
}
