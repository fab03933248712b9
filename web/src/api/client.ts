// A small fetch client for the Siaga API: JSON in and out, the CSRF header on every
// state-changing request, and one error type carrying the server's stable error code.
import type { ErrorDetail } from '@siaga/contracts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly requestId: string | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
let sessionHandler: ((code: string) => void) | null = null;

/** Codes meaning the session itself is gone or has moved to another stage. */
const SESSION_CODES = new Set([
  'auth.required',
  'auth.totp_required',
  'auth.totp_enrolment_required',
  'auth.password_change_required',
]);

/** The CSRF token comes with every LoginResult; the latest one wins. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/**
 * Called when any request reports that the session ended (401 auth.required) or now needs a
 * second factor or a new password, e.g. after an administrator changed the role's rules.
 */
export function onSessionChange(handler: ((code: string) => void) | null): void {
  sessionHandler = handler;
}

type Query = Record<string, string | number | undefined | null>;

export function withQuery(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function parseError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON: fall through to a generic error for this status
  }
  const err = (body as { error?: Partial<ApiErrorShape> } | null)?.error;
  if (err && typeof err.code === 'string') {
    return new ApiError(
      res.status,
      err.code,
      err.message ?? err.code,
      Array.isArray(err.details) ? err.details : [],
      err.requestId ?? null,
    );
  }
  const code = res.status >= 500 ? 'internal.error' : res.status === 404 ? 'request.not_found' : 'http.error';
  return new ApiError(res.status, code, `HTTP ${res.status}`);
}

interface ApiErrorShape {
  code: string;
  message: string;
  requestId: string;
  details: ErrorDetail[];
}

/** A file sent as the request body as it is (uploads), instead of JSON. */
export interface RawBody {
  data: Blob;
  contentType: string;
}

export async function request<T>(method: string, path: string, body?: unknown, raw?: RawBody): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (raw) headers['content-type'] = raw.contentType;
  else if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: raw ? raw.data : body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network.error', 'Network error');
  }
  if (!res.ok) {
    const error = await parseError(res);
    // /auth/me is how the session is read, so its own answer is handled by the caller.
    const gone = error.code === 'auth.required' && !path.startsWith('/api/v1/auth/me');
    const moved = SESSION_CODES.has(error.code) && !path.startsWith('/api/v1/auth/');
    if (gone || moved) sessionHandler?.(error.code);
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  del: <T = void>(path: string) => request<T>('DELETE', path),
  upload: <T>(path: string, data: Blob, contentType: string) =>
    request<T>('POST', path, undefined, { data, contentType }),
};
