// SQL for staff users, their missions and the per-role settings.
import type { Executor } from '../../db/client';
import type { UsersTable } from '../../db/schema';

export const findUserById = (ex: Executor, id: string) =>
  ex.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export const findUserByEmail = (ex: Executor, email: string) =>
  ex.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();

export const insertUser = (ex: Executor, row: UsersTable) => ex.insertInto('users').values(row).execute();

/** Applies the patch only if the version still matches; returns whether it did. */
export async function updateUserVersioned(
  ex: Executor,
  id: string,
  version: number,
  patch: Partial<UsersTable>,
): Promise<boolean> {
  const res = await ex
    .updateTable('users')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export const updateUser = (ex: Executor, id: string, patch: Partial<UsersTable>) =>
  ex
    .updateTable('users')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();

/** Sign-in bookkeeping: not an edit of the account, so it leaves the version alone (no spurious 409s). */
export const recordLogin = (ex: Executor, id: string, at: string) =>
  ex.updateTable('users').set({ lastLoginAt: at }).where('id', '=', id).execute();

export async function setUserMissions(ex: Executor, userId: string, missionIds: string[]) {
  await ex.deleteFrom('userMissions').where('userId', '=', userId).execute();
  if (missionIds.length)
    await ex
      .insertInto('userMissions')
      .values(missionIds.map((missionId) => ({ userId, missionId })))
      .execute();
}

export async function missionsOfUsers(ex: Executor, userIds: string[]) {
  const out = new Map<string, { id: string; code: string }[]>();
  if (!userIds.length) return out;
  const rows = await ex
    .selectFrom('userMissions')
    .innerJoin('missions', 'missions.id', 'userMissions.missionId')
    .select(['userMissions.userId', 'missions.id', 'missions.code'])
    .where('userMissions.userId', 'in', userIds)
    .orderBy('missions.code')
    .execute();
  for (const r of rows) out.set(r.userId, [...(out.get(r.userId) ?? []), { id: r.id, code: r.code }]);
  return out;
}

export async function lockoutsOf(ex: Executor, loginKeys: string[], nowIso: string) {
  if (!loginKeys.length) return new Map<string, string>();
  const rows = await ex
    .selectFrom('loginThrottle')
    .select(['key', 'lockedUntil'])
    .where('key', 'in', loginKeys)
    .where('lockedUntil', '>', nowIso)
    .execute();
  return new Map(rows.map((r) => [r.key, r.lockedUntil as string]));
}

export interface UserFilter {
  role?: string | undefined;
  missionId?: string | undefined;
  q?: string | undefined;
  afterEmail?: string | undefined;
}

export function listUsers(ex: Executor, f: UserFilter, limit: number) {
  let q = ex.selectFrom('users').selectAll('users');
  if (f.role) q = q.where('role', '=', f.role);
  if (f.missionId) {
    const missionId = f.missionId;
    q = q.where('id', 'in', (eb) =>
      eb.selectFrom('userMissions').select('userId').where('missionId', '=', missionId),
    );
  }
  if (f.q) {
    // Wildcards in the search text become "_" (any one character) rather than being escaped, since
    // SQLite and PostgreSQL escape differently; dropping them would miss emails such as budi_s@example.org.
    const like = `%${f.q.toLowerCase().replace(/[\\%_]/g, '_')}%`;
    q = q.where((eb) =>
      eb.or([eb('email', 'like', like), eb(eb.fn('lower', ['displayName']), 'like', like)]),
    );
  }
  if (f.afterEmail) q = q.where('email', '>', f.afterEmail);
  return q.orderBy('email').limit(limit).execute();
}

export const listRoleSettings = (ex: Executor) =>
  ex.selectFrom('roleSettings').selectAll().orderBy('role').execute();

export const findRoleSetting = (ex: Executor, role: string) =>
  ex.selectFrom('roleSettings').selectAll().where('role', '=', role).executeTakeFirst();

export const updateRoleSetting = (ex: Executor, role: string, totpRequired: boolean, at: string) =>
  ex
    .updateTable('roleSettings')
    .set({ totpRequired: totpRequired ? 1 : 0, updatedAt: at })
    .where('role', '=', role)
    .execute();
