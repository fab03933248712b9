// SQL for the affected population: reading the registry in id order to build the in-memory
// index, reading the change log the triggers keep, and the database's own spatial index (an
// R*Tree on SQLite, GiST over point(lon, lat) on PostgreSQL) for answers before the index is warm.
import { sql } from 'kysely';
import type { Dialect, Executor } from '../../db/client';
import type { Box } from './area';

/** What the affected population needs of a person. */
export interface PlaceRow {
  id: string;
  lat: number | null;
  lon: number | null;
  locationPrecision: 'point' | 'city' | null;
  missionId: string | null;
  country: string | null;
  adminArea: string | null;
  city: string | null;
  statusAbroad: string;
  vulnerabilityFlags: number;
  householdId: string | null;
}

const PLACE_COLUMNS = [
  'id',
  'lat',
  'lon',
  'locationPrecision',
  'missionId',
  'country',
  'adminArea',
  'city',
  'statusAbroad',
  'vulnerabilityFlags',
  'householdId',
] as const;

/** People still abroad, in id order after `afterId`: the index build reads the registry in pages. */
export function placesAfter(db: Executor, afterId: string, limit: number): Promise<PlaceRow[]> {
  return db
    .selectFrom('people')
    .select(PLACE_COLUMNS)
    .where('id', '>', afterId)
    .where('returnedAt', 'is', null)
    .orderBy('id')
    .limit(limit)
    .execute() as Promise<PlaceRow[]>;
}

/** How many people are still abroad: the index build sizes its columns from it. */
export async function countAbroad(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('returnedAt', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The current rows of some people (returned or erased ones are simply missing). */
export function placesOf(db: Executor, ids: string[]): Promise<PlaceRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('people')
    .select(PLACE_COLUMNS)
    .where('id', 'in', ids)
    .where('returnedAt', 'is', null)
    .execute() as Promise<PlaceRow[]>;
}

export async function lastChange(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('peopleChanges')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}

export function changesAfter(db: Executor, seq: number, limit: number) {
  return db
    .selectFrom('peopleChanges')
    .select(['seq', 'personId', 'at'])
    .where('seq', '>', seq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

/** Housekeeping: the change log is only needed until every process has caught up. */
export async function pruneChanges(db: Executor, before: string): Promise<number> {
  const res = await db.deleteFrom('peopleChanges').where('at', '<', before).executeTakeFirst();
  return Number(res.numDeletedRows);
}

// The R*Tree stores 32-bit floats rounded outwards, so boxes are widened by a hair and the exact
// test on the row's own coordinates decides.
const SLACK = 1e-4;

/** People with a position inside any of the boxes, through the database's spatial index. */
export async function placesInBoxes(db: Executor, dialect: Dialect, boxes: Box[]): Promise<PlaceRow[]> {
  const out: PlaceRow[] = [];
  const seen = new Set<string>();
  for (const [w, s, e, n] of boxes) {
    const rows =
      dialect === 'sqlite'
        ? await sql<PlaceRow>`select p.id, p.lat, p.lon, p.location_precision as "locationPrecision",
              p.mission_id as "missionId", p.country, p.admin_area as "adminArea", p.city,
              p.status_abroad as "statusAbroad", p.vulnerability_flags as "vulnerabilityFlags",
              p.household_id as "householdId"
            from people_geo g join people p on p.rowid = g.id
            where g.min_x >= ${w - SLACK} and g.max_x <= ${e + SLACK}
              and g.min_y >= ${s - SLACK} and g.max_y <= ${n + SLACK}
              and p.returned_at is null`.execute(db)
        : await sql<PlaceRow>`select id, lat, lon, location_precision as "locationPrecision",
              mission_id as "missionId", country, admin_area as "adminArea", city,
              status_abroad as "statusAbroad", vulnerability_flags as "vulnerabilityFlags",
              household_id as "householdId"
            from people
            where lat is not null and lon is not null
              and point(lon, lat) <@ box(point(${w}, ${s}), point(${e}, ${n}))
              and returned_at is null`.execute(db);
    for (const r of rows.rows) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      out.push(r);
    }
  }
  return out;
}

/** People of the countries placed no finer than the country, per country and mission. */
export function unplacedByCountry(db: Executor, countries: string[]) {
  if (countries.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('people')
    .select(['country', 'missionId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('country', 'in', countries)
    .where('lat', 'is', null)
    .where('returnedAt', 'is', null)
    .groupBy(['country', 'missionId'])
    .execute();
}

/** Rebuilds the SQLite R*Tree from the people table (after a VACUUM renumbered rows). */
export async function rebuildSpatialIndex(db: Executor, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres') {
    await sql`reindex index people_point`.execute(db);
    return;
  }
  await sql`delete from people_geo`.execute(db);
  await sql`insert into people_geo (id, min_x, max_x, min_y, max_y)
    select rowid, lon, lon, lat, lat from people where lat is not null and lon is not null`.execute(db);
}

/** Names of people for a page of the affected list. */
export function namesOf(db: Executor, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('people').select(['id', 'fullName', 'sortName']).where('id', 'in', ids).execute();
}
