// Reading crises: one crisis with everything the crisis page shows, the list, and the compiled
// areas and affected counts of a crisis. A crisis outside the caller's scope answers exactly
// like a missing one.
import type { AffectedCounts, AreaInput, Crisis } from '@siaga/contracts';
import { forbidden, notFound } from '../../errors';
import type { Executor } from '../../db/client';
import type { CrisisRow } from '../../db/schema';
import type { Deps, RequestContext } from '../../platform/context';
import { decodeCursor, page } from '../../platform/pagination';
import { compileOrThrow, countAffected, type Via } from '../affected/affected.service';
import type { CompiledArea } from '../affected/area';
import * as repo from './crises.repo';
import { canCrises, crisisInScope, crisisScope } from './crises.policy';
import { presentCrisis, presentSummary } from './crises.presenter';

const missing = () => notFound('crisis.not_found', 'Crisis');

/** The crisis row if it exists and the caller may see it; else the same 404 as a missing one. */
export async function loadVisible(ex: Executor, ctx: RequestContext, id: string): Promise<CrisisRow> {
  const row = await repo.findCrisis(ex, id);
  if (!row || !canCrises(ctx, 'read')) throw missing();
  if (!crisisInScope(ctx, await repo.crisisMissionIds(ex, id))) throw missing();
  return row;
}

export async function getCrisis(deps: Deps, ctx: RequestContext, id: string): Promise<Crisis> {
  const row = await loadVisible(deps.db, ctx, id);
  const [countries, areas, missions, history, events] = await Promise.all([
    repo.countriesOf(deps.db, [id]),
    repo.areasOf(deps.db, [id]),
    repo.missionsOf(deps.db, [id]),
    repo.levelHistory(deps.db, id),
    repo.timeline(deps.db, id),
  ]);
  return presentCrisis(row, countries, areas, missions, history, events);
}

export async function listCrises(
  deps: Deps,
  ctx: RequestContext,
  q: {
    status?: string | undefined;
    country?: string | undefined;
    limit: number;
    cursor?: string | undefined;
  },
) {
  if (!canCrises(ctx, 'read')) throw forbidden();
  const after = decodeCursor(q.cursor, 2) as [string, string] | undefined;
  const rows = await repo.listCrises(
    deps.db,
    { status: q.status, country: q.country, missionIds: crisisScope(ctx), after },
    q.limit,
  );
  const ids = rows.map((r) => r.id);
  const [countries, areas, missions] = await Promise.all([
    repo.countriesOf(deps.db, ids),
    repo.areasOf(deps.db, ids),
    repo.missionsOf(deps.db, ids),
  ]);
  const { items, nextCursor } = page(rows, q.limit, (r) => [r.declaredAt, r.id]);
  return {
    items: items.map((r) =>
      presentSummary(
        r,
        countries.filter((c) => c.crisisId === r.id),
        areas.filter((a) => a.crisisId === r.id),
        missions.filter((m) => m.crisisId === r.id).map(({ id, code, name }) => ({ id, code, name })),
      ),
    ),
    nextCursor,
  };
}

/** The compiled areas of a crisis; a crisis without drawn areas covers its whole countries. */
export async function crisisArea(
  deps: Deps,
  ctx: RequestContext,
  id: string,
): Promise<{ area: CompiledArea; countries: string[] }> {
  const row = await loadVisible(deps.db, ctx, id);
  const countries = JSON.parse(row.countries) as string[];
  const stored = (await repo.areasOf(deps.db, [id])).map((a) => JSON.parse(a.spec) as AreaInput);
  const areas: AreaInput[] = stored.length
    ? stored
    : countries.map((country) => ({ kind: 'country', country }));
  return { area: compileOrThrow(areas, 'areas'), countries };
}

export async function crisisAffected(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  opts: { prefer?: Via } = {},
): Promise<AffectedCounts> {
  const { area, countries } = await crisisArea(deps, ctx, id);
  return countAffected(deps, ctx, area, countries, opts);
}
