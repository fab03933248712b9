// HTTP routes of bulk imports; rules live in imports.service.ts (starting) and imports.query.ts
// (reading). The upload's body is the file itself, streamed to disk: this plugin alone accepts
// CSV and workbook bodies.
import {
  IdParams,
  Import,
  ImportErrorsPage,
  ImportErrorsQuery,
  ImportStart,
  PageQuery,
  pageOf,
} from '@siaga/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../../platform/context';
import * as query from './imports.query';
import * as service from './imports.service';

export const UPLOAD_TYPES = [
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
  // What browsers on Windows with Excel installed call a .csv file.
  'application/vnd.ms-excel',
];

export const importsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ['imports'];
  // The raw request stream is the body: the service writes it to a file with its own size cap.
  app.addContentTypeParser(UPLOAD_TYPES, (_req, payload, done) => done(null, payload));

  app.post(
    '/imports',
    {
      schema: {
        tags,
        summary: 'Upload a list of people to import (CSV or XLSX as the body)',
        description:
          'The body is the file itself (text/csv, an .xlsx workbook or application/octet-stream), at most 200 MB. ' +
          'The import runs in the background: poll GET /imports/{id} until its status is done or failed.',
        querystring: ImportStart,
        response: { 202: Import },
      },
    },
    async (req, reply) =>
      reply.status(202).send(await service.uploadImport(deps, req.ctx, req.query, req.body)),
  );
  app.get(
    '/imports',
    {
      schema: {
        tags,
        summary: 'List imports, newest first',
        querystring: PageQuery,
        response: { 200: pageOf(Import) },
      },
    },
    (req) => query.listImports(deps, req.ctx, req.query),
  );
  app.get(
    '/imports/:id',
    {
      schema: {
        tags,
        summary: 'Progress and counts of an import',
        params: IdParams,
        response: { 200: Import },
      },
    },
    (req) => query.getImport(deps, req.ctx, req.params.id),
  );
  app.get(
    '/imports/:id/errors',
    {
      schema: {
        tags,
        summary: 'The rows an import refused, and why, in row order',
        params: IdParams,
        querystring: ImportErrorsQuery,
        response: { 200: ImportErrorsPage },
      },
    },
    (req) => query.importErrors(deps, req.ctx, req.params.id, req.query),
  );
  app.get(
    '/imports/:id/errors.csv',
    { schema: { tags, summary: "An import's errors as CSV", params: IdParams } },
    async (req, reply) => {
      const { stream } = await query.importErrorsCsv(deps, req.ctx, req.params.id);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="siaga-import-${req.params.id}-errors.csv"`)
        .header('cache-control', 'no-store')
        .send(stream);
    },
  );
};
