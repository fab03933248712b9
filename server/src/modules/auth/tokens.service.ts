// Personal API tokens for scripts: shown once, stored only as a SHA-256 hash, revocable, optionally
// expiring. A token acts with its owner's current role and scope.
import { randomUUID } from 'node:crypto';
import type { ApiToken, ApiTokenCreated } from '@siaga/contracts';
import { notFound } from '../../errors';
import type { Executor } from '../../db/client';
import { appendAudit } from '../../platform/audit/audit';
import * as authRepo from '../../platform/auth/auth.repo';
import { loadActor, type LoadedActor } from '../../platform/auth/actor';
import type { Deps, RequestContext } from '../../platform/context';
import { randomToken, sha256 } from '../../platform/crypto';

const TOKEN_PREFIX = 'siaga_';

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

/** Revokes every live token of a user, e.g. when an administrator resets their password. */
export async function revokeAllTokens(ex: Executor, userId: string, at: string): Promise<number> {
  const res = await ex
    .updateTable('apiTokens')
    .set({ revokedAt: at })
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}
