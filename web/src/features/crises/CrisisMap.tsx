// The crisis map: the crisis's areas and countries coloured by their alert level, hazard events
// (toggleable), and the affected people as server-side clusters asked again on every move. The
// browser never receives individual people here. Loaded on demand (MapLibre is large).
import type { AlertLevelValue, Crisis, HazardEvent } from '@siaga/contracts';
import type { Map as MlMap } from 'maplibre-gl';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { MapFrame } from '../../map/MapFrame';
import {
  HAZARD_LAYERS,
  addAreaLayers,
  addCountryLevelLayers,
  addHazardLayers,
  setLayersVisible,
  setSourceData,
} from '../../map/layers';
import { useClusters } from '../../map/useClusters';
import { useMapLibre } from '../../map/useMapLibre';
import { hazardFeatures } from '../hazards/hazard-features';
import { useFormat } from '../people/format';
import { mapAreaOfCrisis, useAreaFeatures, type MapArea } from './areas';
import { crisesApi } from './crises.api';
import { bboxOf } from './geometry';
import { mostSevere } from './levels';
import type { ClusterQuery } from './types';

interface Props {
  crisis: Crisis;
  hazards: readonly HazardEvent[];
  showHazards: boolean;
  onClusterError?: (err: unknown) => void;
}

export default function CrisisMap({ crisis, hazards, showHazards, onClusterError }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const container = useRef<HTMLDivElement>(null);
  const { map, ready, failed } = useMapLibre(container);

  const levels = useMemo(
    () => new Map(crisis.countryLevels.map((c) => [c.country, c.level])),
    [crisis.countryLevels],
  );
  const areas = useMemo<MapArea[]>(
    () =>
      crisis.areas.map((a) =>
        mapAreaOfCrisis(
          a,
          a.alertLevel ??
            mostSevere(
              a.countries.flatMap((c) => levels.get(c) ?? []),
              crisis.alertLevel,
            ),
        ),
      ),
    [crisis.areas, crisis.alertLevel, levels],
  );
  const countries = useMemo<MapArea[]>(() => {
    const drawn = new Set(crisis.areas.filter((a) => a.kind === 'country').flatMap((a) => a.countries));
    return crisis.countryLevels
      .filter((c) => !drawn.has(c.country))
      .map(({ country, level }: { country: string; level: AlertLevelValue }) => ({
        key: `country-${country}`,
        kind: 'country',
        level,
        geometry: null,
        center: null,
        radiusKm: null,
        boundary: `country:${country}`,
      }));
  }, [crisis.areas, crisis.countryLevels]);
  const areaFc = useAreaFeatures(areas);
  const countryFc = useAreaFeatures(countries);
  const hazardFc = useMemo(() => hazardFeatures(hazards), [hazards]);

  useEffect(() => {
    if (!map) return;
    addCountryLevelLayers(map);
    addAreaLayers(map);
    addHazardLayers(map);
  }, [map]);
  useEffect(() => void (map && setSourceData(map, 'areas', areaFc)), [map, areaFc]);
  useEffect(() => void (map && setSourceData(map, 'country-levels', countryFc)), [map, countryFc]);
  useEffect(() => {
    if (!map) return;
    setSourceData(map, 'hazards', hazardFc);
    setLayersVisible(map, HAZARD_LAYERS, showHazards);
  }, [map, hazardFc, showHazards]);

  // Look at the crisis once its shapes are known: the areas, or else its countries.
  const fitted = useRef(false);
  useEffect(() => {
    if (!map || fitted.current) return;
    const box = bboxOf(areaFc.features) ?? bboxOf(countryFc.features);
    if (!box) return;
    fitted.current = true;
    fit(map, box);
  }, [map, areaFc, countryFc]);

  const id = crisis.id;
  const load = useCallback((view: ClusterQuery) => crisesApi.clusters(id, view), [id]);
  const format = useCallback((n: number) => f.compact(n), [f]);
  useClusters(map, load, {
    variant: 'affected',
    interactive: true,
    visible: true,
    format,
    onError: onClusterError,
  });

  return <MapFrame containerRef={container} label={t('crisisMap.label')} ready={ready} failed={failed} />;
}

function fit(map: MlMap, [w, s, e, n]: [number, number, number, number]) {
  map.fitBounds(
    [
      [w, s],
      [e, n],
    ],
    { padding: 40, maxZoom: 9, duration: 0 },
  );
}
