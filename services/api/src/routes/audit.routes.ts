import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AuditEventView, ErrorEnvelope, ListAuditQuery } from '@scribe/domain';
import { listAudit, recordAudit } from '@scribe/db';
import { actorOf, requireScope } from '../plugins/auth.ts';
import type { ApiDeps } from '../app.ts';

/** `GET /v1/audit?resourceId=&limit=` (scope audit:read): the organisation's audit trail, newest first. */
export function auditRoutes(deps: Pick<ApiDeps, 'pool'>) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get('/audit', {
      preValidation: requireScope('audit:read'),
      schema: {
        operationId: 'listAuditEvents', tags: ['ops'], summary: 'Who read or changed which record, when (newest first)',
        querystring: ListAuditQuery,
        response: { 200: z.object({ events: z.array(AuditEventView) }), 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope },
      },
    }, async (req) => {
      const events = await listAudit(deps.pool, req.principal.orgId, req.query);
      // Reading the trail is itself an access worth recording.
      await recordAudit(deps.pool, { ...actorOf(req), action: 'audit.read', resourceType: 'audit', resourceId: req.query.resourceId ?? null });
      return { events };
    });
  };
}
