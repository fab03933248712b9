// Turns API and validation errors into translated text: the message for the whole form,
// keyed by the stable error code, and per-field messages keyed by details[].path.
import type { ErrorDetail } from '@siaga/contracts';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZodType } from 'zod';
import { ApiError } from '../api/client';

export type FieldErrors = Record<string, string>;

/** A form checked against its contract: the data to send, or the messages for the fields at fault. */
export type Checked<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** "body.countries.0" → "countries": fields are named after the first segment of the body. */
function fieldOf(path: string): string {
  const parts = path.split('.');
  const start = parts[0] === 'body' || parts[0] === 'query' || parts[0] === 'params' ? 1 : 0;
  return parts[start] ?? path;
}

export function useErrorText() {
  const { t, i18n } = useTranslation();

  const message = useCallback(
    (err: unknown): string => {
      if (err instanceof ApiError) {
        const key = `errors.${err.code}`;
        if (i18n.exists(key)) return t(key);
        return err.message || t('errors.unknown');
      }
      return t('errors.unknown');
    },
    [t, i18n],
  );

  const detail = useCallback(
    (d: ErrorDetail): string => {
      const field = fieldOf(d.path);
      for (const key of [`fieldErrors.${field}_${d.code}`, `fieldErrors.${d.code}`]) {
        if (i18n.exists(key)) return t(key);
      }
      return d.message;
    },
    [t, i18n],
  );

  const fields = useCallback(
    (err: unknown): FieldErrors => {
      const out: FieldErrors = {};
      if (err instanceof ApiError) {
        for (const d of err.details) out[fieldOf(d.path)] ??= detail(d);
      }
      return out;
    },
    [detail],
  );

  /** Checks a form against the contract schema the server will apply, with the same paths. */
  const validate = useCallback(
    <T>(schema: ZodType<T>, value: unknown): Checked<T> => {
      const result = schema.safeParse(value);
      if (result.success) return { ok: true, data: result.data };
      const errors: FieldErrors = {};
      for (const issue of result.error.issues) {
        const path = ['body', ...issue.path.map(String)].join('.');
        errors[fieldOf(path)] ??= detail({ path, code: issue.code, message: issue.message });
      }
      return { ok: false, errors };
    },
    [detail],
  );

  return { message, fields, validate };
}
