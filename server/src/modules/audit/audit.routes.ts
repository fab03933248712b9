// The audit log for headquarters administrators: newest first, filterable, keyset-paginated.
import { AuditEntry, AuditQuery, pageOf } from '@siaga/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../platform/context';
import * as service from './audit.service';

export const auditRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'List and filter audit entries',
        querystring: AuditQuery,
        response: { 200: pageOf(AuditEntry) },
      },
    },
    (req) => service.listAudit(deps, req.ctx, req.query),
  );
};
