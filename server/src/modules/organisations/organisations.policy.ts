// Staff may read the organisation directory; a partner sees only its own organisation (others
// do not exist for it). Only headquarters administrators create or edit organisations.
import type { RequestContext } from '../../platform/context';
import { allowed, isAdmin } from '../../platform/policy';

export function canReadOrganisation(ctx: RequestContext, organisationId: string): boolean {
  return allowed(ctx, (a) => a.role !== 'partner' || a.organisationId === organisationId);
}

/** For lists: the only organisation a partner may see, or undefined for "all". */
export function organisationScope(ctx: RequestContext): string | undefined {
  return ctx.actor.kind === 'user' && ctx.actor.role === 'partner'
    ? (ctx.actor.organisationId ?? 'none')
    : undefined;
}

export const canWriteOrganisations = (ctx: RequestContext) => allowed(ctx, isAdmin);
