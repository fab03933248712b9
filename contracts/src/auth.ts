// Login, second factor, sessions and personal API tokens.
import { z } from 'zod';
import { IsoDateTime, Id } from './common';
import { Role } from './roles';

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'A valid email address' }));

export const Password = z.string().min(1).max(1024);
export const NewPassword = z
  .string()
  .min(12, 'At least 12 characters')
  .max(1024)
  .describe('At least 12 characters');

export const LoginBody = z.strictObject({ email: Email, password: Password });
export type LoginBody = z.infer<typeof LoginBody>;

export const TotpCode = z.string().regex(/^\d{6}$/, 'Six digits');
export const TotpBody = z.strictObject({ code: TotpCode });

/** What the console needs to know about the signed-in user. */
export const Me = z.object({
  id: Id,
  email: z.string(),
  displayName: z.string(),
  role: Role,
  missionCodes: z.array(z.string()),
  organisationId: Id.nullable(),
  locale: z.enum(['id', 'en']),
  totpEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof Me>;

/**
 * stage "complete": fully signed in. "totp": a code is needed. "totp_enrol": the role requires
 * a second factor the user has not set up yet; only enrolment endpoints answer.
 */
export const SessionStage = z.enum(['complete', 'totp', 'totp_enrol']);
export type SessionStage = z.infer<typeof SessionStage>;

export const LoginResult = z.object({
  stage: SessionStage,
  csrfToken: z.string(),
  user: Me.nullable(),
  expiresAt: IsoDateTime,
});
export type LoginResult = z.infer<typeof LoginResult>;

export const TotpSetup = z.object({ secret: z.string(), otpauthUrl: z.string() });
export type TotpSetup = z.infer<typeof TotpSetup>;

export const PasswordChangeBody = z.strictObject({ currentPassword: Password, newPassword: NewPassword });

export const TokenCreateBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(366).optional(),
});
export const ApiToken = z.object({
  id: Id,
  name: z.string(),
  prefix: z.string(),
  createdAt: IsoDateTime,
  lastUsedAt: IsoDateTime.nullable(),
  expiresAt: IsoDateTime.nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;
export const ApiTokenCreated = ApiToken.extend({ token: z.string().describe('Shown once; store it now') });
export type ApiTokenCreated = z.infer<typeof ApiTokenCreated>;
