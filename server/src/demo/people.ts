// Loads the synthetic demo population (population.ts) into the registry through the same record
// builder as officers and imports, in large batches: a million people is a few minutes' work.
// The demo directory of missions is loaded first, so that responsible missions are derived from
// real jurisdictions.
import { randomUUID } from 'node:crypto';
import { PersonCreate } from '@siaga/contracts';
import { refreshStatistics } from '../db/client';
import { appendAudit } from '../platform/audit/audit';
import { systemContext, type Deps } from '../platform/context';
import { loadCoverage, missionFor } from '../modules/people/coverage';
import { buildPerson, type PersonRows } from '../modules/people/records';
import * as repo from '../modules/people/people.repo';
import { demoPopulation } from './population';
import { seedDemo } from './seed';

export interface DemoPeopleResult {
  people: number;
  households: number;
  countries: number;
  missions: number;
  seed: number;
  seconds: number;
}

// People per transaction: big enough that commits are rare, small enough to keep memory flat.
const BATCH = 2000;

export async function loadDemoPeople(
  deps: Deps,
  opts: { people: number; seed: number; onProgress?: (done: number) => void },
): Promise<DemoPeopleResult> {
  const started = performance.now();
  await seedDemo(deps);
  const coverage = await loadCoverage(deps.db);
  const now = deps.now();
  const at = now.toISOString();
  const countries = new Set<string>();
  let people = 0;
  let households = 0;
  let rows: PersonRows[] = [];
  let householdIds: string[] = [];

  const flush = async () => {
    if (rows.length === 0) return;
    const batch = rows;
    const ids = householdIds;
    rows = [];
    householdIds = [];
    await deps.db.transaction().execute(async (trx) => {
      for (let i = 0; i < ids.length; i += 500)
        await trx
          .insertInto('households')
          .values(ids.slice(i, i + 500).map((id) => ({ id, size: 0, createdAt: at, updatedAt: at })))
          .execute();
      await repo.insertPeople(trx, batch);
      await repo.recountHouseholds(trx, ids, at);
    });
    opts.onProgress?.(people);
  };

  for (const household of demoPopulation({ people: opts.people, seed: opts.seed, now })) {
    const householdId = household.members.length > 1 ? randomUUID() : null;
    if (householdId) householdIds.push(householdId);
    households++;
    for (const member of household.members) {
      const input = PersonCreate.parse(member.person);
      const built = buildPerson(deps.keyring, input, {
        at: member.updatedAt < at ? member.updatedAt : at,
        updatedAt: member.updatedAt,
        now,
        missionId: missionFor(coverage, input.location, null),
        registeredMissionId: null,
        source: 'demo',
        householdId,
        householdRole: householdId ? member.relationship : null,
      });
      // The generator only makes valid people; a failure here is a bug in it, not bad input.
      if (!built.ok) throw new Error(`Demo person is invalid: ${JSON.stringify(built.errors)}`);
      rows.push(built.rows);
      if (input.location) countries.add(input.location.country);
      people++;
    }
    if (rows.length >= BATCH) await flush();
  }
  await flush();
  await refreshStatistics(deps.db, deps.dialect);
  await deps.db.transaction().execute((trx) =>
    appendAudit(trx, deps, systemContext('demo'), {
      action: 'demo.people',
      entityType: 'person',
      entityId: null,
      meta: { people, households, seed: opts.seed },
    }),
  );
  return {
    people,
    households,
    countries: countries.size,
    missions: coverage.length,
    seed: opts.seed,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
