// The responsible mission of a person: derived from the current location and the missions'
// jurisdictions (jurisdiction.ts), and recomputed for everyone concerned when a mission is added
// or its jurisdictions change. A person without a location stays with the mission that
// registered them.
import type { Jurisdiction } from '@siaga/contracts';
import type { Executor } from '../../db/client';
import { responsibleMission, type MissionCoverage, type Place } from './jurisdiction';

export type Coverage = MissionCoverage[];

export async function loadCoverage(db: Executor): Promise<Coverage> {
  const rows = await db
    .selectFrom('missions')
    .select(['id', 'code', 'kind', 'countries', 'jurisdictions'])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    kind: r.kind,
    countries: JSON.parse(r.countries) as string[],
    jurisdictions: JSON.parse(r.jurisdictions) as Jurisdiction[],
  }));
}

/** The mission responsible for a person at `place`, or the registering mission when there is no place. */
export function missionFor(
  coverage: Coverage,
  place: Place | null | undefined,
  registeredMissionId: string | null,
) {
  if (!place) return registeredMissionId;
  return responsibleMission(coverage, place)?.id ?? null;
}

/**
 * Recomputes the responsible mission of every located person in `countries` (all countries when
 * omitted). Works per (country, admin area) group, so a million people in a few hundred places
 * cost a few hundred updates. Returns how many people changed mission.
 */
export async function reassignPeople(db: Executor, countries?: string[]): Promise<number> {
  const coverage = await loadCoverage(db);
  let q = db
    .selectFrom('people')
    .select(['country', 'adminArea'])
    .where('country', 'is not', null)
    .groupBy(['country', 'adminArea']);
  if (countries) {
    if (countries.length === 0) return 0;
    q = q.where('country', 'in', countries);
  }
  let changed = 0;
  for (const g of await q.execute()) {
    const missionId =
      responsibleMission(coverage, { country: g.country!, adminArea: g.adminArea })?.id ?? null;
    const res = await db
      .updateTable('people')
      .set({ missionId })
      .where('country', '=', g.country)
      .where((eb) => (g.adminArea === null ? eb('adminArea', 'is', null) : eb('adminArea', '=', g.adminArea)))
      .where((eb) =>
        missionId === null
          ? eb('missionId', 'is not', null)
          : eb.or([eb('missionId', 'is', null), eb('missionId', '!=', missionId)]),
      )
      .executeTakeFirst();
    changed += Number(res.numUpdatedRows);
  }
  return changed;
}
