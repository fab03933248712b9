// Hazard events as map features: their polygons, their circles and the radius around a point
// event as polygons, and the point itself. Cancelled events are left off the map.
import type { HazardEvent } from '@siaga/contracts';
import type { Feature, FeatureCollection } from 'geojson';
import { bboxOf, circlePolygon, type Bbox } from '../crises/geometry';

type HazardLike = Pick<HazardEvent, 'id' | 'severity' | 'title' | 'area'> & { cancelled?: boolean };

export function hazardFeatures(events: readonly HazardLike[]): FeatureCollection {
  const features: Feature[] = [];
  for (const e of events) {
    if (e.cancelled) continue;
    const properties = { id: e.id, severity: e.severity, title: e.title };
    if (e.area.geometry) features.push({ type: 'Feature', geometry: e.area.geometry, properties });
    for (const c of e.area.circles) {
      features.push({ type: 'Feature', geometry: circlePolygon(c, c.radiusKm), properties });
    }
    if (e.area.point) {
      if (e.area.radiusKm) {
        features.push({
          type: 'Feature',
          geometry: circlePolygon(e.area.point, e.area.radiusKm),
          properties,
        });
      }
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [e.area.point.lon, e.area.point.lat] },
        properties,
      });
    }
  }
  return { type: 'FeatureCollection', features };
}

export const hazardsBbox = (events: readonly HazardLike[]): Bbox | null =>
  bboxOf(hazardFeatures(events).features);
