// HTTP routes of hazard events and feeds; rules live in hazards.service.ts and feeds.service.ts.
import {
  Crisis,
  Feed,
  FeedCreate,
  FeedDocument,
  FeedImportResult,
  HazardEvent,
  HazardListQuery,
  HazardPage,
  HazardPromote,
  HazardRadiusSet,
  IdParams,
} from '@siaga/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/context';
import * as feeds from './feeds.service';
import * as service from './hazards.service';

export const hazardsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['hazards'];
  // Feed files are XML or JSON of any declared type; they are read as bytes and sniffed.
  app.addContentTypeParser(
    [
      'application/octet-stream',
      'application/xml',
      'text/xml',
      'application/atom+xml',
      'application/rss+xml',
      'application/cap+xml',
      'application/geo+json',
    ],
    { parseAs: 'buffer', bodyLimit: service.MAX_DOCUMENT_BYTES },
    (_req, body, done) => done(null, body),
  );
  app.get(
    '/hazards',
    {
      schema: {
        tags,
        summary: 'Hazard events, newest first',
        querystring: HazardListQuery,
        response: { 200: HazardPage },
      },
    },
    (req) => service.listHazards(deps, req.ctx, req.query),
  );
  app.get(
    '/hazards/:id',
    { schema: { tags, summary: 'A hazard event', params: IdParams, response: { 200: HazardEvent } } },
    (req) => service.getHazard(deps, req.ctx, req.params.id),
  );
  app.patch(
    '/hazards/:id/radius',
    {
      schema: {
        tags,
        summary: 'Set the radius around a point event',
        params: IdParams,
        body: HazardRadiusSet,
        response: { 200: HazardEvent },
      },
    },
    (req) => service.setHazardRadius(deps, req.ctx, req.params.id, req.body.radiusKm),
  );
  app.post(
    '/hazards/:id/promote',
    {
      schema: {
        tags,
        summary: 'Declare a crisis from a hazard event',
        params: IdParams,
        body: HazardPromote,
        response: { 201: Crisis },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await service.promoteHazard(deps, req.ctx, req.params.id, req.body)),
  );
  app.get(
    '/feeds',
    {
      schema: {
        tags,
        summary: 'Configured hazard feeds',
        response: { 200: z.object({ items: z.array(Feed) }) },
      },
    },
    (req) => feeds.listFeeds(deps, req.ctx),
  );
  app.post(
    '/feeds',
    { schema: { tags, summary: 'Add a hazard feed', body: FeedCreate, response: { 201: Feed } } },
    async (req, reply) => reply.status(201).send(await feeds.addFeed(deps, req.ctx, req.body)),
  );
  app.get(
    '/feeds/documents',
    {
      schema: {
        tags,
        summary: 'Feed documents received, newest first, with their rejections',
        querystring: z.strictObject({
          status: z.enum(['accepted', 'partial', 'rejected', 'unchanged']).optional(),
        }),
        response: { 200: z.object({ items: z.array(FeedDocument) }) },
      },
    },
    (req) => feeds.listDocuments(deps, req.ctx, req.query.status),
  );
  app.post(
    '/feeds/import',
    {
      schema: {
        tags,
        summary: 'Import a feed file brought in by hand (CAP, GDACS RSS, USGS GeoJSON)',
        querystring: z.strictObject({ fileName: z.string().max(255).optional() }),
        response: { 200: FeedImportResult },
      },
    },
    (req) => {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.from(JSON.stringify(req.body ?? ''));
      return service.ingestDocument(deps, req.ctx, body, { fileName: req.query.fileName ?? null });
    },
  );
};
