// HTTP routes for missions; rules live in missions.service.ts.
import { Mission, MissionCreate, MissionParams, MissionUpdate, CountryCode, pageOf } from '@siaga/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/context';
import * as service from './missions.service';

const ListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
  country: CountryCode.optional(),
});

export const missionsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['missions'];
  app.get(
    '/missions',
    {
      schema: { tags, summary: 'List missions', querystring: ListQuery, response: { 200: pageOf(Mission) } },
    },
    (req) => service.listMissions(deps, req.ctx, req.query),
  );
  app.post(
    '/missions',
    { schema: { tags, summary: 'Create a mission', body: MissionCreate, response: { 201: Mission } } },
    async (req, reply) => reply.status(201).send(await service.createMission(deps, req.ctx, req.body)),
  );
  app.get(
    '/missions/:code',
    { schema: { tags, summary: 'Read a mission', params: MissionParams, response: { 200: Mission } } },
    (req) => service.getMission(deps, req.ctx, req.params.code),
  );
  app.patch(
    '/missions/:code',
    {
      schema: {
        tags,
        summary: 'Update a mission',
        params: MissionParams,
        body: MissionUpdate,
        response: { 200: Mission },
      },
    },
    (req) => service.updateMission(deps, req.ctx, req.params.code, req.body),
  );
};
