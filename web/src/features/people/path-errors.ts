// Field messages for nested forms. The shared helpers key errors by the first segment of a path
// ("contacts"); a person has lists of documents and contacts, so here each message is keyed by its
// whole path without "body." ("contacts.0.value") and shown next to that very input.
import type { ErrorDetail } from '@siaga/contracts';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZodType } from 'zod';
import { ApiError } from '../../api/client';

export type PathErrors = Record<string, string>;
export type PathChecked<T> = { ok: true; data: T } | { ok: false; errors: PathErrors };

const trimPrefix = (path: string) => path.replace(/^(body|query|params)(\.|$)/, '');

/** The named segments: "contacts.0.value" → ["contacts", "value"]. */
const namesOf = (path: string) => path.split('.').filter((s) => s !== '' && !/^\d+$/.test(s));

export function usePathErrors() {
  const { t, i18n } = useTranslation();

  const text = useCallback(
    (d: ErrorDetail): string => {
      // Most specific first: "household_id_not_found", then "id_not_found", then "not_found".
      const names = namesOf(trimPrefix(d.path));
      const keys = [`fieldErrors.${d.code}`];
      if (names.length > 0) keys.unshift(`fieldErrors.${names[names.length - 1]}_${d.code}`);
      if (names.length > 1) keys.unshift(`fieldErrors.${names.join('_')}_${d.code}`);
      for (const key of keys) {
        if (i18n.exists(key)) return t(key);
      }
      return d.message;
    },
    [t, i18n],
  );

  /** Messages of a failed request, by path. */
  const fromError = useCallback(
    (err: unknown): PathErrors => {
      const out: PathErrors = {};
      if (err instanceof ApiError) for (const d of err.details) out[trimPrefix(d.path)] ??= text(d);
      return out;
    },
    [text],
  );

  /** Checks a value against the contract schema the server applies, with the same paths. */
  const check = useCallback(
    <T>(schema: ZodType<T>, value: unknown): PathChecked<T> => {
      const result = schema.safeParse(value);
      if (result.success) return { ok: true, data: result.data };
      const errors: PathErrors = {};
      for (const issue of result.error.issues) {
        const path = issue.path.map(String).join('.');
        errors[path] ??= text({ path, code: issue.code, message: issue.message });
      }
      return { ok: false, errors };
    },
    [text],
  );

  return { fromError, check };
}

/** The messages under one prefix, e.g. all of "documents.0." for the first document's inputs. */
export function errorsUnder(errors: PathErrors, prefix: string): PathErrors {
  const out: PathErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    if (path === prefix) out[''] = message;
    else if (path.startsWith(`${prefix}.`)) out[path.slice(prefix.length + 1)] = message;
  }
  return out;
}
