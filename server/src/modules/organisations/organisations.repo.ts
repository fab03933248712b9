// SQL for headquarters and partner organisations.
import type { Executor } from '../../db/client';
import type { OrganisationsTable } from '../../db/schema';

export const findOrganisation = (ex: Executor, id: string) =>
  ex.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();

export const findOrganisationByName = (ex: Executor, name: string) =>
  ex.selectFrom('organisations').selectAll().where('name', '=', name).executeTakeFirst();

export const insertOrganisation = (ex: Executor, row: OrganisationsTable) =>
  ex.insertInto('organisations').values(row).execute();

export async function updateOrganisationVersioned(
  ex: Executor,
  id: string,
  version: number,
  patch: Partial<OrganisationsTable>,
) {
  const res = await ex
    .updateTable('organisations')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export function listOrganisations(
  ex: Executor,
  f: { onlyId?: string | undefined; afterName?: string | undefined },
  limit: number,
) {
  let q = ex.selectFrom('organisations').selectAll();
  if (f.onlyId) q = q.where('id', '=', f.onlyId);
  if (f.afterName) q = q.where('name', '>', f.afterName);
  return q.orderBy('name').limit(limit).execute();
}
