// The gazetteer shipped with Siaga, usable offline: countries, admin-1 areas and cities with their
// boundaries and points, free-text geocoding and point lookup. Each table is read from its npm
// package on first use, never at import, so that a server that never asks pays nothing.
import { adminSet } from './admin1';
import { countryTable } from './countries';
import { adminArea, geocode, reverse } from './geocode';
import type { Admin1Info } from './admin1';
import type { CountryInfo } from './countries';
import type { GeocodeResult, ReverseResult } from './geocode';
import type { AreaGeometry } from './geometry';

export type { Admin1Info } from './admin1';
export type { CountryInfo } from './countries';
export type { GeocodeResult, ReverseResult } from './geocode';
export type { AreaGeometry, BBox } from './geometry';

export interface Gazetteer {
  countries(): CountryInfo[];
  /** By alpha-2, alpha-3 or numeric code, any case. */
  country(code: string): CountryInfo | undefined;
  countryGeometry(code: string): AreaGeometry | undefined;
  /** The admin-1 areas of a country (any code form), by name. */
  admin1(country: string): Admin1Info[];
  admin1Area(code: string): Admin1Info | undefined;
  admin1Geometry(code: string): AreaGeometry | undefined;
  /** "City, country" free text, optionally within a country, to a point; undefined if unknown. */
  geocode(text: string, country?: string): GeocodeResult | undefined;
  /** The country and admin-1 area at a point; nulls at sea. */
  reverse(lon: number, lat: number): ReverseResult;
}

/** A code form, not a name: country("Malaysia") is undefined. */
const byCode = (code: string) => {
  const trimmed = code.trim();
  const key = /^\d{1,3}$/u.test(trimmed) ? trimmed.padStart(3, '0') : trimmed.toUpperCase();
  return countryTable().byCode.get(key);
};

const instance: Gazetteer = {
  countries: () => countryTable().list.map((r) => r.info),
  country: (code) => byCode(code)?.info,
  countryGeometry: (code) => byCode(code)?.geometry,
  admin1: (country) => {
    const record = byCode(country);
    return record ? adminSet(record.info.code).areas.map((a) => a.info) : [];
  },
  admin1Area: (code) => adminArea(code)?.info,
  admin1Geometry: (code) => adminArea(code)?.geometry,
  geocode: (text, country) => geocode(text, country),
  reverse: (lon, lat) => reverse(lon, lat),
};

export function gazetteer(): Gazetteer {
  return instance;
}
