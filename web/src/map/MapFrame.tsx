// The frame around a map: the canvas container with its test hooks (data-testid="map",
// data-map-ready) and the loading or failure message.
import type { ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';

interface MapFrameProps {
  containerRef: RefObject<HTMLDivElement | null>;
  label: string;
  ready: boolean;
  failed: boolean;
  className?: string;
  /** Overlays drawn above the map (legends, toolbars). */
  children?: ReactNode;
}

export function MapFrame({ containerRef, label, ready, failed, className, children }: MapFrameProps) {
  const { t } = useTranslation();
  return (
    <div className={className ? `map-frame ${className}` : 'map-frame'}>
      <div
        ref={containerRef}
        className="map-canvas"
        role="region"
        aria-label={label}
        data-testid="map"
        data-map-ready={ready ? 'true' : 'false'}
      />
      {!ready && !failed && <p className="map-status">{t('map.loading')}</p>}
      {failed && <p className="map-status map-status--error">{t('map.failed')}</p>}
      {children}
    </div>
  );
}
