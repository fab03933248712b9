// Server-side clusters of people on the map, as HTML markers: a circle sized by the count with
// the count written in it. The offline style has no glyphs, so text cannot be a map layer; the
// server keeps the number of clusters small.
import { Marker, type Map as MlMap } from 'maplibre-gl';
import type { ClusterCollection } from '../features/crises/types';

interface Options {
  /** "affected" or "population": the marker's colour. */
  variant: 'affected' | 'population';
  /** Clicking a cluster zooms in on it; off where clicks must reach the map (drawing). */
  interactive: boolean;
  format: (n: number) => string;
}

export function clusterSize(count: number): number {
  return Math.round(Math.min(64, 22 + 9 * Math.log10(Math.max(1, count))));
}

export class ClusterMarkers {
  private markers: Marker[] = [];

  constructor(
    private readonly map: MlMap,
    private readonly options: Options,
  ) {}

  set(clusters: ClusterCollection): void {
    this.clear();
    for (const f of clusters.features) {
      const [lon, lat] = f.geometry.coordinates;
      if (lon === undefined || lat === undefined) continue;
      const count = f.properties.count;
      const el = document.createElement(this.options.interactive ? 'button' : 'div');
      const size = clusterSize(count);
      el.className = `cluster cluster--${this.options.variant}`;
      el.style.width = `${size}px`;
      el.style.height = `${size}px`;
      el.textContent = this.options.format(count);
      el.dataset.testid = 'cluster';
      el.dataset.count = String(count);
      if (this.options.interactive) {
        (el as HTMLButtonElement).type = 'button';
        el.addEventListener('click', (event) => {
          event.stopPropagation();
          this.map.easeTo({
            center: [lon, lat],
            zoom: Math.min(this.map.getZoom() + 2, this.map.getMaxZoom()),
          });
        });
      } else {
        el.style.pointerEvents = 'none';
      }
      this.markers.push(new Marker({ element: el }).setLngLat([lon, lat]).addTo(this.map));
    }
  }

  clear(): void {
    for (const m of this.markers) m.remove();
    this.markers = [];
  }
}
