// The columns of the population index: every person as a row of flat typed arrays (id bytes,
// position, how they were placed, and the dictionary ids of what a count reads), which is a few
// dozen bytes a person instead of a JavaScript object each.
import type KDBush from 'kdbush';
import type * as repo from './affected.repo';
import { householdKey, precisionOf, PRECISION, STATUS_INDEX, type Dicts } from './tally';

export interface Entry {
  id: string;
  lon: number;
  lat: number;
  precision: number;
  mission: number;
  country: number;
  admin: number;
  city: number;
  status: number;
  flags: number;
  household: number;
}

export class Snapshot {
  readonly size: number;
  readonly ids: Uint8Array;
  readonly lon: Float64Array;
  readonly lat: Float64Array;
  readonly precision: Uint8Array;
  readonly mission: Uint16Array;
  readonly country: Uint16Array;
  readonly admin: Uint32Array;
  readonly city: Uint32Array;
  readonly status: Uint8Array;
  readonly flags: Uint16Array;
  readonly household: Float64Array;
  readonly dead: Uint8Array;
  /**
   * k-d tree over the entries that have a point. Entries are laid out in the tree's own order
   * (tree item k is entry k), so the people of one area sit together in memory: a range query
   * then reads the columns nearly in sequence instead of jumping across them.
   */
  kd: KDBush | null = null;
  /** Entry positions in id order, for finding a person by id (binary search). */
  byId: Uint32Array = new Uint32Array(0);
  /** Entries without a point, per country: the "located by country" people. */
  unplaced = new Map<number, number[]>();

  constructor(capacity: number) {
    this.size = capacity;
    this.ids = new Uint8Array(capacity * 16);
    this.lon = new Float64Array(capacity);
    this.lat = new Float64Array(capacity);
    this.precision = new Uint8Array(capacity);
    this.mission = new Uint16Array(capacity);
    this.country = new Uint16Array(capacity);
    this.admin = new Uint32Array(capacity);
    this.city = new Uint32Array(capacity);
    this.status = new Uint8Array(capacity);
    this.flags = new Uint16Array(capacity);
    this.household = new Float64Array(capacity);
    this.dead = new Uint8Array(capacity);
  }

  bytes(): number {
    const arrays = [this.ids, this.lon, this.lat, this.precision, this.mission, this.country, this.admin];
    const more = [this.city, this.status, this.flags, this.household, this.dead, this.byId];
    let n = [...arrays, ...more].reduce((s, a) => s + a.byteLength, 0);
    if (this.kd) n += this.kd.data.byteLength;
    for (const list of this.unplaced.values()) n += list.length * 8;
    return n;
  }

  /** The entry of a person, or -1: binary search over the positions in id order. */
  find(id: string): number {
    const key = uuidBytes(id);
    if (!key) return -1;
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = this.byId[mid]!;
      const c = compareAt(this.ids, at * 16, key);
      if (c === 0) return at;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Copies entry `from` of another snapshot to position `to`. */
  copyFrom(src: Snapshot, from: number, to: number) {
    this.ids.set(src.ids.subarray(from * 16, from * 16 + 16), to * 16);
    this.lon[to] = src.lon[from]!;
    this.lat[to] = src.lat[from]!;
    this.precision[to] = src.precision[from]!;
    this.mission[to] = src.mission[from]!;
    this.country[to] = src.country[from]!;
    this.admin[to] = src.admin[from]!;
    this.city[to] = src.city[from]!;
    this.status[to] = src.status[from]!;
    this.flags[to] = src.flags[from]!;
    this.household[to] = src.household[from]!;
  }

  idAt(i: number): string {
    return uuidString(this.ids, i * 16);
  }
}
export function toEntry(r: repo.PlaceRow, d: Dicts): Entry {
  const precision =
    r.lat === null || r.lon === null ? PRECISION.none : precisionOf(r.locationPrecision, r.lat);
  return {
    id: r.id,
    lon: r.lon ?? NaN,
    lat: r.lat ?? NaN,
    precision,
    mission: d.mission.id(r.missionId),
    country: d.country.id(r.country),
    admin: d.admin.id(r.adminArea),
    city: r.city && r.country ? d.city.id(`${r.country}|${r.city}`) : 0,
    status: STATUS_INDEX.get(r.statusAbroad) ?? STATUS_INDEX.get('other')!,
    flags: r.vulnerabilityFlags,
    household: householdKey(r.householdId),
  };
}

export function grow(s: Snapshot, capacity: number): Snapshot {
  const bigger = new Snapshot(capacity);
  for (let i = 0; i < s.size; i++) bigger.copyFrom(s, i, i);
  return bigger;
}

export function writeEntry(s: Snapshot, i: number, e: Entry) {
  const bytes = uuidBytes(e.id);
  if (bytes) s.ids.set(bytes, i * 16);
  s.lon[i] = e.lon;
  s.lat[i] = e.lat;
  s.precision[i] = e.precision;
  s.mission[i] = e.mission;
  s.country[i] = e.country;
  s.admin[i] = e.admin;
  s.city[i] = e.city;
  s.status[i] = e.status;
  s.flags[i] = e.flags;
  s.household[i] = e.household;
}

const HEX = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function uuidBytes(id: string): Uint8Array | null {
  const lower = id.toLowerCase();
  if (!HEX.test(lower)) return null;
  return Buffer.from(lower.replace(/-/g, ''), 'hex');
}

function uuidString(bytes: Uint8Array, at: number): string {
  const h = Buffer.from(bytes.subarray(at, at + 16)).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function compareAt(bytes: Uint8Array, at: number, key: Uint8Array): number {
  for (let j = 0; j < 16; j++) {
    const d = bytes[at + j]! - key[j]!;
    if (d !== 0) return d;
  }
  return 0;
}
