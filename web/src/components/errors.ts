// Turns API and validation errors into translated text: the message for the whole form, keyed by
// the stable error code, and per-field messages keyed by the path of details[] without its
// "body." ("email", "countries.0", "contacts.0.value"). An input named after a whole path shows
// its own message; one that edits a whole list or object gathers those inside it with errorAt.
import type { ErrorDetail } from '@siaga/contracts';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZodType } from 'zod';
import { ApiError } from '../api/client';

export type FieldErrors = Record<string, string>;

/** A form checked against its contract: the data to send, or the messages for the fields at fault. */
export type Checked<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** "body.contacts.0.value" → "contacts.0.value": the path inside the body, query or parameters. */
export const pathOf = (path: string) => path.replace(/^(body|query|params)(\.|$)/, '');

/** The named segments: "contacts.0.value" → ["contacts", "value"]. */
const namesOf = (path: string) => path.split('.').filter((s) => s !== '' && !/^\d+$/.test(s));

/**
 * The message for the input named `field`: its own, or else the first one for anything inside it
 * ("countries.0" for the input holding all the countries).
 */
export function errorAt(errors: FieldErrors, field: string): string | undefined {
  return errors[field] ?? Object.entries(errors).find(([path]) => path.startsWith(`${field}.`))?.[1];
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
      // Most specific first: the whole path ("household_id_not_found"), the field the input is
      // named after ("countries_too_small"), the innermost name ("number_too_small"), the code.
      const names = namesOf(pathOf(d.path));
      const prefixes = [names.join('_'), names[0], names[names.length - 1]].filter(Boolean);
      const keys = new Set([...prefixes.map((p) => `fieldErrors.${p}_${d.code}`), `fieldErrors.${d.code}`]);
      for (const key of keys) {
        if (i18n.exists(key)) return t(key);
      }
      return d.message;
    },
    [t, i18n],
  );

  /** The messages of a failed request, by path. */
  const fields = useCallback(
    (err: unknown): FieldErrors => {
      const out: FieldErrors = {};
      if (err instanceof ApiError) {
        for (const d of err.details) out[pathOf(d.path)] ??= detail(d);
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
        const path = issue.path.map(String).join('.');
        errors[path] ??= detail({ path, code: issue.code, message: issue.message });
      }
      return { ok: false, errors };
    },
    [detail],
  );

  return { message, fields, validate };
}
