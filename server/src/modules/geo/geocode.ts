// Offline geocoding and reverse lookup: free text such as "Jeddah, Saudi Arabia" or "jeddah SA" to a
// point with an honest accuracy, and a point to its country and admin-1 area. Names are compared
// after normalisation (case, accents, punctuation), the most populous match wins.
import { normaliseName } from '../people/names';
import { adminDirectory, adminSet, type AdminArea } from './admin1';
import { cityTable, findCity, type CityTable } from './cities';
import { countryTable, type CountryRecord } from './countries';
import { bboxCentre, bboxContains, bboxRadiusM } from './geometry';

export interface GeocodeResult {
  name: string;
  country: string;
  lat: number;
  lon: number;
  admin1: string | null;
  admin1Name: string | null;
  population: number | null;
  accuracy: 'city' | 'admin1' | 'country';
  /** A rough radius, in metres, around the point within which the place lies. */
  accuracyM: number;
}

export interface ReverseResult {
  country: string | null;
  admin1: string | null;
  admin1Name: string | null;
}

// How far outside a generalised boundary a point may lie and still be matched to it: the 1:50m
// coastline passes a few kilometres inland of some ports (Kota Kinabalu, Suva, Lagos).
const NEAR_DEG = 0.1;
// A town this large is what a bare name means even where an admin-1 area has the same name.
const LARGE_CITY = 100_000;
// Urban density used to turn a population into a radius (people per km²).
const URBAN_DENSITY = 4000;

const NOWHERE: ReverseResult = { country: null, admin1: null, admin1Name: null };

/** A country by code (alpha-2, alpha-3, numeric, any case) or by any of its names. */
export function resolveCountry(text: string): CountryRecord | undefined {
  const t = countryTable();
  const trimmed = text.trim();
  const code = /^\d{1,3}$/u.test(trimmed) ? trimmed.padStart(3, '0') : trimmed.toUpperCase();
  const byCode = t.byCode.get(code);
  if (byCode) return byCode;
  const byName = t.byName.get(normaliseName(trimmed));
  return byName ? t.byCode.get(byName) : undefined;
}

const countryByKey = (key: string) => countryTable().byName.get(key);

/** The admin-1 area of a country holding the point, or the nearest within NEAR_DEG. */
export function locateAdmin(country: string, lon: number, lat: number): AdminArea | undefined {
  const set = adminSet(country);
  if (set.areas.length === 0) return undefined;
  const code = set.index.find(lon, lat) ?? set.index.nearest(lon, lat, NEAR_DEG);
  return code === undefined ? undefined : set.byCode.get(code.toUpperCase());
}

export function reverse(lonIn: number, latIn: number): ReverseResult {
  if (!Number.isFinite(lonIn) || !Number.isFinite(latIn) || Math.abs(latIn) > 90) return NOWHERE;
  const lon = ((((lonIn + 180) % 360) + 360) % 360) - 180;
  const lat = latIn;
  const { index } = countryTable();
  const found = index.find(lon, lat);
  if (found !== undefined) {
    const code = adminSet(found).index.find(lon, lat);
    if (code !== undefined) return answer(found, adminSet(found).byCode.get(code.toUpperCase()));
  }
  // Near a coast or a border the 1:50m country outlines are a few kilometres off: the 1:10m admin-1
  // boundaries of the countries nearby decide (El Paso, Shenzhen, Kota Kinabalu's waterfront)...
  for (const c of index.near(lon, lat, NEAR_DEG)) {
    if (c === found) continue;
    const set = adminSet(c);
    const code = set.index.find(lon, lat);
    if (code !== undefined) return answer(c, set.byCode.get(code.toUpperCase()));
  }
  if (found !== undefined) {
    const set = adminSet(found);
    const code = set.index.nearest(lon, lat, NEAR_DEG);
    if (code !== undefined || set.areas.length === 0)
      return answer(found, code ? set.byCode.get(code.toUpperCase()) : undefined);
    // Far from every admin-1 area of the country the outline gives: the admin-1 areas of its land
    // neighbours may claim it. Natural Earth's 1:50m outlines draw Crimea in Russia; its admin-1
    // areas, like the UN General Assembly (resolution 68/262), in Ukraine.
    for (const c of countryTable().byCode.get(found)?.borders ?? []) {
      const neighbour = adminSet(c);
      const hit = neighbour.index.find(lon, lat);
      if (hit !== undefined) return answer(c, neighbour.byCode.get(hit.toUpperCase()));
    }
    return answer(found, undefined);
  }
  // At sea: the nearest country within NEAR_DEG, for ports the outlines draw a little inland.
  const country = index.nearest(lon, lat, NEAR_DEG);
  return country === undefined ? NOWHERE : answer(country, locateAdmin(country, lon, lat));
}

const answer = (country: string, area: AdminArea | undefined): ReverseResult => ({
  country,
  admin1: area?.info.code ?? null,
  admin1Name: area?.info.name ?? null,
});

function cityResult(t: CityTable, row: number): GeocodeResult {
  const country = t.country[row]!;
  const lon = t.lon[row]!;
  const lat = t.lat[row]!;
  const population = t.population[row]!;
  // GeoNames files overseas departments (Réunion) under their own code; the boundaries under France.
  let area = locateAdmin(country, lon, lat);
  if (!area && adminSet(country).areas.length === 0) {
    const r = reverse(lon, lat);
    if (r.admin1) area = adminArea(r.admin1);
  }
  const radiusKm = Math.sqrt(population / URBAN_DENSITY / Math.PI);
  return {
    name: t.name[row]!,
    country,
    lat,
    lon,
    admin1: area?.info.code ?? null,
    admin1Name: area?.info.name ?? null,
    population,
    accuracy: 'city',
    accuracyM: Math.round(Math.min(30_000, Math.max(2000, radiusKm * 1000))),
  };
}

const areaPoints = new Map<string, [number, number]>();

/** A point well inside an area: its most populous city, else the middle of its box. */
function areaPoint(t: CityTable, area: AdminArea): [number, number] {
  const known = areaPoints.get(area.info.code);
  if (known) return known;
  const { code, country, bbox } = area.info;
  const index = adminSet(country).index;
  let point: [number, number] | undefined;
  // Cities of France's overseas regions are filed under their own codes (MQ-martinique: MQ).
  for (const c of new Set([country, code.slice(0, 2)])) {
    const row = (t.byCountry.get(c) ?? []).find(
      (r) => bboxContains(bbox, t.lon[r]!, t.lat[r]!) && index.find(t.lon[r]!, t.lat[r]!) === code,
    );
    if (row !== undefined) {
      point = [t.lon[row]!, t.lat[row]!];
      break;
    }
  }
  point ??= bboxCentre(bbox);
  areaPoints.set(code, point);
  return point;
}

function adminResult(t: CityTable, area: AdminArea): GeocodeResult {
  const [lon, lat] = areaPoint(t, area);
  return {
    name: area.info.name,
    country: area.info.country,
    lat,
    lon,
    admin1: area.info.code,
    admin1Name: area.info.name,
    population: null,
    accuracy: 'admin1',
    accuracyM: Math.round(Math.max(1000, bboxRadiusM(area.info.bbox))),
  };
}

function countryResult(t: CityTable, record: CountryRecord): GeocodeResult {
  const { code, name, bbox } = record.info;
  // The capital stands for the country (where the embassy is), else its largest city: GeoNames
  // overstates some towns (Kota Bharu outnumbers Kuala Lumpur).
  const capital = record.capital ? findCity(t, normaliseName(record.capital), code) : undefined;
  const row = capital ?? t.byCountry.get(code)?.[0];
  const [lon, lat] =
    row !== undefined
      ? [t.lon[row]!, t.lat[row]!]
      : record.latlng
        ? [record.latlng[1], record.latlng[0]]
        : bbox
          ? bboxCentre(bbox)
          : [0, 0];
  const radius = record.areaKm2
    ? Math.sqrt(record.areaKm2 / Math.PI) * 1000
    : bbox
      ? bboxRadiusM(bbox)
      : 100_000;
  return {
    name: name.en,
    country: code,
    lat,
    lon,
    admin1: null,
    admin1Name: null,
    population: null,
    accuracy: 'country',
    accuracyM: Math.round(Math.max(1000, radius)),
  };
}

export function adminArea(code: string): AdminArea | undefined {
  const upper = code.trim().toUpperCase();
  const prefix = upper.slice(0, 2);
  const direct = countryTable().byCode.has(prefix) ? adminSet(prefix).byCode.get(upper) : undefined;
  if (direct) return direct;
  const country = directory().countryOf.get(upper);
  return country ? adminSet(country).byCode.get(upper) : undefined;
}

const directory = () => adminDirectory(countryTable().list.map((r) => r.info.code));

/**
 * A city or admin-1 area by normalised name, within a country when one is given. A bare name that
 * is both (Bali, a town in Cameroon and a province of Indonesia) means the area, unless the town is
 * large or lies inside the area of the same name (Riyadh, Makkah).
 */
function findPlace(t: CityTable, key: string, country: string | undefined): GeocodeResult | undefined {
  const row = findCity(t, key, country);
  if (row !== undefined && t.population[row]! >= LARGE_CITY) return cityResult(t, row);
  let area: AdminArea | undefined;
  if (country) {
    area = adminSet(country).byName.get(key);
  } else {
    const found = directory().byName.get(key)?.[0];
    area = found ? adminSet(found.country).byName.get(key) : undefined;
  }
  if (row !== undefined) {
    if (!area || locateAdmin(t.country[row]!, t.lon[row]!, t.lat[row]!)?.info.code === area.info.code)
      return cityResult(t, row);
  }
  return area ? adminResult(t, area) : undefined;
}

/**
 * Free text to a place. Commas separate the parts of an address, most specific first, and a last
 * part naming a country limits the search to it; without commas, trailing words naming a country
 * ("jeddah SA", "Kota Kinabalu Malaysia") do the same.
 */
export function geocode(text: string, countryCode?: string): GeocodeResult | undefined {
  const parts = text
    .split(/[,;\n]/u)
    .map(normaliseName)
    .filter((p) => p !== '');
  if (parts.length === 0) return undefined;
  let country: CountryRecord | undefined;
  if (countryCode !== undefined && countryCode.trim() !== '') {
    country = resolveCountry(countryCode);
    if (!country) return undefined;
  }
  const t = cityTable();
  const table = countryTable();
  if (parts.length > 1) {
    const last = countryByKey(parts[parts.length - 1]!);
    if (last && (!country || country.info.code === last)) {
      country = table.byCode.get(last);
      parts.pop();
    }
  }
  const cc = country?.info.code;
  const [first] = parts as [string];
  if (parts.length === 1 && !cc) {
    const named = countryByKey(first);
    if (named) {
      // Singapore, Djibouti, Kuwait: the country's city of the same name is the better answer.
      const row = findCity(t, first, named);
      return row !== undefined ? cityResult(t, row) : countryResult(t, table.byCode.get(named)!);
    }
  }
  const words = first.split(' ');
  for (let k = Math.min(3, words.length - 1); k >= 1; k--) {
    const suffix = countryByKey(words.slice(-k).join(' '));
    if (!suffix || (cc && suffix !== cc)) continue;
    const found = findPlace(t, words.slice(0, -k).join(' '), suffix);
    if (found) return found;
  }
  // "Kota Kinabalu, Sabah": the first part, else the wider ones.
  for (const part of parts) {
    const found = findPlace(t, part, cc);
    if (found) return found;
  }
  // "Malaysia" with the country given as MY.
  if (country && parts.length === 1 && countryByKey(first) === cc) return countryResult(t, country);
  return undefined;
}
