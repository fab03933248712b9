// Helpers shared by the per-module policies. Every module decides in its own *.policy.ts;
// anything not allowed there is denied.
import type { Role } from '@siaga/contracts';
import type { Actor, RequestContext } from './context';

export const HQ_ROLES: readonly Role[] = ['hq_admin', 'hq_officer'];
export const isHq = (a: Actor) => HQ_ROLES.includes(a.role);
export const isAdmin = (a: Actor) => a.role === 'hq_admin';
export const coversMission = (a: Actor, missionId: string) => isHq(a) || a.missionIds.includes(missionId);

/** The system (CLI, worker) may do anything; users are checked by the module's rule; anonymous callers nothing. */
export function allowed(ctx: RequestContext, rule: (a: Actor) => boolean): boolean {
  if (ctx.actor.kind === 'system') return true;
  return ctx.actor.kind === 'user' && rule(ctx.actor);
}
