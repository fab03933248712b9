// SQL for missions and the countries they cover.
import type { Executor } from '../../db/client';
import type { MissionsTable } from '../../db/schema';

export const findMissionByCode = (ex: Executor, code: string) =>
  ex.selectFrom('missions').selectAll().where('code', '=', code).executeTakeFirst();

export const findMissionsByCodes = (ex: Executor, codes: string[]) =>
  codes.length
    ? ex.selectFrom('missions').select(['id', 'code']).where('code', 'in', codes).execute()
    : Promise.resolve([]);

export const findMissionsByIds = (ex: Executor, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : ex.selectFrom('missions').selectAll().where('id', 'in', ids).orderBy('code').execute();

/** Missions covering any of the countries (their jurisdictions may narrow it to some areas). */
export const findMissionsForCountries = (ex: Executor, countries: string[]) =>
  countries.length === 0
    ? Promise.resolve([])
    : ex
        .selectFrom('missions')
        .selectAll()
        .where('id', 'in', (eb) =>
          eb.selectFrom('missionCountries').select('missionId').where('country', 'in', countries),
        )
        .orderBy('code')
        .execute();

export async function insertMission(ex: Executor, row: MissionsTable, countries: string[]) {
  await ex.insertInto('missions').values(row).execute();
  await setCountries(ex, row.id, countries);
}

export async function setCountries(ex: Executor, missionId: string, countries: string[]) {
  await ex.deleteFrom('missionCountries').where('missionId', '=', missionId).execute();
  const unique = [...new Set(countries)];
  if (unique.length)
    await ex
      .insertInto('missionCountries')
      .values(unique.map((country) => ({ missionId, country })))
      .execute();
}

export async function updateMissionVersioned(
  ex: Executor,
  id: string,
  version: number,
  patch: Partial<MissionsTable>,
) {
  const res = await ex
    .updateTable('missions')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export interface MissionFilter {
  afterCode?: string | undefined;
  country?: string | undefined;
}

export function listMissions(ex: Executor, f: MissionFilter, limit: number) {
  let q = ex.selectFrom('missions').selectAll();
  if (f.country) {
    const country = f.country;
    q = q.where('id', 'in', (eb) =>
      eb.selectFrom('missionCountries').select('missionId').where('country', '=', country),
    );
  }
  if (f.afterCode) q = q.where('code', '>', f.afterCode);
  return q.orderBy('code').limit(limit).execute();
}
