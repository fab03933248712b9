// Stable, dotted error codes. Clients branch on these, never on messages.
import { z } from 'zod';

export const ERROR_CODES = [
  'request.invalid',
  'request.malformed_json',
  'request.too_large',
  'request.unsupported_media_type',
  'request.rate_limited',
  'request.not_found',
  'auth.required',
  'auth.invalid_credentials',
  'auth.locked',
  'auth.totp_required',
  'auth.totp_enrolment_required',
  'auth.totp_invalid',
  'auth.totp_not_enabled',
  'auth.csrf_invalid',
  'auth.password_change_required',
  'auth.password_weak',
  'auth.forbidden',
  'user.not_found',
  'user.email_taken',
  'user.mission_required',
  'user.organisation_required',
  'user.cannot_change_self',
  'token.not_found',
  'mission.not_found',
  'mission.code_taken',
  'organisation.not_found',
  'organisation.name_taken',
  'outbox.not_dead',
  'person.not_found',
  'person.duplicate_document',
  'person.mission_not_allowed',
  'household.not_found',
  'import.not_found',
  'import.unreadable',
  'registration.code_invalid',
  'registration.expired',
  'registration.link_invalid',
  'crisis.not_found',
  'crisis.area_invalid',
  'crisis.country_not_in_crisis',
  'hazard.not_found',
  'hazard.already_promoted',
  'feed.not_found',
  'feed.url_taken',
  'feed.document_rejected',
  'geo.not_found',
  'conflict.stale_version',
  'internal.error',
  'service.unavailable',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorDetail = z.object({
  path: z.string().describe('Dotted path of the field at fault, e.g. body.email'),
  code: z.string(),
  message: z.string(),
});
export type ErrorDetail = z.infer<typeof ErrorDetail>;

export const ErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string(),
    details: z.array(ErrorDetail).optional(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;
