// The in-memory population index: where every national abroad is, in flat typed arrays and a
// k-d tree, so that "who is inside this area?" over ten million people takes milliseconds. It is
// built once from the registry (in id order, page by page) and kept current from the change log
// that database triggers write; changes since the build sit in a small overlay until the next
// rebuild. Each process has its own; the database stays the source of truth.
import KDBush from 'kdbush';
import type { Executor } from '../../db/client';
import * as repo from './affected.repo';
import type { CompiledArea } from './area';
import { householdKey, newDicts, precisionOf, PRECISION, STATUS_INDEX, Tally, type Dicts } from './tally';

const PAGE = 20_000;
/** A change-log gap older than this belongs to a transaction that rolled back. */
const GAP_TIMEOUT_MS = 30_000;

interface Entry {
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

/** Where an entry lives: in the snapshot's arrays (a number) or in the overlay (an object). */
export type Hit = number | Entry;

class Snapshot {
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

export interface IndexStats {
  ready: boolean;
  people: number;
  overlay: number;
  bytes: number;
  buildMs: number;
  builtAt: string | null;
}

export class PopulationIndex {
  private snap: Snapshot | null = null;
  private overlay = new Map<string, Entry | null>();
  private dicts: Dicts = newDicts();
  /** Every change-log row up to here is applied; rows above it may be too (see `seen`). */
  private lowWater = 0;
  private readonly seen = new Set<number>();
  private building: Promise<void> | null = null;
  private syncing: Promise<void> | null = null;
  private buildMs = 0;
  private builtAt: string | null = null;

  constructor(private readonly db: Executor) {}

  get ready(): boolean {
    return this.snap !== null;
  }

  stats(): IndexStats {
    let bytes = this.snap?.bytes() ?? 0;
    bytes += this.overlay.size * 160;
    return {
      ready: this.ready,
      people: (this.snap?.size ?? 0) + this.overlay.size,
      overlay: this.overlay.size,
      bytes,
      buildMs: this.buildMs,
      builtAt: this.builtAt,
    };
  }

  /** Builds the index (once; concurrent callers share the build). */
  build(): Promise<void> {
    this.building ??= this.rebuild().finally(() => (this.building = null));
    return this.building;
  }

  private async rebuild(): Promise<void> {
    const started = performance.now();
    // Changes from here on are applied over the new snapshot, so nothing written during the
    // (possibly long) read is missed; applying a change twice is harmless.
    const from = await repo.lastChange(this.db);
    const dicts = this.snap ? this.dicts : newDicts();
    // Read in id order into columns (grown if people register meanwhile), never as row objects.
    let staged = new Snapshot((await repo.countAbroad(this.db)) + 1024);
    let total = 0;
    let points = 0;
    let after = '';
    for (;;) {
      const rows = await repo.placesAfter(this.db, after, PAGE);
      for (const r of rows) {
        if (total === staged.size) staged = grow(staged, Math.ceil(staged.size * 1.5));
        const e = toEntry(r, dicts);
        writeEntry(staged, total++, e);
        if (e.precision !== PRECISION.none) points++;
      }
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]!.id;
    }
    const kd = new KDBush(Math.max(points, 1), 64, Float32Array);
    const itemEntry = new Uint32Array(points);
    let k = 0;
    for (let j = 0; j < total; j++) {
      if (staged.precision[j] === PRECISION.none) continue;
      kd.add(staged.lon[j]!, staged.lat[j]!);
      itemEntry[k++] = j;
    }
    if (points === 0) kd.add(0, 0);
    kd.finish();
    // Lay the entries out in the tree's order, then the unplaced ones; renumber the tree's items.
    const snap = new Snapshot(total);
    const byIdOrder = new Uint32Array(total);
    for (let pos = 0; pos < points; pos++) {
      const from = itemEntry[kd.ids[pos]!]!;
      snap.copyFrom(staged, from, pos);
      byIdOrder[from] = pos;
      kd.ids[pos] = pos;
    }
    let pos = points;
    for (let j = 0; j < total; j++) {
      if (staged.precision[j] !== PRECISION.none) continue;
      snap.copyFrom(staged, j, pos);
      byIdOrder[j] = pos;
      const c = snap.country[pos]!;
      if (c) {
        let list = snap.unplaced.get(c);
        if (!list) snap.unplaced.set(c, (list = []));
        list.push(pos);
      }
      pos++;
    }
    snap.byId = byIdOrder;
    snap.kd = points ? kd : null;
    this.snap = snap;
    this.dicts = dicts;
    this.overlay = new Map();
    this.lowWater = from;
    this.seen.clear();
    this.buildMs = performance.now() - started;
    this.builtAt = new Date().toISOString();
    await this.sync();
  }

  /** Applies the change log since the last call. */
  sync(): Promise<void> {
    this.syncing ??= this.catchUp().finally(() => (this.syncing = null));
    return this.syncing;
  }

  private async catchUp(): Promise<void> {
    if (!this.snap) return;
    for (;;) {
      const changes = await repo.changesAfter(this.db, this.lowWater, 5000);
      const fresh = changes.filter((c) => !this.seen.has(Number(c.seq)));
      if (fresh.length) {
        const ids = [...new Set(fresh.map((c) => c.personId))];
        const rows = new Map<string, repo.PlaceRow>();
        for (let i = 0; i < ids.length; i += 500) {
          for (const r of await repo.placesOf(this.db, ids.slice(i, i + 500))) rows.set(r.id, r);
        }
        for (const id of ids) this.apply(id, rows.get(id) ?? null);
        for (const c of fresh) this.seen.add(Number(c.seq));
      }
      this.advance(changes);
      if (changes.length < 5000) break;
    }
    const snap = this.snap;
    if (snap && this.overlay.size > Math.max(50_000, snap.size * 0.05)) void this.build();
  }

  /** Moves the low-water mark over every contiguous seen sequence number, and over old gaps. */
  private advance(changes: { seq: number; at: string }[]) {
    const now = Date.now();
    for (const c of changes) {
      const seq = Number(c.seq);
      if (seq === this.lowWater + 1 || now - Date.parse(c.at) > GAP_TIMEOUT_MS) {
        for (let s = this.lowWater + 1; s <= seq; s++) this.seen.delete(s);
        if (seq > this.lowWater) this.lowWater = seq;
      } else break;
    }
    while (this.seen.has(this.lowWater + 1)) this.seen.delete(++this.lowWater);
  }

  private apply(id: string, row: repo.PlaceRow | null) {
    const snap = this.snap!;
    const at = snap.find(id);
    if (at >= 0) snap.dead[at] = 1;
    this.overlay.set(id, row ? toEntry(row, this.dicts) : null);
  }

  /** Calls `visit` for every entry inside the area (by point or by city). */
  forEachInside(area: CompiledArea, visit: (hit: Hit) => void): void {
    const snap = this.snap;
    if (!snap) throw new Error('population index not built');
    if (snap.kd) {
      // Boxes of overlapping areas, or of both sides of the antimeridian, may share points.
      const visited = area.boxes.length > 1 ? new Set<number>() : null;
      for (const [w, s, e, n] of area.boxes) {
        // Float32 coordinates in the tree: widen the box a hair; the exact test decides.
        for (const i of snap.kd.range(w - 1e-4, s - 1e-4, e + 1e-4, n + 1e-4)) {
          if (snap.dead[i] || !area.contains(snap.lon[i]!, snap.lat[i]!)) continue;
          if (visited) {
            if (visited.has(i)) continue;
            visited.add(i);
          }
          visit(i);
        }
      }
    }
    for (const e of this.overlay.values()) {
      if (e && e.precision !== PRECISION.none && area.contains(e.lon, e.lat)) visit(e);
    }
  }

  /** Counts of the people inside, and of those placed only by country in `countries`. */
  count(area: CompiledArea, countries: string[], missions: Set<string> | null) {
    const snap = this.snap!;
    const tally = new Tally(this.dicts);
    const allowed = this.missionFilter(missions);
    this.forEachInside(area, (hit) => {
      if (typeof hit === 'number') {
        if (allowed && !allowed.has(snap.mission[hit]!)) return;
        tally.add(
          snap.precision[hit]!,
          snap.mission[hit]!,
          snap.country[hit]!,
          snap.admin[hit]!,
          snap.city[hit]!,
          snap.status[hit]!,
          snap.flags[hit]!,
          snap.household[hit]!,
        );
      } else {
        if (allowed && !allowed.has(hit.mission)) return;
        tally.add(
          hit.precision,
          hit.mission,
          hit.country,
          hit.admin,
          hit.city,
          hit.status,
          hit.flags,
          hit.household,
        );
      }
    });
    let byCountry = 0;
    for (const c of countries) {
      const ci = this.dicts.country.id(c);
      for (const i of snap.unplaced.get(ci) ?? []) {
        if (!snap.dead[i] && (!allowed || allowed.has(snap.mission[i]!))) byCountry++;
      }
      for (const e of this.overlay.values()) {
        if (e && e.precision === PRECISION.none && e.country === ci && (!allowed || allowed.has(e.mission)))
          byCountry++;
      }
    }
    return { ...tally.result(), locatedByCountry: byCountry };
  }

  /** The ids and positions of the people inside, for lists, maps and exports. */
  inside(area: CompiledArea, missions: Set<string> | null) {
    const snap = this.snap!;
    const allowed = this.missionFilter(missions);
    const out: { id: string; lon: number; lat: number; precision: number }[] = [];
    this.forEachInside(area, (hit) => {
      if (typeof hit === 'number') {
        if (allowed && !allowed.has(snap.mission[hit]!)) return;
        out.push({
          id: snap.idAt(hit),
          lon: snap.lon[hit]!,
          lat: snap.lat[hit]!,
          precision: snap.precision[hit]!,
        });
      } else if (!allowed || allowed.has(hit.mission)) {
        out.push({ id: hit.id, lon: hit.lon, lat: hit.lat, precision: hit.precision });
      }
    });
    return out;
  }

  /** Every placed person in scope inside a box, as [lon, lat] pairs (for clustering). */
  pointsIn(box: [number, number, number, number], missions: Set<string> | null): [number, number][] {
    const snap = this.snap!;
    const allowed = this.missionFilter(missions);
    const out: [number, number][] = [];
    const [w, s, e, n] = box;
    if (snap.kd) {
      for (const i of snap.kd.range(w, s, e, n)) {
        if (snap.dead[i] || (allowed && !allowed.has(snap.mission[i]!))) continue;
        out.push([snap.lon[i]!, snap.lat[i]!]);
      }
    }
    for (const x of this.overlay.values()) {
      if (!x || x.precision === PRECISION.none || (allowed && !allowed.has(x.mission))) continue;
      if (x.lon >= w && x.lon <= e && x.lat >= s && x.lat <= n) out.push([x.lon, x.lat]);
    }
    return out;
  }

  private missionFilter(missions: Set<string> | null): Set<number> | null {
    if (!missions) return null;
    return new Set([...missions].map((m) => this.dicts.mission.id(m)));
  }
}

function toEntry(r: repo.PlaceRow, d: Dicts): Entry {
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

function grow(s: Snapshot, capacity: number): Snapshot {
  const bigger = new Snapshot(capacity);
  for (let i = 0; i < s.size; i++) bigger.copyFrom(s, i, i);
  return bigger;
}

function writeEntry(s: Snapshot, i: number, e: Entry) {
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

const INDEXES = new WeakMap<object, PopulationIndex>();

/** The index of a database handle; one per process and database. */
export function populationIndex(db: Executor): PopulationIndex {
  let idx = INDEXES.get(db);
  if (!idx) INDEXES.set(db, (idx = new PopulationIndex(db)));
  return idx;
}
