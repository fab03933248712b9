// Loads the acting user with their missions and whether their role demands a second factor.
import type { Role } from '@siaga/contracts';
import type { Executor } from '../../db/client';
import type { UserRow } from '../../db/schema';
import type { Actor } from '../context';

export interface LoadedActor {
  user: UserRow;
  actor: Actor;
  totpRequired: boolean;
}

export async function loadActor(
  ex: Executor,
  userId: string,
  via: Actor['via'],
): Promise<LoadedActor | null> {
  // Two queries per request: the user with their role's settings, then their missions.
  const found = await ex
    .selectFrom('users')
    .leftJoin('roleSettings', 'roleSettings.role', 'users.role')
    .selectAll('users')
    .select('roleSettings.totpRequired as roleTotpRequired')
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (!found || found.status !== 'active') return null;
  const { roleTotpRequired, ...user } = found;
  const missions = await ex
    .selectFrom('userMissions')
    .innerJoin('missions', 'missions.id', 'userMissions.missionId')
    .select(['missions.id', 'missions.code'])
    .where('userMissions.userId', '=', userId)
    .orderBy('missions.code')
    .execute();
  return {
    user,
    totpRequired: roleTotpRequired === 1,
    actor: {
      kind: 'user',
      userId: user.id,
      email: user.email,
      role: user.role as Role,
      missionIds: missions.map((m) => m.id),
      missionCodes: missions.map((m) => m.code),
      organisationId: user.organisationId,
      via,
    },
  };
}
