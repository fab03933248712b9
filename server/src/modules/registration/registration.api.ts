// The JSON API of self-registration, for apps: the same steps as the /lapor pages. Public routes
// (no account); the management token travels in a header, never in a URL.
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { AppError } from '../../errors';
import type { Deps } from '../../platform/context';
import { validateRegistration, type FieldErrors, type FormValues } from './form';
import { dict } from './i18n';
import {
  changeContacts,
  linkInvalid,
  markReturned,
  moveHousehold,
  viewHousehold,
  type ChangeResult,
} from './manage.service';
import { CODE_MINUTES, MAX_ATTEMPTS, startRegistration, verifyRegistration } from './registration.service';
import {
  ContactsChange,
  LocationChange,
  RegisteredHousehold,
  RegistrationBody,
  RegistrationConfirmed,
  RegistrationStarted,
  TokenHeaders,
  VerifyBody,
  VerifyParams,
} from './registration.schemas';
import { baseUrl, overLimit, type Limiter, type Limits } from './limits';

const en = dict('en');

/** Field errors as the API's 400, with the English message of each. */
function invalidFields(errors: FieldErrors): AppError {
  const details = Object.entries(errors).map(([path, code]) => ({
    path: `body.${path}`,
    code,
    message: en.err[code],
  }));
  return new AppError(
    'request.invalid',
    400,
    `Invalid body: ${details[0]!.path} ${details[0]!.message}`,
    details,
  );
}

function valuesFromJson(b: RegistrationBody): FormValues {
  return {
    fullName: b.fullName,
    sex: b.sex,
    birthDate: b.birthDate,
    phone: b.phone ?? '',
    email: b.email ?? '',
    country: b.country,
    city: b.city,
    address: b.address ?? '',
    statusAbroad: b.statusAbroad,
    employer: b.employer ?? '',
    passport: b.passport ?? '',
    languages: [...new Set(b.languages ?? [])],
    emergencyContact: {
      name: b.emergencyContact?.name ?? '',
      relationship: b.emergencyContact?.relationship ?? '',
      phone: b.emergencyContact?.phone ?? '',
    },
    consentRegistry: b.consentRegistry,
    consentAlerts: b.consentAlerts ?? false,
    members: b.members ?? [],
  };
}

export const registrationApi: FastifyPluginAsyncZod<{ deps: Deps; limits: Limits }> = async (
  app,
  { deps, limits },
) => {
  const tags = ['self-registration'];
  const config = { public: true };
  const security: [] = [];
  const tooMany = async (req: FastifyRequest, limit: Limiter) => {
    const wait = await overLimit(limit, req);
    if (wait !== null)
      throw new AppError('request.rate_limited', 429, 'Too many requests; slow down', undefined, {
        'retry-after': String(wait),
      });
  };
  const token = (req: { headers: { 'x-registration-token'?: string | undefined } }) =>
    req.headers['x-registration-token'] ?? '';
  const household = async (t: string) => {
    const h = await viewHousehold(deps, t);
    if (!h) throw linkInvalid();
    const { lang: _lang, ...rest } = h;
    return rest as z.infer<typeof RegisteredHousehold>;
  };
  const settle = async (t: string, r: ChangeResult) => {
    if (!r.ok) throw 'invalidLink' in r ? linkInvalid() : invalidFields(r.errors);
    return household(t);
  };

  app.post(
    '/registrations',
    {
      config,
      bodyLimit: 64 * 1024,
      schema: {
        tags,
        security,
        summary: 'Register oneself and one’s household; sends a one-time code',
        description:
          'The answer is the same whether or not the phone, email or passport is already on record. ' +
          `The code goes by SMS to the phone if one is given, else by email, and is valid ${CODE_MINUTES} minutes.`,
        body: RegistrationBody,
        response: { 202: RegistrationStarted },
      },
    },
    async (req, reply) => {
      const checked = validateRegistration(valuesFromJson(req.body), deps.now());
      if (!checked.ok) throw invalidFields(checked.errors);
      await tooMany(req, limits.submit);
      const started = await startRegistration(deps, checked.registration, req.body.lang ?? 'id');
      return reply.status(202).send(started);
    },
  );

  app.post(
    '/registrations/:id/verify',
    {
      config,
      schema: {
        tags,
        security,
        summary: 'Confirm a registration with its code; creates the records and the management token',
        description: `At most ${MAX_ATTEMPTS} attempts per code.`,
        params: VerifyParams,
        body: VerifyBody,
        response: { 201: RegistrationConfirmed },
      },
    },
    async (req, reply) => {
      await tooMany(req, limits.verify);
      const r = await verifyRegistration(deps, req.params.id, req.body.code, {
        requestId: req.ctx.requestId,
        baseUrl: baseUrl(deps, req),
      });
      if (r.kind === 'wrong')
        throw new AppError('registration.code_invalid', 400, `Wrong code; ${r.remaining} attempts left`, [
          { path: 'body.code', code: 'wrong', message: `${r.remaining} attempts left` },
        ]);
      if (r.kind === 'expired')
        throw new AppError(
          'registration.expired',
          410,
          'This code has expired or was tried too often; start again',
        );
      if (r.kind === 'already')
        throw new AppError('registration.expired', 410, 'This registration is already confirmed');
      return reply.status(201).send({ token: r.token, url: r.url, expiresAt: r.expiresAt, people: r.people });
    },
  );

  const manage = { config, logLevel: 'warn' as const };
  app.get(
    '/registrations/household',
    {
      ...manage,
      schema: {
        tags,
        security,
        summary: 'The household a management token opens',
        headers: TokenHeaders,
        response: { 200: RegisteredHousehold },
      },
    },
    (req) => household(token(req)),
  );
  app.put(
    '/registrations/household/contacts',
    {
      ...manage,
      schema: {
        tags,
        security,
        summary: 'Replace the registrant’s phone and email (a changed one is no longer verified)',
        headers: TokenHeaders,
        body: ContactsChange,
        response: { 200: RegisteredHousehold },
      },
    },
    async (req) => settle(token(req), await changeContacts(deps, token(req), req.body, req.ctx.requestId)),
  );
  app.put(
    '/registrations/household/location',
    {
      ...manage,
      schema: {
        tags,
        security,
        summary: 'Move the whole household; the responsible mission follows',
        headers: TokenHeaders,
        body: LocationChange,
        response: { 200: RegisteredHousehold },
      },
    },
    async (req) => settle(token(req), await moveHousehold(deps, token(req), req.body, req.ctx.requestId)),
  );
  app.post(
    '/registrations/household/returned',
    {
      ...manage,
      schema: {
        tags,
        security,
        summary: 'Report that the household has returned home: every stay ends today',
        headers: TokenHeaders,
        response: { 200: RegisteredHousehold },
      },
    },
    async (req) => settle(token(req), await markReturned(deps, token(req), req.ctx.requestId)),
  );
};
