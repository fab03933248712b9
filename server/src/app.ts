// buildApp(config) assembles the Fastify server without listening: tests inject requests into it,
// bin/ listens. Startup opens the database, runs migrations (unless told not to) and loads keys.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config';
import { openDatabase, type DbHandle } from './db/client';
import { migrate } from './db/migrate';
import { AppError, errorHandler } from './errors';
import type { RequestContext } from './platform/context';
import { createKeyring, resolveSecretKey } from './platform/crypto';
import { createLogger } from './platform/logger';
import { createPasswordHasher } from './platform/auth/passwords';
import type { UserDeps } from './modules/users/users.service';
import { authHook } from './modules/auth/auth.hook';
import { authRoutes } from './modules/auth/auth.routes';
import { usersRoutes } from './modules/users/users.routes';
import { missionsRoutes } from './modules/missions/missions.routes';
import { organisationsRoutes } from './modules/organisations/organisations.routes';
import { auditRoutes } from './modules/audit/audit.routes';
import { peopleRoutes } from './modules/people/people.routes';
import { importsRoutes } from './modules/people/import/imports.routes';
import { registrationRoutes } from './modules/registration/registration.routes';
import { crisesRoutes } from './modules/crises/crises.routes';
import { affectedRoutes } from './modules/affected/affected.routes';
import { geoRoutes } from './modules/geo/geo.routes';
import { hazardsRoutes } from './modules/hazards/hazards.routes';
import { clientConfigRoutes, systemRoutes, VERSION } from './modules/system/system.routes';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
  }
}

export type AppDeps = UserDeps & { handle: DbHandle };

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/** Opens the database and builds the services' shared dependencies; used by the server, CLI and worker. */
export async function createDeps(config: Config, opts: { migrate?: boolean } = {}): Promise<AppDeps> {
  const log = createLogger(config);
  const handle = openDatabase(config.database);
  try {
    if (opts.migrate !== false) {
      await migrate(handle, {
        hqName: config.hqName,
        schema: config.database.kind === 'postgres' ? config.database.schema : null,
      });
    }
    return {
      config,
      handle,
      db: handle.db,
      dialect: handle.dialect,
      keyring: createKeyring(resolveSecretKey(config)),
      log,
      now: () => new Date(),
      passwords: createPasswordHasher(config.argon2MemoryKib),
    };
  } catch (err) {
    await handle.close();
    throw err;
  }
}

export async function buildApp(
  config: Config,
  given?: AppDeps,
): Promise<{ app: FastifyInstance; deps: AppDeps }> {
  const deps = given ?? (await createDeps(config));
  const app = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  // The API speaks JSON only: plain text is refused (415) like any other media type.
  app.removeContentTypeParser('text/plain');
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.addHook('onRequest', async (req, reply) => {
    req.ctx = { actor: { kind: 'anonymous' }, requestId: String(req.id) };
    void reply.header('x-request-id', String(req.id));
  });

  const tileOrigin = config.map.tileUrl
    ? new URL(config.map.tileUrl.replace(/\{[a-z]\}/g, '0')).origin
    : null;
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...(tileOrigin ? [tileOrigin] : [])],
        connectSrc: ["'self'", ...(tileOrigin ? [tileOrigin] : [])],
        workerSrc: ["'self'", 'blob:'],
        childSrc: ["'self'", 'blob:'],
        upgradeInsecureRequests: config.env === 'production' ? [] : null,
      },
    },
  });
  await app.register(rateLimit, { max: config.rateLimitPerMinute, timeWindow: '1 minute' });
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Siaga API',
        version: VERSION,
        description: 'Protecting nationals and migrants abroad in crises (MICIC).',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'siaga_session' },
          bearer: { type: 'http', scheme: 'bearer', description: 'A personal API token (siaga_…)' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(authHook, { deps });
  await app.register(systemRoutes, { deps });
  await app.register(
    async (api) => {
      await api.register(clientConfigRoutes, { deps });
      await api.register(authRoutes, { deps });
      await api.register(usersRoutes, { deps });
      await api.register(missionsRoutes, { deps });
      await api.register(organisationsRoutes, { deps });
      await api.register(auditRoutes, { deps });
      await api.register(peopleRoutes, { deps });
      await api.register(importsRoutes, { deps });
      await api.register(geoRoutes, { deps });
      await api.register(crisesRoutes, { deps });
      await api.register(affectedRoutes, { deps });
      await api.register(hazardsRoutes, { deps });
    },
    { prefix: '/api/v1' },
  );
  await app.register(registrationRoutes, { deps });

  // The web console, when built, with history-API fallback to index.html.
  const hasWeb = fs.existsSync(path.join(WEB_DIST, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler((req, reply) => {
    const isPage =
      req.method === 'GET' &&
      !req.url.startsWith('/api/') &&
      (req.headers.accept ?? '').includes('text/html');
    if (hasWeb && isPage) return reply.type('text/html').sendFile('index.html');
    throw new AppError('request.not_found', 404, 'No such route');
  });

  app.addHook('onClose', async () => {
    if (!given) await deps.handle.close();
  });
  return { app, deps };
}
