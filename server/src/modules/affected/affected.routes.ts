// HTTP routes for ad-hoc questions about the population: who is inside an area being drawn,
// and where the registry's people are (server-side clusters for the map).
import { AffectedCounts, AffectedQuery, ClusterCollection, ClusterQuery } from '@siaga/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context';
import { compileOrThrow, countAffected, populationClusters } from './affected.service';

export const affectedRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['crises'];
  app.post(
    '/affected',
    {
      schema: {
        tags,
        summary: 'Count the people inside areas',
        description: 'For an area being drawn or uploaded: the same counts as a crisis has.',
        body: AffectedQuery,
        response: { 200: AffectedCounts },
      },
    },
    (req) => {
      const area = compileOrThrow(req.body.areas, 'body.areas');
      return countAffected(deps, req.ctx, area, req.body.countries);
    },
  );
  app.get(
    '/population/clusters',
    {
      schema: {
        tags,
        summary: 'Clusters of the registered people in view',
        querystring: ClusterQuery,
        response: { 200: ClusterCollection },
      },
    },
    (req) => populationClusters(deps, req.ctx, req.query),
  );
};
