// The gazetteer: countries with their names, codes and extent, and the boundaries of countries and
// admin-1 areas for drawing a crisis's areas. Answers are kept for the session: they do not change.
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { api } from '../../api/client';

export interface GeoCountry {
  code: string;
  alpha3: string;
  numeric: string | number;
  name: { id: string; en: string };
  languages: string[];
  /** [west, south, east, north] */
  bbox: [number, number, number, number] | null;
}

export type Boundary = Feature<Polygon | MultiPolygon>;

let countries: Promise<GeoCountry[]> | null = null;
const boundaries = new Map<string, Promise<Boundary>>();

function cached(key: string, load: () => Promise<Boundary>): Promise<Boundary> {
  let hit = boundaries.get(key);
  if (!hit) {
    hit = load();
    // A failure is not kept: the next attempt asks again.
    hit.catch(() => boundaries.delete(key));
    boundaries.set(key, hit);
  }
  return hit;
}

export const geoApi = {
  countries: (): Promise<GeoCountry[]> => {
    countries ??= api.get<{ items: GeoCountry[] }>('/api/v1/geo/countries').then((r) => r.items);
    countries.catch(() => {
      countries = null;
    });
    return countries;
  },
  countryBoundary: (code: string) =>
    cached(`country:${code}`, () =>
      api.get<Boundary>(`/api/v1/geo/countries/${encodeURIComponent(code)}/boundary`),
    ),
  admin1Boundary: (code: string) =>
    cached(`admin1:${code}`, () =>
      api.get<Boundary>(`/api/v1/geo/admin1/${encodeURIComponent(code)}/boundary`),
    ),
};
