// Partner organisations (IOM, UN agencies, NGOs) and the headquarters record.
import { randomUUID } from 'node:crypto';
import type { Organisation, OrganisationCreate } from '@siaga/contracts';
import type { z } from 'zod';
import type { OrganisationUpdate } from '@siaga/contracts';
import { AppError, forbidden, notFound, staleVersion } from '../../errors';
import { isUniqueViolation } from '../../db/client';
import type { OrganisationRow } from '../../db/schema';
import { appendAudit, changedFields } from '../../platform/audit/audit';
import type { Deps, RequestContext } from '../../platform/context';
import { decodeCursor, page } from '../../platform/pagination';
import * as repo from './organisations.repo';
import { canReadOrganisation, canWriteOrganisations, organisationScope } from './organisations.policy';

const present = (r: OrganisationRow): Organisation => ({ ...r });
const nameTaken = () =>
  new AppError('organisation.name_taken', 409, 'An organisation with this name exists', [
    { path: 'body.name', code: 'taken', message: 'This name is already used' },
  ]);
/** A concurrent write took the name after this transaction checked it: the same 409. */
const rethrowNameTaken = (err: unknown): never => {
  throw isUniqueViolation(err) ? nameTaken() : err;
};

export async function createOrganisation(
  deps: Deps,
  ctx: RequestContext,
  input: OrganisationCreate,
): Promise<Organisation> {
  if (!canWriteOrganisations(ctx)) throw forbidden();
  const at = deps.now().toISOString();
  const row: OrganisationRow = {
    id: randomUUID(),
    kind: 'partner',
    name: input.name,
    shortName: input.shortName,
    email: input.email ?? null,
    phone: input.phone ?? null,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  await deps.db
    .transaction()
    .execute(async (trx) => {
      if (await repo.findOrganisationByName(trx, input.name)) throw nameTaken();
      await repo.insertOrganisation(trx, row);
      await appendAudit(trx, deps, ctx, {
        action: 'organisation.create',
        entityType: 'organisation',
        entityId: row.id,
      });
    })
    .catch(rethrowNameTaken);
  return present(row);
}

export async function getOrganisation(deps: Deps, ctx: RequestContext, id: string): Promise<Organisation> {
  const row = await repo.findOrganisation(deps.db, id);
  if (!row || !canReadOrganisation(ctx, id)) throw notFound('organisation.not_found', 'Organisation');
  return present(row);
}

export async function listOrganisations(
  deps: Deps,
  ctx: RequestContext,
  q: { limit: number; cursor?: string | undefined },
) {
  const after = decodeCursor(q.cursor, 1);
  const rows = await repo.listOrganisations(
    deps.db,
    { onlyId: organisationScope(ctx), afterName: after?.[0] as string | undefined },
    q.limit + 1,
  );
  const p = page(rows, q.limit, (r) => [r.name]);
  return { items: p.items.map(present), nextCursor: p.nextCursor };
}

export async function updateOrganisation(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  patch: z.infer<typeof OrganisationUpdate>,
) {
  return deps.db
    .transaction()
    .execute(async (trx) => {
      const row = await repo.findOrganisation(trx, id);
      if (!row || !canReadOrganisation(ctx, id)) throw notFound('organisation.not_found', 'Organisation');
      if (!canWriteOrganisations(ctx)) throw forbidden();
      const { version, ...fields } = patch;
      if (fields.name && fields.name !== row.name && (await repo.findOrganisationByName(trx, fields.name)))
        throw nameTaken();
      const changes = changedFields(
        row as unknown as Record<string, unknown>,
        fields as Record<string, unknown>,
      );
      const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
      if (
        !(await repo.updateOrganisationVersioned(trx, id, version, {
          ...set,
          updatedAt: deps.now().toISOString(),
        }))
      )
        throw staleVersion();
      await appendAudit(trx, deps, ctx, {
        action: 'organisation.update',
        entityType: 'organisation',
        entityId: id,
        changes,
      });
      return present((await repo.findOrganisation(trx, id))!);
    })
    .catch(rethrowNameTaken);
}
