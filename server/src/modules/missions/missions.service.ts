// Creating, editing and reading missions. Every change is audited in the same transaction.
import { randomUUID } from 'node:crypto';
import type { Mission, MissionCreate, MissionUpdate } from '@siaga/contracts';
import { AppError, forbidden, notFound, staleVersion } from '../../errors';
import { isUniqueViolation } from '../../db/client';
import { appendAudit, changedFields } from '../../platform/audit/audit';
import type { Deps, RequestContext } from '../../platform/context';
import { decodeCursor, page } from '../../platform/pagination';
import * as repo from './missions.repo';
import { reassignPeople } from '../people/coverage';
import { canMissions, canUpdateMission } from './missions.policy';
import { presentMission } from './missions.presenter';

export async function createMission(deps: Deps, ctx: RequestContext, input: MissionCreate): Promise<Mission> {
  if (!canMissions(ctx, 'create')) throw forbidden();
  const at = deps.now().toISOString();
  const row = {
    id: randomUUID(),
    code: input.code,
    name: input.name,
    kind: input.kind,
    city: input.city,
    countries: JSON.stringify(input.countries),
    jurisdictions: JSON.stringify(input.jurisdictions ?? []),
    hotline: input.hotline,
    email: input.email ?? null,
    address: input.address,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  const codeTaken = () =>
    new AppError('mission.code_taken', 409, `A mission with code ${input.code} already exists`, [
      { path: 'body.code', code: 'taken', message: 'This code is already used' },
    ]);
  await deps.db
    .transaction()
    .execute(async (trx) => {
      if (await repo.findMissionByCode(trx, input.code)) throw codeTaken();
      await repo.insertMission(trx, row, input.countries);
      // A new mission may take over areas from another: the people there change hands now.
      const moved = await reassignPeople(trx, input.countries);
      await appendAudit(trx, deps, ctx, {
        action: 'mission.create',
        entityType: 'mission',
        entityId: row.id,
        meta: { code: row.code, ...(moved > 0 && { peopleReassigned: moved }) },
      });
    })
    .catch((err: unknown) => {
      throw isUniqueViolation(err) ? codeTaken() : err;
    });
  return presentMission(row);
}

export async function getMission(deps: Deps, ctx: RequestContext, code: string): Promise<Mission> {
  const row = await repo.findMissionByCode(deps.db, code);
  if (!row || !canMissions(ctx, 'read')) throw notFound('mission.not_found', 'Mission');
  return presentMission(row);
}

export async function listMissions(
  deps: Deps,
  ctx: RequestContext,
  q: { limit: number; cursor?: string | undefined; country?: string | undefined },
) {
  if (!canMissions(ctx, 'list')) throw forbidden();
  const after = decodeCursor(q.cursor, 1);
  const rows = await repo.listMissions(
    deps.db,
    { afterCode: after?.[0] as string | undefined, country: q.country },
    q.limit + 1,
  );
  const p = page(rows, q.limit, (r) => [r.code]);
  return { items: p.items.map(presentMission), nextCursor: p.nextCursor };
}

export async function updateMission(
  deps: Deps,
  ctx: RequestContext,
  code: string,
  patch: MissionUpdate,
): Promise<Mission> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await repo.findMissionByCode(trx, code);
    if (!row || !canMissions(ctx, 'read')) throw notFound('mission.not_found', 'Mission');
    if (!canUpdateMission(ctx, row.id, patch))
      throw forbidden('You may not change this mission, or these fields of it');
    const { version, ...fields } = patch;
    const current = presentMission(row);
    const changes = changedFields(
      current as unknown as Record<string, unknown>,
      fields as Record<string, unknown>,
    );
    const set = {
      ...(fields.name !== undefined && { name: fields.name }),
      ...(fields.kind !== undefined && { kind: fields.kind }),
      ...(fields.city !== undefined && { city: fields.city }),
      ...(fields.countries !== undefined && { countries: JSON.stringify(fields.countries) }),
      ...(fields.jurisdictions !== undefined && { jurisdictions: JSON.stringify(fields.jurisdictions) }),
      ...(fields.hotline !== undefined && { hotline: fields.hotline }),
      ...(fields.email !== undefined && { email: fields.email }),
      ...(fields.address !== undefined && { address: fields.address }),
      updatedAt: deps.now().toISOString(),
    };
    if (!(await repo.updateMissionVersioned(trx, row.id, version, set))) throw staleVersion();
    if (fields.countries) await repo.setCountries(trx, row.id, fields.countries);
    let moved = 0;
    if (fields.countries || fields.jurisdictions) {
      const before = JSON.parse(row.countries) as string[];
      moved = await reassignPeople(trx, [...new Set([...before, ...(fields.countries ?? [])])]);
    }
    await appendAudit(trx, deps, ctx, {
      action: 'mission.update',
      entityType: 'mission',
      entityId: row.id,
      changes,
      meta: { code: row.code, ...(moved > 0 && { peopleReassigned: moved }) },
    });
    const updated = await repo.findMissionByCode(trx, code);
    return presentMission(updated!);
  });
}
