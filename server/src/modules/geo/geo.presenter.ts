// Gazetteer answers -> API shapes; boundaries leave as GeoJSON Features.
import type { GeoBoundary } from '@siaga/contracts';
import type { AreaGeometry } from './gazetteer';

export const boundaryFeature = (code: string, name: string, geometry: AreaGeometry): GeoBoundary => ({
  type: 'Feature',
  geometry,
  properties: { code, name },
});
