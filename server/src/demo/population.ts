// Names come from the Faker project's locale data (MIT licence, see data/LICENSE.faker).
//
// A synthetic population of Indonesians abroad for demos and benchmarks: households spread over
// the world the way the diaspora is (migrant workers above all in Malaysia, Saudi Arabia, Taiwan
// and Hong Kong; students in Egypt, Turkey and the West; families everywhere), with the flaws of
// real registry data: stale records, missing fields and duplicates written differently.
// Deterministic: the same seed and `now` give the same sequence; nothing reads the clock or
// Math.random. Lazy: households are made one at a time, in constant memory.
import type { HouseholdRelationship, PersonCreateInput } from '@siaga/contracts';
import { Metadata } from 'libphonenumber-js/core';
import { getExampleNumber, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import maxMetadata from 'libphonenumber-js/max/metadata';
import mobileExamples from 'libphonenumber-js/mobile/examples';
import { cityPicker, type City, type CityFocus, type CityPicker } from './cities';
import arabicNames from './data/names-ar.json';
import idNames from './data/names-id.json';
import chineseNames from './data/names-zh.json';

export type { HouseholdRelationship };
export interface DemoMember {
  person: PersonCreateInput; // must pass PersonCreate.parse() from @siaga/contracts
  relationship: HouseholdRelationship; // 'head' for single-person households too
  /** ISO datetime when the record was last updated; months or years in the past for stale records. */
  updatedAt: string;
}
export interface DemoHousehold {
  members: DemoMember[];
}
export interface DemoOptions {
  people: number;
  seed: number;
  now: Date;
}

type Doc = NonNullable<PersonCreateInput['documents']>[number];
type Contact = NonNullable<PersonCreateInput['contacts']>[number];
type Location = NonNullable<PersonCreateInput['location']>;
type EmergencyContact = NonNullable<PersonCreateInput['emergencyContacts']>[number];
type Vulnerability = NonNullable<PersonCreateInput['vulnerabilities']>[number];
type Consent = NonNullable<PersonCreateInput['consents']>[number];
type Status = PersonCreateInput['statusAbroad'];
type Sex = 'female' | 'male';

/** More than this and the unique document number spaces below would run out. */
const MAX_PEOPLE = 10_000_000;

// ---------------------------------------------------------------------------------------------
// Randomness: sfc32 seeded through splitmix32, small, fast and well distributed.

class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(seed: number, stream = 0) {
    let s = (seed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) >>> 0;
      return mix32(s);
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.next();
  }
  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  between(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
  /** Roughly normal, mean 0 and deviation 1, bounded at ±3: no tails reaching across oceans. */
  gauss(): number {
    return (this.next() + this.next() + this.next() + this.next() - 2) * 1.732;
  }
  digits(n: number): string {
    return String(this.int(10 ** n)).padStart(n, '0');
  }
}

function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return mix32(h >>> 0);
}

/** A seed of any size or sign reduced to 32 bits without losing its high part. */
function seed32(seed: number): number {
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 4294967296) >>> 0;
  return mix32(lo ^ mix32(hi ^ 0x5bd1e995));
}

/**
 * A bijection of [0, domain): a 4-round Feistel network on the next even power of two, walking
 * the cycle until the value falls inside. Turns a counter into document numbers that look random
 * yet can never repeat.
 */
function permute(i: number, domain: number, key: number): number {
  let half = Math.max(1, Math.ceil(Math.log2(domain) / 2));
  while (4 ** half < domain) half++;
  const mask = (1 << half) - 1;
  const size = 1 << half;
  let x = i;
  do {
    let l = Math.floor(x / size) & mask;
    let r = x & mask;
    for (let round = 0; round < 4; round++) {
      const f = mix32((r ^ Math.imul(key + round, 0x9e3779b9)) >>> 0) & mask;
      const nl = r;
      r = l ^ f;
      l = nl;
    }
    x = l * size + r;
  } while (x >= domain);
  return x;
}

class Weighted<T> {
  private readonly items: T[];
  private readonly cumulative: number[];
  private readonly total: number;
  constructor(entries: readonly (readonly [T, number])[]) {
    this.items = entries.map(([item]) => item);
    let total = 0;
    this.cumulative = entries.map(([, w]) => (total += w));
    this.total = total;
  }
  pick(rng: Rng): T {
    const target = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] as T;
  }
}

// ---------------------------------------------------------------------------------------------
// Dates, as whole days since 1970-01-01 (UTC) to keep Date objects out of the hot path.

const DAY_MS = 86_400_000;
const YEAR_DAYS = 365.2425;
const MONTH_DAYS = YEAR_DAYS / 12;

/** Days since the epoch to [year, month, day] (Howard Hinnant's civil_from_days). */
function civil(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const pad2 = (n: number) => (n < 10 ? '0' : '') + n;
const isoDate = (days: number) => {
  const [y, m, d] = civil(days);
  return `${y}-${pad2(m)}-${pad2(d)}`;
};

/** An ISO 8601 date-time, to the second, in the given UTC offset (minutes); 'Z' for UTC. */
function isoDateTime(ms: number, offsetMinutes = 0): string {
  const local = Math.floor(ms / 1000) * 1000 + offsetMinutes * 60_000;
  const days = Math.floor(local / DAY_MS);
  const secs = Math.floor((local - days * DAY_MS) / 1000);
  const time = `${pad2(Math.floor(secs / 3600))}:${pad2(Math.floor(secs / 60) % 60)}:${pad2(secs % 60)}`;
  if (offsetMinutes === 0) return `${isoDate(days)}T${time}Z`;
  const abs = Math.abs(offsetMinutes);
  return `${isoDate(days)}T${time}${offsetMinutes < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

/** Completed years between two days, as people count birthdays. */
function ageOn(birth: number, on: number): number {
  const [by, bm, bd] = civil(birth);
  const [y, m, d] = civil(on);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The same calendar day `years` later (28 February for 29 February in a common year). */
function addYears(days: number, years: number): number {
  const [y, m, d] = civil(days);
  const target = daysFromCivil(y + years, m, d);
  return civil(target)[2] === d ? target : daysFromCivil(y + years, m, 28);
}

// ---------------------------------------------------------------------------------------------
// Where people are and what they do there.

type Role =
  | 'domestic'
  | 'caregiver'
  | 'plantation'
  | 'construction'
  | 'factory'
  | 'hospitality'
  | 'driver'
  | 'professional'
  | 'fishing'
  | 'seafarer'
  | 'student'
  | 'resident'
  | 'tourist'
  | 'pilgrim'
  | 'other';

interface RoleSpec {
  status: Status;
  /** Share of women among the people who come for this. */
  female: number;
  age: [number, number];
  /** Chance the person lives abroad with family rather than alone. */
  family: number;
  /** Live-in and dormitory work: the only kin around are siblings or cousins working there too. */
  kinOnly?: boolean;
  /** Contract length in months, for stayFrom and stayUntil. */
  contractMonths?: number;
  focus?: CityFocus;
  /** Work out of sight (private homes, boats at sea), where abuse goes unseen. */
  hidden?: boolean;
}

// Domestic work and care are done by women, construction, driving and fishing by men; plantations
// and factories take both (Sabah's estates employ whole families).
const ROLES: Record<Role, RoleSpec> = {
  domestic: {
    status: 'worker',
    female: 0.97,
    age: [21, 45],
    family: 0,
    kinOnly: true,
    contractMonths: 24,
    hidden: true,
  },
  caregiver: {
    status: 'worker',
    female: 0.88,
    age: [21, 45],
    family: 0,
    kinOnly: true,
    contractMonths: 36,
    hidden: true,
  },
  plantation: {
    status: 'worker',
    female: 0.3,
    age: [19, 50],
    family: 0.45,
    contractMonths: 24,
    focus: 'plantation',
  },
  construction: { status: 'worker', female: 0.04, age: [20, 48], family: 0.08, contractMonths: 24 },
  factory: { status: 'worker', female: 0.42, age: [19, 40], family: 0.05, kinOnly: true, contractMonths: 36 },
  hospitality: {
    status: 'worker',
    female: 0.5,
    age: [20, 40],
    family: 0.05,
    kinOnly: true,
    contractMonths: 24,
  },
  driver: { status: 'worker', female: 0.02, age: [24, 50], family: 0.05, kinOnly: true, contractMonths: 24 },
  professional: { status: 'worker', female: 0.38, age: [25, 58], family: 0.4, contractMonths: 36 },
  fishing: {
    status: 'crew',
    female: 0.01,
    age: [18, 45],
    family: 0,
    contractMonths: 24,
    focus: 'fishing',
    hidden: true,
  },
  seafarer: { status: 'crew', female: 0.08, age: [20, 50], family: 0, contractMonths: 9 },
  student: { status: 'student', female: 0.5, age: [18, 30], family: 0.08 },
  resident: { status: 'resident', female: 0.45, age: [25, 70], family: 0.75 },
  tourist: { status: 'tourist', female: 0.55, age: [18, 68], family: 0.45 },
  pilgrim: { status: 'pilgrim', female: 0.55, age: [25, 75], family: 0.5, focus: 'pilgrimage' },
  other: { status: 'other', female: 0.5, age: [20, 60], family: 0.15 },
};

// Where the mix differs from the usual: Korea's factory and Malaysia's building-site workers are
// nearly all men, Taiwan's and Japan's factories employ many women.
const FEMALE_SHARE: Record<string, Partial<Record<Role, number>>> = {
  KR: { factory: 0.1 },
  MY: { construction: 0.02, plantation: 0.25 },
  TW: { factory: 0.45 },
  JP: { factory: 0.4 },
  SA: { hospitality: 0.3 },
};

type Profile = keyof typeof PROFILES;

// What brings Indonesians to a kind of country, as shares of those registered there.
const PROFILES = {
  malaysia: {
    plantation: 22,
    construction: 17,
    factory: 17,
    domestic: 12,
    hospitality: 6,
    professional: 3,
    student: 5,
    resident: 15,
    tourist: 2,
    other: 1,
  },
  saudi: {
    domestic: 42,
    driver: 12,
    construction: 6,
    hospitality: 5,
    professional: 4,
    student: 4,
    resident: 10,
    pilgrim: 16,
    other: 1,
  },
  gulf: {
    domestic: 50,
    hospitality: 12,
    construction: 8,
    driver: 7,
    professional: 8,
    resident: 10,
    student: 2,
    tourist: 3,
  },
  taiwan: { caregiver: 40, factory: 30, fishing: 15, student: 8, resident: 5, tourist: 2 },
  hongkong: { domestic: 90, resident: 5, student: 1, tourist: 4 },
  macau: { domestic: 80, hospitality: 12, resident: 6, tourist: 2 },
  singapore: { domestic: 50, professional: 12, seafarer: 3, student: 8, resident: 20, tourist: 7 },
  brunei: {
    domestic: 25,
    construction: 22,
    plantation: 8,
    hospitality: 10,
    professional: 10,
    resident: 23,
    tourist: 2,
  },
  korea: { factory: 55, fishing: 18, student: 12, resident: 8, tourist: 7 },
  japan: {
    factory: 34,
    caregiver: 12,
    construction: 10,
    fishing: 5,
    student: 14,
    resident: 15,
    professional: 5,
    tourist: 5,
  },
  china: { student: 45, professional: 25, resident: 20, tourist: 10 },
  western: {
    student: 28,
    resident: 44,
    professional: 14,
    hospitality: 3,
    seafarer: 2,
    tourist: 8,
    other: 1,
  },
  islamicStudy: { student: 70, resident: 18, professional: 5, other: 7 },
  levant: { domestic: 30, student: 45, resident: 20, other: 5 },
  turkey: { student: 55, resident: 25, professional: 8, tourist: 12 },
  fishingPort: { fishing: 55, seafarer: 10, resident: 20, professional: 15 },
  asia: { professional: 30, resident: 35, student: 15, tourist: 12, hospitality: 5, other: 3 },
  elsewhere: { resident: 40, professional: 30, student: 12, tourist: 10, other: 8 },
} satisfies Record<string, Partial<Record<Role, number>>>;

// Relative weights of destinations. The rough shape follows the ministry's and BP2MI's yearly
// placement statistics for migrant workers (Malaysia far ahead, then Taiwan, Hong Kong, Saudi
// Arabia and the Gulf, Singapore, Korea, Japan), plus students (Egypt, Turkey, Japan, China,
// Australia, the West) and long-settled residents (Malaysia, Saudi Arabia, the Netherlands, the
// USA, Australia). The long tail is flattened upwards so that a small demo still reaches every
// region. Not statistics: a plausible picture.
const COUNTRIES: readonly (readonly [string, number, Profile])[] = [
  ['MY', 32000, 'malaysia'],
  ['SA', 11000, 'saudi'],
  ['TW', 6000, 'taiwan'],
  ['HK', 3500, 'hongkong'],
  ['SG', 2600, 'singapore'],
  ['JP', 2000, 'japan'],
  ['AE', 1800, 'gulf'],
  ['US', 1500, 'western'],
  ['KR', 1200, 'korea'],
  ['AU', 1200, 'western'],
  ['BN', 800, 'brunei'],
  ['QA', 700, 'gulf'],
  ['NL', 600, 'western'],
  ['KW', 550, 'gulf'],
  ['OM', 500, 'gulf'],
  ['EG', 450, 'islamicStudy'],
  ['DE', 400, 'western'],
  ['CN', 400, 'china'],
  ['TR', 300, 'turkey'],
  ['GB', 300, 'western'],
  ['JO', 200, 'levant'],
  ['CA', 200, 'western'],
  ['BH', 180, 'gulf'],
  ['MO', 150, 'macau'],
  ['TH', 150, 'asia'],
  ['FR', 130, 'western'],
  ['NZ', 120, 'western'],
  ['PH', 80, 'asia'],
  ['TL', 80, 'asia'],
  ['PG', 70, 'elsewhere'],
  ['VN', 70, 'asia'],
  ['IT', 60, 'western'],
  ['IN', 60, 'asia'],
  ['SD', 60, 'islamicStudy'],
  ['YE', 60, 'islamicStudy'],
  ['ZA', 60, 'fishingPort'],
  ['PK', 50, 'islamicStudy'],
  ['MA', 50, 'islamicStudy'],
  // The long tail.
  ['ES', 40, 'western'],
  ['CH', 40, 'western'],
  ['BE', 40, 'western'],
  ['RU', 40, 'elsewhere'],
  ['KH', 40, 'asia'],
  ['SR', 40, 'elsewhere'],
  ['MU', 40, 'fishingPort'],
  ['BR', 40, 'elsewhere'],
  ['SE', 35, 'western'],
  ['NO', 35, 'western'],
  ['DK', 30, 'western'],
  ['AT', 30, 'western'],
  ['IR', 30, 'islamicStudy'],
  ['LB', 30, 'levant'],
  ['MV', 30, 'asia'],
  ['MM', 30, 'asia'],
  ['FJ', 30, 'fishingPort'],
  ['PE', 30, 'fishingPort'],
  ['FI', 25, 'western'],
  ['IE', 25, 'western'],
  ['PL', 25, 'western'],
  ['CZ', 25, 'western'],
  ['HU', 25, 'western'],
  ['IQ', 25, 'islamicStudy'],
  ['SY', 25, 'islamicStudy'],
  ['NG', 25, 'elsewhere'],
  ['AR', 25, 'elsewhere'],
  ['MX', 25, 'elsewhere'],
  ['PT', 20, 'western'],
  ['GR', 20, 'western'],
  ['CY', 20, 'western'],
  ['AZ', 20, 'elsewhere'],
  ['KZ', 20, 'elsewhere'],
  ['UZ', 20, 'elsewhere'],
  ['TN', 20, 'islamicStudy'],
  ['DZ', 20, 'islamicStudy'],
  ['LY', 20, 'islamicStudy'],
  ['LK', 20, 'asia'],
  ['BD', 20, 'asia'],
  ['LA', 20, 'asia'],
  ['NC', 20, 'elsewhere'],
  ['PW', 20, 'fishingPort'],
  ['SC', 20, 'fishingPort'],
  ['KE', 20, 'elsewhere'],
  ['TZ', 20, 'elsewhere'],
  ['MR', 20, 'fishingPort'],
  ['NA', 20, 'fishingPort'],
  ['CL', 20, 'elsewhere'],
  ['CO', 20, 'elsewhere'],
  ['UY', 20, 'fishingPort'],
  ['PA', 20, 'elsewhere'],
  ...(
    'UA RO BG RS HR SK SI LT LV EE IS LU MT BA AL MK ME BY GE AM KG TJ TM MN AF PS NP BT SB VU WS TO KI TV ' +
    'NR FM MH MG GH ET SN CI CM AO MZ ZM ZW UG RW SO DJ BW GA CD CG LR SL GN ML NE TD BF BJ TG GM CV KM ER ' +
    'SS MW SZ LS EC VE CU DO JM TT BO PY CR GT HN SV NI BS'
  )
    .split(' ')
    .map((code) => [code, 15, code === 'PS' || code === 'KM' ? 'islamicStudy' : 'elsewhere'] as const),
];

// The language people speak in the host country, when they learn one.
const HOST_LANGUAGE: Record<string, string> = {
  MY: 'ms',
  BN: 'ms',
  SG: 'en',
  TW: 'zh',
  CN: 'zh',
  HK: 'yue',
  MO: 'yue',
  KR: 'ko',
  JP: 'ja',
  TH: 'th',
  VN: 'vi',
  TR: 'tr',
  NL: 'nl',
  BE: 'nl',
  DE: 'de',
  AT: 'de',
  CH: 'de',
  FR: 'fr',
  IT: 'it',
  ES: 'es',
  PT: 'pt',
  BR: 'pt',
  RU: 'ru',
  SE: 'sv',
  NO: 'no',
  DK: 'da',
  FI: 'fi',
  PL: 'pl',
  CZ: 'cs',
  HU: 'hu',
  GR: 'el',
  IR: 'fa',
  PK: 'ur',
  IN: 'hi',
  TL: 'tet',
  PG: 'tpi',
  ...Object.fromEntries(
    'SA AE QA KW OM BH JO EG SD YE MA TN DZ LY IQ SY LB PS'.split(' ').map((c) => [c, 'ar']),
  ),
  ...Object.fromEntries(
    'AR CL CO MX PE UY EC VE CU DO BO PY CR GT HN SV NI PA'.split(' ').map((c) => [c, 'es']),
  ),
};
const ARABIC_SPEAKING = new Set('SA AE QA KW OM BH JO EG SD YE MA TN DZ LY IQ SY LB PS'.split(' '));

// Standard UTC offsets (minutes) for the consent timestamps officers record locally.
const UTC_OFFSET: Record<string, number> = {
  ...Object.fromEntries('MY SG BN HK MO TW CN PH'.split(' ').map((c) => [c, 480])),
  ...Object.fromEntries('KR JP PW TL'.split(' ').map((c) => [c, 540])),
  ...Object.fromEntries('SA QA KW BH JO IQ TR YE'.split(' ').map((c) => [c, 180])),
  ...Object.fromEntries('AE OM'.split(' ').map((c) => [c, 240])),
  ...Object.fromEntries('TH VN KH LA'.split(' ').map((c) => [c, 420])),
  ...Object.fromEntries('NL DE FR BE IT ES CH AT SE NO DK PL CZ HU'.split(' ').map((c) => [c, 60])),
  EG: 120,
  SD: 120,
  IN: 330,
  PK: 300,
  AU: 600,
  NZ: 720,
  US: -300,
  CA: -300,
};

// Home provinces: [BPS code, regencies (kabupaten), cities (kota), share among migrant workers,
// share among others, regional language]. Workers come above all from East, Central and West
// Java, West Nusa Tenggara and Lampung.
const PROVINCES: readonly (readonly [number, number, number, number, number, string?])[] = [
  [11, 18, 5, 1, 2, 'ace'],
  [12, 25, 8, 4, 5],
  [13, 12, 7, 1, 3, 'min'],
  [14, 10, 2, 1, 2],
  [15, 9, 2, 0.5, 1],
  [16, 13, 4, 1, 3],
  [17, 9, 1, 0.3, 1],
  [18, 13, 2, 6, 3, 'jv'],
  [19, 6, 1, 0.3, 0.5],
  [21, 5, 2, 0.8, 1],
  [31, 1, 5, 1, 10],
  [32, 18, 9, 15, 14, 'su'],
  [33, 29, 6, 17, 11, 'jv'],
  [34, 4, 1, 1.5, 3, 'jv'],
  [35, 29, 9, 22, 13, 'jv'],
  [36, 4, 4, 2, 4, 'su'],
  [51, 8, 1, 3, 2, 'ban'],
  [52, 8, 2, 10, 2, 'sas'],
  [53, 21, 1, 4, 2],
  [61, 12, 2, 1.5, 2],
  [62, 13, 1, 0.3, 1],
  [63, 11, 2, 0.5, 1.5, 'bjn'],
  [64, 7, 3, 0.5, 2],
  [65, 4, 1, 1, 0.3],
  [71, 11, 4, 0.5, 1.5],
  [72, 12, 1, 0.5, 1],
  [73, 21, 3, 4, 4, 'bug'],
  [74, 15, 2, 1, 1],
  [75, 5, 1, 0.3, 0.5],
  [76, 6, 0, 1, 0.5],
  [81, 9, 2, 0.3, 1],
  [82, 8, 2, 0.3, 0.5],
  [91, 28, 1, 0.1, 1],
  [92, 12, 1, 0.1, 0.5],
];
type Province = (typeof PROVINCES)[number];
const WORKER_ORIGIN = new Weighted(PROVINCES.map((p) => [p, p[3]] as const));
const GENERAL_ORIGIN = new Weighted(PROVINCES.map((p) => [p, p[4]] as const));
// Sabah's estates draw from Flores and Timor (NTT) and from South and West Sulawesi.
const SABAH_ORIGIN = new Weighted(
  PROVINCES.map((p) => [p, p[3] * (p[0] === 53 || p[0] === 73 || p[0] === 76 ? 8 : 1)] as const),
);
const WORKER_ROLES = new Set<Role>([
  'domestic',
  'caregiver',
  'plantation',
  'construction',
  'factory',
  'hospitality',
  'driver',
  'fishing',
  'seafarer',
]);

// ---------------------------------------------------------------------------------------------
// Names.

type NameStyle = 'general' | 'java' | 'sunda' | 'bali' | 'batak' | 'chinese';

const BATAK_MARGA = new Set(
  (
    'Damanik Hutagalung Hutapea Hutasoit Manullang Mangunsong Marbun Marpaung Nababan Nainggolan ' +
    'Napitupulu Samosir Saragih Sihombing Sihotang Simanjuntak Simbolon Sinaga Sirait Siregar Sitompul ' +
    'Sitorus Situmorang Tamba Tampubolon Tarihoran'
  ).split(' '),
);
// Surnames that Chinese Indonesians adopted (Halim, Wijaya, Gunawan...).
const CHINESE_INDONESIAN = new Set(
  'Halim Wijaya Gunawan Santoso Setiawan Kusumo Hermawan Wibowo Lesmana Lazuardi Handoko'.split(' '),
);
// Given names common among Christian Batak and Chinese Indonesian families.
const CHRISTIAN_FIRST = new Set(
  (
    'Agnes Anastasia Belinda Calista Carla Chelsea Cindy Clara Cornelia Gabriella Jessica Karen Maria ' +
    'Michelle Natalia Olivia Patricia Rachel Sherly Vanesa Victoria Edison Edward Elvin Erik Hendra Ivan ' +
    'Johan Kenzie Leo Luis Oskar Simon Teddy Tomi Viktor Vinsen Vino Yosef'
  ).split(' '),
);

// "Muhammad" is written by the pattern that puts it first, never as the second given name.
const MALE_FIRST = idNames.first.male.filter((n) => n !== 'Muhammad');
const FEMALE_FIRST = idNames.first.female;
const EITHER_FIRST = idNames.first.either;
const MALE_LAST = idNames.last.male.filter((n) => !BATAK_MARGA.has(n));
const FEMALE_LAST = idNames.last.female;
const MARGA = idNames.last.male.filter((n) => BATAK_MARGA.has(n));
const CHINESE_FAMILY = idNames.last.male.filter((n) => CHINESE_INDONESIAN.has(n));
const CHRISTIAN_MALE = MALE_FIRST.filter((n) => CHRISTIAN_FIRST.has(n));
const CHRISTIAN_FEMALE = FEMALE_FIRST.filter((n) => CHRISTIAN_FIRST.has(n));
const DEGREES = idNames.degrees;
const ARABIC: Record<string, string> = arabicNames;

// Balinese names carry the child's birth order.
const BALI_ORDER = [['Wayan', 'Putu', 'Gede'], ['Made', 'Kadek'], ['Nyoman', 'Komang'], ['Ketut']];

interface Name {
  words: string[];
  given?: string;
  family?: string;
}

function firstName(rng: Rng, sex: Sex): string {
  return rng.pick(sex === 'male' ? MALE_FIRST : FEMALE_FIRST);
}
function lastName(rng: Rng, sex: Sex): string {
  return rng.pick(sex === 'male' ? MALE_LAST : FEMALE_LAST);
}

/** Indonesian names: one word or several, with the patterns each region favours. */
function makeName(
  rng: Rng,
  sex: Sex,
  style: NameStyle,
  family: string | undefined,
  birthOrder: number,
): Name {
  const male = sex === 'male';
  let words: string[];
  switch (style) {
    case 'bali': {
      const order = BALI_ORDER[Math.min(birthOrder, 3)] ?? ['Wayan'];
      const title = male ? 'I' : 'Ni';
      const orderName = male ? rng.pick(order) : rng.pick(order.filter((w) => w !== 'Gede'));
      words = [title, orderName, firstName(rng, sex)];
      if (rng.chance(0.3)) words.push(lastName(rng, sex));
      return { words };
    }
    case 'batak':
      words = [rng.chance(0.4) ? rng.pick(male ? CHRISTIAN_MALE : CHRISTIAN_FEMALE) : firstName(rng, sex)];
      if (rng.chance(0.2)) words.push(firstName(rng, sex));
      words.push(family ?? rng.pick(MARGA));
      break;
    case 'chinese':
      words = [rng.pick(male ? CHRISTIAN_MALE : CHRISTIAN_FEMALE), family ?? rng.pick(CHINESE_FAMILY)];
      break;
    default: {
      const single = style === 'java' ? 0.35 : style === 'sunda' ? 0.2 : 0.18;
      const r = rng.next();
      if (male && r < 0.14) {
        words = ['Muhammad', firstName(rng, sex)];
        if (rng.chance(0.4)) words.push(family ?? lastName(rng, sex));
      } else if (male && r < 0.19) {
        words = ['Ahmad', firstName(rng, sex)];
      } else if (!male && r < 0.1) {
        words = ['Siti', firstName(rng, sex)];
        if (rng.chance(0.3)) words.push(lastName(rng, sex));
      } else if (!male && style === 'java' && r < 0.18) {
        words = ['Sri', rng.chance(0.5) ? firstName(rng, sex) : lastName(rng, sex)];
      } else if (!male && r < 0.21) {
        words = [rng.pick(['Nur', 'Nurul']), firstName(rng, sex)];
      } else if (r < 0.25) {
        words = [rng.pick(EITHER_FIRST), family ?? lastName(rng, sex)];
      } else if (r < 0.25 + single && !family) {
        words = [firstName(rng, sex)];
      } else if (r < 0.88) {
        words = [firstName(rng, sex), family ?? lastName(rng, sex)];
      } else {
        // Faker's three-part pattern: two given names and a last name.
        const one = firstName(rng, sex);
        let two = firstName(rng, sex);
        if (two === one) two = lastName(rng, sex);
        words = [one, two, family ?? lastName(rng, sex)];
      }
    }
  }
  return withParts(words);
}

function withParts(words: string[]): Name {
  if (words.length === 1) return { words, given: words[0] as string };
  return { words, given: words.slice(0, -1).join(' '), family: words[words.length - 1] as string };
}

/** The name in Arabic script when every word has a known form: as it appears on Saudi papers. */
function arabicForm(words: readonly string[]): string | undefined {
  const out: string[] = [];
  for (const w of words) {
    const a = ARABIC[w];
    if (!a) return undefined;
    out.push(a);
  }
  return out.join(' ');
}

// Spellings of before 1972 (Soewandi and van Ophuijsen) that older records and documents keep:
// Soekarno, Djoko, Tjahjono, Sjarif, Chairul.
const OLD_SPELLING: Record<string, string> = {
  kh: 'ch',
  sy: 'sj',
  ny: 'nj',
  c: 'tj',
  j: 'dj',
  y: 'j',
  u: 'oe',
};
function oldSpelling(word: string): string {
  const capitals = word === word.toUpperCase();
  return word.replace(/kh|sy|ny|c|j|y|u/gi, (m) => {
    const old = OLD_SPELLING[m.toLowerCase()] ?? m;
    if (capitals) return old.toUpperCase();
    return m[0] === m[0]?.toUpperCase() ? old.charAt(0).toUpperCase() + old.slice(1) : old;
  });
}
const MUHAMMAD = ['Muhammad', 'Mohammad', 'Muhamad', 'Mochamad', 'Mohamad', 'Moh.', 'M.'];

// ---------------------------------------------------------------------------------------------
// Employers and schools.

/** A list written as one string: words split at spaces, or phrases at commas. */
const words = (s: string): string[] => s.split(' ');
const phrases = (s: string): string[] => s.split(', ');

const MALAY_WORDS = words(
  'Sinar Bumi Cahaya Mutiara Permata Jaya Makmur Sejahtera Harapan Setia Damai Indah Murni Gemilang ' +
    'Perdana Bintang Sentosa',
);
const ENGLISH_WORDS = words(
  'Northwind Bluewater Summit Harbour Evergreen Meridian Pioneer Crescent Atlas Horizon Silverline ' +
    'Oakridge Riverside Keystone Lighthouse',
);
const REGION_WORDS: Record<string, string[]> = {
  TW: words('Hsin-Yi Chung-Hua Yung-Feng Kuo-Hua Tai-Ping Fu-Sheng Chin-Hsing Shun-Fa Ta-Cheng'),
  KR: words('Daehan Hanil Samil Dongyang Seoyeon Woojin Shinsung Daeil Sejin Jinyang'),
  JP: words('Yamato Sakura Aoba Hikari Midori Tokiwa Kasumi Hinode Wakaba Shinwa'),
  CN: words('Huaxing Jinlong Hengda Xinyuan Tianrui Hongfa Zhongxin Dongsheng'),
  ARAB: words('Al-Nahda Al-Safwa Al-Rawabi Al-Waha Al-Noor Al-Fajr Al-Manar Al-Yusr Al-Amal'),
  MALAY: MALAY_WORDS,
};
const LEGAL_FORM: Record<string, string> = {
  MY: 'Sdn Bhd',
  BN: 'Sdn Bhd',
  SG: 'Pte Ltd',
  HK: 'Limited',
  MO: 'Limitada',
  TW: 'Co., Ltd.',
  KR: 'Co., Ltd.',
  JP: 'Co., Ltd.',
  CN: 'Co., Ltd.',
  US: 'LLC',
  CA: 'Inc.',
  AU: 'Pty Ltd',
  NZ: 'Ltd',
  GB: 'Ltd',
  IE: 'Ltd',
  NL: 'B.V.',
  BE: 'BV',
  DE: 'GmbH',
  AT: 'GmbH',
  CH: 'AG',
  FR: 'SARL',
  IT: 'S.r.l.',
  ES: 'S.L.',
  SE: 'AB',
  NO: 'AS',
  DK: 'ApS',
  FI: 'Oy',
  PL: 'Sp. z o.o.',
  TR: 'Ltd. Şti.',
  SA: 'Est.',
  AE: 'LLC',
  QA: 'W.L.L.',
  KW: 'W.L.L.',
  BH: 'W.L.L.',
  OM: 'LLC',
  JO: 'Co.',
};
const INDUSTRY: Partial<Record<Role, string[]>> = {
  construction: words('Construction Builders Engineering Contracting'),
  factory: words('Manufacturing Electronics Industrial Precision Plastics Foods Textiles Metal'),
  hospitality: words('Hotel Restaurant Catering Hospitality Resort'),
  driver: phrases('Transport, Logistics, Rent a Car'),
  professional: words('Technologies Consulting Logistics Energy Trading Services Engineering'),
  plantation: phrases('Plantations, Agro, Palm Oil'),
};
const CARE_HOMES = phrases('Care Home, Nursing Home, Care Centre');
const VESSELS = words('Star Spirit Voyager Pearl Express Trader');
const TRAVEL_NAMES = phrases('Amanah, Barokah, Al-Hidayah, Mabrur, Safar, Rahmah, Nur Arafah');
const TRAVEL_KINDS = phrases('Tour & Travel, Wisata, Travel Umroh');
// Private employers of domestic workers and carers, as their names appear in contracts: title,
// family name, given name in the local order and romanisation.
const HOUSEHOLD_EMPLOYER: Record<string, readonly (readonly string[])[]> = {
  HK: [
    words('Mr. Mrs. Ms.'),
    words('Chan Wong Lee Cheung Lau Leung Ho Ng Lam Tsang Yip Chow Tang Kwok'),
    phrases('Ka Wai, Siu Ming, Wing Yan, Chi Keung, Mei Ling, Kam Fai, Yuk Lan, Man Kit, Suk Fan'),
  ],
  TW: [
    words('Chen Lin Huang Chang Lee Wang Wu Liu Tsai Yang Hsu Cheng Hsieh'),
    words('Mei-ling Chih-ming Shu-fen Chun-hung Ya-ting Chien-hua Li-hua Wen-chieh Hsiu-ying'),
  ],
  SG: [
    words('Mr Mrs Mdm Ms'),
    words('Tan Lim Lee Ng Ong Wong Goh Chua Koh Teo Ang Yeo Tay'),
    phrases('Bee Lian, Kok Wah, Siew Ling, Boon Huat, Swee Lan, Chee Keong, Hui Min, Wei Ming'),
  ],
  MY: [
    words('Encik Puan Mr Mdm'),
    words('Ahmad Azman Rosli Zulkifli Noraini Rohani Faridah Tan Lim Wong Lee'),
    phrases('Hamid, Ismail, Osman, Yusof, Kok Leong, Mei Fong, Siew Chin, Ah Kow'),
  ],
  ARAB: [
    words('Abdullah Mohammed Abdulaziz Khalid Saad Fahad Sultan Faisal Nasser Hamad Saleh'),
    words('Al-Otaibi Al-Ghamdi Al-Harbi Al-Qahtani Al-Zahrani Al-Shammari Al-Mutairi Al-Dosari'),
  ],
  GULF: [
    words('Abdullah Mohammed Khalid Saeed Rashid Hamad Jassim Ali Ahmed Sultan'),
    words('Al-Mansouri Al-Marri Al-Kuwari Al-Hajri Al-Balushi Al-Naimi Al-Suwaidi Al-Ajmi'),
  ],
};

function regionOf(country: string): string {
  if (country === 'SA' || country === 'JO') return 'ARAB';
  if (ARABIC_SPEAKING.has(country)) return 'GULF';
  if (country === 'MO') return 'HK';
  if (country === 'BN') return 'MY';
  return country;
}

function companyWord(rng: Rng, country: string): string {
  const region = regionOf(country);
  return rng.pick(REGION_WORDS[region === 'GULF' ? 'ARAB' : region] ?? ENGLISH_WORDS);
}

function employerFor(rng: Rng, role: Role, country: string, city: City): string | undefined {
  switch (role) {
    case 'domestic':
    case 'caregiver': {
      if (country === 'JP' || (role === 'caregiver' && rng.chance(0.2))) {
        return `${companyWord(rng, country)} ${rng.pick(CARE_HOMES)}`;
      }
      const parts = HOUSEHOLD_EMPLOYER[regionOf(country)];
      if (!parts) return `${rng.pick(ENGLISH_WORDS)} family`;
      return parts.map((p) => rng.pick(p)).join(' ');
    }
    case 'plantation':
      return rng.chance(0.5)
        ? `Ladang ${rng.pick(MALAY_WORDS)} ${rng.pick(MALAY_WORDS)}`
        : `${rng.pick(MALAY_WORDS)} ${rng.pick(INDUSTRY.plantation ?? [])} ${LEGAL_FORM[country] ?? 'Ltd'}`;
    case 'fishing':
      return `F/V ${companyWord(rng, country)} No. ${1 + rng.int(888)}`;
    case 'seafarer':
      return `MV ${rng.pick(ENGLISH_WORDS)} ${rng.pick(VESSELS)}`;
    case 'student':
      return university(rng, country, city);
    case 'pilgrim':
      // The umrah organiser at home, which lists carry in place of an employer.
      return rng.chance(0.6) ? `PT ${rng.pick(TRAVEL_NAMES)} ${rng.pick(TRAVEL_KINDS)}` : undefined;
    case 'tourist':
    case 'other':
      return undefined;
    case 'resident':
      if (!rng.chance(0.4)) return undefined;
      return company(rng, rng.pick(['professional', 'hospitality', 'factory'] as const), country);
    default:
      return company(rng, role, country);
  }
}

function company(rng: Rng, role: Role, country: string): string {
  const industry = rng.pick(INDUSTRY[role] ?? INDUSTRY.professional ?? []);
  return `${companyWord(rng, country)} ${industry} ${LEGAL_FORM[country] ?? 'Ltd.'}`;
}

// Universities named after their city (#) in the country's own manner.
const UNIVERSITIES: Record<string, string[]> = {
  MY: phrases('Universiti #, Kolej Universiti #'),
  BN: phrases('Universiti #'),
  NL: phrases('Universiteit #, Hogeschool #'),
  BE: phrases('Universiteit #'),
  DE: phrases('Universität #, Hochschule #, Technische Universität #'),
  AT: phrases('Universität #'),
  CH: phrases('Universität #'),
  FR: phrases('Université de #'),
  IT: phrases('Università di #'),
  ES: phrases('Universidad de #'),
  TR: phrases('# Üniversitesi'),
  TW: phrases('National # University, # University of Science and Technology'),
  KR: phrases('# National University, # University'),
  JP: phrases('# University, # Institute of Technology'),
  CN: phrases('# University, # Normal University'),
  US: phrases('University of #, # State University, # Community College'),
  ISLAMIC: phrases('Islamic University of #, # University'),
  OTHER: phrases('University of #, # Institute of Technology'),
};

function university(rng: Rng, country: string, city: City): string {
  // Most Indonesian students in Egypt are at Al-Azhar, whose faculties are all over the country.
  if (country === 'EG' && rng.chance(0.7)) return 'Al-Azhar University';
  const islamic = ARABIC_SPEAKING.has(country) || country === 'PK' || country === 'IR';
  const options = UNIVERSITIES[country] ?? UNIVERSITIES[islamic ? 'ISLAMIC' : 'OTHER'] ?? [];
  return rng.pick(options).replace('#', city.name);
}

// ---------------------------------------------------------------------------------------------
// Phone numbers: valid mobile numbers of each country, written as local lists write them.

interface PhoneTemplate {
  national: string[];
  compact: string[];
  international: string[];
  /** Indonesian style abroad: the country code, then the national number without its 0. */
  dashed: string[];
  e164: string;
  free: number;
}
interface Phone {
  written: string;
  e164: string;
}

const phonePlans = new Map<string, PhoneTemplate[] | null>();
const MOBILE_TYPES = new Set(['MOBILE', 'FIXED_LINE_OR_MOBILE']);

function isMobile(country: CountryCode, nsn: string): boolean {
  const p = parsePhoneNumberFromString(nsn, country);
  return !!p && p.country === country && p.isValid() && MOBILE_TYPES.has(p.getType() ?? '');
}

// libphonenumber-js keeps each line type's national number pattern in its metadata. The Metadata
// class is public, its type() accessor is not in the typings: used when present, for a fast
// exhaustive check, with the full (slower) validation as the final word either way.
interface PlanWithTypes {
  type?(kind: 'MOBILE' | 'FIXED_LINE'): { pattern(): string } | undefined;
}
function mobilePattern(country: CountryCode): RegExp | undefined {
  const metadata = new Metadata(maxMetadata);
  metadata.selectNumberingPlan(country);
  const plan = metadata.numberingPlan as PlanWithTypes | undefined;
  if (typeof plan?.type !== 'function') return undefined;
  // Where mobile and fixed numbers share one pattern (the USA), only the fixed one is stored.
  const source = plan.type('MOBILE')?.pattern() || plan.type('FIXED_LINE')?.pattern();
  return source ? new RegExp(`^(?:${source})$`) : undefined;
}

/**
 * Whether a national number prefix followed by any `free` digits is a mobile number. Numbering
 * plans allocate by leading digits: every combination of the first three free digits is checked
 * against the metadata's pattern (Norway's 453 is followed by anything but 6), then a few
 * numbers go through libphonenumber's full validation.
 */
function prefixWorks(
  rng: Rng,
  country: CountryCode,
  pattern: RegExp | undefined,
  prefix: string,
  free: number,
): boolean {
  const fixed = Math.min(3, free);
  if (pattern) {
    for (let head = 0; head < 10 ** fixed; head++) {
      const tail = String(head).padStart(fixed, '0') + (free > fixed ? rng.digits(free - fixed) : '');
      if (!pattern.test(prefix + tail)) return false;
    }
  } else {
    for (let pos = 0; pos < fixed; pos++) {
      for (let digit = 0; digit < 10; digit++) {
        const tail = rng.digits(free);
        if (!isMobile(country, prefix + tail.slice(0, pos) + digit + tail.slice(pos + 1))) return false;
      }
    }
  }
  for (let i = 0; i < 2; i++) if (!isMobile(country, prefix + rng.digits(free))) return false;
  return isMobile(country, prefix + '0'.repeat(free)) && isMobile(country, prefix + '9'.repeat(free));
}

/** Splits a formatted number around its last `free` digits, which are then filled in. */
function slots(formatted: string, free: number): string[] {
  const parts: string[] = [];
  let end = formatted.length;
  let found = 0;
  for (let i = formatted.length - 1; i >= 0 && found < free; i--) {
    const ch = formatted.charCodeAt(i);
    if (ch >= 48 && ch <= 57) {
      parts.unshift(formatted.slice(i + 1, end));
      end = i;
      found++;
    }
  }
  parts.unshift(formatted.slice(0, end));
  return parts;
}

function render(parts: readonly string[], digits: string): string {
  let s = parts[0] as string;
  for (let i = 0; i < digits.length; i++) s += digits[i] + (parts[i + 1] as string);
  return s;
}

// Indonesia's operators' mobile prefixes (Telkomsel, Indosat, XL, Axis, Tri, Smartfren); numbers
// have 10 to 12 digits after the 0, 11 most often. libphonenumber accepts any 08, which would look
// wrong to anyone from Indonesia.
const INDONESIAN_PREFIXES = words(
  '811 812 813 821 822 823 851 852 853 814 815 816 855 856 857 858 817 818 819 859 877 878 831 832 ' +
    '833 838 895 896 897 898 899 881 882 883 887 888 889',
);
const INDONESIAN_FREE = [7, 8, 8, 8, 9];

/**
 * Mobile prefixes of a country, found once from libphonenumber's example number: the longest run
 * of trailing digits that can be anything, then nearby prefixes that validate the same way.
 * Seeded by the country alone, so the plan never depends on which countries a run happened to
 * visit first.
 */
function phonePlan(country: string): PhoneTemplate[] | null {
  const cached = phonePlans.get(country);
  if (cached !== undefined) return cached;
  let plan: PhoneTemplate[] | null = null;
  try {
    plan = discoverPlan(country as CountryCode);
  } catch {
    // A country libphonenumber does not know: its people simply have no local number.
    plan = null;
  }
  phonePlans.set(country, plan);
  return plan;
}

function discoverPlan(country: CountryCode): PhoneTemplate[] | null {
  const rng = new Rng(hashString(country), 7);
  const pattern = mobilePattern(country);
  if (country === 'ID') {
    const options = INDONESIAN_PREFIXES.flatMap((prefix) =>
      INDONESIAN_FREE.map((free) => [prefix, free] as const),
    ).filter(([prefix, free]) => prefixWorks(rng, country, pattern, prefix, free));
    return templatesFor(country, options);
  }
  const example = getExampleNumber(country, mobileExamples);
  if (!example) return null;
  const nsn = String(example.nationalNumber);
  let free = 0;
  for (let k = Math.min(7, nsn.length - 2); k >= 2; k--) {
    if (prefixWorks(rng, country, pattern, nsn.slice(0, nsn.length - k), k)) {
      free = k;
      break;
    }
  }
  if (free === 0) return null;
  const base = nsn.slice(0, nsn.length - free);
  const prefixes = [base];
  for (let attempt = 0; attempt < 60 && prefixes.length < 8 && base.length > 1; attempt++) {
    const pos = 1 + rng.int(base.length - 1);
    const candidate = base.slice(0, pos) + rng.int(10) + base.slice(pos + 1);
    if (!prefixes.includes(candidate) && prefixWorks(rng, country, pattern, candidate, free))
      prefixes.push(candidate);
  }
  return templatesFor(
    country,
    prefixes.map((prefix) => [prefix, free] as const),
  );
}

/** How to write numbers of validated prefixes, each followed by `free` digits. */
function templatesFor(
  country: CountryCode,
  options: readonly (readonly [string, number])[],
): PhoneTemplate[] | null {
  const templates: PhoneTemplate[] = [];
  for (const [prefix, free] of options) {
    const sample = parsePhoneNumberFromString(prefix + '0'.repeat(free), country);
    if (!sample) continue;
    const national = sample.formatNational();
    templates.push({
      national: slots(national, free),
      compact: slots(national.replace(/[^0-9+]/g, ''), free),
      international: slots(sample.formatInternational(), free),
      dashed: slots(`+${sample.countryCallingCode} ${national.replace(/^0/, '')}`, free),
      e164: `+${sample.countryCallingCode}${prefix}`,
      free,
    });
  }
  return templates.length ? templates : null;
}

/** A mobile number of `country` as a list from there would write it. */
function localPhone(rng: Rng, country: string): Phone | undefined {
  const plan = phonePlan(country);
  if (!plan) return undefined;
  const t = rng.pick(plan);
  const digits = rng.digits(t.free);
  const r = rng.next();
  const parts = r < 0.55 ? t.national : r < 0.85 ? t.compact : t.international;
  return { written: render(parts, digits), e164: t.e164 + digits };
}

/** An Indonesian mobile number, always with its country code: the SIM kept from home. */
function indonesianPhone(rng: Rng): Phone {
  const plan = phonePlan('ID');
  if (!plan) throw new Error('libphonenumber has no Indonesian mobile numbers');
  const t = rng.pick(plan);
  const digits = rng.digits(t.free);
  const e164 = t.e164 + digits;
  const r = rng.next();
  return {
    written: r < 0.45 ? render(t.international, digits) : r < 0.8 ? e164 : render(t.dashed, digits),
    e164,
  };
}

// ---------------------------------------------------------------------------------------------
// Documents with numbers that never repeat: counters run through keyed permutations.

const PASSPORT_LETTERS = ['A', 'B', 'C', 'E', 'X'];
const PASSPORT_SPACE = PASSPORT_LETTERS.length * 10_000_000;
const DISTRICTS = 20;
const NIK_SERIALS = 9999;

class DocumentNumbers {
  private passports = 0;
  private readonly niks = new Map<number, number>();
  private readonly permits = new Map<string, number>();
  constructor(private readonly key: number) {}

  passport(): string {
    const v = permute(this.passports++, PASSPORT_SPACE, this.key);
    return PASSPORT_LETTERS[Math.floor(v / 10_000_000)] + String(v % 10_000_000).padStart(7, '0');
  }

  /**
   * NIK: province, regency, district, birth date (day + 40 for women), serial. Each province has
   * its own counter spread over its regencies and districts, so two people never share one.
   */
  nik(province: Province, birth: number, sex: Sex): string | undefined {
    const [code, kabupaten, kota] = province;
    const areas = (kabupaten + kota) * DISTRICTS;
    const i = this.niks.get(code) ?? 0;
    if (i >= areas * NIK_SERIALS) return undefined;
    this.niks.set(code, i + 1);
    const area = permute(i % areas, areas, this.key ^ code);
    const regencyIndex = Math.floor(area / DISTRICTS);
    const regency = regencyIndex < kabupaten ? regencyIndex + 1 : 71 + regencyIndex - kabupaten;
    const district = 1 + (area % DISTRICTS);
    const serial = 1 + Math.floor(i / areas);
    const [y, m, d] = civil(birth);
    return (
      `${code}${pad2(regency)}${pad2(district)}${pad2(d + (sex === 'female' ? 40 : 0))}${pad2(m)}` +
      `${pad2(y % 100)}${String(serial).padStart(4, '0')}`
    );
  }

  /** A residence permit in the host country's own format where it is well known. */
  permit(rng: Rng, country: string, birth: number, sex: Sex): string | undefined {
    const i = this.permits.get(country) ?? 0;
    const key = this.key ^ hashString(country);
    const [y, m, d] = civil(birth);
    const yy = pad2(y % 100);
    let n: string | undefined;
    switch (country) {
      case 'SA': // iqama: 10 digits, 2 for residents
        n = prefixed('2', uniqueDigits(i, 9, key));
        break;
      case 'HK': {
        const digits = uniqueDigits(i, 6, key);
        n = digits && `W${digits}-${hkidCheck('W', digits)}`;
        break;
      }
      case 'SG': {
        const digits = uniqueDigits(i, 7, key);
        n = digits && `G${digits}${finCheck(digits)}`;
        break;
      }
      case 'TW': // resident certificate: a letter, 8 for men or 9 for women, eight digits
        n = prefixed(
          `${rng.pick(['A', 'B', 'E', 'F', 'H'])}${sex === 'male' ? 8 : 9}`,
          uniqueDigits(i, 8, key),
        );
        break;
      case 'KR': // foreigner registration number: birth date, then 5/6 (7/8 after 2000) by sex
        n = prefixed(
          `${yy}${pad2(m)}${pad2(d)}-${(y >= 2000 ? 7 : 5) + (sex === 'female' ? 1 : 0)}`,
          uniqueDigits(i, 6, key),
        );
        break;
      case 'JP': {
        const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ';
        const digits = uniqueDigits(i, 8, key);
        n =
          digits &&
          `${rng.pick([...letters])}${rng.pick([...letters])}${digits}${rng.pick([...letters])}${rng.pick([...letters])}`;
        break;
      }
      case 'AE': // Emirates ID: 784-birth year-seven digits-check
        n = prefixed(`784-${y}-`, uniqueDigits(i, 7, key));
        n = n && `${n}-${rng.int(10)}`;
        break;
      case 'QA': // QID: 2, birth year, nationality (Indonesia 360), serial
        n = prefixed(`2${yy}360`, uniqueDigits(i, 5, key));
        break;
      case 'KW': // civil ID: century, birth date, serial
        n = prefixed(`${y >= 2000 ? 3 : 2}${yy}${pad2(m)}${pad2(d)}`, uniqueDigits(i, 5, key));
        break;
      case 'BH':
        n = prefixed(`${yy}${pad2(m)}`, uniqueDigits(i, 5, key));
        break;
      case 'OM':
        n = uniqueDigits(i, 8, key);
        break;
      case 'BN': // green identity card of permanent residents
        n = prefixed('01-', uniqueDigits(i, 6, key));
        break;
      default:
        n = prefixed(country, uniqueDigits(i, 7, key));
    }
    if (n) this.permits.set(country, i + 1);
    return n;
  }
}

function prefixed(prefix: string, digits: string | undefined): string | undefined {
  return digits === undefined ? undefined : prefix + digits;
}

/** The i-th of a series of unique `width`-digit numbers; undefined when the series is used up. */
function uniqueDigits(i: number, width: number, key: number): string | undefined {
  const domain = 10 ** width;
  return i < domain ? String(permute(i, domain, key)).padStart(width, '0') : undefined;
}

// Hong Kong identity card check digit (mod 11 over the letters and digits, 10 written as A).
function hkidCheck(letter: string, digits: string): string {
  let sum = 9 * 36 + 8 * (letter.charCodeAt(0) - 55);
  for (let i = 0; i < 6; i++) sum += (7 - i) * Number(digits[i]);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? 'A' : String(check);
}

// Singapore FIN check letter for the G series.
function finCheck(digits: string): string {
  const weights = [2, 7, 6, 5, 4, 3, 2];
  let sum = 4;
  for (let i = 0; i < 7; i++) sum += (weights[i] as number) * Number(digits[i]);
  return 'XWUTRQPNMLK'[sum % 11] as string;
}

// ---------------------------------------------------------------------------------------------
// People and households.

const VULNERABILITY_NOTES: Partial<Record<Vulnerability['kind'], string[]>> = {
  disability: ['Pengguna kursi roda', 'Tunanetra', 'Tunarungu', 'Sulit berjalan'],
  chronic_illness: ['Diabetes', 'Hipertensi', 'Asma', 'Gagal ginjal, cuci darah rutin', 'Penyakit jantung'],
  pregnant: ['Hamil 5 bulan', 'Hamil 7 bulan', 'Hamil 3 bulan'],
  trafficking_indicator: ['Paspor ditahan agen', 'Direkrut tanpa prosedur resmi'],
  forced_labour_indicator: [
    'Gaji tidak dibayar berbulan-bulan',
    'Paspor ditahan majikan',
    'Jam kerja berlebihan',
  ],
};
function withNote(rng: Rng, kind: Vulnerability['kind']): Vulnerability {
  const notes = VULNERABILITY_NOTES[kind];
  return notes && rng.chance(0.4) ? { kind, note: rng.pick(notes) } : { kind };
}

// Who is called at home, in Indonesian as lists write it: parents and siblings of the young, the
// spouse of the married, the children of the old.
const KIN_YOUNG = words('Ibu Ayah Kakak Adik');
const KIN_WIFE = words('Suami Ibu Kakak Adik');
const KIN_HUSBAND = words('Istri Ibu Kakak Adik');
const KIN_OLD = words('Anak Adik Keponakan');
const MALE_KIN = new Set(['Ayah', 'Suami']);
const LINE_COUNTRIES = new Set(['TW', 'JP', 'TH']);
const MIXED_MARRIAGE_COUNTRIES = new Set('JP KR TW AU NL US DE GB FR CA NZ TR'.split(' '));
const HELPER_COUNTRIES = new Set('SA AE QA KW SG MY HK BN'.split(' '));
const INDONESIAN_SCHOOL_COUNTRIES = new Set('MY SA SG JP NL EG TH AE KR TW'.split(' '));
const EMAIL_DOMAINS = ['mail.example', 'surel.example', 'inbox.example', 'webmail.example'];

interface Household {
  country: string;
  profile: Profile;
  role: Role;
  city: City;
  lat: number;
  lon: number;
  updatedMs: number;
  stale: boolean;
  channel: Consent['channel'];
  province: Province;
  style: NameStyle;
  familyName: string | undefined;
  headStayFrom: number | undefined;
  headStayUntil: number | undefined;
  undocumented: boolean;
}

interface Draft {
  sex: Sex;
  birth: number;
  role: Role;
  status: Status;
  name: Name;
  relationship: HouseholdRelationship;
  employer?: string;
  stayFrom?: number;
  stayUntil?: number;
  province: Province;
  nationalities?: string[];
}

/** What a later duplicate needs of an emitted adult. */
interface Snapshot {
  words: string[];
  /** The full name as the record wrote it. */
  written: string;
  sex: Sex;
  birth: number;
  birthDate: string;
  country: string;
  status: Status;
  role: Role;
  passport?: Doc;
  nik?: Doc;
}

const RING = 1024;

class PopulationState {
  readonly rng: Rng;
  readonly docs: DocumentNumbers;
  readonly nowMs: number;
  readonly nowDays: number;
  readonly countries = new Weighted(
    COUNTRIES.map(([code, w, profile]) => [[code, profile] as const, w] as const),
  );
  readonly roles = new Map<Profile, Weighted<Role>>();
  readonly ring: (Snapshot | undefined)[] = new Array<Snapshot | undefined>(RING);
  ringNext = 0;
  ringSize = 0;

  constructor(seed: number, now: Date) {
    const s = seed32(seed);
    this.rng = new Rng(s);
    this.docs = new DocumentNumbers(mix32(s ^ 0xa5a5a5a5));
    this.nowMs = now.getTime();
    this.nowDays = Math.floor(this.nowMs / DAY_MS);
  }

  roleIn(profile: Profile): Role {
    let w = this.roles.get(profile);
    if (!w) {
      w = new Weighted(Object.entries(PROFILES[profile]) as [Role, number][]);
      this.roles.set(profile, w);
    }
    return w.pick(this.rng);
  }

  remember(s: Snapshot) {
    this.ring[this.ringNext] = s;
    this.ringNext = (this.ringNext + 1) % RING;
    this.ringSize = Math.min(RING, this.ringSize + 1);
  }

  /** An adult emitted earlier, taken out so that nobody is duplicated twice. */
  takeRemembered(): Snapshot | undefined {
    for (let tries = 0; tries < 4 && this.ringSize > 0; tries++) {
      const i = this.rng.int(this.ringSize);
      const s = this.ring[i];
      if (s) {
        this.ring[i] = undefined;
        return s;
      }
    }
    return undefined;
  }
}

function birthFor(st: PopulationState, age: [number, number], skew = 1): number {
  const [lo, hi] = age;
  const years = lo + (hi - lo + 1) * Math.pow(st.rng.next(), skew);
  return st.nowDays - Math.floor(years * YEAR_DAYS);
}

function newHousehold(st: PopulationState): Household {
  const { rng } = st;
  const [country, profile] = st.countries.pick(rng);
  const role = st.roleIn(profile);
  const spec = ROLES[role];
  const picker: CityPicker | undefined = cityPicker(country, spec.focus) ?? cityPicker(country);
  if (!picker) throw new Error(`No cities for ${country}`);
  const city = picker.pick(rng.next());
  // Around the centre, more spread for big cities; a degree of latitude is 111 km.
  const lat = Math.max(-89.9, Math.min(89.9, city.lat + (rng.gauss() * city.spreadKm) / 111.32));
  let lon =
    city.lon + (rng.gauss() * city.spreadKm) / (111.32 * Math.max(0.1, Math.cos((city.lat * Math.PI) / 180)));
  if (lon > 180) lon -= 360;
  if (lon < -180) lon += 360;

  // About a fifth of records were last touched more than a year ago.
  const stale = rng.chance(0.2);
  const ageDays = stale ? rng.between(13, 60) * MONTH_DAYS : rng.between(0, 357);
  const updatedMs = Math.floor(st.nowMs - ageDays * DAY_MS);

  const worker = WORKER_ROLES.has(role);
  const province = (
    country === 'MY' && city.adminArea === 'MY-12' ? SABAH_ORIGIN : worker ? WORKER_ORIGIN : GENERAL_ORIGIN
  ).pick(rng);
  const style = nameStyle(rng, province[0], role);
  const familyName =
    style === 'batak' ? rng.pick(MARGA) : style === 'chinese' ? rng.pick(CHINESE_FAMILY) : undefined;
  const r = rng.next();
  const channel: Consent['channel'] = r < 0.55 ? 'import' : r < 0.85 ? 'web' : 'officer';
  const undocumentedRate =
    !worker && role !== 'other' ? 0.01 : country === 'MY' ? 0.25 : country === 'SA' ? 0.1 : 0.04;
  return {
    country,
    profile,
    role,
    city,
    lat: Math.round(lat * 1e5) / 1e5,
    lon: Math.round(lon * 1e5) / 1e5,
    updatedMs,
    stale,
    channel,
    province,
    style,
    familyName,
    headStayFrom: undefined,
    headStayUntil: undefined,
    undocumented: rng.chance(undocumentedRate),
  };
}

function nameStyle(rng: Rng, province: number, role: Role): NameStyle {
  const settled = !WORKER_ROLES.has(role);
  if (settled && rng.chance(province === 31 || province === 61 ? 0.12 : province === 12 ? 0.06 : 0.02)) {
    return 'chinese';
  }
  if (province === 51 && rng.chance(0.85)) return 'bali';
  if (province === 12 && rng.chance(0.5)) return 'batak';
  if (province === 33 || province === 34 || province === 35 || province === 18) return 'java';
  if (province === 32 || province === 36) return 'sunda';
  return 'general';
}

/** stayFrom / stayUntil in days for the role, as of the household's record date. */
function stayFor(
  st: PopulationState,
  h: Household,
  role: Role,
  birth: number,
): [number | undefined, number | undefined] {
  const { rng } = st;
  const ref = Math.floor(h.updatedMs / DAY_MS);
  const spec = ROLES[role];
  if (spec.contractMonths) {
    let months = spec.contractMonths;
    if (h.country === 'KR' && role === 'factory') months = 58; // EPS: 4 years 10 months
    if (h.country === 'JP' && role === 'factory') months = rng.chance(0.7) ? 36 : 60;
    const length = Math.round(months * MONTH_DAYS);
    // Most contracts still run on the record date; some ended, and the person stayed on.
    const from = ref - rng.int(rng.chance(0.9) ? length : length * 2);
    return [from, from + length];
  }
  switch (role) {
    case 'student': {
      const years = rng.pick([4, 4, 4, 2, 2, 3]);
      const [y] = civil(ref - rng.int(Math.round(years * YEAR_DAYS)));
      const from = daysFromCivil(y, rng.chance(0.7) ? 9 : 2, 1);
      return [from, addYears(from, years)];
    }
    case 'resident': {
      // Settled for up to 25 years, but not since early childhood.
      const adultYears = (ref - birth) / YEAR_DAYS - 16;
      return [
        ref - Math.round(rng.between(1, Math.max(1.5, Math.min(25, adultYears))) * YEAR_DAYS),
        undefined,
      ];
    }
    case 'tourist': {
      const from = ref - rng.int(14);
      return [from, from + 5 + rng.int(17)];
    }
    case 'pilgrim': {
      const from = ref - rng.int(10);
      return [from, from + (rng.chance(0.85) ? 9 + rng.int(4) : 40)];
    }
    default:
      return [rng.chance(0.5) ? ref - Math.round(rng.between(0.5, 8) * YEAR_DAYS) : undefined, undefined];
  }
}

function householdDrafts(st: PopulationState, h: Household): Draft[] {
  const { rng } = st;
  const spec = ROLES[h.role];
  const headSex: Sex = rng.chance(FEMALE_SHARE[h.country]?.[h.role] ?? spec.female) ? 'female' : 'male';
  const withKin = rng.chance(spec.family);
  // Building-site workers in Malaysia often live with their families; elsewhere such work is lived
  // in dormitories and employers' homes.
  const kinOnly = spec.kinOnly === true || (h.role === 'construction' && h.country !== 'MY');
  // Whoever heads a family abroad is rarely under 24.
  const ageRange: [number, number] =
    withKin && !kinOnly ? [Math.max(spec.age[0], 24), Math.max(spec.age[1], 30)] : spec.age;
  const headBirth = birthFor(st, ageRange, WORKER_ROLES.has(h.role) || h.role === 'student' ? 1.3 : 1);
  const [stayFrom, stayUntil] = stayFor(st, h, h.role, headBirth);
  h.headStayFrom = stayFrom;
  h.headStayUntil = stayUntil;
  const employer = employerFor(rng, h.role, h.country, h.city);
  const head: Draft = {
    sex: headSex,
    birth: headBirth,
    role: h.role,
    status: spec.status,
    name: makeName(rng, headSex, h.style, headSex === 'male' ? h.familyName : undefined, rng.int(4)),
    relationship: 'head',
    province: h.province,
  };
  if (employer) head.employer = employer;
  if (stayFrom !== undefined) head.stayFrom = stayFrom;
  if (stayUntil !== undefined) head.stayUntil = stayUntil;
  const drafts = [head];
  if (!withKin) return drafts;

  const headAge = ageOn(headBirth, st.nowDays);
  if (kinOnly) {
    // A sister or cousin recruited for the same employer or dormitory.
    const count = rng.chance(0.8) ? 1 : 2;
    for (let i = 0; i < count; i++) {
      const sex: Sex = rng.chance(spec.female) ? 'female' : 'male';
      const sibling = rng.chance(0.7);
      drafts.push({
        sex,
        birth: birthFor(st, spec.age, 1.3),
        role: h.role,
        status: spec.status,
        name: makeName(rng, sex, h.style, h.style === 'batak' ? h.familyName : undefined, rng.int(4)),
        relationship: sibling ? 'sibling' : 'relative',
        province: h.province,
        ...(employer ? { employer } : {}),
        ...(stayFrom !== undefined ? { stayFrom } : {}),
        ...(stayUntil !== undefined ? { stayUntil } : {}),
      });
    }
    return drafts;
  }
  const ref = Math.floor(h.updatedMs / DAY_MS);
  const settled = h.role === 'resident' || h.role === 'professional' || h.role === 'other';
  const travelling = h.role === 'tourist' || h.role === 'pilgrim';
  // The family name children take: the father's marga or surname when the household uses one.
  let fatherFamily = h.familyName;
  // Family members of residents and students live there as residents; of workers, as dependants.
  const dependant: Status = travelling ? spec.status : settled || h.role === 'student' ? 'resident' : 'other';

  const withSpouse = h.role === 'plantation' || settled || travelling ? rng.chance(0.85) : rng.chance(0.6);
  // Marriages to foreigners: the spouse is not a national and not registered, the children hold
  // both nationalities until they choose at 18.
  const foreignSpouse = settled && MIXED_MARRIAGE_COUNTRIES.has(h.country) ? rng.chance(0.35) : false;
  let motherAge = headSex === 'female' ? headAge : undefined;
  if (withSpouse && !foreignSpouse) {
    const sex: Sex = headSex === 'male' ? 'female' : 'male';
    const offset = Math.round(rng.gauss() * 3) + (sex === 'female' ? -2 : 2);
    const birth =
      st.nowDays - Math.floor(Math.max(19 + rng.next() * 3, headAge + offset + rng.next()) * YEAR_DAYS);
    const province = rng.chance(0.8) ? h.province : GENERAL_ORIGIN.pick(rng);
    const spouseStyle =
      h.style === 'batak' || h.style === 'chinese' ? h.style : nameStyle(rng, province[0], h.role);
    const role: Role =
      h.role === 'plantation' && rng.chance(0.6) ? 'plantation' : travelling ? h.role : 'resident';
    const spouse: Draft = {
      sex,
      birth,
      role,
      status: role === 'plantation' ? 'worker' : dependant,
      // A wife keeps her own name; a Batak or Chinese husband passes his family name on.
      name: makeName(rng, sex, spouseStyle, sex === 'male' ? h.familyName : undefined, rng.int(4)),
      relationship: 'spouse',
      province,
    };
    if (spouse.role === 'plantation' && employer) spouse.employer = employer;
    if (stayFrom !== undefined) spouse.stayFrom = stayFrom;
    if (spouse.status === 'worker' && stayUntil !== undefined) spouse.stayUntil = stayUntil;
    if (travelling && stayUntil !== undefined) spouse.stayUntil = stayUntil;
    if (sex === 'male') fatherFamily = spouse.name.family ?? fatherFamily;
    else motherAge = ageOn(birth, st.nowDays);
    drafts.push(spouse);
  }
  if (headSex === 'male') fatherFamily = head.name.family ?? fatherFamily;
  // Many urban families give the children the father's last name.
  const sharedFamily =
    h.style === 'batak' || h.style === 'chinese' ? fatherFamily : rng.chance(0.5) ? fatherFamily : undefined;

  // Children born to a mother of 20 to 42 (or a father, when he heads the family alone), still
  // living with their parents: under 25, under 18 when travelling or studying. Ages as of the
  // record's date.
  const shift = (st.nowDays - ref) / YEAR_DAYS;
  const parentAge = (motherAge ?? headAge) - shift;
  const maxChildAge = Math.min(
    Math.min(headAge - shift, parentAge) - 20,
    travelling || h.role === 'student' ? 17 : 24,
  );
  const minChildAge = Math.max(0, parentAge - 42);
  if (maxChildAge >= minChildAge && h.role !== 'pilgrim') {
    const count = rng.pick(h.role === 'plantation' ? [1, 2, 2, 3, 3, 4] : [0, 1, 1, 2, 2, 3]);
    // The eldest first, each next one 1.3 to 4.3 years younger.
    let years = minChildAge + rng.next() * (maxChildAge - minChildAge + 1);
    for (let i = 0; i < count && years >= minChildAge; i++, years -= 1.3 + rng.next() * 3) {
      const sex: Sex = rng.chance(0.5) ? 'female' : 'male';
      // Born before the record was last updated, so a stale record holds no child born since.
      const birth = ref - Math.floor(years * YEAR_DAYS) - 1;
      const age = ageOn(birth, st.nowDays);
      const child: Draft = {
        sex,
        birth,
        role: travelling ? h.role : age >= 18 ? 'student' : 'resident',
        status: travelling ? spec.status : age >= 18 ? 'student' : dependant,
        name: makeName(rng, sex, h.style, sharedFamily, i),
        relationship: 'child',
        province: h.province,
      };
      if (foreignSpouse) child.nationalities = ['ID', h.country];
      // Children born abroad have lived there since birth.
      const from = stayFrom === undefined ? undefined : Math.max(stayFrom, birth);
      if (from !== undefined) child.stayFrom = from;
      if (travelling && stayUntil !== undefined) child.stayUntil = stayUntil;
      const school = travelling ? undefined : schoolFor(rng, h, age);
      if (school) child.employer = school;
      if (drafts.length < 6) drafts.push(child);
    }
  }
  // An older parent who came along or moved in; a sibling or relative working nearby.
  if ((settled || travelling) && headAge >= 30 && rng.chance(0.12)) {
    const sex: Sex = rng.chance(0.6) ? 'female' : 'male';
    const age = Math.min(95, headAge + 20 + rng.int(15));
    drafts.push({
      sex,
      birth: st.nowDays - Math.floor((age + rng.next()) * YEAR_DAYS),
      role: travelling ? h.role : 'resident',
      status: travelling ? spec.status : 'resident',
      name: makeName(rng, sex, h.style === 'chinese' ? 'general' : h.style, undefined, rng.int(4)),
      relationship: 'parent',
      province: h.province,
      ...(stayFrom !== undefined ? { stayFrom } : {}),
      ...(travelling && stayUntil !== undefined ? { stayUntil } : {}),
    });
  }
  if (rng.chance(drafts.length === 1 ? 0.5 : 0.08)) {
    const sibling = rng.chance(0.7);
    const sex: Sex = rng.chance(spec.female) ? 'female' : 'male';
    const age = sibling ? Math.max(18, headAge + Math.round(rng.gauss() * 5)) : 15 + rng.int(12);
    drafts.push({
      sex,
      birth: st.nowDays - Math.floor((age + rng.next()) * YEAR_DAYS),
      role: sibling ? h.role : age < 18 ? 'resident' : 'student',
      status: sibling ? spec.status : age < 18 ? dependant : 'student',
      name: makeName(
        rng,
        sex,
        h.style,
        h.style === 'batak' || h.style === 'chinese' ? h.familyName : undefined,
        rng.int(4),
      ),
      relationship: sibling ? 'sibling' : 'relative',
      province: h.province,
      ...(sibling && employer ? { employer } : {}),
      ...(stayFrom !== undefined ? { stayFrom } : {}),
      ...(sibling && stayUntil !== undefined ? { stayUntil } : {}),
    });
  }
  // Families settled in the Gulf, Singapore or Malaysia sometimes bring a helper from home.
  if (settled && HELPER_COUNTRIES.has(h.country) && rng.chance(0.05)) {
    const province = WORKER_ORIGIN.pick(rng);
    drafts.push({
      sex: 'female',
      birth: birthFor(st, ROLES.domestic.age),
      role: 'domestic',
      status: 'worker',
      name: makeName(rng, 'female', nameStyle(rng, province[0], 'domestic'), undefined, 0),
      relationship: 'other',
      province,
    });
  }
  return drafts.slice(0, 6);
}

function schoolFor(rng: Rng, h: Household, age: number): string | undefined {
  if (age < 6 || age > 17 || !rng.chance(0.4)) return undefined;
  // Community learning centres teach the children of Sabah's and Sarawak's estate workers.
  if (h.role === 'plantation' && (h.city.adminArea === 'MY-12' || h.city.adminArea === 'MY-13')) {
    return `CLC ${rng.pick(MALAY_WORDS)} ${h.city.name}`;
  }
  // Schools are named after cities big enough to have them (spread grows with population).
  if (h.city.spreadKm < 2) return undefined;
  if (INDONESIAN_SCHOOL_COUNTRIES.has(h.country) && rng.chance(0.5)) {
    return `Sekolah Indonesia ${h.city.name}`;
  }
  return `${h.city.name} International School`;
}

// Faker's Indonesian names are plain ASCII already; this drops the dots of "M." and "Moh.".
function asciiWord(s: string): string {
  return s.replace(/[^A-Za-z]/g, '').toLowerCase();
}

function handleFor(rng: Rng, name: Name, birth: number): string {
  const words = name.words.filter((w) => w !== 'I' && w !== 'Ni' && !w.endsWith('.')).map(asciiWord);
  const first = words[0] ?? 'wni';
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  const yy = pad2(civil(birth)[0] % 100);
  const r = rng.next();
  if (r < 0.35 && last) return `${first}.${last}${rng.chance(0.5) ? yy : ''}`;
  if (r < 0.6 && last) return `${first}${last}${rng.int(100)}`;
  if (r < 0.8) return `${first}_${yy}`;
  return `${first}${rng.int(1000)}`;
}

function personFrom(st: PopulationState, h: Household, d: Draft, updatedMs: number): PersonCreateInput {
  const { rng } = st;
  const age = ageOn(d.birth, st.nowDays);
  const adult = age >= 18;
  const worker = d.status === 'worker' || d.status === 'crew';
  const roleSpec = ROLES[d.role];
  const ref = Math.floor(h.updatedMs / DAY_MS);

  // Pilgrims and Middle East workers often carry a three-part name with bin/binti and the
  // father's name, which Saudi visas require.
  const name: Name = { words: d.name.words.slice() };
  if (d.name.given !== undefined) name.given = d.name.given;
  if (d.name.family !== undefined) name.family = d.name.family;
  // Balinese names (I Wayan..., Ni Made...) have no family name to split off.
  const balinese = name.words[0] === 'I' || name.words[0] === 'Ni';
  if (adult && ARABIC_SPEAKING.has(h.country) && !balinese && h.style !== 'chinese' && rng.chance(0.15)) {
    name.words.push(d.sex === 'male' ? 'bin' : 'binti', firstName(rng, 'male'));
    name.given = name.words.slice(0, name.words.indexOf(d.sex === 'male' ? 'bin' : 'binti')).join(' ');
    delete name.family;
  }
  if (balinese) {
    delete name.given;
    delete name.family;
  }
  let fullName = name.words.join(' ');
  // Titles and degrees as lists write them: H./Hj. for those who made the hajj, a degree after a comma.
  if (age >= 45 && (d.status === 'pilgrim' || rng.chance(0.04)) && rng.chance(0.3) && !balinese) {
    fullName = `${d.sex === 'male' ? 'H.' : 'Hj.'} ${fullName}`;
  }
  if (adult && (d.role === 'professional' || d.role === 'resident') && age >= 23 && rng.chance(0.1)) {
    fullName = `${fullName}, ${rng.pick(DEGREES)}`;
  }
  // Some lists are typed in capitals, as passports print names.
  const upper = h.channel === 'import' && rng.chance(0.08);
  if (upper) fullName = fullName.toUpperCase();
  const person: PersonCreateInput = { fullName, statusAbroad: d.status };
  if (name.given) person.givenName = upper ? name.given.toUpperCase() : name.given;
  if (name.family) person.familyName = upper ? name.family.toUpperCase() : name.family;
  if (ARABIC_SPEAKING.has(h.country) && d.sex === 'male' && rng.chance(0.5)) {
    const native = arabicForm(name.words);
    if (native) person.nativeName = native;
  }
  if (h.style === 'chinese' && age >= 25 && rng.chance(0.5)) {
    person.nativeName =
      rng.pick(chineseNames.family) + rng.pick(d.sex === 'male' ? chineseNames.male : chineseNames.female);
  }
  person.sex = d.sex;

  // Birth dates: mostly complete; some lists keep only the year, or the year and month.
  const fullBirth = isoDate(d.birth);
  const r = rng.next();
  let birthDate: string | undefined =
    r < 0.86 || !adult ? fullBirth : r < 0.92 ? fullBirth.slice(0, 7) : fullBirth.slice(0, 4);
  if (d.nationalities) person.nationalities = d.nationalities;

  // Languages: Indonesian, often the regional language of home, and the host country's.
  const languages = ['id'];
  const regional = d.province[5];
  if (regional && rng.chance(regional === 'jv' ? 0.7 : 0.55)) languages.push(regional);
  if (d.province[0] === 12 && h.style === 'batak' && rng.chance(0.5)) languages.push('bbc');
  if (d.province[0] === 35 && rng.chance(0.1)) languages.push('mad');
  const host = HOST_LANGUAGE[h.country];
  const learnt =
    d.status === 'student' || d.status === 'resident'
      ? 0.7
      : d.role === 'domestic' || d.role === 'caregiver'
        ? 0.65
        : worker
          ? 0.4
          : 0.05;
  if (host && rng.chance(learnt)) languages.push(host);
  if (
    host !== 'en' &&
    (d.status === 'student' || d.role === 'professional' || d.role === 'seafarer') &&
    rng.chance(0.5)
  ) {
    languages.push('en');
  }
  if (d.role === 'pilgrim' && host !== 'ar' && rng.chance(0.1)) languages.push('ar');
  person.languages = languages;

  if (d.employer) person.employer = d.employer;
  if (d.stayFrom !== undefined) person.stayFrom = isoDate(d.stayFrom);
  if (d.stayUntil !== undefined && (d.stayFrom === undefined || d.stayUntil >= d.stayFrom)) {
    person.stayUntil = isoDate(d.stayUntil);
  }

  // Vulnerabilities at plausible rates.
  const vulnerabilities: Vulnerability[] = [];
  if (age < 18) vulnerabilities.push({ kind: 'child' });
  if (age >= 60) vulnerabilities.push({ kind: 'older_person' });
  if (d.sex === 'female' && age >= 18 && age <= 40 && rng.chance(0.03)) {
    vulnerabilities.push(withNote(rng, 'pregnant'));
  }
  if (rng.chance(0.02)) vulnerabilities.push(withNote(rng, 'disability'));
  if (adult && rng.chance(age >= 60 ? 0.2 : 0.04)) vulnerabilities.push(withNote(rng, 'chronic_illness'));
  // Children of undocumented parents have no papers either (Sabah's estates).
  const undocumented = h.undocumented && (d.relationship === 'head' || !adult || rng.chance(0.8));
  if (undocumented) vulnerabilities.push({ kind: 'undocumented' });
  if (roleSpec.hidden && d.relationship === 'head') {
    if (rng.chance(d.role === 'fishing' ? 0.015 : 0.008)) {
      vulnerabilities.push(withNote(rng, 'trafficking_indicator'));
    }
    if (rng.chance(d.role === 'fishing' ? 0.03 : 0.015)) {
      vulnerabilities.push(withNote(rng, 'forced_labour_indicator'));
    }
  }
  person.vulnerabilities = vulnerabilities;

  // Documents: the passport, often the NIK, sometimes the host country's residence permit.
  const documents: Doc[] = [];
  if (rng.chance(undocumented ? 0.45 : adult ? 0.92 : 0.7)) {
    const validYears = ref >= daysFromCivil(2022, 10, 1) && adult && rng.chance(0.6) ? 10 : 5;
    // An undocumented person's passport has often run out.
    const issued =
      undocumented && rng.chance(0.5)
        ? st.nowDays - Math.round((validYears + rng.between(0.2, 4)) * YEAR_DAYS)
        : Math.max(d.birth + 30, ref - rng.int(Math.round(validYears * YEAR_DAYS)));
    documents.push({
      kind: 'passport',
      number: st.docs.passport(),
      issuingCountry: 'ID',
      expiresOn: isoDate(addYears(issued, validYears) - 1),
    });
  }
  if (rng.chance(adult ? 0.65 : 0.25)) {
    const nik = st.docs.nik(d.province, d.birth, d.sex);
    if (nik) documents.push({ kind: 'national_id', number: nik, issuingCountry: 'ID' });
  }
  if (
    !undocumented &&
    d.status !== 'tourist' &&
    d.status !== 'pilgrim' &&
    d.status !== 'crew' &&
    rng.chance(0.45)
  ) {
    const permit = st.docs.permit(rng, h.country, d.birth, d.sex);
    if (permit) {
      const until = d.stayUntil ?? ref + Math.round(rng.between(0.5, 5) * YEAR_DAYS);
      documents.push({
        kind: 'residence_permit',
        number: permit,
        issuingCountry: h.country,
        expiresOn: isoDate(until),
      });
    }
  }

  // Contacts: a local mobile for those who live there, the Indonesian SIM for travellers and many
  // others, WhatsApp on one of them, email for some.
  const contacts: Contact[] = [];
  const verifiedRate = h.channel === 'web' ? 0.4 : 0.1;
  if (age >= 18 || (age >= 15 && rng.chance(0.5))) {
    const phones: Phone[] = [];
    const travelling = d.status === 'tourist' || d.status === 'pilgrim' || d.status === 'crew';
    if (!travelling && rng.chance(0.93)) {
      const p = localPhone(rng, h.country);
      if (p) phones.push(p);
    }
    if (rng.chance(travelling ? 0.9 : phones.length ? 0.25 : 0.6)) phones.push(indonesianPhone(rng));
    for (const p of phones) {
      contacts.push({
        kind: 'phone',
        value: p.written,
        consent: rng.chance(0.85),
        verified: rng.chance(verifiedRate),
      });
    }
    const first = phones[0];
    if (first && rng.chance(0.45)) {
      contacts.push({
        kind: 'messaging',
        service: 'whatsapp',
        value: first.e164,
        consent: rng.chance(0.85),
        verified: false,
      });
    }
    if (LINE_COUNTRIES.has(h.country) && rng.chance(0.2)) {
      contacts.push({
        kind: 'messaging',
        service: 'line',
        value: handleFor(rng, name, d.birth),
        consent: rng.chance(0.85),
      });
    }
    if (h.country === 'CN' && rng.chance(0.4)) {
      contacts.push({
        kind: 'messaging',
        service: 'wechat',
        value: handleFor(rng, name, d.birth),
        consent: rng.chance(0.85),
      });
    }
    const emailRate =
      d.status === 'student' || d.role === 'professional' ? 0.8 : d.status === 'resident' ? 0.45 : 0.25;
    if (adult && rng.chance(emailRate)) {
      contacts.push({
        kind: 'email',
        value: `${handleFor(rng, name, d.birth)}@${rng.pick(EMAIL_DOMAINS)}`,
        consent: rng.chance(0.85),
        verified: rng.chance(verifiedRate),
      });
    }
  }

  // About one record in ten misses something basic.
  if (adult && rng.chance(0.1)) {
    const what = rng.int(3);
    if (what === 0) contacts.length = 0;
    else if (what === 1) birthDate = undefined;
    else documents.length = 0;
  }
  if (birthDate) person.birthDate = birthDate;
  person.documents = documents;
  person.contacts = contacts;

  // Emergency contacts at home.
  if (adult && rng.chance(worker ? 0.8 : 0.5)) {
    const count = rng.chance(0.2) ? 2 : 1;
    const list: EmergencyContact[] = [];
    for (let i = 0; i < count; i++) {
      const relation = rng.pick(
        age < 30 ? KIN_YOUNG : age < 55 ? (d.sex === 'female' ? KIN_WIFE : KIN_HUSBAND) : KIN_OLD,
      );
      const female =
        relation === 'Ibu' || relation === 'Istri' || (!MALE_KIN.has(relation) && rng.chance(0.5));
      const contactName = makeName(
        rng,
        female ? 'female' : 'male',
        h.style === 'chinese' ? 'general' : h.style,
        undefined,
        rng.int(4),
      );
      const e: EmergencyContact = { name: contactName.words.join(' '), relationship: relation };
      if (rng.chance(0.9)) e.phone = indonesianPhone(rng).written;
      list.push(e);
    }
    person.emergencyContacts = list;
  }

  // Location: everyone in the household at the same address.
  const self = h.channel === 'web';
  const location: Location = { country: h.country, city: h.city.name, source: self ? 'self' : 'import' };
  if (h.city.adminArea) location.adminArea = h.city.adminArea;
  if (rng.chance(0.92)) {
    location.lat = h.lat;
    location.lon = h.lon;
    location.accuracyM = self ? 10 + rng.int(290) : 100 + rng.int(4900);
  }
  person.location = location;

  // Consent to the registry, given at registration, before the last update; alerts for many.
  const consents: Consent[] = [];
  if (rng.chance(0.95)) {
    const earliest = Math.max(d.birth * DAY_MS + DAY_MS, updatedMs - 3 * YEAR_DAYS * DAY_MS);
    const givenMs = Math.min(updatedMs, earliest + rng.next() * Math.max(0, updatedMs - earliest));
    const offset = h.channel === 'web' ? 0 : (UTC_OFFSET[h.country] ?? 0);
    consents.push({ purpose: 'registry', givenAt: isoDateTime(givenMs, offset), channel: h.channel });
    if (rng.chance(h.channel === 'web' ? 0.7 : 0.3)) {
      consents.push({ purpose: 'alerts', givenAt: isoDateTime(givenMs, offset), channel: h.channel });
    }
  }
  person.consents = consents;

  if (adult) {
    const snapshot: Snapshot = {
      words: d.name.words,
      written: fullName,
      sex: d.sex,
      birth: d.birth,
      birthDate: person.birthDate ?? fullBirth,
      country: h.country,
      status: d.status,
      role: d.role,
    };
    const passport = documents.find((doc) => doc.kind === 'passport');
    const nik = documents.find((doc) => doc.kind === 'national_id');
    // Copies: the caller owns what it was given, and may change it.
    if (passport) snapshot.passport = { ...passport };
    if (nik) snapshot.nik = { ...nik };
    st.remember(snapshot);
  }
  return person;
}

/** Writes a name the way another list would: old spelling, another Muhammad, no family name, capitals. */
function variantName(rng: Rng, words: readonly string[], written: string): string[] {
  const original = words.join(' ');
  const changes: ((w: string[]) => string[])[] = [
    (w) => {
      const i = rng.int(w.length);
      return w.map((x, j) => (j === i || rng.chance(0.3) ? oldSpelling(x) : x));
    },
    (w) =>
      w.map((x) =>
        MUHAMMAD.includes(x) ? rng.pick(MUHAMMAD.filter((m) => m !== x)) : x === 'Ahmad' ? 'Achmad' : x,
      ),
    (w) => (w.length > 1 && w[w.length - 2] !== 'bin' && w[w.length - 2] !== 'binti' ? w.slice(0, -1) : w),
    (w) => w.map((x) => x.toUpperCase()),
  ];
  let out = [...words];
  const count = rng.chance(0.3) ? 2 : 1;
  for (let applied = 0, tries = 0; applied < count && tries < 8; tries++) {
    const next = rng.pick(changes)(out);
    if (next.join(' ') !== out.join(' ')) {
      out = next;
      applied++;
    }
  }
  // Never the very same text as the record it duplicates (which may itself be in capitals).
  const text = out.join(' ');
  if (text === original || text === written) {
    out = words.map((x) => x.toUpperCase());
    if (out.join(' ') === written) out = [...words];
  }
  return out;
}

function duplicateOf(st: PopulationState, s: Snapshot): DemoMember {
  const { rng } = st;
  const words = variantName(rng, s.words, s.written);
  const person: PersonCreateInput = {
    fullName: words.join(' '),
    sex: s.sex,
    birthDate: s.birthDate,
    statusAbroad: s.status,
    languages: ['id'],
  };
  if (words.length > 1 && !words.includes('I') && !words.includes('Ni')) {
    person.givenName = words.slice(0, -1).join(' ');
    person.familyName = words[words.length - 1] as string;
  }
  // The same papers sometimes, which is how officers find such pairs.
  const documents: Doc[] = [];
  const r = rng.next();
  if (s.passport && r < 0.55) documents.push({ ...s.passport });
  if (s.nik && r >= 0.35 && r < 0.7) documents.push({ ...s.nik });
  person.documents = documents;
  const phone = rng.chance(0.5) ? localPhone(rng, s.country) : undefined;
  person.contacts = phone ? [{ kind: 'phone', value: phone.written, consent: rng.chance(0.8) }] : [];
  const picker = cityPicker(s.country, ROLES[s.role].focus) ?? cityPicker(s.country);
  const city = picker?.pick(rng.next());
  const location: Location = { country: s.country, source: 'import' };
  if (city) {
    location.city = city.name;
    if (city.adminArea) location.adminArea = city.adminArea;
  }
  person.location = location;
  person.vulnerabilities = ageOn(s.birth, st.nowDays) >= 60 ? [{ kind: 'older_person' }] : [];
  const stale = rng.chance(0.5);
  const updatedMs = Math.floor(
    st.nowMs - (stale ? rng.between(13, 60) * MONTH_DAYS : rng.between(0, 357)) * DAY_MS,
  );
  person.consents = [
    {
      purpose: 'registry',
      givenAt: isoDateTime(updatedMs - rng.int(200) * DAY_MS, UTC_OFFSET[s.country] ?? 0),
      channel: 'import',
    },
  ];
  return { person, relationship: 'head', updatedAt: isoDateTime(updatedMs) };
}

// About 2 % of people are recorded twice; households average about 1.7 members.
const DUPLICATE_PER_HOUSEHOLD = 0.034;

/** Exactly opts.people members in total, the same sequence for the same seed and now. Lazy: never builds the whole population in memory. */
export function demoPopulation(opts: DemoOptions): Generator<DemoHousehold> {
  const { people, seed, now } = opts;
  // Checked here, at the call, rather than at the first next() as a generator function would.
  if (!Number.isSafeInteger(people) || people < 0 || people > MAX_PEOPLE) {
    throw new RangeError(`people must be a whole number from 0 to ${MAX_PEOPLE}`);
  }
  if (!Number.isFinite(seed)) throw new RangeError('seed must be a finite number');
  if (Number.isNaN(now.getTime())) throw new RangeError('now must be a valid date');
  return households(new PopulationState(seed, now), people);
}

function* households(st: PopulationState, people: number): Generator<DemoHousehold> {
  let left = people;
  while (left > 0) {
    if (st.rng.chance(DUPLICATE_PER_HOUSEHOLD)) {
      const s = st.takeRemembered();
      if (s) {
        left--;
        yield { members: [duplicateOf(st, s)] };
        continue;
      }
    }
    const h = newHousehold(st);
    const drafts = householdDrafts(st, h).slice(0, left);
    const members = drafts.map((d) => {
      // Members entered together, give or take a few days.
      const updatedMs = h.updatedMs - (d.relationship === 'head' ? 0 : st.rng.int(4) * DAY_MS);
      return {
        person: personFrom(st, h, d, updatedMs),
        relationship: d.relationship,
        updatedAt: isoDateTime(updatedMs),
      };
    });
    left -= members.length;
    yield { members };
  }
}
