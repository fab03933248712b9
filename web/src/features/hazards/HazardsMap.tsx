// A small map of hazard events: their areas and points by severity, fitted to them; a click on
// one says what it is. Loaded on demand (MapLibre is large).
import type { HazardEvent } from '@siaga/contracts';
import { Popup, type MapLayerMouseEvent } from 'maplibre-gl';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { MapFrame } from '../../map/MapFrame';
import { HAZARD_LAYERS, addHazardLayers, setSourceData } from '../../map/layers';
import { useMapLibre } from '../../map/useMapLibre';
import { bboxOf } from '../crises/geometry';
import { hazardFeatures } from './hazard-features';

export default function HazardsMap({ events }: { events: readonly HazardEvent[] }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const { map, ready, failed } = useMapLibre(container, { center: [110, 5], zoom: 1.2 });
  const fc = useMemo(() => hazardFeatures(events), [events]);
  const byId = useMemo(() => new Map(events.map((e) => [e.id, e])), [events]);
  const lookup = useRef(byId);
  lookup.current = byId;

  useEffect(() => {
    if (!map) return;
    addHazardLayers(map);
    const show = (e: MapLayerMouseEvent) => {
      const id = e.features?.[0]?.properties?.id as string | undefined;
      const event = id ? lookup.current.get(id) : undefined;
      if (!event) return;
      const el = document.createElement('div');
      const title = document.createElement('strong');
      title.textContent = event.title;
      const meta = document.createElement('p');
      meta.textContent = t('hazards.popup', {
        severity: t(`hazardSeverities.${event.severity}`),
        n: event.affectedNationals,
      });
      el.append(title, meta);
      new Popup({ closeButton: true }).setLngLat(e.lngLat).setDOMContent(el).addTo(map);
    };
    for (const layer of HAZARD_LAYERS) map.on('click', layer, show);
    return () => {
      for (const layer of HAZARD_LAYERS) map.off('click', layer, show);
    };
  }, [map, t]);

  useEffect(() => {
    if (!map) return;
    setSourceData(map, 'hazards', fc);
    const box = bboxOf(fc.features);
    if (box) {
      map.fitBounds(
        [
          [box[0], box[1]],
          [box[2], box[3]],
        ],
        { padding: 40, maxZoom: 6, duration: 0 },
      );
    }
  }, [map, fc]);

  return <MapFrame containerRef={container} label={t('hazards.mapLabel')} ready={ready} failed={failed} />;
}
