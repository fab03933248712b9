// HTTP routes of the registry; rules live in people.service.ts and people.query.ts.
import {
  HouseholdCreated,
  IdParams,
  PeopleLookup,
  PeoplePage,
  PeopleQuery,
  Person,
  PersonCreate,
  PersonErase,
  PersonReveal,
  PersonSensitive,
  PersonSummary,
  PersonUpdate,
} from '@siaga/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { forbidden } from '../../errors';
import type { Deps } from '../../platform/context';
import * as query from './people.query';
import { canPeople } from './people.policy';
import * as service from './people.service';

const ExportQuery = PeopleQuery.omit({ limit: true, cursor: true });

export const peopleRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['people'];
  app.get(
    '/people',
    {
      schema: {
        tags,
        summary: 'List and search people',
        description:
          'Filters combine; `q` searches names ignoring accents, case, word order and common spelling variants.',
        querystring: PeopleQuery,
        response: { 200: PeoplePage },
      },
    },
    (req) => query.listPeople(deps, req.ctx, req.query),
  );
  app.get(
    '/people/export.csv',
    {
      schema: {
        tags,
        summary: 'Export the filtered list as CSV',
        description: 'Contacts included, sensitive fields excluded. Audited.',
        querystring: ExportQuery,
      },
    },
    async (req, reply) => {
      const stream = await query.exportPeople(deps, req.ctx, req.query);
      const day = deps.now().toISOString().slice(0, 10);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="siaga-people-${day}.csv"`)
        .header('cache-control', 'no-store')
        .send(stream);
    },
  );
  app.post(
    '/people/lookup',
    {
      schema: {
        tags,
        summary: 'Find people by document number, phone or email',
        body: PeopleLookup,
        response: { 200: z.object({ items: z.array(PersonSummary) }) },
      },
    },
    (req) => query.lookupPeople(deps, req.ctx, req.body),
  );
  app.post(
    '/people',
    { schema: { tags, summary: 'Register a person', body: PersonCreate, response: { 201: Person } } },
    async (req, reply) => reply.status(201).send(await service.createPerson(deps, req.ctx, req.body)),
  );
  app.get(
    '/people/:id',
    { schema: { tags, summary: 'Read a person', params: IdParams, response: { 200: Person } } },
    (req) => service.getPerson(deps, req.ctx, req.params.id),
  );
  app.patch(
    '/people/:id',
    {
      schema: {
        tags,
        summary: 'Change a person',
        params: IdParams,
        body: PersonUpdate,
        response: { 200: Person },
      },
    },
    (req) => service.updatePerson(deps, req.ctx, req.params.id, req.body),
  );
  app.post(
    '/people/:id/erase',
    {
      schema: {
        tags,
        summary: 'Erase a person and everything stored about them',
        params: IdParams,
        body: PersonErase,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await service.erasePerson(deps, req.ctx, req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/people/:id/reveal',
    {
      schema: {
        tags,
        summary: 'Reveal sensitive fields (audited)',
        params: IdParams,
        body: PersonReveal,
        response: { 200: PersonSensitive },
      },
    },
    (req) => service.revealPerson(deps, req.ctx, req.params.id, req.body),
  );
  app.post(
    '/households',
    { schema: { tags, summary: 'Start a household or group', response: { 201: HouseholdCreated } } },
    async (req, reply) => {
      if (!canPeople(req.ctx, 'write')) throw forbidden();
      const id = await deps.db.transaction().execute((trx) => service.createHousehold(deps, trx, req.ctx));
      return reply.status(201).send({ id });
    },
  );
};
