// Signing in and out, the TOTP second factor, password changes and personal API tokens.
// Failed sign-ins are throttled per email whether or not an account exists, so the answers
// (and lockouts) for unknown and known emails are the same.
import { randomUUID } from 'node:crypto';
import type { ApiToken, ApiTokenCreated, LoginResult, Me, SessionStage } from '@siaga/contracts';
import { AppError, notFound } from '../../errors';
import type { Executor } from '../../db/client';
import type { SessionRow, UserRow } from '../../db/schema';
import { appendAudit } from '../../platform/audit/audit';
import * as authRepo from '../../platform/auth/auth.repo';
import { loadActor, type LoadedActor } from '../../platform/auth/actor';
import { checkTotp, newTotpSecret, totpUrl } from '../../platform/auth/totp';
import type { Deps, RequestContext } from '../../platform/context';
import { randomToken, sha256 } from '../../platform/crypto';
import { findUserByEmail, findUserById, recordLogin, updateUser } from '../users/users.repo';
import { loginKeyOf, type UserDeps } from '../users/users.service';

export const SESSION_COOKIE = 'siaga_session';
const TOKEN_PREFIX = 'siaga_';

export interface IssuedSession {
  cookie: string;
  result: LoginResult;
}

const invalidCredentials = () => new AppError('auth.invalid_credentials', 401, 'Email or password is wrong');

export function presentMe(loaded: Pick<LoadedActor, 'user' | 'actor'>): Me {
  const u = loaded.user;
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    role: loaded.actor.role,
    missionCodes: loaded.actor.missionCodes,
    organisationId: u.organisationId,
    locale: u.locale,
    totpEnabled: u.totpEnabled === 1,
    mustChangePassword: u.mustChangePassword === 1,
  };
}

/** Effective stage: a role that newly requires a second factor sends its users to enrolment at once. */
export function effectiveStage(session: Pick<SessionRow, 'stage'>, loaded: LoadedActor): SessionStage {
  if (session.stage === 'complete' && loaded.totpRequired && loaded.user.totpEnabled !== 1)
    return 'totp_enrol';
  return session.stage;
}

export function sessionResult(deps: Deps, session: SessionRow, loaded: LoadedActor): LoginResult {
  const stage = effectiveStage(session, loaded);
  return {
    stage,
    csrfToken: session.csrfToken,
    user: stage === 'totp' ? null : presentMe(loaded),
    expiresAt: sessionExpiry(deps, session).toISOString(),
  };
}

export function sessionExpiry(deps: Deps, s: Pick<SessionRow, 'lastSeenAt' | 'expiresAt'>): Date {
  const idle = new Date(s.lastSeenAt).getTime() + deps.config.session.idleMinutes * 60_000;
  return new Date(Math.min(idle, new Date(s.expiresAt).getTime()));
}

// ---- throttling ---------------------------------------------------------------------------

async function assertNotLocked(deps: Deps, key: string) {
  const t = await authRepo.findThrottle(deps.db, key);
  const now = deps.now();
  if (t?.lockedUntil && new Date(t.lockedUntil) > now) {
    const seconds = Math.ceil((new Date(t.lockedUntil).getTime() - now.getTime()) / 1000);
    throw new AppError('auth.locked', 429, 'Too many failed attempts; try again later', undefined, {
      'retry-after': String(seconds),
    });
  }
}

/** Counts a failure; after maxFailures in a row the key is locked, each lockout twice as long (max 24 h). */
async function recordFailure(deps: Deps, ex: Executor, key: string) {
  const t = await authRepo.findThrottle(ex, key);
  const now = deps.now();
  let failures = (t?.failures ?? 0) + 1;
  let lockouts = t?.lockouts ?? 0;
  let lockedUntil: string | null = null;
  if (failures >= deps.config.login.maxFailures) {
    const minutes = Math.min(deps.config.login.lockoutMinutes * 2 ** lockouts, 24 * 60);
    lockedUntil = new Date(now.getTime() + minutes * 60_000).toISOString();
    lockouts++;
    failures = 0;
  }
  await authRepo.upsertThrottle(ex, { key, failures, lockouts, lockedUntil, updatedAt: now.toISOString() });
}

// ---- sessions -----------------------------------------------------------------------------

async function openSession(
  deps: Deps,
  ex: Executor,
  user: UserRow,
  stage: SessionStage,
  meta: { ip?: string; userAgent?: string },
) {
  const cookie = randomToken(32);
  const at = deps.now();
  const row: SessionRow = {
    id: sha256(cookie),
    userId: user.id,
    csrfToken: randomToken(24),
    stage,
    createdAt: at.toISOString(),
    lastSeenAt: at.toISOString(),
    expiresAt: new Date(at.getTime() + deps.config.session.absoluteHours * 3_600_000).toISOString(),
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  };
  await authRepo.insertSession(ex, row);
  return { cookie, row };
}

export async function login(
  deps: UserDeps,
  ctx: RequestContext,
  input: { email: string; password: string },
  meta: { ip?: string; userAgent?: string },
): Promise<IssuedSession> {
  const key = loginKeyOf(deps, input.email);
  await assertNotLocked(deps, key);
  const user = await findUserByEmail(deps.db, input.email);
  let ok = false;
  if (user && user.status === 'active') ok = await deps.passwords.verify(user.passwordHash, input.password);
  else await deps.passwords.verifyDummy(input.password);

  if (!ok) {
    await deps.db.transaction().execute(async (trx) => {
      await recordFailure(deps, trx, key);
      await appendAudit(trx, deps, ctx, {
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user?.id ?? null,
        meta: { ip: meta.ip ?? null },
      });
    });
    throw invalidCredentials();
  }
  const u = user!;
  return deps.db.transaction().execute(async (trx) => {
    const loaded = (await loadActor(trx, u.id, 'session'))!;
    const stage: SessionStage =
      u.totpEnabled === 1 ? 'totp' : loaded.totpRequired ? 'totp_enrol' : 'complete';
    await authRepo.clearThrottle(trx, key);
    const { cookie, row } = await openSession(deps, trx, u, stage, meta);
    await recordLogin(trx, u.id, row.createdAt);
    await appendAudit(
      trx,
      deps,
      { ...ctx, actor: loaded.actor },
      { action: 'auth.login', entityType: 'user', entityId: u.id, meta: { stage, ip: meta.ip ?? null } },
    );
    loaded.user = { ...loaded.user, lastLoginAt: row.createdAt };
    return { cookie, result: sessionResult(deps, row, loaded) };
  });
}

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
  const key = deps.keyring.lookupHash('totp', user.id);
  await assertNotLocked(deps, key);
  const secret = user.totpSecretEnc ? deps.keyring.decrypt(user.totpSecretEnc, `totp:${user.id}`) : null;
  if (!secret || !checkTotp(secret, code, deps.now())) {
    await deps.db.transaction().execute(async (trx) => {
      await recordFailure(deps, trx, key);
      await appendAudit(trx, deps, ctx, {
        action: 'auth.totp_failed',
        entityType: 'user',
        entityId: user.id,
      });
    });
    throw new AppError('auth.totp_invalid', 401, 'The code is wrong or has expired');
  }
  return deps.db.transaction().execute(async (trx) => {
    await authRepo.clearThrottle(trx, key);
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
  const secret = user.totpSecretEnc ? deps.keyring.decrypt(user.totpSecretEnc, `totp:${userId}`) : null;
  if (!secret) throw new AppError('auth.totp_not_enabled', 400, 'Start the set-up first');
  if (!checkTotp(secret, code, deps.now()))
    throw new AppError('auth.totp_invalid', 400, 'The code is wrong or has expired', [
      { path: 'body.code', code: 'invalid', message: 'Wrong code' },
    ]);
  return deps.db.transaction().execute(async (trx) => {
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
  const secret = user.totpSecretEnc ? deps.keyring.decrypt(user.totpSecretEnc, `totp:${userId}`) : null;
  if (user.totpEnabled !== 1 || !secret)
    throw new AppError('auth.totp_not_enabled', 400, 'No second factor is enabled');
  if (!checkTotp(secret, code, deps.now()))
    throw new AppError('auth.totp_invalid', 400, 'The code is wrong or has expired', [
      { path: 'body.code', code: 'invalid', message: 'Wrong code' },
    ]);
  await deps.db.transaction().execute(async (trx) => {
    await updateUser(trx, userId, {
      totpEnabled: 0,
      totpSecretEnc: null,
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

export async function logout(deps: Deps, ctx: RequestContext, session: SessionRow) {
  await deps.db.transaction().execute(async (trx) => {
    await authRepo.deleteSession(trx, session.id);
    await appendAudit(trx, deps, ctx, {
      action: 'auth.logout',
      entityType: 'user',
      entityId: session.userId,
    });
  });
}

export async function changePassword(
  deps: UserDeps,
  ctx: RequestContext,
  session: SessionRow | null,
  userId: string,
  input: { currentPassword: string; newPassword: string },
) {
  const user = (await findUserById(deps.db, userId))!;
  if (!(await deps.passwords.verify(user.passwordHash, input.currentPassword))) {
    throw new AppError('auth.invalid_credentials', 400, 'The current password is wrong', [
      { path: 'body.currentPassword', code: 'wrong', message: 'The current password is wrong' },
    ]);
  }
  if (
    input.newPassword === input.currentPassword ||
    input.newPassword.toLowerCase().includes(user.email.split('@')[0]!.toLowerCase())
  ) {
    throw new AppError('auth.password_weak', 400, 'Choose a new password unlike the old one and your email', [
      { path: 'body.newPassword', code: 'weak', message: 'Too close to the old password or your email' },
    ]);
  }
  const passwordHash = await deps.passwords.hash(input.newPassword);
  await deps.db.transaction().execute(async (trx) => {
    await updateUser(trx, userId, {
      passwordHash,
      mustChangePassword: 0,
      updatedAt: deps.now().toISOString(),
    });
    await authRepo.deleteUserSessions(trx, userId, session?.id);
    await appendAudit(trx, deps, ctx, {
      action: 'user.password_change',
      entityType: 'user',
      entityId: userId,
      changes: ['password'],
    });
  });
}

// ---- personal API tokens ------------------------------------------------------------------

const presentToken = (t: {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
}): ApiToken => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.createdAt,
  lastUsedAt: t.lastUsedAt,
  expiresAt: t.expiresAt,
});

export async function createToken(
  deps: Deps,
  ctx: RequestContext,
  userId: string,
  input: { name: string; expiresInDays?: number | undefined },
): Promise<ApiTokenCreated> {
  const token = `${TOKEN_PREFIX}${randomToken(32)}`;
  const at = deps.now();
  const row = {
    id: randomUUID(),
    userId,
    name: input.name,
    tokenHash: sha256(token),
    prefix: token.slice(0, TOKEN_PREFIX.length + 6),
    createdAt: at.toISOString(),
    lastUsedAt: null,
    expiresAt: input.expiresInDays
      ? new Date(at.getTime() + input.expiresInDays * 86_400_000).toISOString()
      : null,
    revokedAt: null,
  };
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('apiTokens').values(row).execute();
    await appendAudit(trx, deps, ctx, {
      action: 'token.create',
      entityType: 'api_token',
      entityId: row.id,
      meta: { userId, name: row.name },
    });
  });
  return { ...presentToken(row), token };
}

export async function listTokens(deps: Deps, userId: string): Promise<ApiToken[]> {
  const rows = await deps.db
    .selectFrom('apiTokens')
    .selectAll()
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null)
    .orderBy('createdAt', 'desc')
    .execute();
  return rows.map(presentToken);
}

export async function revokeToken(deps: Deps, ctx: RequestContext, userId: string, tokenId: string) {
  await deps.db.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable('apiTokens')
      .set({ revokedAt: deps.now().toISOString() })
      .where('id', '=', tokenId)
      .where('userId', '=', userId)
      .where('revokedAt', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw notFound('token.not_found', 'Token');
    await appendAudit(trx, deps, ctx, { action: 'token.revoke', entityType: 'api_token', entityId: tokenId });
  });
}

/** Resolves "Authorization: Bearer siaga_…"; null when unknown, revoked, expired or the user is disabled. */
export async function authenticateToken(deps: Deps, token: string): Promise<LoadedActor | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await authRepo.findTokenByHash(deps.db, sha256(token));
  const now = deps.now();
  if (!row || row.revokedAt || (row.expiresAt && new Date(row.expiresAt) <= now)) return null;
  const loaded = await loadActor(deps.db, row.userId, 'token');
  if (!loaded) return null;
  // Record use at most once a minute: a script polling every second should not write every second.
  if (!row.lastUsedAt || now.getTime() - new Date(row.lastUsedAt).getTime() > 60_000) {
    await authRepo.touchToken(deps.db, row.id, now.toISOString());
  }
  return loaded;
}

/** Resolves the session cookie; expired sessions (idle or absolute) are deleted and count as none. */
export async function authenticateSession(
  deps: Deps,
  cookie: string,
): Promise<{ session: SessionRow; loaded: LoadedActor } | null> {
  const session = await authRepo.findSession(deps.db, sha256(cookie));
  if (!session) return null;
  const now = deps.now();
  if (sessionExpiry(deps, session) <= now) {
    await authRepo.deleteSession(deps.db, session.id);
    return null;
  }
  const loaded = await loadActor(deps.db, session.userId, 'session');
  if (!loaded) return null;
  if (now.getTime() - new Date(session.lastSeenAt).getTime() > 30_000) {
    await authRepo.touchSession(deps.db, session.id, now.toISOString());
    session.lastSeenAt = now.toISOString();
  }
  return { session, loaded };
}

/** The current session as the console sees it (GET /auth/me). */
export function sessionResultFor(
  deps: Deps,
  req: { session: SessionRow | null; loaded: LoadedActor | null },
): LoginResult {
  if (!req.session || !req.loaded) throw new AppError('auth.required', 401, 'Sign in first');
  return sessionResult(deps, req.session, req.loaded);
}

/** Deletes sessions past their idle or absolute limit; run periodically by the worker. */
export async function purgeExpiredSessions(deps: Deps): Promise<number> {
  const now = deps.now();
  const idleBefore = new Date(now.getTime() - deps.config.session.idleMinutes * 60_000).toISOString();
  const res = await authRepo.deleteExpiredSessions(deps.db, now.toISOString(), idleBefore);
  return res.reduce((n, r) => n + Number(r.numDeletedRows), 0);
}
