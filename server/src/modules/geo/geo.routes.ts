// HTTP routes of the gazetteer; lookups live in gazetteer.ts, shapes in geo.presenter.ts.
import {
  CountryDetail,
  CountryInfo,
  GeoAdmin1Params,
  GeoBoundary,
  GeoCountryParams,
  GeocodeQuery,
  GeocodeResult,
  ReverseQuery,
  ReverseResult,
} from '@siaga/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../platform/context';
import { gazetteer } from './gazetteer';
import * as service from './geo.service';

// Reference data that changes only with a release: browsers may keep boundaries for a day.
const CACHE_A_DAY = 'private, max-age=86400';

export const geoRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app) => {
  const tags = ['geo'];
  app.get(
    '/geo/countries',
    {
      schema: {
        tags,
        summary: 'List countries',
        description: 'ISO 3166-1 codes, names in Indonesian and English, official languages and extent.',
        response: { 200: z.object({ items: z.array(CountryInfo) }) },
      },
    },
    () => ({ items: gazetteer().countries() }),
  );
  app.get(
    '/geo/countries/:code',
    {
      schema: {
        tags,
        summary: 'Read a country with its admin-1 areas',
        params: GeoCountryParams,
        response: { 200: CountryDetail },
      },
    },
    (req) => service.getCountry(req.params.code),
  );
  app.get(
    '/geo/countries/:code/boundary',
    {
      schema: {
        tags,
        summary: "A country's boundary as a GeoJSON Feature",
        description: 'Natural Earth 1:50m.',
        params: GeoCountryParams,
        response: { 200: GeoBoundary },
      },
    },
    async (req, reply) => {
      const boundary = service.getCountryBoundary(req.params.code);
      return reply.header('cache-control', CACHE_A_DAY).send(boundary);
    },
  );
  app.get(
    '/geo/admin1/:code/boundary',
    {
      schema: {
        tags,
        summary: "An admin-1 area's boundary as a GeoJSON Feature",
        description: 'Natural Earth 1:10m admin-1.',
        params: GeoAdmin1Params,
        response: { 200: GeoBoundary },
      },
    },
    async (req, reply) => {
      const boundary = service.getAdmin1Boundary(req.params.code);
      return reply.header('cache-control', CACHE_A_DAY).send(boundary);
    },
  );
  app.get(
    '/geo/geocode',
    {
      schema: {
        tags,
        summary: 'Find a place by name, offline',
        description:
          'Cities (GeoNames, 1,000 inhabitants or more), admin-1 areas and countries; case and accents ' +
          'are ignored and the most populous match wins. `result` is null when nothing matches.',
        querystring: GeocodeQuery,
        response: { 200: z.object({ result: GeocodeResult.nullable() }) },
      },
    },
    (req) => service.findPlace(req.query.q, req.query.country),
  );
  app.get(
    '/geo/reverse',
    {
      schema: {
        tags,
        summary: 'The country and admin-1 area at a point',
        querystring: ReverseQuery,
        response: { 200: ReverseResult },
      },
    },
    (req) => service.locatePoint(req.query.lat, req.query.lon),
  );
};
