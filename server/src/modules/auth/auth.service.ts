// Signing in and out, browser sessions and password changes. Failed sign-ins are throttled per
// email whether or not an account exists, so the answers (and lockouts) for unknown and known
// emails are the same. The second factor is in totp.service.ts, API tokens in tokens.service.ts.
import type { LoginResult, Me, SessionStage } from '@siaga/contracts';
import { AppError } from '../../errors';
import type { Executor } from '../../db/client';
import type { SessionRow, UserRow } from '../../db/schema';
import { appendAudit } from '../../platform/audit/audit';
import * as authRepo from '../../platform/auth/auth.repo';
import { loadActor, type LoadedActor } from '../../platform/auth/actor';
import type { Deps, RequestContext } from '../../platform/context';
import { randomToken, sha256 } from '../../platform/crypto';
import { findUserByEmail, findUserById, recordLogin, updateUser } from '../users/users.repo';
import {
  MAX_LOCKOUT_MINUTES,
  assertNotLocked,
  clearFailures,
  passwordThrottleKey,
  recordFailure,
} from './throttle';
import { loginKeyOf, type UserDeps } from '../users/users.service';

export const SESSION_COOKIE = 'siaga_session';

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
    await clearFailures(trx, key);
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
  // Someone holding an unattended session must not be able to guess the password at leisure.
  const key = passwordThrottleKey(deps, userId);
  await assertNotLocked(deps, key);
  if (!(await deps.passwords.verify(user.passwordHash, input.currentPassword))) {
    await deps.db.transaction().execute(async (trx) => {
      await recordFailure(deps, trx, key);
      await appendAudit(trx, deps, ctx, {
        action: 'auth.password_failed',
        entityType: 'user',
        entityId: userId,
      });
    });
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
    await clearFailures(trx, key);
    await appendAudit(trx, deps, ctx, {
      action: 'user.password_change',
      entityType: 'user',
      entityId: userId,
      changes: ['password'],
    });
  });
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

// A lockout starts with the failure that last touched its row and never outlasts a day, so a row
// quiet for a day holds no lockout still running.
const THROTTLE_MEMORY_MS = MAX_LOCKOUT_MINUTES * 60_000;

/**
 * Periodic clean-up, run by every worker: sessions past their idle or absolute limit, and failure
 * counts quiet for a day (sign-in attempts on made-up emails would otherwise pile up for ever).
 */
export async function purgeExpiredAuthState(deps: Deps): Promise<{ sessions: number; throttles: number }> {
  const now = deps.now();
  const idleBefore = new Date(now.getTime() - deps.config.session.idleMinutes * 60_000).toISOString();
  const sessions = await authRepo.deleteExpiredSessions(deps.db, now.toISOString(), idleBefore);
  const quietBefore = new Date(now.getTime() - THROTTLE_MEMORY_MS).toISOString();
  const throttles = await authRepo.deleteQuietThrottles(deps.db, quietBefore);
  return {
    sessions: sessions.reduce((n, r) => n + Number(r.numDeletedRows), 0),
    throttles: Number(throttles.numDeletedRows),
  };
}
