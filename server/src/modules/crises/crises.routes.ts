// HTTP routes of crises and their affected population; rules live in crises.service.ts, reads in crises.query.ts, and
// ../affected/affected.service.ts.
import {
  AffectedCounts,
  AffectedListQuery,
  AffectedPage,
  AlertLevelSet,
  ClusterCollection,
  ClusterQuery,
  Crisis,
  CrisisCreate,
  CrisisListQuery,
  CrisisNote,
  CrisisPage,
  CrisisUpdate,
  IdParams,
} from '@siaga/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context';
import { affectedClusters, affectedGeoJson, listAffected } from '../affected/affected.service';
import * as query from './crises.query';
import * as service from './crises.service';

export const crisesRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['crises'];
  app.get(
    '/crises',
    { schema: { tags, summary: 'List crises', querystring: CrisisListQuery, response: { 200: CrisisPage } } },
    (req) => query.listCrises(deps, req.ctx, req.query),
  );
  app.post(
    '/crises',
    {
      schema: {
        tags,
        summary: 'Declare a crisis',
        description:
          'Areas are checked before anything is stored; the missions concerned follow from the countries.',
        body: CrisisCreate,
        response: { 201: Crisis },
      },
    },
    async (req, reply) => reply.status(201).send(await service.declareCrisis(deps, req.ctx, req.body)),
  );
  app.get(
    '/crises/:id',
    { schema: { tags, summary: 'Read a crisis', params: IdParams, response: { 200: Crisis } } },
    (req) => query.getCrisis(deps, req.ctx, req.params.id),
  );
  app.patch(
    '/crises/:id',
    {
      schema: {
        tags,
        summary: 'Change a crisis',
        description:
          'Details, countries, areas (replaced whole), phase, status; with the version read (409 when stale).',
        params: IdParams,
        body: CrisisUpdate,
        response: { 200: Crisis },
      },
    },
    (req) => service.updateCrisis(deps, req.ctx, req.params.id, req.body),
  );
  app.post(
    '/crises/:id/alert-levels',
    {
      schema: {
        tags,
        summary: 'Set the alert level of a country or an area',
        params: IdParams,
        body: AlertLevelSet,
        response: { 200: Crisis },
      },
    },
    (req) => service.setAlertLevel(deps, req.ctx, req.params.id, req.body),
  );
  app.post(
    '/crises/:id/timeline',
    {
      schema: {
        tags,
        summary: 'Add a note or a decision',
        params: IdParams,
        body: CrisisNote,
        response: { 200: Crisis },
      },
    },
    (req) => service.addNote(deps, req.ctx, req.params.id, req.body),
  );
  app.get(
    '/crises/:id/affected',
    {
      schema: {
        tags,
        summary: 'Counts of the people inside the crisis areas',
        params: IdParams,
        response: { 200: AffectedCounts },
      },
    },
    (req) => query.crisisAffected(deps, req.ctx, req.params.id),
  );
  app.get(
    '/crises/:id/affected/people',
    {
      schema: {
        tags,
        summary: 'The people inside, in name order',
        params: IdParams,
        querystring: AffectedListQuery,
        response: { 200: AffectedPage },
      },
    },
    async (req) => {
      const { area } = await query.crisisArea(deps, req.ctx, req.params.id);
      return listAffected(deps, req.ctx, area, req.query);
    },
  );
  app.get(
    '/crises/:id/affected.geojson',
    { schema: { tags, summary: 'The people inside as GeoJSON points (audited)', params: IdParams } },
    async (req, reply) => {
      const { area } = await query.crisisArea(deps, req.ctx, req.params.id);
      const body = await affectedGeoJson(deps, req.ctx, area, { crisisId: req.params.id });
      return reply
        .header('content-type', 'application/geo+json')
        .header('content-disposition', `attachment; filename="siaga-affected-${req.params.id}.geojson"`)
        .header('cache-control', 'no-store')
        .send(JSON.stringify(body));
    },
  );
  app.get(
    '/crises/:id/clusters',
    {
      schema: {
        tags,
        summary: 'Clusters of the people inside, for the map view',
        params: IdParams,
        querystring: ClusterQuery,
        response: { 200: ClusterCollection },
      },
    },
    async (req) => {
      const { area } = await query.crisisArea(deps, req.ctx, req.params.id);
      return affectedClusters(deps, req.ctx, area, req.query);
    },
  );
};
