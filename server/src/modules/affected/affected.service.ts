// Who is inside an area: counts, a list in name order, GeoJSON points and map clusters, for a
// crisis or an area being drawn. The warm in-memory index answers; until it is built (right
// after a start), the database's spatial index does, and the build starts in the background.
// A mission officer counts and sees only their missions' people; vulnerabilities only for roles
// that may reveal them.
import type { AffectedCounts, AffectedPerson, AreaInput } from '@siaga/contracts';
import { AppError, forbidden } from '../../errors';
import type { Deps, RequestContext } from '../../platform/context';
import { appendAudit } from '../../platform/audit/audit';
import { decodeCursor, encodeCursor } from '../../platform/pagination';
import { canPeople, missionScope } from '../people/people.policy';
import { findMissionsByIds } from '../missions/missions.repo';
import * as repo from './affected.repo';
import { compileAreas, type Box, type CompiledArea } from './area';
import { populationIndex } from './population-index';
import { newDicts, precisionOf, PRECISION, Tally, tallyRow } from './tally';

export type Via = 'memory' | 'database';

/** Compiles areas or throws a 400 naming every coordinate at fault. */
export function compileOrThrow(areas: readonly AreaInput[], path: string): CompiledArea {
  const res = compileAreas(areas, path);
  if (!res.ok) {
    throw new AppError('crisis.area_invalid', 400, res.errors[0]!.message, res.errors);
  }
  return res.area;
}

const scopeOf = (ctx: RequestContext) => {
  const s = missionScope(ctx);
  return s === null ? null : new Set(s);
};

/** Whether to use the memory index: it is warm, or the caller insists. Starts a cold build. */
async function choose(deps: Deps, prefer?: Via): Promise<Via> {
  const idx = populationIndex(deps.db);
  if (prefer === 'database') return 'database';
  if (prefer === 'memory' && !idx.ready) await idx.build();
  if (idx.ready) {
    await idx.sync();
    return 'memory';
  }
  idx.build().catch((err: unknown) => deps.log.error({ err }, 'population index build failed'));
  return 'database';
}

/** Counts of the people inside `area`; `countries` adds those placed only by country. */
export async function countAffected(
  deps: Deps,
  ctx: RequestContext,
  area: CompiledArea,
  countries: string[],
  opts: { prefer?: Via } = {},
): Promise<AffectedCounts> {
  if (!canPeople(ctx, 'read')) throw forbidden();
  const started = performance.now();
  const scope = scopeOf(ctx);
  const via = await choose(deps, opts.prefer);
  const counts =
    via === 'memory'
      ? populationIndex(deps.db).count(area, countries, scope)
      : await countFromDatabase(deps, area, countries, scope);
  const missionIds = Object.keys(counts.byMission).filter((k) => k !== 'none');
  const missions = (await findMissionsByIds(deps.db, missionIds)).map((m) => ({
    id: m.id,
    code: m.code,
    name: m.name,
  }));
  return {
    inside: counts.inside,
    locatedByCity: counts.locatedByCity,
    locatedByCountry: counts.locatedByCountry,
    byMission: counts.byMission,
    byCountry: counts.byCountry,
    byAdminArea: counts.byAdminArea,
    byCity: counts.byCity,
    byStatus: counts.byStatus as AffectedCounts['byStatus'],
    byVulnerability: canPeople(ctx, 'reveal')
      ? (counts.byVulnerability as AffectedCounts['byVulnerability'])
      : null,
    households: counts.households,
    missions,
    via,
    tookMs: Math.round((performance.now() - started) * 100) / 100,
  };
}

async function countFromDatabase(
  deps: Deps,
  area: CompiledArea,
  countries: string[],
  scope: Set<string> | null,
) {
  const dicts = newDicts();
  const tally = new Tally(dicts);
  for (const r of await repo.placesInBoxes(deps.db, deps.dialect, area.boxes)) {
    if (scope && (!r.missionId || !scope.has(r.missionId))) continue;
    if (!area.contains(r.lon!, r.lat!)) continue;
    tallyRow(tally, dicts, r);
  }
  let locatedByCountry = 0;
  for (const g of await repo.unplacedByCountry(deps.db, countries)) {
    if (!scope || (g.missionId && scope.has(g.missionId))) locatedByCountry += Number(g.n);
  }
  return { ...tally.result(), locatedByCountry };
}

interface InsidePoint {
  id: string;
  lon: number;
  lat: number;
  precision: number;
}

async function insidePoints(deps: Deps, ctx: RequestContext, area: CompiledArea): Promise<InsidePoint[]> {
  const scope = scopeOf(ctx);
  if ((await choose(deps)) === 'memory') return populationIndex(deps.db).inside(area, scope);
  return (await repo.placesInBoxes(deps.db, deps.dialect, area.boxes))
    .filter((r) => (!scope || (r.missionId && scope.has(r.missionId))) && area.contains(r.lon!, r.lat!))
    .map((r) => ({ id: r.id, lon: r.lon!, lat: r.lat!, precision: precisionOf(r.locationPrecision, r.lat) }));
}

/** A page of the people inside, in name order. */
export async function listAffected(
  deps: Deps,
  ctx: RequestContext,
  area: CompiledArea,
  q: { limit: number; cursor?: string | undefined },
): Promise<{ items: AffectedPerson[]; total: number; nextCursor: string | null }> {
  if (!canPeople(ctx, 'read') || (ctx.actor.kind === 'user' && ctx.actor.role === 'viewer')) {
    throw forbidden('Your role sees counts only');
  }
  const points = await insidePoints(deps, ctx, area);
  const byId = new Map(points.map((p) => [p.id, p]));
  const named: { id: string; fullName: string; sortName: string }[] = [];
  const ids = [...byId.keys()];
  for (let i = 0; i < ids.length; i += 1000)
    named.push(...(await repo.namesOf(deps.db, ids.slice(i, i + 1000))));
  named.sort((a, b) => (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : a.id < b.id ? -1 : 1));
  const after = decodeCursor(q.cursor, 2) as [string, string] | undefined;
  let start = 0;
  if (after) {
    const [s, id] = after;
    start = named.findIndex((n) => n.sortName > s || (n.sortName === s && n.id > id));
    if (start < 0) start = named.length;
  }
  const slice = named.slice(start, start + q.limit);
  const rows = await repo.placesOf(
    deps.db,
    slice.map((n) => n.id),
  );
  const full = new Map(rows.map((r) => [r.id, r]));
  const items: AffectedPerson[] = slice.flatMap((n) => {
    const r = full.get(n.id);
    if (!r) return [];
    return [
      {
        id: r.id,
        fullName: n.fullName,
        missionId: r.missionId,
        country: r.country,
        adminArea: r.adminArea,
        city: r.city,
        statusAbroad: r.statusAbroad as AffectedPerson['statusAbroad'],
        householdId: r.householdId,
        locatedBy: byId.get(r.id)!.precision === PRECISION.city ? 'city' : 'point',
      },
    ];
  });
  const last = slice[slice.length - 1];
  const more = start + q.limit < named.length;
  return {
    items,
    total: named.length,
    nextCursor: more && last ? encodeCursor([last.sortName, last.id]) : null,
  };
}

/** The people inside as GeoJSON points, for GIS tools; positions are personal data: audited. */
export async function affectedGeoJson(
  deps: Deps,
  ctx: RequestContext,
  area: CompiledArea,
  about: { crisisId?: string },
) {
  if (!canPeople(ctx, 'export')) throw forbidden('Your role may not export people');
  const points = await insidePoints(deps, ctx, area);
  await deps.db.transaction().execute((trx) =>
    appendAudit(trx, deps, ctx, {
      action: 'affected.export',
      entityType: about.crisisId ? 'crisis' : 'area',
      entityId: about.crisisId ?? null,
      meta: { people: points.length, format: 'geojson' },
    }),
  );
  return {
    type: 'FeatureCollection' as const,
    features: points.map((p) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [p.lon, p.lat] },
      properties: { personId: p.id, locatedBy: p.precision === PRECISION.city ? 'city' : 'point' },
    })),
  };
}

/** Grid clusters of points for a map view: one feature per occupied cell, at the cell's mean. */
export function clusterPoints(points: Iterable<[number, number]>, zoom: number) {
  // About 48 screen pixels per cell at this zoom (256-pixel tiles).
  const cell = (360 * 48) / (256 * 2 ** zoom);
  const cells = new Map<string, { n: number; x: number; y: number }>();
  for (const [lon, lat] of points) {
    const key = `${Math.floor(lon / cell)}:${Math.floor(lat / cell)}`;
    const c = cells.get(key);
    if (c) {
      c.n++;
      c.x += lon;
      c.y += lat;
    } else cells.set(key, { n: 1, x: lon, y: lat });
  }
  return {
    type: 'FeatureCollection' as const,
    features: [...cells.values()].map((c) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [c.x / c.n, c.y / c.n] },
      properties: { count: c.n },
    })),
  };
}

/** The view's box, split where it crosses the antimeridian. */
export function viewBoxes(v: { west: number; south: number; east: number; north: number }): Box[] {
  if (v.west <= v.east) return [[v.west, v.south, v.east, v.north]];
  return [
    [v.west, v.south, 180, v.north],
    [-180, v.south, v.east, v.north],
  ];
}

/** Clusters of the people inside an area, within the map's view. */
export async function affectedClusters(
  deps: Deps,
  ctx: RequestContext,
  area: CompiledArea,
  view: { zoom: number; west: number; south: number; east: number; north: number },
) {
  if (!canPeople(ctx, 'read')) throw forbidden();
  const boxes = viewBoxes(view);
  const inView = (lon: number, lat: number) =>
    boxes.some(([w, s, e, n]) => lon >= w && lon <= e && lat >= s && lat <= n);
  const points = (await insidePoints(deps, ctx, area))
    .filter((p) => inView(p.lon, p.lat))
    .map((p) => [p.lon, p.lat] as [number, number]);
  return clusterPoints(points, view.zoom);
}

/** Clusters of every placed person in the caller's scope within the view: the map's base layer. */
export async function populationClusters(
  deps: Deps,
  ctx: RequestContext,
  view: { zoom: number; west: number; south: number; east: number; north: number },
) {
  if (!canPeople(ctx, 'read')) throw forbidden();
  const scope = scopeOf(ctx);
  if ((await choose(deps)) !== 'memory') {
    return { type: 'FeatureCollection' as const, features: [] };
  }
  const idx = populationIndex(deps.db);
  const points = viewBoxes(view).flatMap((b) => idx.pointsIn(b, scope));
  return clusterPoints(points, view.zoom);
}
