// Missions are a directory every staff role may read: names, hotlines and addresses are public
// consular information. Headquarters administrators create and edit any mission; a mission officer
// may keep their own mission's contact details (hotline, email, address) up to date.
import type { MissionUpdate } from '@siaga/contracts';
import type { RequestContext } from '../../platform/context';
import { allowed, isAdmin } from '../../platform/policy';

export const MISSION_CONTACT_FIELDS = ['hotline', 'email', 'address'] as const;

export function canMissions(ctx: RequestContext, action: 'list' | 'read' | 'create'): boolean {
  if (action === 'create') return allowed(ctx, isAdmin);
  return allowed(ctx, () => true);
}

export function canUpdateMission(ctx: RequestContext, missionId: string, patch: MissionUpdate): boolean {
  return allowed(ctx, (a) => {
    if (isAdmin(a)) return true;
    if (a.role !== 'mission_officer' || !a.missionIds.includes(missionId)) return false;
    const fields = Object.keys(patch).filter(
      (k) => k !== 'version' && patch[k as keyof MissionUpdate] !== undefined,
    );
    return fields.every((f) => (MISSION_CONTACT_FIELDS as readonly string[]).includes(f));
  });
}
