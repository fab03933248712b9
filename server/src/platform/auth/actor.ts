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
  const user = await ex.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  if (!user || user.status !== 'active') return null;
  const [missions, setting] = await Promise.all([
    ex
      .selectFrom('userMissions')
      .innerJoin('missions', 'missions.id', 'userMissions.missionId')
      .select(['missions.id', 'missions.code'])
      .where('userMissions.userId', '=', userId)
      .orderBy('missions.code')
      .execute(),
    ex.selectFrom('roleSettings').select('totpRequired').where('role', '=', user.role).executeTakeFirst(),
  ]);
  return {
    user,
    totpRequired: setting?.totpRequired === 1,
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
