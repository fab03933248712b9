// The overlay layers the crisis pages draw on the basemap: crisis areas coloured by alert level,
// hazard events coloured by severity, and the area being drawn. All are GeoJSON sources that a
// page replaces wholesale; layers are added once, in this order from bottom to top.
import type { GeoJSONSource, Map as MlMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { levelColorExpression } from '../features/crises/levels';

export const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export const SEVERITY_COLORS = {
  extreme: '#4a1486',
  severe: '#6a51a3',
  moderate: '#807dba',
  minor: '#9e9ac8',
  unknown: '#8c8c8c',
} as const;

const severityColor = [
  'match',
  ['get', 'severity'],
  'extreme',
  SEVERITY_COLORS.extreme,
  'severe',
  SEVERITY_COLORS.severe,
  'moderate',
  SEVERITY_COLORS.moderate,
  'minor',
  SEVERITY_COLORS.minor,
  SEVERITY_COLORS.unknown,
] as const;

export function setSourceData(map: MlMap, id: string, data: FeatureCollection): void {
  const source = map.getSource(id) as GeoJSONSource | undefined;
  if (source) source.setData(data);
  else map.addSource(id, { type: 'geojson', data });
}

/** `areas`: fill and outline in the colour of each feature's "level". */
export function addAreaLayers(map: MlMap, data: FeatureCollection = EMPTY): void {
  setSourceData(map, 'areas', data);
  if (map.getLayer('areas-fill')) return;
  map.addLayer({
    id: 'areas-fill',
    type: 'fill',
    source: 'areas',
    paint: { 'fill-color': levelColorExpression as never, 'fill-opacity': 0.28 },
  });
  map.addLayer({
    id: 'areas-line',
    type: 'line',
    source: 'areas',
    paint: { 'line-color': levelColorExpression as never, 'line-width': 2.5 },
  });
}

/** `countries-levels`: the crisis's countries outlined in their level's colour, lightly filled. */
export function addCountryLevelLayers(map: MlMap, data: FeatureCollection = EMPTY): void {
  setSourceData(map, 'country-levels', data);
  if (map.getLayer('country-levels-fill')) return;
  map.addLayer({
    id: 'country-levels-fill',
    type: 'fill',
    source: 'country-levels',
    paint: { 'fill-color': levelColorExpression as never, 'fill-opacity': 0.1 },
  });
  map.addLayer({
    id: 'country-levels-line',
    type: 'line',
    source: 'country-levels',
    paint: { 'line-color': levelColorExpression as never, 'line-width': 1.5, 'line-dasharray': [3, 2] },
  });
}

export const HAZARD_LAYERS = ['hazards-fill', 'hazards-line', 'hazards-point'] as const;

/** `hazards`: areas (polygons, circles, radii around points) and points, by severity. */
export function addHazardLayers(map: MlMap, data: FeatureCollection = EMPTY): void {
  setSourceData(map, 'hazards', data);
  if (map.getLayer('hazards-fill')) return;
  const areas = ['==', ['geometry-type'], 'Polygon'] as never;
  map.addLayer({
    id: 'hazards-fill',
    type: 'fill',
    source: 'hazards',
    filter: areas,
    paint: { 'fill-color': severityColor as never, 'fill-opacity': 0.12 },
  });
  map.addLayer({
    id: 'hazards-line',
    type: 'line',
    source: 'hazards',
    filter: areas,
    paint: { 'line-color': severityColor as never, 'line-width': 1.5, 'line-dasharray': [2, 1.5] },
  });
  map.addLayer({
    id: 'hazards-point',
    type: 'circle',
    source: 'hazards',
    filter: ['==', ['geometry-type'], 'Point'] as never,
    paint: {
      'circle-color': severityColor as never,
      'circle-radius': 6,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    },
  });
}

export function setLayersVisible(map: MlMap, ids: readonly string[], visible: boolean): void {
  for (const id of ids) {
    if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
  }
}

/** `draw`: the area being drawn. Features say their part in "role". */
export function addDrawLayers(map: MlMap): void {
  setSourceData(map, 'draw', EMPTY);
  if (map.getLayer('draw-fill')) return;
  const role = (r: string) => ['==', ['get', 'role'], r] as never;
  map.addLayer({
    id: 'draw-fill',
    type: 'fill',
    source: 'draw',
    filter: role('preview'),
    paint: { 'fill-color': '#1d4f91', 'fill-opacity': 0.15 },
  });
  map.addLayer({
    id: 'draw-path',
    type: 'line',
    source: 'draw',
    filter: ['any', role('path'), role('preview')] as never,
    paint: { 'line-color': '#1d4f91', 'line-width': 2.5 },
  });
  map.addLayer({
    id: 'draw-closing',
    type: 'line',
    source: 'draw',
    filter: role('closing'),
    paint: { 'line-color': '#1d4f91', 'line-width': 2, 'line-dasharray': [2, 2] },
  });
  map.addLayer({
    id: 'draw-vertex',
    type: 'circle',
    source: 'draw',
    filter: ['any', role('vertex'), role('center')] as never,
    paint: {
      'circle-color': '#ffffff',
      'circle-radius': 5,
      'circle-stroke-color': '#1d4f91',
      'circle-stroke-width': 2.5,
    },
  });
}
