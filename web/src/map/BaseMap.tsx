// The offline basemap of the dashboard (see useMapLibre). Sets data-map-ready="true" on its
// container after the first full render.
import { useRef } from 'react';
import { MapFrame } from './MapFrame';
import { useMapLibre } from './useMapLibre';

export function BaseMap({ label }: { label: string }) {
  const container = useRef<HTMLDivElement>(null);
  const { ready, failed } = useMapLibre(container);
  return <MapFrame containerRef={container} label={label} ready={ready} failed={failed} />;
}
