// An offline MapLibre style: Natural Earth countries from the server's own TopoJSON,
// optionally under a configured raster tile layer. No glyphs or sprites, so nothing is fetched
// from outside.
import type { StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { feature } from 'topojson-client';
import { fixAntimeridian } from './antimeridian';

export const COLORS = {
  sea: '#cddfea',
  land: '#f6f4ee',
  border: '#7d8694',
  highlight: '#f2c14e',
};

export async function loadCountries(
  resolution: '110m' | '50m',
  signal?: AbortSignal,
): Promise<FeatureCollection> {
  const res = await fetch(`/basemap/countries-${resolution}.json`, signal ? { signal } : {});
  if (!res.ok) throw new Error(`basemap ${resolution}: HTTP ${res.status}`);
  const topology = (await res.json()) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  return fixAntimeridian(feature(topology, topology.objects.countries) as FeatureCollection);
}

interface StyleOptions {
  countries: FeatureCollection;
  tileUrl: string | null;
  tileAttribution: string | null;
}

export function basemapStyle({ countries, tileUrl, tileAttribution }: StyleOptions): StyleSpecification {
  const style: StyleSpecification = {
    version: 8,
    sources: {
      countries: { type: 'geojson', data: countries, attribution: 'Natural Earth' },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': COLORS.sea } },
      { id: 'countries-fill', type: 'fill', source: 'countries', paint: { 'fill-color': COLORS.land } },
    ],
  };
  if (tileUrl) {
    style.sources.tiles = {
      type: 'raster',
      tiles: [tileUrl],
      tileSize: 256,
      ...(tileAttribution ? { attribution: tileAttribution } : {}),
    };
    style.layers.push({ id: 'tiles', type: 'raster', source: 'tiles' });
  }
  style.layers.push({
    id: 'countries-line',
    type: 'line',
    source: 'countries',
    // Antarctica's outline would include the closing edge along the pole.
    filter: ['!=', ['get', 'name'], 'Antarctica'],
    paint: {
      'line-color': COLORS.border,
      'line-width': ['interpolate', ['linear'], ['zoom'], 1, 0.5, 6, 1.4],
    },
  });
  return style;
}
