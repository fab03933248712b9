// The TOTP second factor: the sign-in step, enrolment (set up, then confirm with a code) and
// turning it off. Wrong codes count towards a lockout; each accepted code's time step is
// recorded, atomically, so the same code cannot be replayed.
import type { LoginResult } from '@siaga/contracts';
import { AppError } from '../../errors';
import type { Executor } from '../../db/client';
import type { Transaction } from 'kysely';
import type { Database, SessionRow, UserRow } from '../../db/schema';
import { appendAudit } from '../../platform/audit/audit';
import * as authRepo from '../../platform/auth/auth.repo';
import { loadActor } from '../../platform/auth/actor';
import { newTotpSecret, totpStep, totpUrl } from '../../platform/auth/totp';
import type { Deps, RequestContext } from '../../platform/context';
import { findUserById, updateUser } from '../users/users.repo';
import { sessionResult } from './auth.service';
import { assertNotLocked, clearFailures, recordFailure, totpThrottleKey } from './throttle';

const secretOf = (deps: Deps, user: UserRow) =>
  user.totpSecretEnc ? deps.keyring.decrypt(user.totpSecretEnc, `totp:${user.id}`) : null;

/** Marks the code's time step used; false if it is wrong or was already used. */
async function consumeCode(deps: Deps, ex: Executor, user: UserRow, code: string): Promise<boolean> {
  const secret = secretOf(deps, user);
  const step = secret ? totpStep(secret, code, deps.now()) : null;
  if (step === null) return false;
  const res = await ex
    .updateTable('users')
    .set({ totpLastStep: step })
    .where('id', '=', user.id)
    .where((eb) => eb.or([eb('totpLastStep', 'is', null), eb('totpLastStep', '<', step)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/**
 * Checks a code for an action; a wrong or replayed code is counted (and audited) and throws.
 * On success, `then` runs in the same transaction as the step being recorded.
 */
async function withCode<T>(
  deps: Deps,
  ctx: RequestContext,
  user: UserRow,
  code: string,
  wrong: () => AppError,
  then: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  const key = totpThrottleKey(deps, user.id);
  await assertNotLocked(deps, key);
  const result = await deps.db.transaction().execute(async (trx) => {
    if (!(await consumeCode(deps, trx, user, code))) return { ok: false as const };
    await clearFailures(trx, key);
    return { ok: true as const, value: await then(trx) };
  });
  if (result.ok) return result.value;
  await deps.db.transaction().execute(async (trx) => {
    await recordFailure(deps, trx, key);
    await appendAudit(trx, deps, ctx, { action: 'auth.totp_failed', entityType: 'user', entityId: user.id });
  });
  throw wrong();
}

const wrongCode = (status: number) => () =>
  new AppError('auth.totp_invalid', status, 'The code is wrong, expired or already used', [
    { path: 'body.code', code: 'invalid', message: 'Wrong code' },
  ]);

/** Second step of sign-in: the code from the user's authenticator app. */
export async function verifyTotpStep(
  deps: Deps,
  ctx: RequestContext,
  session: SessionRow,
  code: string,
): Promise<LoginResult> {
  if (session.stage !== 'totp')
    throw new AppError('auth.totp_not_enabled', 400, 'No second-factor step is pending');
  const user = (await findUserById(deps.db, session.userId))!;
  return withCode(deps, ctx, user, code, wrongCode(401), async (trx) => {
    await authRepo.setSessionStage(trx, session.id, 'complete');
    const loaded = (await loadActor(trx, user.id, 'session'))!;
    await appendAudit(
      trx,
      deps,
      { ...ctx, actor: loaded.actor },
      { action: 'auth.totp_verified', entityType: 'user', entityId: user.id },
    );
    return sessionResult(deps, { ...session, stage: 'complete' }, loaded);
  });
}

/** Creates (or replaces) a not-yet-enabled secret; it only takes effect once a code proves the app has it. */
export async function setupTotp(deps: Deps, ctx: RequestContext, userId: string) {
  const user = (await findUserById(deps.db, userId))!;
  if (user.totpEnabled === 1)
    throw new AppError('auth.totp_invalid', 409, 'A second factor is already enabled; disable it first');
  const secret = newTotpSecret();
  await deps.db.transaction().execute(async (trx) => {
    await updateUser(trx, userId, {
      totpSecretEnc: deps.keyring.encrypt(secret, `totp:${userId}`),
      totpLastStep: null,
      updatedAt: deps.now().toISOString(),
    });
    await appendAudit(trx, deps, ctx, {
      action: 'auth.totp_setup',
      entityType: 'user',
      entityId: userId,
      changes: ['totpSecret'],
    });
  });
  return { secret, otpauthUrl: totpUrl(secret, user.email) };
}

export async function enableTotp(
  deps: Deps,
  ctx: RequestContext,
  session: SessionRow | null,
  userId: string,
  code: string,
) {
  const user = (await findUserById(deps.db, userId))!;
  if (!user.totpSecretEnc) throw new AppError('auth.totp_not_enabled', 400, 'Start the set-up first');
  return withCode(deps, ctx, user, code, wrongCode(400), async (trx) => {
    await updateUser(trx, userId, { totpEnabled: 1, updatedAt: deps.now().toISOString() });
    if (session) await authRepo.setSessionStage(trx, session.id, 'complete');
    await appendAudit(trx, deps, ctx, {
      action: 'auth.totp_enable',
      entityType: 'user',
      entityId: userId,
      changes: ['totpEnabled'],
    });
    const loaded = (await loadActor(trx, userId, 'session'))!;
    return session ? sessionResult(deps, { ...session, stage: 'complete' }, loaded) : null;
  });
}

export async function disableTotp(deps: Deps, ctx: RequestContext, userId: string, code: string) {
  const user = (await findUserById(deps.db, userId))!;
  if (user.totpEnabled !== 1 || !user.totpSecretEnc)
    throw new AppError('auth.totp_not_enabled', 400, 'No second factor is enabled');
  await withCode(deps, ctx, user, code, wrongCode(400), async (trx) => {
    await updateUser(trx, userId, {
      totpEnabled: 0,
      totpSecretEnc: null,
      totpLastStep: null,
      updatedAt: deps.now().toISOString(),
    });
    await appendAudit(trx, deps, ctx, {
      action: 'auth.totp_disable',
      entityType: 'user',
      entityId: userId,
      changes: ['totpEnabled'],
    });
  });
}
