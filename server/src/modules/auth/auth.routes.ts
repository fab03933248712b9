// HTTP routes for sign-in, the second factor, password change and personal API tokens.
import {
  ApiToken,
  ApiTokenCreated,
  IdParams,
  LoginBody,
  LoginResult,
  PasswordChangeBody,
  TokenCreateBody,
  TotpBody,
  TotpSetup,
} from '@siaga/contracts';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors';
import type { UserDeps } from '../users/users.service';
import { signedIn } from './auth.hook';
import * as service from './auth.service';
import * as tokens from './tokens.service';
import * as totp from './totp.service';

export const authRoutes: FastifyPluginAsyncZod<{ deps: UserDeps }> = async (app, { deps }) => {
  const tags = ['auth'];
  const secure = deps.config.env === 'production' || (deps.config.publicUrl?.startsWith('https:') ?? false);
  const setCookie = (reply: FastifyReply, value: string) =>
    reply.setCookie(service.SESSION_COOKIE, value, {
      httpOnly: true,
      sameSite: 'strict',
      secure,
      path: '/',
      maxAge: deps.config.session.absoluteHours * 3600,
    });
  // The second-factor steps answer while a one-time password is still in use: the console asks for the
  // code (or enrolment) first and the new password after, and a user owing both must be able to start.

  app.post(
    '/auth/login',
    {
      // Per address: enough for a whole crisis room behind one NAT signing in at shift change;
      // guessing one account is stopped sooner by the per-email lockout.
      config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Sign in with email and password; sets the session cookie',
        body: LoginBody,
        response: { 200: LoginResult },
      },
    },
    async (req, reply) => {
      const issued = await service.login(deps, req.ctx, req.body, {
        ip: req.ip,
        ...(req.headers['user-agent'] ? { userAgent: req.headers['user-agent'] } : {}),
      });
      setCookie(reply, issued.cookie);
      return issued.result;
    },
  );

  app.get(
    '/auth/me',
    {
      config: { allowStages: ['totp', 'totp_enrol'], allowPasswordChange: true },
      schema: { tags, summary: 'The current session', response: { 200: LoginResult } },
    },
    async (req) => service.sessionResultFor(deps, req),
  );

  app.post(
    '/auth/totp',
    {
      config: {
        allowStages: ['totp'],
        allowPasswordChange: true,
        rateLimit: { max: 20, timeWindow: '1 minute' },
      },
      schema: { tags, summary: 'Second sign-in step', body: TotpBody, response: { 200: LoginResult } },
    },
    (req) => totp.verifyTotpStep(deps, req.ctx, requireSession(req.session), req.body.code),
  );

  app.post(
    '/auth/totp/setup',
    {
      config: { allowStages: ['totp_enrol'], allowPasswordChange: true },
      schema: { tags, summary: 'Start setting up an authenticator app', response: { 200: TotpSetup } },
    },
    (req) => totp.setupTotp(deps, req.ctx, signedIn(req).userId),
  );

  app.post(
    '/auth/totp/enable',
    {
      config: { allowStages: ['totp_enrol'], allowPasswordChange: true },
      schema: {
        tags,
        summary: 'Confirm the authenticator app with a code',
        body: TotpBody,
        response: { 200: LoginResult.nullable() },
      },
    },
    (req) => totp.enableTotp(deps, req.ctx, req.session, signedIn(req).userId, req.body.code),
  );

  app.post(
    '/auth/totp/disable',
    { schema: { tags, summary: 'Turn the second factor off', body: TotpBody } },
    async (req, reply) => {
      const actor = signedIn(req);
      if (req.loaded?.totpRequired)
        throw new AppError('auth.forbidden', 403, 'Your role requires a second factor');
      await totp.disableTotp(deps, req.ctx, actor.userId, req.body.code);
      return reply.status(204).send();
    },
  );

  app.post(
    '/auth/logout',
    { config: { public: true, allowStages: ['totp', 'totp_enrol'] }, schema: { tags, summary: 'Sign out' } },
    async (req, reply) => {
      if (req.session) await service.logout(deps, req.ctx, req.session);
      reply.clearCookie(service.SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.post(
    '/auth/password',
    {
      config: { allowPasswordChange: true },
      schema: { tags, summary: 'Change your own password', body: PasswordChangeBody },
    },
    async (req, reply) => {
      await service.changePassword(deps, req.ctx, req.session, signedIn(req).userId, req.body);
      return reply.status(204).send();
    },
  );

  app.get(
    '/auth/tokens',
    {
      schema: {
        tags,
        summary: 'Your personal API tokens',
        response: { 200: z.object({ items: z.array(ApiToken) }) },
      },
    },
    async (req) => ({
      items: await tokens.listTokens(deps, signedIn(req).userId),
    }),
  );
  app.post(
    '/auth/tokens',
    {
      schema: {
        tags,
        summary: 'Create a personal API token (shown once)',
        body: TokenCreateBody,
        response: { 201: ApiTokenCreated },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await tokens.createToken(deps, req.ctx, signedIn(req).userId, req.body)),
  );
  app.delete(
    '/auth/tokens/:id',
    { schema: { tags, summary: 'Revoke a personal API token', params: IdParams } },
    async (req, reply) => {
      await tokens.revokeToken(deps, req.ctx, signedIn(req).userId, req.params.id);
      return reply.status(204).send();
    },
  );
};

function requireSession<T>(s: T | null): T {
  if (!s) throw new AppError('auth.required', 401, 'Sign in first');
  return s;
}
