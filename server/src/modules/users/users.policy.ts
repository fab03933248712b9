// Staff accounts and role settings are managed by headquarters administrators only.
// To anyone else a user record does not exist (404) and the collection is forbidden (403).
import type { RequestContext } from '../../platform/context';
import { allowed, isAdmin } from '../../platform/policy';

export type UserAction = 'list' | 'read' | 'create' | 'update' | 'reset_password' | 'manage_roles';

export function canUsers(ctx: RequestContext, _action: UserAction): boolean {
  return allowed(ctx, isAdmin);
}
