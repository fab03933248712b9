// Counting the people found inside an area: by mission, country, admin area, city, status abroad,
// vulnerability and household. Values arrive as small integers from dictionaries (the in-memory
// index keeps its columns that way), so counting is array increments, not string lookups.
import { STATUSES_ABROAD, VULNERABILITIES } from '@siaga/contracts';

/** Strings ↔ small integers; 0 is "none". */
export class Dict {
  private readonly index = new Map<string, number>();
  readonly values: (string | null)[] = [null];

  id(value: string | null | undefined): number {
    if (value === null || value === undefined || value === '') return 0;
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.index.set(value, i);
    }
    return i;
  }

  get size(): number {
    return this.values.length;
  }
}

export interface Dicts {
  mission: Dict;
  country: Dict;
  admin: Dict;
  /** "country|city", since city names repeat across countries. */
  city: Dict;
}

export const newDicts = (): Dicts => ({
  mission: new Dict(),
  country: new Dict(),
  admin: new Dict(),
  city: new Dict(),
});

export const STATUS_INDEX = new Map<string, number>(STATUSES_ABROAD.map((s, i) => [s, i]));

/** Household ids hashed to 52 bits (exact as a JS number): distinct counts without a dictionary. */
export function householdKey(id: string | null): number {
  if (!id) return NaN;
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return (h1 & 0xfffff) * 0x100000000 + h2;
}

export interface TallyResult {
  inside: number;
  locatedByCity: number;
  byMission: Record<string, number>;
  byCountry: Record<string, number>;
  byAdminArea: Record<string, number>;
  byCity: Record<string, number>;
  byStatus: Record<string, number>;
  byVulnerability: Record<string, number>;
  households: number;
}

export class Tally {
  inside = 0;
  locatedByCity = 0;
  // Counts indexed by dictionary id: array increments on the hot path, names only at the end.
  // Sized to the dictionaries at the start; grown if they grow while counting.
  private mission: Uint32Array;
  private country: Uint32Array;
  private admin: Uint32Array;
  private city: Uint32Array;
  private readonly status = new Uint32Array(STATUSES_ABROAD.length);
  private readonly vulnerability = new Uint32Array(VULNERABILITIES.length);
  private readonly households = new Set<number>();

  constructor(private readonly dicts: Dicts) {
    this.mission = new Uint32Array(dicts.mission.size);
    this.country = new Uint32Array(dicts.country.size);
    this.admin = new Uint32Array(dicts.admin.size);
    this.city = new Uint32Array(dicts.city.size);
  }

  add(
    precision: number,
    mission: number,
    country: number,
    admin: number,
    city: number,
    status: number,
    flags: number,
    household: number,
  ): void {
    if (precision === PRECISION.city) this.locatedByCity++;
    else this.inside++;
    if (mission >= this.mission.length) this.mission = grown(this.mission, mission);
    if (country >= this.country.length) this.country = grown(this.country, country);
    if (admin >= this.admin.length) this.admin = grown(this.admin, admin);
    if (city >= this.city.length) this.city = grown(this.city, city);
    this.mission[mission]!++;
    this.country[country]!++;
    if (admin) this.admin[admin]!++;
    if (city) this.city[city]!++;
    this.status[status]!++;
    for (let b = 0; flags !== 0; b++, flags >>>= 1) if (flags & 1) this.vulnerability[b]!++;
    if (household === household) this.households.add(household);
  }

  result(): TallyResult {
    const named = (counts: Uint32Array, d: Dict, label: (s: string) => string = (s) => s) => {
      const pairs: [number, number][] = [];
      counts.forEach((n, k) => n > 0 && pairs.push([k, n]));
      const out: Record<string, number> = {};
      for (const [k, n] of pairs.sort((a, b) => b[1] - a[1])) out[k === 0 ? 'none' : label(d.values[k]!)] = n;
      return out;
    };
    return {
      inside: this.inside,
      locatedByCity: this.locatedByCity,
      byMission: named(this.mission, this.dicts.mission),
      byCountry: named(this.country, this.dicts.country),
      byAdminArea: named(this.admin, this.dicts.admin),
      // "MY|Kuala Lumpur" reads "Kuala Lumpur, MY".
      byCity: named(this.city, this.dicts.city, (s) => {
        const bar = s.indexOf('|');
        return `${s.slice(bar + 1)}, ${s.slice(0, bar)}`;
      }),
      byStatus: Object.fromEntries(STATUSES_ABROAD.map((s, i) => [s, this.status[i]!])),
      byVulnerability: Object.fromEntries(VULNERABILITIES.map((v, i) => [v, this.vulnerability[i]!])),
      households: this.households.size,
    };
  }
}

function grown(counts: Uint32Array, k: number): Uint32Array {
  const out = new Uint32Array(Math.max(k + 1, counts.length * 2));
  out.set(counts);
  return out;
}

export const PRECISION = { none: 0, point: 1, city: 2 } as const;

/** The fields of a person row that a count reads (see affected.repo.ts PlaceRow). */
export interface CountedRow {
  lat: number | null;
  locationPrecision: string | null;
  missionId: string | null;
  country: string | null;
  adminArea: string | null;
  city: string | null;
  statusAbroad: string;
  vulnerabilityFlags: number;
  householdId: string | null;
}

/** Counts one person read from the database, giving its values ids in the tally's dictionaries. */
export function tallyRow(tally: Tally, d: Dicts, r: CountedRow): void {
  tally.add(
    precisionOf(r.locationPrecision, r.lat),
    d.mission.id(r.missionId),
    d.country.id(r.country),
    d.admin.id(r.adminArea),
    r.city && r.country ? d.city.id(`${r.country}|${r.city}`) : 0,
    STATUS_INDEX.get(r.statusAbroad) ?? STATUS_INDEX.get('other')!,
    r.vulnerabilityFlags,
    householdKey(r.householdId),
  );
}
export const precisionOf = (p: string | null, lat: number | null) =>
  lat === null ? PRECISION.none : p === 'city' ? PRECISION.city : PRECISION.point;
