import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorEnvelope, AppError } from '@scribe/domain';
import { createWebhook, recordAudit, withTransaction } from '@scribe/db';
import { EVENT_TYPES } from '@scribe/queue';
import { actorOf, requireScope } from '../plugins/auth.ts';
import type { ApiDeps } from '../app.ts';

const CreateWebhook = z.object({
  url: z.url({ protocol: /^https?$/ }).max(2000),
  events: z.array(z.enum(EVENT_TYPES as [string, ...string[]])).min(1).max(10),
  secret: z.string().min(16, 'secret must be at least 16 characters').max(200),
});
const WebhookOut = z.object({ id: z.uuid(), url: z.string(), events: z.array(z.string()), createdAt: z.string() });

/** `POST /v1/webhooks` (scope admin): subscribe a URL to events; deliveries are signed with `secret`. */
export function webhooksRoutes(deps: Pick<ApiDeps, 'pool' | 'config'>) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().post('/webhooks', {
      preHandler: requireScope('admin'),
      schema: {
        operationId: 'createWebhook', tags: ['webhooks'], summary: 'Subscribe to note.drafted, session.failed, note.signed',
        body: CreateWebhook,
        response: { 201: z.object({ webhook: WebhookOut }), 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope },
      },
    }, async (req, reply) => {
      const body = req.body;
      if ([...new Set(body.events)].length !== body.events.length) throw new AppError(400, 'DUPLICATE_EVENTS', 'events lists an event twice');
      const webhook = await withTransaction(deps.pool, async (tx) => {
        const w = await createWebhook(tx, req.principal.orgId, body);
        await recordAudit(tx, { ...actorOf(req), action: 'webhook.create', resourceType: 'webhook', resourceId: w.id });
        return w;
      });
      return reply.code(201).send({ webhook });
    });
  };
}
