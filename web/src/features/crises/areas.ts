// A crisis's areas as the map draws them: polygons as given, circles as polygons, and countries or
// admin-1 areas by the boundary the gazetteer serves. Each feature carries its alert level.
import type { AlertLevelValue, AreaGeometry, AreaInput, CrisisArea } from '@siaga/contracts';
import type { Feature, FeatureCollection } from 'geojson';
import { useEffect, useMemo, useState } from 'react';
import { geoApi, type Boundary } from '../geo/geo.api';
import { circlePolygon } from './geometry';

export interface MapArea {
  key: string;
  kind: AreaInput['kind'];
  level: AlertLevelValue;
  geometry: AreaGeometry | null;
  center: { lat: number; lon: number } | null;
  radiusKm: number | null;
  /** "country:MY" or "admin1:MY-14": whose boundary to fetch. */
  boundary: string | null;
}

export function mapAreaOfInput(key: string, input: AreaInput, level: AlertLevelValue): MapArea {
  const none = { key, kind: input.kind, level, geometry: null, center: null, radiusKm: null, boundary: null };
  switch (input.kind) {
    case 'polygon':
      return { ...none, geometry: input.geometry };
    case 'circle':
      return { ...none, center: input.center, radiusKm: input.radiusKm };
    case 'country':
      return { ...none, boundary: `country:${input.country}` };
    case 'admin1':
      return { ...none, boundary: `admin1:${input.code}` };
  }
}

export function mapAreaOfCrisis(area: CrisisArea, level: AlertLevelValue): MapArea {
  const code = area.code ?? area.countries[0] ?? null;
  return {
    key: area.id,
    kind: area.kind,
    level,
    geometry: area.geometry,
    center: area.center,
    radiusKm: area.radiusKm,
    boundary:
      area.geometry || !code || (area.kind !== 'country' && area.kind !== 'admin1')
        ? null
        : `${area.kind}:${code}`,
  };
}

export function loadBoundary(key: string): Promise<Boundary> {
  const [kind, code = ''] = key.split(/:(.*)/s);
  return kind === 'country' ? geoApi.countryBoundary(code) : geoApi.admin1Boundary(code);
}

/** The boundaries named by `keys`, fetched once each; ones the gazetteer lacks are left out. */
export function useBoundaries(keys: readonly string[]): Record<string, Boundary> {
  const [loaded, setLoaded] = useState<Record<string, Boundary>>({});
  const wanted = keys.join('|');
  useEffect(() => {
    let live = true;
    for (const key of new Set(keys)) {
      if (loaded[key]) continue;
      loadBoundary(key)
        .then((b) => live && setLoaded((prev) => ({ ...prev, [key]: b })))
        .catch(() => undefined);
    }
    return () => {
      live = false;
    };
    // `wanted` stands for `keys`; `loaded` only grows.
  }, [wanted]);
  return loaded;
}

export function areaFeatures(
  areas: readonly MapArea[],
  boundaries: Record<string, Boundary>,
): FeatureCollection {
  const features: Feature[] = [];
  for (const a of areas) {
    const geometry =
      a.geometry ??
      (a.center && a.radiusKm ? circlePolygon(a.center, a.radiusKm) : null) ??
      (a.boundary ? (boundaries[a.boundary]?.geometry ?? null) : null);
    if (geometry) features.push({ type: 'Feature', geometry, properties: { key: a.key, level: a.level } });
  }
  return { type: 'FeatureCollection', features };
}

export function useAreaFeatures(areas: readonly MapArea[]): FeatureCollection {
  const boundaries = useBoundaries(areas.flatMap((a) => (a.boundary ? [a.boundary] : [])));
  return useMemo(() => areaFeatures(areas, boundaries), [areas, boundaries]);
}
