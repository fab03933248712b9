// Roles of staff users. Scoping rules live in each server module's policy.
import { z } from 'zod';

export const ROLES = ['hq_admin', 'hq_officer', 'mission_officer', 'partner', 'viewer'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const RoleSetting = z.object({ role: Role, totpRequired: z.boolean() });
export type RoleSetting = z.infer<typeof RoleSetting>;
export const RoleSettingUpdate = z.strictObject({ totpRequired: z.boolean() });
export const RoleParams = z.strictObject({ role: Role });
