// The countries: ISO 3166-1 codes and names in Indonesian and English (i18n-iso-countries), official
// languages, area and other spellings (world-countries, ODbL 1.0), and Natural Earth 1:50m
// boundaries (world-atlas, public domain), decoded and indexed for point lookups on first use.
import countries from 'i18n-iso-countries';
import type { Country as WorldCountry } from 'world-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { normaliseName } from '../people/names';
import { AreaIndex, areaBBox, repairPolygons, type AreaGeometry, type BBox } from './geometry';
import { readJson } from './package-data';

export interface CountryInfo {
  code: string;
  alpha3: string;
  numeric: string;
  name: { id: string; en: string };
  languages: string[];
  bbox: BBox | null;
}

export interface CountryRecord {
  info: CountryInfo;
  geometry: AreaGeometry | undefined;
  /** km², for a rough radius when only the country is known. */
  areaKm2: number | undefined;
  /** world-countries' representative point [lat, lon], for countries without a city. */
  latlng: [number, number] | undefined;
  capital: string | undefined;
  /** Alpha-2 codes of the countries across its land borders. */
  borders: string[];
}

export interface CountryTable {
  list: CountryRecord[];
  byCode: Map<string, CountryRecord>;
  /** Normalised names, codes and other spellings -> alpha-2. */
  byName: Map<string, string>;
  index: AreaIndex<string>;
}

// world-atlas leaves out the ids of areas without a code of their own. Somaliland and Northern
// Cyprus belong to the states Indonesia recognises; Kosovo has the user-assigned code that
// i18n-iso-countries, GeoNames and CLDR use. The Siachen Glacier, disputed, belongs to no country.
const UNCODED: Readonly<Record<string, string>> = { Kosovo: 'XK', Somaliland: 'SO', 'N. Cyprus': 'CY' };
// Australia's Indian Ocean Territories come as one feature, but are two ISO countries.
const indianOceanTerritory = (lon: number) => (lon < 100 ? 'CC' : 'CX');

// Names an Indonesian officer types that neither package knows.
const LOCAL_NAMES: Readonly<Record<string, readonly string[]>> = {
  AE: ['UEA', 'Emirat Arab'],
  GB: ['Inggris'],
  US: ['Amerika'],
  KR: ['Korsel'],
  CN: ['Tiongkok', 'RRT', 'Cina'],
  NL: ['Holland'],
};

/**
 * A language as a BCP 47 tag: world-countries gives ISO 639-3 codes (ind, ara, zho), and CLDR's
 * aliases, applied by Intl, turn each into its two-letter form where one exists (id, ar, zh).
 */
export function languageTag(iso639_3: string): string {
  try {
    return Intl.getCanonicalLocales(iso639_3)[0] ?? iso639_3;
  } catch {
    return iso639_3;
  }
}

let table: CountryTable | undefined;

export function countryTable(): CountryTable {
  return (table ??= buildTable());
}

function buildTable(): CountryTable {
  const world = new Map(
    readJson<WorldCountry[]>('world-countries', 'countries.json').map((c) => [c.cca2, c]),
  );
  const polygons = boundaries();
  const list: CountryRecord[] = [];
  const byCode = new Map<string, CountryRecord>();
  const byName = new Map<string, string>();
  // Earlier spellings win a name two countries share, so codes and official names come first.
  const spellings: [string, string][] = [];
  for (const code of Object.keys(countries.getAlpha2Codes()).sort()) {
    const w = world.get(code);
    const found = polygons.get(code);
    const geometry: AreaGeometry | undefined = found
      ? { type: 'MultiPolygon', coordinates: found }
      : undefined;
    const info: CountryInfo = {
      code,
      alpha3: countries.alpha2ToAlpha3(code) ?? '',
      numeric: countries.alpha2ToNumeric(code) ?? '',
      name: { id: countries.getName(code, 'id') ?? code, en: countries.getName(code, 'en') ?? code },
      languages: Object.keys(w?.languages ?? {}).map(languageTag),
      bbox: found ? areaBBox(found) : null,
    };
    const record: CountryRecord = {
      info,
      geometry,
      areaKm2: w && w.area > 0 ? w.area : undefined,
      latlng: w?.latlng?.length === 2 ? w.latlng : undefined,
      capital: w?.capital[0],
      borders: (w?.borders ?? []).flatMap((b) => countries.alpha3ToAlpha2(b) ?? []),
    };
    list.push(record);
    for (const c of [code, info.alpha3, info.numeric]) if (c) byCode.set(c.toUpperCase(), record);
    spellings.push([code, code], [info.alpha3, code], [info.name.en, code], [info.name.id, code]);
  }
  for (const { info } of list) {
    const w = world.get(info.code);
    const all = [
      ...(countries.getName(info.code, 'en', { select: 'all' }) ?? []),
      ...(countries.getName(info.code, 'id', { select: 'all' }) ?? []),
      ...(LOCAL_NAMES[info.code] ?? []),
      ...(w ? [w.name.common, w.name.official, w.cioc, ...w.altSpellings] : []),
    ];
    for (const s of all) if (s) spellings.push([s, info.code]);
  }
  for (const [s, code] of spellings) {
    const key = normaliseName(s);
    if (key && !byName.has(key)) byName.set(key, code);
  }
  const index = new AreaIndex(
    list.flatMap((r) => (r.geometry ? [{ key: r.info.code, polygons: r.geometry.coordinates }] : [])),
  );
  return { list, byCode, byName, index };
}

/** Natural Earth 1:50m polygons by alpha-2; several features of one code are merged. */
function boundaries(): Map<string, number[][][][]> {
  const topology = readJson<Topology>('world-atlas', 'countries-50m.json');
  const collection = feature(topology, topology.objects.countries as GeometryCollection<{ name: string }>);
  const out = new Map<string, number[][][][]>();
  const add = (code: string, polygons: number[][][][]) => {
    const list = out.get(code);
    if (list) list.push(...polygons);
    else out.set(code, polygons);
  };
  for (const f of collection.features) {
    const polygons = repairPolygons(f.geometry);
    if (f.id !== undefined) {
      const code = countries.numericToAlpha2(String(f.id));
      if (code) add(code, polygons);
    } else if (f.properties.name === 'Indian Ocean Ter.') {
      for (const p of polygons) add(indianOceanTerritory(p[0]![0]![0]!), [p]);
    } else {
      const code = UNCODED[f.properties.name];
      if (code) add(code, polygons);
    }
  }
  return out;
}
