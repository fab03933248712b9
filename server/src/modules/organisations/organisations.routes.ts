// HTTP routes for organisations; rules live in organisations.service.ts.
import {
  IdParams,
  Organisation,
  OrganisationCreate,
  OrganisationUpdate,
  PageQuery,
  pageOf,
} from '@siaga/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context';
import * as service from './organisations.service';

export const organisationsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['organisations'];
  app.get(
    '/organisations',
    {
      schema: {
        tags,
        summary: 'List organisations',
        querystring: PageQuery,
        response: { 200: pageOf(Organisation) },
      },
    },
    (req) => service.listOrganisations(deps, req.ctx, req.query),
  );
  app.post(
    '/organisations',
    {
      schema: {
        tags,
        summary: 'Create a partner organisation',
        body: OrganisationCreate,
        response: { 201: Organisation },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createOrganisation(deps, req.ctx, req.body)),
  );
  app.get(
    '/organisations/:id',
    { schema: { tags, summary: 'Read an organisation', params: IdParams, response: { 200: Organisation } } },
    (req) => service.getOrganisation(deps, req.ctx, req.params.id),
  );
  app.patch(
    '/organisations/:id',
    {
      schema: {
        tags,
        summary: 'Update an organisation',
        params: IdParams,
        body: OrganisationUpdate,
        response: { 200: Organisation },
      },
    },
    (req) => service.updateOrganisation(deps, req.ctx, req.params.id, req.body),
  );
};
