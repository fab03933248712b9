// SQL for sessions, personal API tokens and login throttling.
import type { Executor } from '../../db/client';
import type { SessionsTable } from '../../db/schema';

export const insertSession = (ex: Executor, s: SessionsTable) =>
  ex.insertInto('sessions').values(s).execute();

export const findSession = (ex: Executor, id: string) =>
  ex.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();

export const touchSession = (ex: Executor, id: string, at: string) =>
  ex.updateTable('sessions').set({ lastSeenAt: at }).where('id', '=', id).execute();

export const setSessionStage = (ex: Executor, id: string, stage: SessionsTable['stage']) =>
  ex.updateTable('sessions').set({ stage }).where('id', '=', id).execute();

export const deleteSession = (ex: Executor, id: string) =>
  ex.deleteFrom('sessions').where('id', '=', id).execute();

export const deleteUserSessions = (ex: Executor, userId: string, exceptId?: string) => {
  let q = ex.deleteFrom('sessions').where('userId', '=', userId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return q.execute();
};

export const deleteExpiredSessions = (ex: Executor, absoluteBefore: string, idleBefore: string) =>
  ex
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expiresAt', '<', absoluteBefore), eb('lastSeenAt', '<', idleBefore)]))
    .execute();

/** Forgets failure counts that have been quiet since `before`. */
export const deleteQuietThrottles = (ex: Executor, before: string) =>
  ex.deleteFrom('loginThrottle').where('updatedAt', '<', before).executeTakeFirst();

export const findTokenByHash = (ex: Executor, tokenHash: string) =>
  ex.selectFrom('apiTokens').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst();

export const touchToken = (ex: Executor, id: string, at: string) =>
  ex.updateTable('apiTokens').set({ lastUsedAt: at }).where('id', '=', id).execute();

export const findThrottle = (ex: Executor, key: string) =>
  ex.selectFrom('loginThrottle').selectAll().where('key', '=', key).executeTakeFirst();

export const upsertThrottle = (
  ex: Executor,
  row: { key: string; failures: number; lockouts: number; lockedUntil: string | null; updatedAt: string },
) =>
  ex
    .insertInto('loginThrottle')
    .values(row)
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: row.failures,
        lockouts: row.lockouts,
        lockedUntil: row.lockedUntil,
        updatedAt: row.updatedAt,
      }),
    )
    .execute();

export const clearThrottle = (ex: Executor, key: string) =>
  ex.deleteFrom('loginThrottle').where('key', '=', key).execute();
