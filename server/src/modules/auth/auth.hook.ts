// Default-deny authentication for every /api/v1 route: a route answers anonymous callers only if
// it declares config.public. Browser sessions must echo their CSRF token on writes; bearer tokens
// (scripts) need not, since browsers never send them on their own.
import type { SessionStage } from '@siaga/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../../errors';
import type { Actor, Deps } from '../../platform/context';
import type { SessionRow } from '../../db/schema';
import { safeEqual } from '../../platform/crypto';
import type { LoadedActor } from '../../platform/auth/actor';
import { SESSION_COOKIE, authenticateSession, effectiveStage } from './auth.service';
import { authenticateToken } from './tokens.service';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Answer without a signed-in user. */
    public?: boolean;
    /** Session stages other than "complete" that may call this route (second-factor steps). */
    allowStages?: SessionStage[];
    /** May be called while the user must still change a one-time password. */
    allowPasswordChange?: boolean;
  }
  interface FastifyRequest {
    session: SessionRow | null;
    loaded: LoadedActor | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const authHook = fp(async (app: FastifyInstance, { deps }: { deps: Deps }) => {
  app.decorateRequest('session', null);
  app.decorateRequest('loaded', null);

  // onRequest, before body parsing and validation: an anonymous caller learns nothing about a route's schema.
  app.addHook('onRequest', async (req: FastifyRequest) => {
    if (!req.url.startsWith('/api/v1/')) return;
    const cfg = req.routeOptions.config ?? {};
    const auth = req.headers.authorization;
    if (auth !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(auth);
      const loaded = m ? await authenticateToken(deps, m[1]!) : null;
      if (!loaded)
        throw new AppError('auth.required', 401, 'The API token is missing, wrong, expired or revoked');
      // A role that requires a second factor requires it of its scripts' owners too.
      if (loaded.totpRequired && loaded.user.totpEnabled !== 1) {
        throw new AppError(
          'auth.totp_enrolment_required',
          403,
          'Your role requires a second factor; set it up first',
        );
      }
      req.loaded = loaded;
      req.ctx.actor = loaded.actor;
    } else {
      const cookie = req.cookies[SESSION_COOKIE];
      const found = cookie ? await authenticateSession(deps, cookie) : null;
      if (found) {
        req.session = found.session;
        req.loaded = found.loaded;
        const stage = effectiveStage(found.session, found.loaded);
        if (stage !== 'complete' && !cfg.allowStages?.includes(stage)) {
          if (!cfg.public) {
            throw stage === 'totp'
              ? new AppError('auth.totp_required', 401, 'Enter the code from your authenticator app')
              : new AppError(
                  'auth.totp_enrolment_required',
                  403,
                  'Your role requires a second factor; set it up first',
                );
          }
        } else {
          req.ctx.actor = found.loaded.actor;
        }
        if (!SAFE_METHODS.has(req.method)) {
          const sent = req.headers['x-csrf-token'];
          if (typeof sent !== 'string' || !safeEqual(sent, found.session.csrfToken)) {
            throw new AppError('auth.csrf_invalid', 403, 'Missing or wrong CSRF token; reload the page');
          }
        }
      }
    }
    if (cfg.public) return;
    if (!req.loaded) throw new AppError('auth.required', 401, 'Sign in first');
    if (req.loaded.user.mustChangePassword === 1 && !cfg.allowPasswordChange) {
      throw new AppError('auth.password_change_required', 403, 'Choose a new password before going on');
    }
  });
});

/** The signed-in user; routes behind the hook may rely on it. */
export function signedIn(req: FastifyRequest): Actor {
  if (!req.loaded) throw new AppError('auth.required', 401, 'Sign in first');
  return req.loaded.actor;
}
