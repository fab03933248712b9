// Per-address limits shared by the pages and the JSON API (one counter each, whichever door is
// used), and the address links are built on.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/context';

export type Limiter = ReturnType<FastifyInstance['createRateLimit']>;
export interface Limits {
  /** Submissions that send a code. */
  submit: Limiter;
  /** Attempts at a code. */
  verify: Limiter;
}

export const SUBMITS_PER_HOUR = 10;
export const VERIFIES_PER_HOUR = 20;

export function createLimits(app: FastifyInstance): Limits {
  return {
    submit: app.createRateLimit({ max: SUBMITS_PER_HOUR, timeWindow: '1 hour' }),
    verify: app.createRateLimit({ max: VERIFIES_PER_HOUR, timeWindow: '1 hour' }),
  };
}

/** Seconds to wait if the address is over the limit, else null. Counts this request. */
export async function overLimit(limit: Limiter, req: FastifyRequest): Promise<number | null> {
  const r = await limit(req);
  return !r.isAllowed && r.isExceeded ? r.ttlInSeconds : null;
}

/** Where links sent to nationals point: the configured public address, else this request's. */
export const baseUrl = (deps: Pick<Deps, 'config'>, req: FastifyRequest) =>
  deps.config.publicUrl?.replace(/\/+$/, '') ?? `${req.protocol}://${req.host}`;
