// SQL for crises: the crisis row, its countries with their alert levels, areas, level history,
// timeline and the missions concerned.
import type { Insertable } from 'kysely';
import type { Executor } from '../../db/client';
import type {
  CrisesTable,
  CrisisAlertLevelsTable,
  CrisisAreasTable,
  CrisisEventsTable,
} from '../../db/schema';

export const findCrisis = (ex: Executor, id: string) =>
  ex.selectFrom('crises').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertCrisis(ex: Executor, row: Insertable<CrisesTable>) {
  await ex.insertInto('crises').values(row).execute();
}

export async function updateCrisisVersioned(
  ex: Executor,
  id: string,
  version: number,
  set: Partial<CrisesTable>,
): Promise<boolean> {
  const res = await ex
    .updateTable('crises')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export const countriesOf = (ex: Executor, crisisIds: string[]) =>
  crisisIds.length === 0
    ? Promise.resolve([])
    : ex
        .selectFrom('crisisCountries')
        .selectAll()
        .where('crisisId', 'in', crisisIds)
        .orderBy('country')
        .execute();

export async function setCountries(
  ex: Executor,
  crisisId: string,
  levels: { country: string; alertLevel: string }[],
) {
  await ex.deleteFrom('crisisCountries').where('crisisId', '=', crisisId).execute();
  if (levels.length)
    await ex
      .insertInto('crisisCountries')
      .values(levels.map((l) => ({ crisisId, ...l })))
      .execute();
}

export async function setCountryLevel(ex: Executor, crisisId: string, country: string, level: string) {
  await ex
    .updateTable('crisisCountries')
    .set({ alertLevel: level })
    .where('crisisId', '=', crisisId)
    .where('country', '=', country)
    .execute();
}

export const areasOf = (ex: Executor, crisisIds: string[]) =>
  crisisIds.length === 0
    ? Promise.resolve([])
    : ex
        .selectFrom('crisisAreas')
        .selectAll()
        .where('crisisId', 'in', crisisIds)
        .orderBy('crisisId')
        .orderBy('position')
        .execute();

export async function replaceAreas(ex: Executor, crisisId: string, rows: CrisisAreasTable[]) {
  await ex.deleteFrom('crisisAreas').where('crisisId', '=', crisisId).execute();
  if (rows.length) await ex.insertInto('crisisAreas').values(rows).execute();
}

export async function setAreaLevel(ex: Executor, areaId: string, level: string) {
  await ex.updateTable('crisisAreas').set({ alertLevel: level }).where('id', '=', areaId).execute();
}

export async function insertLevels(ex: Executor, rows: CrisisAlertLevelsTable[]) {
  if (rows.length) await ex.insertInto('crisisAlertLevels').values(rows).execute();
}

export const levelHistory = (ex: Executor, crisisId: string) =>
  ex
    .selectFrom('crisisAlertLevels')
    .selectAll()
    .where('crisisId', '=', crisisId)
    .orderBy('setAt', 'desc')
    .orderBy('id')
    .execute();

export async function insertEvents(ex: Executor, rows: CrisisEventsTable[]) {
  if (rows.length) await ex.insertInto('crisisEvents').values(rows).execute();
}

export const timeline = (ex: Executor, crisisId: string) =>
  ex
    .selectFrom('crisisEvents')
    .selectAll()
    .where('crisisId', '=', crisisId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute();

export async function setMissions(ex: Executor, crisisId: string, missionIds: string[]) {
  await ex.deleteFrom('crisisMissions').where('crisisId', '=', crisisId).execute();
  if (missionIds.length)
    await ex
      .insertInto('crisisMissions')
      .values(missionIds.map((missionId) => ({ crisisId, missionId })))
      .execute();
}

export const missionsOf = (ex: Executor, crisisIds: string[]) =>
  crisisIds.length === 0
    ? Promise.resolve([])
    : ex
        .selectFrom('crisisMissions')
        .innerJoin('missions', 'missions.id', 'crisisMissions.missionId')
        .select(['crisisMissions.crisisId', 'missions.id', 'missions.code', 'missions.name'])
        .where('crisisMissions.crisisId', 'in', crisisIds)
        .orderBy('missions.code')
        .execute();

export interface CrisisFilter {
  status?: string | undefined;
  country?: string | undefined;
  /** Only crises concerning one of these missions (a mission officer's scope). */
  missionIds?: string[] | null;
  after?: [string, string] | undefined;
}

export function listCrises(ex: Executor, f: CrisisFilter, limit: number) {
  let q = ex.selectFrom('crises').selectAll();
  if (f.status) q = q.where('status', '=', f.status as CrisesTable['status']);
  if (f.country)
    q = q.where('id', 'in', (eb) =>
      eb.selectFrom('crisisCountries').select('crisisId').where('country', '=', f.country!),
    );
  if (f.missionIds)
    q = f.missionIds.length
      ? q.where('id', 'in', (eb) =>
          eb.selectFrom('crisisMissions').select('crisisId').where('missionId', 'in', f.missionIds!),
        )
      : q.where('id', '=', '');
  if (f.after) {
    const [at, id] = f.after;
    q = q.where((eb) =>
      eb.or([eb('declaredAt', '<', at), eb.and([eb('declaredAt', '=', at), eb('id', '<', id)])]),
    );
  }
  return q
    .orderBy('declaredAt', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
}

export const crisisMissionIds = async (ex: Executor, crisisId: string) =>
  (await ex.selectFrom('crisisMissions').select('missionId').where('crisisId', '=', crisisId).execute()).map(
    (r) => r.missionId,
  );
