// Helpers shared by the per-module policies. Every module decides in its own *.policy.ts;
// anything not allowed there is denied.
import type { Actor, RequestContext } from './context';

export const isAdmin = (a: Actor) => a.role === 'hq_admin';

/** The system (CLI, worker) may do anything; users are checked by the module's rule; anonymous callers nothing. */
export function allowed(ctx: RequestContext, rule: (a: Actor) => boolean): boolean {
  if (ctx.actor.kind === 'system') return true;
  return ctx.actor.kind === 'user' && rule(ctx.actor);
}
