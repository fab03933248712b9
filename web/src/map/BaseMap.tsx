// The offline basemap. Loads coarse (1:110m) countries first and swaps in 1:50m detail once
// the user zooms in. Sets data-map-ready="true" on its container after the first full render.
import { Map as MlMap, NavigationControl, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchClientConfig, type ClientConfig } from '../api/config';
import { basemapStyle, loadCountries } from './basemap-style';

setWorkerUrl(workerUrl);

const DETAIL_ZOOM = 2.5;
const NO_CONFIG: ClientConfig = { mapTileUrl: null, mapAttribution: null, version: '' };

export function BaseMap({ label }: { label: string }) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const abort = new AbortController();
    let map: MlMap | null = null;

    const start = async () => {
      const [config, countries] = await Promise.all([
        fetchClientConfig().catch(() => NO_CONFIG),
        loadCountries('110m', abort.signal),
      ]);
      if (abort.signal.aborted || !container.current) return;
      map = new MlMap({
        container: container.current,
        style: basemapStyle({
          countries,
          tileUrl: config.mapTileUrl,
          tileAttribution: config.mapAttribution,
        }),
        center: [75, 12],
        zoom: 1.4,
        minZoom: 0.5,
        maxZoom: 10,
        attributionControl: { compact: false },
        dragRotate: false,
        pitchWithRotate: false,
      });
      map.touchZoomRotate.disableRotation();
      map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
      // Ready once the countries are drawn, not merely when the style has loaded.
      const onIdle = () => {
        if (!map?.loaded() || !map.isSourceLoaded('countries')) return;
        map.off('idle', onIdle);
        setReady(true);
      };
      map.on('idle', onIdle);
      // A failing optional tile server must not break the console; the countries are local.
      map.on('error', () => undefined);

      let detailed = false;
      map.on('zoomend', () => {
        if (detailed || !map || map.getZoom() < DETAIL_ZOOM) return;
        detailed = true;
        loadCountries('50m', abort.signal)
          .then((fc) => (map?.getSource('countries') as GeoJSONSource | undefined)?.setData(fc))
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
      map?.remove();
    };
  }, []);

  return (
    <div className="map-frame">
      <div
        ref={container}
        className="map-canvas"
        role="region"
        aria-label={label}
        data-testid="map"
        data-map-ready={ready ? 'true' : 'false'}
      />
      {!ready && !failed && <p className="map-status">{t('map.loading')}</p>}
      {failed && <p className="map-status map-status--error">{t('map.failed')}</p>}
    </div>
  );
}
