// Staff account administration: create, edit, disable, reset passwords, and per-role settings.
import { randomUUID } from 'node:crypto';
import type { Role, RoleSetting, User, UserCreate, UserCreated, UserUpdate } from '@siaga/contracts';
import { AppError, forbidden, invalid, notFound, staleVersion } from '../../errors';
import { isUniqueViolation, type Executor } from '../../db/client';
import { revokeAllTokens } from '../auth/tokens.service';
import type { UserRow } from '../../db/schema';
import { appendAudit, changedFields } from '../../platform/audit/audit';
import type { Deps, RequestContext } from '../../platform/context';
import { deleteUserSessions, clearThrottle } from '../../platform/auth/auth.repo';
import { generateOneTimePassword, type PasswordHasher } from '../../platform/auth/passwords';
import { enqueue } from '../../platform/outbox/outbox';
import { MAIL_SEND } from '../../platform/mail';
import { decodeCursor, page } from '../../platform/pagination';
import { findMissionsByCodes } from '../missions/missions.repo';
import * as repo from './users.repo';
import { canUsers } from './users.policy';
import { presentUser } from './users.presenter';

export interface UserDeps extends Deps {
  passwords: PasswordHasher;
}

export const loginKeyOf = (deps: Pick<Deps, 'keyring'>, email: string) =>
  deps.keyring.lookupHash('login', email.toLowerCase());

async function resolveMissions(ex: Executor, codes: string[]) {
  const found = await findMissionsByCodes(ex, codes);
  const missing = codes.filter((c) => !found.some((m) => m.code === c));
  if (missing.length)
    throw invalid('body.missionCodes', 'unknown_mission', `Unknown mission: ${missing.join(', ')}`);
  return found.map((m) => m.id);
}

/** Role rules: mission officers need a mission, partners a partner organisation, others neither. */
async function checkRoleShape(
  ex: Executor,
  role: Role,
  missionCodes: string[],
  organisationId: string | null,
) {
  if (role === 'mission_officer' && missionCodes.length === 0) {
    throw new AppError('user.mission_required', 400, 'A mission officer needs at least one mission', [
      { path: 'body.missionCodes', code: 'required', message: 'Choose at least one mission' },
    ]);
  }
  if (role !== 'mission_officer' && missionCodes.length > 0) {
    throw invalid('body.missionCodes', 'not_allowed', 'Only mission officers are attached to missions');
  }
  if (role === 'partner') {
    const org = organisationId
      ? await ex
          .selectFrom('organisations')
          .select('kind')
          .where('id', '=', organisationId)
          .executeTakeFirst()
      : undefined;
    if (!org || org.kind !== 'partner') {
      throw new AppError(
        'user.organisation_required',
        400,
        'A partner user belongs to a partner organisation',
        [{ path: 'body.organisationId', code: 'required', message: 'Choose a partner organisation' }],
      );
    }
  } else if (organisationId) {
    throw invalid(
      'body.organisationId',
      'not_allowed',
      'Only partner users belong to a partner organisation',
    );
  }
}

async function present(deps: Deps, ex: Executor, rows: UserRow[]): Promise<User[]> {
  const missions = await repo.missionsOfUsers(
    ex,
    rows.map((r) => r.id),
  );
  const locks = await repo.lockoutsOf(
    ex,
    rows.map((r) => r.loginKey),
    deps.now().toISOString(),
  );
  return rows.map((r) =>
    presentUser(
      r,
      (missions.get(r.id) ?? []).map((m) => m.code),
      locks.get(r.loginKey) ?? null,
    ),
  );
}

const emailTaken = () =>
  new AppError('user.email_taken', 409, 'An account with this email already exists', [
    { path: 'body.email', code: 'taken', message: 'This email already has an account' },
  ]);

export async function createUser(
  deps: UserDeps,
  ctx: RequestContext,
  input: UserCreate,
): Promise<UserCreated> {
  if (!canUsers(ctx, 'create')) throw forbidden();
  const oneTime = input.password ? null : generateOneTimePassword();
  const passwordHash = await deps.passwords.hash(input.password ?? oneTime!);
  const at = deps.now().toISOString();
  const user = await deps.db
    .transaction()
    .execute(async (trx) => {
      if (await repo.findUserByEmail(trx, input.email)) throw emailTaken();
      await checkRoleShape(trx, input.role, input.missionCodes, input.organisationId ?? null);
      const missionIds = await resolveMissions(trx, input.missionCodes);
      const row: UserRow = {
        id: randomUUID(),
        email: input.email,
        displayName: input.displayName,
        passwordHash,
        role: input.role,
        organisationId: input.organisationId ?? null,
        locale: input.locale,
        status: 'active',
        totpSecretEnc: null,
        totpEnabled: 0,
        totpLastStep: null,
        // Whoever set or received this password is not its owner: it must be replaced at first sign-in.
        // Operators creating their own account from the command line keep the one they chose.
        mustChangePassword: ctx.actor.kind === 'user' || oneTime ? 1 : 0,
        loginKey: loginKeyOf(deps, input.email),
        lastLoginAt: null,
        version: 1,
        createdAt: at,
        updatedAt: at,
      };
      await repo.insertUser(trx, row);
      await repo.setUserMissions(trx, row.id, missionIds);
      await appendAudit(trx, deps, ctx, {
        action: 'user.create',
        entityType: 'user',
        entityId: row.id,
        meta: { role: row.role },
      });
      return (await present(deps, trx, [row]))[0]!;
    })
    // Two administrators creating the same account at once: the loser gets the same 409.
    .catch((err: unknown) => {
      throw isUniqueViolation(err) ? emailTaken() : err;
    });
  return { user, oneTimePassword: oneTime };
}

async function getVisibleUser(deps: Deps, ex: Executor, ctx: RequestContext, id: string) {
  const row = await repo.findUserById(ex, id);
  if (!row || !canUsers(ctx, 'read')) throw notFound('user.not_found', 'User');
  return row;
}

export async function getUser(deps: Deps, ctx: RequestContext, id: string): Promise<User> {
  const row = await getVisibleUser(deps, deps.db, ctx, id);
  return (await present(deps, deps.db, [row]))[0]!;
}

export async function findUserByEmailForSystem(deps: Deps, email: string) {
  return repo.findUserByEmail(deps.db, email.toLowerCase());
}

export async function listUsers(
  deps: Deps,
  ctx: RequestContext,
  q: {
    limit: number;
    cursor?: string | undefined;
    role?: Role | undefined;
    mission?: string | undefined;
    q?: string | undefined;
  },
) {
  if (!canUsers(ctx, 'list')) throw forbidden();
  const after = decodeCursor(q.cursor, 1);
  let missionId: string | undefined;
  if (q.mission) {
    const [m] = await findMissionsByCodes(deps.db, [q.mission]);
    if (!m) return { items: [], nextCursor: null };
    missionId = m.id;
  }
  const rows = await repo.listUsers(
    deps.db,
    { role: q.role, missionId, q: q.q, afterEmail: after?.[0] as string | undefined },
    q.limit + 1,
  );
  const p = page(rows, q.limit, (r) => [r.email]);
  return { items: await present(deps, deps.db, p.items), nextCursor: p.nextCursor };
}

export async function updateUser(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  patch: UserUpdate,
): Promise<User> {
  if (!canUsers(ctx, 'update')) throw notFound('user.not_found', 'User');
  return deps.db.transaction().execute(async (trx) => {
    const row = await getVisibleUser(deps, trx, ctx, id);
    const self = ctx.actor.kind === 'user' && ctx.actor.userId === id;
    if (self && ((patch.role && patch.role !== row.role) || patch.status === 'disabled')) {
      throw new AppError(
        'user.cannot_change_self',
        400,
        'You cannot change your own role or disable yourself',
      );
    }
    const currentMissions = (await repo.missionsOfUsers(trx, [id])).get(id)?.map((m) => m.code) ?? [];
    const role = patch.role ?? (row.role as Role);
    const missionCodes =
      patch.missionCodes ?? (patch.role && patch.role !== 'mission_officer' ? [] : currentMissions);
    const organisationId =
      patch.organisationId !== undefined
        ? patch.organisationId
        : role === 'partner'
          ? row.organisationId
          : null;
    await checkRoleShape(trx, role, missionCodes, organisationId);
    const missionIds = await resolveMissions(trx, missionCodes);
    const before = { ...row, missionCodes: currentMissions } as Record<string, unknown>;
    const after = {
      displayName: patch.displayName,
      role: patch.role,
      locale: patch.locale,
      status: patch.status,
      organisationId,
      missionCodes,
    };
    const changes = changedFields(before, after);
    const set = {
      ...(patch.displayName !== undefined && { displayName: patch.displayName }),
      ...(patch.locale !== undefined && { locale: patch.locale }),
      ...(patch.status !== undefined && { status: patch.status }),
      role,
      organisationId,
      updatedAt: deps.now().toISOString(),
    };
    if (!(await repo.updateUserVersioned(trx, id, patch.version, set))) throw staleVersion();
    await repo.setUserMissions(trx, id, missionIds);
    // A disabled account or a changed role must not keep sessions opened under the old rights.
    if (patch.status === 'disabled' || role !== row.role) await deleteUserSessions(trx, id);
    await appendAudit(trx, deps, ctx, { action: 'user.update', entityType: 'user', entityId: id, changes });
    return (await present(deps, trx, [(await repo.findUserById(trx, id))!]))[0]!;
  });
}

export async function resetPassword(
  deps: UserDeps,
  ctx: RequestContext,
  id: string,
): Promise<{ oneTimePassword: string }> {
  if (!canUsers(ctx, 'reset_password')) throw notFound('user.not_found', 'User');
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await deps.passwords.hash(oneTimePassword);
  await deps.db.transaction().execute(async (trx) => {
    const row = await getVisibleUser(deps, trx, ctx, id);
    await repo.updateUser(trx, id, {
      passwordHash,
      mustChangePassword: 1,
      updatedAt: deps.now().toISOString(),
    });
    // The reset may follow a compromise: nothing opened with the old password survives it.
    await deleteUserSessions(trx, id);
    await revokeAllTokens(trx, id, deps.now().toISOString());
    await clearThrottle(trx, row.loginKey);
    await appendAudit(trx, deps, ctx, { action: 'user.password_reset', entityType: 'user', entityId: id });
    await enqueue(trx, deps, {
      kind: MAIL_SEND,
      payload: {
        to: row.email,
        subject: 'Siaga: your password was reset',
        text: 'An administrator reset your Siaga password. Sign in with the one-time password they give you, then choose a new one.\nIf you did not expect this, call your headquarters crisis centre.',
      },
    });
  });
  return { oneTimePassword };
}

export async function listRoleSettings(deps: Deps, ctx: RequestContext): Promise<RoleSetting[]> {
  if (!canUsers(ctx, 'manage_roles')) throw forbidden();
  const rows = await repo.listRoleSettings(deps.db);
  return rows.map((r) => ({ role: r.role as Role, totpRequired: r.totpRequired === 1 }));
}

export async function setRoleTotpRequired(
  deps: Deps,
  ctx: RequestContext,
  role: Role,
  totpRequired: boolean,
): Promise<RoleSetting> {
  if (!canUsers(ctx, 'manage_roles')) throw forbidden();
  await deps.db.transaction().execute(async (trx) => {
    const before = await repo.findRoleSetting(trx, role);
    await repo.updateRoleSetting(trx, role, totpRequired, deps.now().toISOString());
    if ((before?.totpRequired === 1) !== totpRequired) {
      await appendAudit(trx, deps, ctx, {
        action: 'role.update',
        entityType: 'role',
        entityId: role,
        changes: ['totpRequired'],
        meta: { totpRequired },
      });
    }
  });
  return { role, totpRequired };
}
