// Who may do what with the registry. Headquarters officers and administrators work on everyone;
// a mission officer on the people their missions are responsible for; a viewer reads, without
// sensitive fields, contact details or exports; partners see no one here (they receive referrals). Anything else is denied, and a person outside the caller's
// scope is answered exactly like a missing one.
import type { Actor, RequestContext } from '../../platform/context';
import { allowed } from '../../platform/policy';

export type PeopleAction = 'read' | 'write' | 'erase' | 'reveal' | 'export' | 'import';

const RULES: Record<PeopleAction, readonly Actor['role'][]> = {
  read: ['hq_admin', 'hq_officer', 'mission_officer', 'viewer'],
  write: ['hq_admin', 'hq_officer', 'mission_officer'],
  erase: ['hq_admin', 'hq_officer', 'mission_officer'],
  reveal: ['hq_admin', 'hq_officer', 'mission_officer'],
  export: ['hq_admin', 'hq_officer', 'mission_officer'],
  import: ['hq_admin', 'hq_officer', 'mission_officer'],
};

export function canPeople(ctx: RequestContext, action: PeopleAction): boolean {
  return allowed(ctx, (a) => RULES[action].includes(a.role));
}

/**
 * The missions whose people the caller may see: null for everyone (headquarters, the system),
 * or a list of mission ids (empty: nobody).
 */
export function missionScope(ctx: RequestContext): string[] | null {
  const a = ctx.actor;
  if (a.kind === 'system') return null;
  if (a.kind !== 'user') return [];
  return a.role === 'mission_officer' ? a.missionIds : null;
}

/** Whether a person is within the caller's scope: their responsible mission is one of the caller's. */
export function inScope(ctx: RequestContext, p: { missionId: string | null }) {
  const scope = missionScope(ctx);
  return scope === null || (p.missionId !== null && scope.includes(p.missionId));
}
