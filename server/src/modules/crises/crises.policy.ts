// Who may do what with crises. Headquarters declares and runs crises anywhere; a mission officer
// reads the crises concerning their missions and may declare one, set alert levels and write
// the timeline there; viewers read; partners are not told of crises here. Headquarters chooses
// the feeds that are polled. A crisis outside the
// caller's scope answers exactly like a missing one.
import type { RequestContext } from '../../platform/context';
import { allowed } from '../../platform/policy';

export type CrisisAction = 'read' | 'declare' | 'update' | 'note' | 'feeds';

const RULES: Record<CrisisAction, readonly string[]> = {
  read: ['hq_admin', 'hq_officer', 'mission_officer', 'viewer'],
  declare: ['hq_admin', 'hq_officer', 'mission_officer'],
  update: ['hq_admin', 'hq_officer', 'mission_officer'],
  note: ['hq_admin', 'hq_officer', 'mission_officer'],
  // Which feeds the whole ministry polls is headquarters' choice; anyone who may declare a
  // crisis may bring in a feed file by hand.
  feeds: ['hq_admin', 'hq_officer'],
};

export function canCrises(ctx: RequestContext, action: CrisisAction): boolean {
  return allowed(ctx, (a) => RULES[action].includes(a.role));
}

/** The missions whose crises the caller sees: null for all. */
export function crisisScope(ctx: RequestContext): string[] | null {
  const a = ctx.actor;
  if (a.kind === 'system') return null;
  if (a.kind !== 'user') return [];
  return a.role === 'mission_officer' ? a.missionIds : null;
}

/** Whether a crisis concerning `missionIds` is within the caller's scope. */
export function crisisInScope(ctx: RequestContext, missionIds: string[]): boolean {
  const scope = crisisScope(ctx);
  return scope === null || missionIds.some((m) => scope.includes(m));
}
