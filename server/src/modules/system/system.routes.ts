// Health, client configuration and the offline basemap (Natural Earth country boundaries from
// the world-atlas package), which the console map draws without any tile server.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors';
import type { Deps } from '../../platform/context';

export const VERSION = '0.1.0';
const require = createRequire(import.meta.url);
const ATLAS_DIR = path.dirname(require.resolve('world-atlas/package.json'));

const Health = z.object({
  status: z.literal('ok'),
  database: z.enum(['sqlite', 'postgres']),
  version: z.string(),
});
const ClientConfig = z.object({
  mapTileUrl: z.string().nullable(),
  mapAttribution: z.string().nullable(),
  version: z.string(),
});

/** Routes outside /api/v1: health and static basemap data. */
export const systemRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/healthz',
    {
      config: { public: true, rateLimit: false },
      schema: { tags: ['system'], summary: 'Liveness and database check', response: { 200: Health } },
    },
    async () => {
      try {
        await sql`select 1`.execute(deps.db);
      } catch (err) {
        deps.log.error({ err }, 'health check: database unreachable');
        throw new AppError('service.unavailable', 503, 'The database is not answering');
      }
      return { status: 'ok' as const, database: deps.dialect, version: VERSION };
    },
  );

  const files = new Map(
    ['countries-110m.json', 'countries-50m.json'].map((f) => [f, fs.readFileSync(path.join(ATLAS_DIR, f))]),
  );
  app.get(
    '/basemap/:file',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Natural Earth country boundaries (TopoJSON)',
        params: z.strictObject({ file: z.string() }),
      },
    },
    async (req, reply) => {
      const body = files.get(req.params.file);
      if (!body) throw new AppError('request.not_found', 404, 'No such basemap file');
      return reply
        .header('content-type', 'application/json')
        .header('cache-control', 'public, max-age=86400')
        .send(body);
    },
  );
};

/** Public client settings under /api/v1. */
export const clientConfigRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/config/client',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Settings the web console needs before sign-in',
        response: { 200: ClientConfig },
      },
    },
    async () => ({
      mapTileUrl: deps.config.map.tileUrl,
      mapAttribution: deps.config.map.attribution,
      version: VERSION,
    }),
  );
};
