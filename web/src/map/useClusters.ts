// Keeps server-side clusters on a map in step with its view: asked again after every move with
// the map's bounds and whole zoom level, the latest answer winning.
import type { Map as MlMap } from 'maplibre-gl';
import { useEffect } from 'react';
import type { ClusterCollection, ClusterQuery } from '../features/crises/types';
import { ClusterMarkers } from './ClusterMarkers';

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The map's view as the cluster routes take it (ClusterQuery). */
export function viewOf(map: MlMap): ClusterQuery {
  const b = map.getBounds();
  const wrapped = b.getEast() - b.getWest() >= 360;
  return {
    zoom: clamp(Math.floor(map.getZoom()), 0, 20),
    west: wrapped ? -180 : clamp(b.getWest(), -180, 180),
    south: clamp(b.getSouth(), -90, 90),
    east: wrapped ? 180 : clamp(b.getEast(), -180, 180),
    north: clamp(b.getNorth(), -90, 90),
  };
}

interface ClusterOptions {
  variant: 'affected' | 'population';
  interactive: boolean;
  visible: boolean;
  format: (n: number) => string;
  onError?: (err: unknown) => void;
  onLoaded?: (clusters: ClusterCollection) => void;
}

export function useClusters(
  map: MlMap | null,
  load: ((view: ClusterQuery) => Promise<ClusterCollection>) | null,
  { variant, interactive, visible, format, onError, onLoaded }: ClusterOptions,
): void {
  useEffect(() => {
    if (!map || !load || !visible) return;
    const markers = new ClusterMarkers(map, { variant, interactive, format });
    let seq = 0;
    let live = true;
    const refresh = () => {
      const mine = ++seq;
      load(viewOf(map))
        .then((clusters) => {
          if (!live || mine !== seq) return;
          markers.set(clusters);
          onLoaded?.(clusters);
        })
        .catch((err: unknown) => live && mine === seq && onError?.(err));
    };
    refresh();
    map.on('moveend', refresh);
    return () => {
      live = false;
      map.off('moveend', refresh);
      markers.clear();
    };
  }, [map, load, visible, variant, interactive, format]);
}
