// The gazetteer behind the HTTP routes: lookups that must exist throw geo.not_found. No access
// rules beyond a signed-in user: the data are public reference data shipped with Siaga.
import type { CountryDetail, GeoBoundary, GeocodeResult, ReverseResult } from '@siaga/contracts';
import { notFound } from '../../errors';
import { gazetteer } from './gazetteer';
import { boundaryFeature } from './geo.presenter';

export function getCountry(code: string): CountryDetail {
  const g = gazetteer();
  const country = g.country(code);
  if (!country) throw notFound('geo.not_found', 'Country');
  return { ...country, admin1: g.admin1(country.code) };
}

export function getCountryBoundary(code: string): GeoBoundary {
  const g = gazetteer();
  const country = g.country(code);
  const geometry = country && g.countryGeometry(country.code);
  if (!country || !geometry) throw notFound('geo.not_found', 'Country boundary');
  return boundaryFeature(country.code, country.name.en, geometry);
}

export function getAdmin1Boundary(code: string): GeoBoundary {
  const g = gazetteer();
  const area = g.admin1Area(code);
  const geometry = area && g.admin1Geometry(area.code);
  if (!area || !geometry) throw notFound('geo.not_found', 'Admin-1 area');
  return boundaryFeature(area.code, area.name, geometry);
}

export const findPlace = (q: string, country?: string): { result: GeocodeResult | null } => ({
  result: gazetteer().geocode(q, country) ?? null,
});

export const locatePoint = (lat: number, lon: number): ReverseResult => gazetteer().reverse(lon, lat);
