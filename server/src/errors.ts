// One error type with a stable dotted code, and the single handler that turns any error into
// the wire shape { error: { code, message, requestId, details } }. A 5xx never leaks internals.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorCode, ErrorDetail } from '@siaga/contracts';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly details?: ErrorDetail[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (code: ErrorCode & `${string}.not_found`, what: string) =>
  new AppError(code, 404, `${what} not found`);
export const forbidden = (message = 'You are not allowed to do this') =>
  new AppError('auth.forbidden', 403, message);
export const invalid = (path: string, code: string, message: string) =>
  new AppError('request.invalid', 400, message, [{ path, code, message }]);
export const staleVersion = () =>
  new AppError(
    'conflict.stale_version',
    409,
    'This record was changed by someone else; reload it and try again',
  );

function toAppError(err: FastifyError | Error): AppError {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = (err as FastifyError).validationContext ?? 'body';
    const details = err.validation.flatMap((v) => {
      const at = [where, ...v.instancePath.split('/').filter(Boolean)];
      // zod reports unknown keys on the object holding them; name each key as the field at fault.
      const keys = (v.params as { keys?: unknown }).keys;
      if (v.keyword === 'unrecognized_keys' && Array.isArray(keys) && keys.length) {
        return keys.map((k) => ({
          path: [...at, String(k)].join('.'),
          code: 'unknown_field',
          message: `Unknown field "${String(k)}"`,
        }));
      }
      return [{ path: at.join('.'), code: v.keyword, message: v.message ?? 'Invalid value' }];
    });
    return new AppError(
      'request.invalid',
      400,
      `Invalid ${where}: ${details[0]?.path} ${details[0]?.message}`,
      details,
    );
  }
  const code = (err as FastifyError).code;
  switch (code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('request.malformed_json', 400, 'The request body is not valid JSON', [
        { path: 'body', code: 'malformed_json', message: err.message },
      ]);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('request.too_large', 400, 'The request body is too large', [
        { path: 'body', code: 'too_large', message: err.message },
      ]);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError(
        'request.unsupported_media_type',
        415,
        'Send JSON (content-type: application/json)',
      );
    case 'FST_ERR_NOT_FOUND':
      return new AppError('request.not_found', 404, 'No such route');
  }
  const status = (err as FastifyError).statusCode;
  if (status === 429) return new AppError('request.rate_limited', 429, 'Too many requests; slow down');
  if (err instanceof SyntaxError && status === 400) {
    return new AppError('request.malformed_json', 400, 'The request body is not valid JSON', [
      { path: 'body', code: 'malformed_json', message: err.message },
    ]);
  }
  if (status && status >= 400 && status < 500) {
    return new AppError('request.invalid', status, err.message);
  }
  return new AppError(
    'internal.error',
    500,
    'Something went wrong on our side; the request id identifies it',
  );
}

export function errorHandler(err: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  const appErr = toAppError(err);
  if (appErr.status >= 500) request.log.error({ err }, 'request failed');
  else request.log.info({ code: appErr.code, status: appErr.status }, 'request rejected');
  if (appErr.headers) void reply.headers(appErr.headers);
  return reply.status(appErr.status).send({
    error: {
      code: appErr.code,
      message: appErr.message,
      requestId: String(request.id),
      ...(appErr.details ? { details: appErr.details } : {}),
    },
  });
}
