// A MapLibre map on the offline basemap, for any page: loads coarse (1:110m) countries first and
// swaps in 1:50m detail once the user zooms in. `map` is set once the style has loaded (so layers
// can be added), `ready` once the countries are drawn. With `window.__siagaTestHooks` set (only
// browser tests set it), the map is also `window.__siagaMap`, so a test can project coordinates
// to pixels.
import { Map as MlMap, NavigationControl, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useState, type RefObject } from 'react';
import { fetchClientConfig, type ClientConfig } from '../api/config';
import { basemapStyle, loadCountries } from './basemap-style';

setWorkerUrl(workerUrl);

const DETAIL_ZOOM = 2.5;
const NO_CONFIG: ClientConfig = { mapTileUrl: null, mapAttribution: null, version: '' };

interface TestWindow {
  __siagaTestHooks?: boolean;
  __siagaMap?: MlMap;
}

export interface MapView {
  center: [number, number];
  zoom: number;
}

export interface MapState {
  map: MlMap | null;
  ready: boolean;
  failed: boolean;
}

export function useMapLibre(
  container: RefObject<HTMLDivElement | null>,
  view: MapView = { center: [75, 12], zoom: 1.4 },
): MapState {
  const [map, setMap] = useState<MlMap | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const abort = new AbortController();
    let created: MlMap | null = null;

    const start = async () => {
      const [config, countries] = await Promise.all([
        fetchClientConfig().catch(() => NO_CONFIG),
        loadCountries('110m', abort.signal),
      ]);
      if (abort.signal.aborted || !container.current) return;
      const m = new MlMap({
        container: container.current,
        style: basemapStyle({
          countries,
          tileUrl: config.mapTileUrl,
          tileAttribution: config.mapAttribution,
        }),
        center: view.center,
        zoom: view.zoom,
        minZoom: 0.5,
        maxZoom: 12,
        attributionControl: { compact: false },
        dragRotate: false,
        pitchWithRotate: false,
      });
      created = m;
      m.touchZoomRotate.disableRotation();
      m.addControl(new NavigationControl({ showCompass: false }), 'top-right');
      m.once('load', () => !abort.signal.aborted && setMap(m));
      // Ready once the countries are drawn, not merely when the style has loaded.
      const onIdle = () => {
        if (!m.loaded() || !m.isSourceLoaded('countries')) return;
        m.off('idle', onIdle);
        setReady(true);
      };
      m.on('idle', onIdle);
      // A failing optional tile server must not break the console; the countries are local.
      m.on('error', () => undefined);
      const w = window as TestWindow;
      if (w.__siagaTestHooks) w.__siagaMap = m;

      let detailed = false;
      m.on('zoomend', () => {
        if (detailed || m.getZoom() < DETAIL_ZOOM) return;
        detailed = true;
        loadCountries('50m', abort.signal)
          .then((fc) => (m.getSource('countries') as GeoJSONSource | undefined)?.setData(fc))
          .catch(() => {
            detailed = false;
          });
      });
    };

    start().catch(() => {
      if (!abort.signal.aborted) setFailed(true);
    });

    return () => {
      abort.abort();
      const w = window as TestWindow;
      if (created && w.__siagaMap === created) delete w.__siagaMap;
      created?.remove();
      setMap(null);
      setReady(false);
    };
    // The initial view only: later changes of `view` do not recreate the map.
  }, [container]);

  return { map, ready, failed };
}
