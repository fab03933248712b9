// The public pages at /lapor (server-rendered, no JavaScript, no cookies) and, through
// registration.api.ts, the JSON API under /api/v1/public. Every path under /lapor is answered
// here, so the web console's history fallback never serves the console in its place.
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/context';
import { emptyMember, validateRegistration, valuesFromForm } from './form';
import { dict, isLang, pickLang, type Lang } from './i18n';
import {
  changeContacts,
  markReturned,
  moveHousehold,
  viewHousehold,
  type ChangeResult,
} from './manage.service';
import { MAX_MEMBERS } from './options';
import { registrationApi } from './registration.api';
import { CODE_MINUTES, MAX_ATTEMPTS, startRegistration, verifyRegistration } from './registration.service';
import { baseUrl, createLimits, overLimit, type Limits } from './limits';
import {
  codePage,
  donePage,
  errorPage,
  expiredPage,
  linkInvalidPage,
  noticePage,
  tooManyPage,
} from './views';
import { formPage } from './views.form';
import { managePage, type Saved } from './views.manage';

type Fields = Record<string, unknown>;
const fields = (v: unknown): Fields => (v && typeof v === 'object' ? (v as Fields) : {});
const first = (v: unknown) => {
  const x = Array.isArray(v) ? v[0] : v;
  return typeof x === 'string' ? x : '';
};

/** The page's language: the form's or link's own, else the browser's preference. */
const langOf = (req: FastifyRequest): Lang =>
  pickLang(first(fields(req.body).lang) || first(fields(req.query).lang), req.headers['accept-language']);

/** On a management page: the language asked for, else the one the national registered in. */
function linkLang(req: FastifyRequest, registered: Lang): Lang {
  const asked = first(fields(req.body).lang) || first(fields(req.query).lang);
  return isLang(asked) ? asked : registered;
}

function send(reply: FastifyReply, status: number, body: string) {
  // Personal data on most of these pages: never cached by the browser or a proxy.
  return reply.status(status).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(body);
}

const pages: FastifyPluginAsync<{ deps: Deps; limits: Limits }> = async (app, { deps, limits }) => {
  // Forms post urlencoded; the parser is added here only, so the JSON API stays JSON-only.
  await app.register(formbody);

  app.setErrorHandler((err: Error & { statusCode?: number }, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status >= 500) req.log.error({ err }, 'registration page failed');
    const lang = isLang(first(fields(req.query).lang)) ? (first(fields(req.query).lang) as Lang) : 'id';
    return send(reply, status, errorPage(lang, String(req.id)));
  });

  const opts = { config: { public: true }, schema: { hide: true }, bodyLimit: 64 * 1024 };
  // The management link carries its secret in the path: keep these requests out of the access log.
  const secret = { ...opts, logLevel: 'warn' as const };

  app.get('/lapor', opts, async (req, reply) => {
    const lang = langOf(req);
    return send(reply, 200, formPage(lang, valuesFromForm({ languages: 'id' }), {}, true));
  });

  app.post('/lapor', opts, async (req, reply) => {
    const lang = langOf(req);
    const body = fields(req.body);
    const values = valuesFromForm(body);
    if (first(body.action) === 'add') {
      if (values.members.length < MAX_MEMBERS) values.members.push(emptyMember());
      return send(reply, 200, formPage(lang, values));
    }
    const checked = validateRegistration(values, deps.now());
    if (!checked.ok) return send(reply, 400, formPage(lang, values, checked.errors));
    const wait = await overLimit(limits.submit, req);
    if (wait !== null) return send(reply.header('retry-after', String(wait)), 429, tooManyPage(lang, wait));
    const started = await startRegistration(deps, checked.registration, lang);
    return send(reply, 200, codePage(lang, { ...started, minutes: CODE_MINUTES }));
  });

  app.post('/lapor/verify', opts, async (req, reply) => {
    const body = fields(req.body);
    const wait = await overLimit(limits.verify, req);
    if (wait !== null)
      return send(reply.header('retry-after', String(wait)), 429, tooManyPage(langOf(req), wait));
    const r = await verifyRegistration(deps, first(body.id), first(body.code), {
      requestId: req.ctx.requestId,
      baseUrl: baseUrl(deps, req),
    });
    const lang = r.lang ?? langOf(req);
    const t = dict(lang);
    switch (r.kind) {
      case 'done':
        return send(reply, 200, donePage(lang, r));
      case 'wrong': {
        // The contact is not repeated: only its hash is stored, and a posted copy could say anything.
        const again = { id: first(body.id), channel: r.channel, sentTo: null, minutes: CODE_MINUTES };
        const page = codePage(lang, again, r);
        return send(reply, 400, page);
      }
      case 'already':
        return send(reply, 200, noticePage(lang, t.alreadyTitle, t.alreadyText));
      default:
        return send(reply, 410, expiredPage(lang, CODE_MINUTES, MAX_ATTEMPTS));
    }
  });

  app.get<{ Params: { token: string } }>('/lapor/m/:token', secret, async (req, reply) => {
    const view = await viewHousehold(deps, req.params.token);
    if (!view) return send(reply, 404, linkInvalidPage(langOf(req)));
    const lang = linkLang(req, view.lang);
    const saved = first(fields(req.query).saved);
    const s = saved === 'contact' || saved === 'location' || saved === 'returned' ? (saved as Saved) : null;
    return send(reply, 200, managePage(lang, req.params.token, view, { saved: s }));
  });

  app.post<{ Params: { token: string } }>('/lapor/m/:token', secret, async (req, reply) => {
    let lang = langOf(req);
    const token = req.params.token;
    const body = fields(req.body);
    const action = first(body.action);
    const contact = { phone: first(body.phone), email: first(body.email) };
    const location = { country: first(body.country), city: first(body.city), address: first(body.address) };
    let result: ChangeResult;
    if (action === 'contact') result = await changeContacts(deps, token, contact, req.ctx.requestId);
    else if (action === 'location') result = await moveHousehold(deps, token, location, req.ctx.requestId);
    else if (action === 'returned') result = await markReturned(deps, token, req.ctx.requestId);
    else result = { ok: false, errors: {} };
    if (result.ok) return reply.redirect(`/lapor/m/${token}?lang=${lang}&saved=${action}`, 303);
    const view = await viewHousehold(deps, token);
    if ('invalidLink' in result || !view) return send(reply, 404, linkInvalidPage(lang));
    lang = linkLang(req, view.lang);
    const typed = action === 'contact' ? { contact } : action === 'location' ? { location } : {};
    return send(reply, 400, managePage(lang, token, view, { errors: result.errors, ...typed }));
  });

  // Anything else under /lapor is this module's "not found", never the console's page.
  app.all<{ Params: { '*': string } }>('/lapor/*', opts, async (req, reply) => {
    const lang = langOf(req);
    if (req.params['*'] === '' && req.method === 'GET') return reply.redirect(`/lapor?lang=${lang}`, 301);
    const t = dict(lang);
    return send(reply, 404, noticePage(lang, t.notFoundTitle, t.notFoundText));
  });
};

/** Registers the pages and the JSON API; the per-address limits are shared by both. */
export const registrationRoutes: FastifyPluginAsync<{ deps: Deps }> = async (
  app: FastifyInstance,
  { deps },
) => {
  const limits = createLimits(app);
  await app.register(pages, { deps, limits });
  await app.register(registrationApi, { deps, limits, prefix: '/api/v1/public' });
};
