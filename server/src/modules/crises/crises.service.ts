// Declaring and running a crisis: areas checked and compiled before anything is written, alert
// levels per country or area with their history, phase and status, the timeline, and the
// missions concerned derived from the areas' countries. Every change is one transaction with its
// audit entry, so nothing is half-made.
import { randomUUID } from 'node:crypto';
import type {
  AlertLevelSet,
  AreaInput,
  Crisis,
  CrisisCreate,
  CrisisEventData,
  CrisisUpdate,
} from '@siaga/contracts';
import type { Transaction } from 'kysely';
import { AppError, forbidden, staleVersion } from '../../errors';
import type { CrisisAreasTable, CrisisEventsTable, CrisisRow, Database } from '../../db/schema';
import type { Executor } from '../../db/client';
import { appendAudit } from '../../platform/audit/audit';
import { actorId, actorLabel, type Deps, type RequestContext } from '../../platform/context';
import { findMissionsForCountries } from '../missions/missions.repo';
import { compileOrThrow } from '../affected/affected.service';
import { gazetteer } from '../geo/gazetteer';
import * as repo from './crises.repo';
import { getCrisis, loadVisible } from './crises.query';
import { canCrises, crisisInScope } from './crises.policy';

function areaName(a: AreaInput): string {
  if (a.name) return a.name;
  const g = gazetteer();
  switch (a.kind) {
    case 'country':
      return g.country(a.country)?.name.en ?? a.country;
    case 'admin1':
      return g.admin1Area(a.code)?.name ?? a.code;
    case 'circle':
      return `${a.radiusKm} km around ${a.center.lat.toFixed(3)}, ${a.center.lon.toFixed(3)}`;
    default:
      return 'Drawn area';
  }
}

/** Area rows for a crisis, each knowing the countries it touches. */
function areaRows(crisisId: string, areas: readonly AreaInput[], path: string) {
  const compiled = compileOrThrow(areas, path);
  const rows: CrisisAreasTable[] = areas.map((a, i) => ({
    id: randomUUID(),
    crisisId,
    position: i,
    kind: a.kind,
    name: areaName(a),
    countries: JSON.stringify(compiled.countriesByArea[i]),
    spec: JSON.stringify(a),
    alertLevel: null,
  }));
  return { rows, compiled };
}

const event = (
  ctx: RequestContext,
  crisisId: string,
  kind: CrisisEventsTable['kind'],
  text: string,
  at: string,
  data: CrisisEventData | null = null,
): CrisisEventsTable => ({
  id: randomUUID(),
  crisisId,
  kind,
  text,
  data: data ? JSON.stringify(data) : null,
  author: actorLabel(ctx.actor),
  authorId: actorId(ctx.actor),
  at,
});

/** Missions concerned: those covering a country of the crisis or of its areas. */
async function deriveMissions(ex: Executor, countries: string[]): Promise<string[]> {
  return (await findMissionsForCountries(ex, countries)).map((m) => m.id);
}

/** A mission officer may act only where their missions are concerned. */
function checkScope(ctx: RequestContext, missionIds: string[]) {
  if (!crisisInScope(ctx, missionIds)) throw forbidden('None of your missions is concerned by this crisis');
}

export async function declareCrisis(deps: Deps, ctx: RequestContext, input: CrisisCreate): Promise<Crisis> {
  if (!canCrises(ctx, 'declare')) throw forbidden();
  const id = randomUUID();
  const at = deps.now().toISOString();
  const { rows: areas, compiled } = areaRows(id, input.areas, 'body.areas');
  const countries = [...new Set([...input.countries, ...compiled.countries])].sort();
  await deps.db.transaction().execute(async (trx) => {
    const missionIds = await deriveMissions(trx, countries);
    checkScope(ctx, missionIds);
    await repo.insertCrisis(trx, {
      id,
      version: 1,
      type: input.type,
      title: input.title,
      description: input.description,
      countries: JSON.stringify(countries),
      phase: input.phase,
      status: input.status,
      exercise: input.exercise ? 1 : 0,
      hazardEventId: input.hazardEventId ?? null,
      declaredBy: actorLabel(ctx.actor),
      declaredById: actorId(ctx.actor),
      declaredAt: at,
      updatedAt: at,
      closedAt: input.status === 'closed' ? at : null,
    });
    await repo.setCountries(
      trx,
      id,
      countries.map((country) => ({ country, alertLevel: input.alertLevel })),
    );
    await repo.replaceAreas(trx, id, areas);
    await repo.insertLevels(
      trx,
      countries.map((country) => ({
        id: randomUUID(),
        crisisId: id,
        country,
        areaId: null,
        level: input.alertLevel,
        reason: 'Declared',
        setBy: actorLabel(ctx.actor),
        setById: actorId(ctx.actor),
        setAt: at,
      })),
    );
    await repo.insertEvents(trx, [
      event(ctx, id, 'declared', `${input.title} declared (${input.type}, ${input.alertLevel})`, at, {
        type: input.type,
        level: input.alertLevel,
        countries,
        areas: areas.length,
      }),
    ]);
    await repo.setMissions(trx, id, missionIds);
    await appendAudit(trx, deps, ctx, {
      action: 'crisis.declare',
      entityType: 'crisis',
      entityId: id,
      meta: {
        type: input.type,
        countries,
        areas: areas.length,
        alertLevel: input.alertLevel,
        exercise: input.exercise,
      },
    });
  });
  return getCrisis(deps, ctx, id);
}

/**
 * Runs `fn` on the crisis under optimistic concurrency; the version moves on once. A note names
 * no version (`null`): it changes nothing anyone could have edited meanwhile.
 */
async function changeCrisis(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  expected: number | null,
  action: 'update' | 'note',
  fn: (trx: Transaction<Database>, row: CrisisRow, at: string) => Promise<Partial<CrisisRow>>,
): Promise<Crisis> {
  await deps.db.transaction().execute(async (trx) => {
    // Out of the caller's scope it is a 404 already, like a missing crisis.
    const row = await loadVisible(trx, ctx, id);
    if (!canCrises(ctx, action)) throw forbidden();
    const version = expected ?? row.version;
    if (row.version !== version) throw staleVersion();
    const at = deps.now().toISOString();
    const set = await fn(trx, row, at);
    if (!(await repo.updateCrisisVersioned(trx, id, version, { ...set, updatedAt: at })))
      throw staleVersion();
  });
  return getCrisis(deps, ctx, id);
}

export function updateCrisis(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: CrisisUpdate,
): Promise<Crisis> {
  return changeCrisis(deps, ctx, id, input.version, 'update', async (trx, row, at) => {
    const set: Partial<CrisisRow> = {};
    const changes: string[] = [];
    const events: CrisisEventsTable[] = [];
    const because = input.reason ? `: ${input.reason}` : '';
    for (const f of ['title', 'description', 'type'] as const) {
      if (input[f] !== undefined && input[f] !== row[f]) {
        set[f] = input[f];
        changes.push(f);
      }
    }
    const why = input.reason ? { reason: input.reason } : {};
    if (changes.length) {
      events.push(
        event(ctx, id, 'details', `Changed ${changes.join(', ')}${because}`, at, {
          fields: [...changes],
          ...why,
        }),
      );
    }
    if (input.phase && input.phase !== row.phase) {
      set.phase = input.phase;
      changes.push('phase');
      events.push(
        event(ctx, id, 'phase', `Phase: ${row.phase} → ${input.phase}${because}`, at, {
          from: row.phase,
          to: input.phase,
          ...why,
        }),
      );
    }
    if (input.status && input.status !== row.status) {
      set.status = input.status;
      set.closedAt = input.status === 'closed' ? at : null;
      changes.push('status');
      events.push(
        event(ctx, id, 'status', `Status: ${row.status} → ${input.status}${because}`, at, {
          from: row.status,
          to: input.status,
          ...why,
        }),
      );
    }
    let countries = JSON.parse(row.countries) as string[];
    let areaCountries: string[] | undefined;
    if (input.areas) {
      const { rows, compiled } = areaRows(id, input.areas, 'body.areas');
      await repo.replaceAreas(trx, id, rows);
      areaCountries = compiled.countries;
      countries = [...new Set([...countries, ...areaCountries])];
      changes.push('areas');
      events.push(
        event(ctx, id, 'areas', `Areas redrawn (${rows.length})${because}`, at, {
          areas: rows.length,
          ...why,
        }),
      );
    }
    if (input.countries) {
      countries = [...new Set([...input.countries, ...(areaCountries ?? [])])];
      changes.push('countries');
    }
    countries.sort();
    if (JSON.stringify(countries) !== row.countries) {
      const current = await repo.countriesOf(trx, [id]);
      const levelOf = new Map(current.map((c) => [c.country, c.alertLevel]));
      const added = countries.filter((c) => !levelOf.has(c));
      await repo.setCountries(
        trx,
        id,
        countries.map((country) => ({ country, alertLevel: levelOf.get(country) ?? 'siaga_3' })),
      );
      await repo.insertLevels(
        trx,
        added.map((country) => ({
          id: randomUUID(),
          crisisId: id,
          country,
          areaId: null,
          level: 'siaga_3',
          reason: 'Country added to the crisis',
          setBy: actorLabel(ctx.actor),
          setById: actorId(ctx.actor),
          setAt: at,
        })),
      );
      set.countries = JSON.stringify(countries);
      if (!changes.includes('countries')) changes.push('countries');
      events.push(
        event(ctx, id, 'details', `Countries: ${countries.join(', ')}`, at, {
          fields: ['countries'],
          countries,
        }),
      );
    }
    if (changes.includes('areas') || changes.includes('countries')) {
      await repo.setMissions(trx, id, await deriveMissions(trx, countries));
    }
    await repo.insertEvents(trx, events);
    await appendAudit(trx, deps, ctx, {
      action: 'crisis.update',
      entityType: 'crisis',
      entityId: id,
      changes,
    });
    return set;
  });
}

export function setAlertLevel(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: AlertLevelSet,
): Promise<Crisis> {
  if ((input.country === undefined) === (input.areaId === undefined)) {
    throw new AppError('request.invalid', 400, 'Name either a country or an area', [
      { path: 'body.country', code: 'one_of', message: 'Give a country or an areaId, not both or neither' },
    ]);
  }
  return changeCrisis(deps, ctx, id, input.version, 'update', async (trx, _row, at) => {
    let where: string;
    let areaLabel: string | undefined;
    if (input.country) {
      const countries = await repo.countriesOf(trx, [id]);
      if (!countries.some((c) => c.country === input.country)) {
        throw new AppError(
          'crisis.country_not_in_crisis',
          400,
          `${input.country} is not a country of this crisis`,
          [
            {
              path: 'body.country',
              code: 'crisis.country_not_in_crisis',
              message: 'Add the country to the crisis first',
            },
          ],
        );
      }
      await repo.setCountryLevel(trx, id, input.country, input.level);
      where = input.country;
    } else {
      const area = (await repo.areasOf(trx, [id])).find((a) => a.id === input.areaId);
      if (!area) {
        throw new AppError('request.invalid', 400, 'No such area in this crisis', [
          { path: 'body.areaId', code: 'not_found', message: 'No such area in this crisis' },
        ]);
      }
      await repo.setAreaLevel(trx, area.id, input.level);
      where = area.name;
      areaLabel = area.name;
    }
    await repo.insertLevels(trx, [
      {
        id: randomUUID(),
        crisisId: id,
        country: input.country ?? null,
        areaId: input.areaId ?? null,
        level: input.level,
        reason: input.reason,
        setBy: actorLabel(ctx.actor),
        setById: actorId(ctx.actor),
        setAt: at,
      },
    ]);
    await repo.insertEvents(trx, [
      event(ctx, id, 'alert_level', `${where}: ${input.level} (${input.reason})`, at, {
        level: input.level,
        reason: input.reason,
        ...(input.country ? { country: input.country } : {}),
        ...(areaLabel ? { area: areaLabel } : {}),
      }),
    ]);
    await appendAudit(trx, deps, ctx, {
      action: 'crisis.alert_level',
      entityType: 'crisis',
      entityId: id,
      meta: { country: input.country ?? null, areaId: input.areaId ?? null, level: input.level },
    });
    return {};
  });
}

export async function addNote(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  note: { kind: 'note' | 'decision'; text: string },
): Promise<Crisis> {
  return changeCrisis(deps, ctx, id, null, 'note', async (trx, _row, at) => {
    await repo.insertEvents(trx, [event(ctx, id, note.kind, note.text, at)]);
    await appendAudit(trx, deps, ctx, {
      action: 'crisis.note',
      entityType: 'crisis',
      entityId: id,
      meta: { kind: note.kind },
    });
    return {};
  });
}
