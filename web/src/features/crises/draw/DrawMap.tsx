// The map on which an officer draws a crisis's areas: a click adds a vertex of the polygon being
// drawn (or places a circle's centre), a double-click closes the polygon. Shows the areas added so
// far, the registered population as clusters, and hazard events. Loaded on demand (MapLibre is large).
import type { HazardEvent } from '@siaga/contracts';
import type { Feature, FeatureCollection } from 'geojson';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { MapFrame } from '../../../map/MapFrame';
import {
  HAZARD_LAYERS,
  addAreaLayers,
  addDrawLayers,
  addHazardLayers,
  setLayersVisible,
  setSourceData,
} from '../../../map/layers';
import { useClusters } from '../../../map/useClusters';
import { useMapLibre } from '../../../map/useMapLibre';
import { hazardFeatures } from '../../hazards/hazard-features';
import { useFormat } from '../../people/format';
import { crisesApi } from '../crises.api';
import { circleRing, type Bbox, type LonLat } from '../geometry';
import type { Tool } from './useAreaDraft';

export interface DrawMapProps {
  areas: FeatureCollection;
  tool: Tool;
  vertices: readonly LonLat[];
  circle: { center: LonLat | null; radiusKm: number | null };
  /** Fit the map to this extent whenever a new one is given. */
  focus: Bbox | null;
  hazards: readonly HazardEvent[];
  showHazards: boolean;
  showPopulation: boolean;
  onPoint: (point: LonLat) => void;
  /** A double-click: its second click added a vertex that is not wanted. */
  onDoubleClick: () => void;
}

function drawFeatures(
  tool: Tool,
  vertices: readonly LonLat[],
  circle: DrawMapProps['circle'],
): FeatureCollection {
  const f = (role: string, geometry: Feature['geometry']): Feature => ({
    type: 'Feature',
    geometry,
    properties: { role },
  });
  const out: Feature[] = [];
  if (tool === 'polygon' && vertices.length > 0) {
    if (vertices.length > 1)
      out.push(f('path', { type: 'LineString', coordinates: vertices.map((v) => [...v]) }));
    if (vertices.length > 2) {
      const last = vertices[vertices.length - 1]!;
      out.push(f('closing', { type: 'LineString', coordinates: [[...last], [...vertices[0]!]] }));
    }
    for (const v of vertices) out.push(f('vertex', { type: 'Point', coordinates: [...v] }));
  }
  if (tool === 'circle' && circle.center) {
    const [lon, lat] = circle.center;
    if (circle.radiusKm)
      out.push(f('preview', { type: 'Polygon', coordinates: [circleRing({ lat, lon }, circle.radiusKm)] }));
    out.push(f('center', { type: 'Point', coordinates: [lon, lat] }));
  }
  return { type: 'FeatureCollection', features: out };
}

export default function DrawMap(props: DrawMapProps) {
  const { t } = useTranslation();
  const f = useFormat();
  const container = useRef<HTMLDivElement>(null);
  const { map, ready, failed } = useMapLibre(container);
  const handlers = useRef(props);
  handlers.current = props;

  useEffect(() => {
    if (!map) return;
    addAreaLayers(map);
    addHazardLayers(map);
    addDrawLayers(map);
    const click = (e: { lngLat: { lng: number; lat: number } }) =>
      handlers.current.onPoint([e.lngLat.lng, e.lngLat.lat]);
    const dblclick = (e: { preventDefault: () => void }) => {
      if (handlers.current.tool !== 'polygon') return;
      e.preventDefault();
      handlers.current.onDoubleClick();
    };
    map.on('click', click);
    map.on('dblclick', dblclick);
    return () => {
      map.off('click', click);
      map.off('dblclick', dblclick);
    };
  }, [map]);

  useEffect(() => {
    if (!map) return;
    const drawing = props.tool !== 'none';
    if (drawing) map.doubleClickZoom.disable();
    else map.doubleClickZoom.enable();
    map.getCanvas().style.cursor = drawing ? 'crosshair' : '';
  }, [map, props.tool]);

  const draw = useMemo(
    () => drawFeatures(props.tool, props.vertices, props.circle),
    [props.tool, props.vertices, props.circle],
  );
  useEffect(() => void (map && setSourceData(map, 'draw', draw)), [map, draw]);
  useEffect(() => void (map && setSourceData(map, 'areas', props.areas)), [map, props.areas]);
  const hazards = useMemo(() => hazardFeatures(props.hazards), [props.hazards]);
  useEffect(() => {
    if (!map) return;
    setSourceData(map, 'hazards', hazards);
    setLayersVisible(map, HAZARD_LAYERS, props.showHazards);
  }, [map, hazards, props.showHazards]);

  useEffect(() => {
    if (!map || !props.focus) return;
    const [w, s, e, n] = props.focus;
    map.fitBounds(
      [
        [w, s],
        [e, n],
      ],
      { padding: 48, maxZoom: 9, duration: 0 },
    );
  }, [map, props.focus]);

  const format = useCallback((n: number) => f.compact(n), [f]);
  useClusters(map, crisesApi.population, {
    variant: 'population',
    interactive: false,
    visible: props.showPopulation,
    format,
  });

  return (
    <MapFrame
      containerRef={container}
      label={t('crisisNew.mapLabel')}
      ready={ready}
      failed={failed}
      className="map-frame--draw"
    />
  );
}
