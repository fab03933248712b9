// The in-memory population index: where every national abroad is, in flat typed arrays and a
// k-d tree, so that "who is inside this area?" over ten million people takes milliseconds. It is
// built once from the registry (in id order, page by page) and kept current from the change log
// that database triggers write; changes since the build sit in a small overlay until the next
// rebuild. Each process has its own; the database stays the source of truth.
import KDBush from 'kdbush';
import type { Executor } from '../../db/client';
import * as repo from './affected.repo';
import type { CompiledArea } from './area';
import { grow, Snapshot, toEntry, writeEntry, type Entry } from './snapshot';
import { newDicts, PRECISION, Tally, type Dicts } from './tally';

const PAGE = 20_000;
/** A change-log gap older than this belongs to a transaction that rolled back. */
const GAP_TIMEOUT_MS = 30_000;

/** Where an entry lives: in the snapshot's arrays (a number) or in the overlay (an object). */
export type Hit = number | Entry;

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

const INDEXES = new WeakMap<object, PopulationIndex>();

/** The index of a database handle; one per process and database. */
export function populationIndex(db: Executor): PopulationIndex {
  let idx = INDEXES.get(db);
  if (!idx) INDEXES.set(db, (idx = new PopulationIndex(db)));
  return idx;
}
