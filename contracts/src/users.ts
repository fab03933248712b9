// Staff accounts managed by headquarters administrators.
import { z } from 'zod';
import { Email, NewPassword } from './auth';
import { Id, IsoDateTime, Version } from './common';
import { MissionCode } from './missions';
import { Role } from './roles';

export const USER_STATUSES = ['active', 'disabled'] as const;
export const UserStatus = z.enum(USER_STATUSES);
export const Locale = z.enum(['id', 'en']);

export const UserCreate = z.strictObject({
  email: Email,
  displayName: z.string().trim().min(1).max(120),
  role: Role,
  missionCodes: z.array(MissionCode).max(20).default([]),
  organisationId: Id.optional(),
  locale: Locale.default('id'),
  password: NewPassword.optional().describe('Omit to have a one-time password generated'),
});
export type UserCreate = z.infer<typeof UserCreate>;

export const UserUpdate = z.strictObject({
  version: Version,
  displayName: z.string().trim().min(1).max(120).optional(),
  role: Role.optional(),
  missionCodes: z.array(MissionCode).max(20).optional(),
  organisationId: Id.nullable().optional(),
  locale: Locale.optional(),
  status: UserStatus.optional(),
});
export type UserUpdate = z.infer<typeof UserUpdate>;

export const User = z.object({
  id: Id,
  email: z.string(),
  displayName: z.string(),
  role: Role,
  missionCodes: z.array(z.string()),
  organisationId: Id.nullable(),
  locale: Locale,
  status: UserStatus,
  totpEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: IsoDateTime.nullable(),
  lastLoginAt: IsoDateTime.nullable(),
  version: z.number().int(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type User = z.infer<typeof User>;

export const UserCreated = z.object({
  user: User,
  oneTimePassword: z.string().nullable().describe('Shown once when Siaga generated the password'),
});
export type UserCreated = z.infer<typeof UserCreated>;

export const PasswordResetResult = z.object({ oneTimePassword: z.string() });

export const UserListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
  role: Role.optional(),
  mission: MissionCode.optional(),
  q: z.string().trim().max(100).optional(),
});
