import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorEnvelope, IdParams, Session, AppError, notFound } from '@scribe/domain';
import { getSession, markStageQueued, recordAudit, redriveSession, withTransaction } from '@scribe/db';
import { enqueueStage, type StageQueues } from '@scribe/queue';
import { actorOf, requireScope } from '../plugins/auth.ts';
import type { ApiDeps } from '../app.ts';

const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope, 409: ErrorEnvelope };

/** `POST /v1/ops/sessions/{id}/retry` (scope ops:write): re-drive a failed session from its failed stage. */
export function opsRoutes(deps: Pick<ApiDeps, 'pool'> & { queues: StageQueues }) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().post('/ops/sessions/:id/retry', {
      preHandler: requireScope('ops:write'),
      schema: {
        operationId: 'retrySession', tags: ['ops'], summary: 'Re-drive a failed session from the stage that failed',
        params: IdParams, response: { 202: z.object({ session: Session, stage: z.string() }), ...errors },
      },
    }, async (req, reply) => {
      const orgId = req.principal.orgId;
      const redrive = await withTransaction(deps.pool, async (tx) => {
        const current = await getSession(tx, orgId, req.params.id, { forUpdate: true });
        if (!current) throw notFound('Session');
        const r = await redriveSession(tx, orgId, current.id);
        if (!r) throw new AppError(409, 'NOT_FAILED', `Only a failed session can be retried (status is ${current.status})`);
        await markStageQueued(tx, current.id, r.stage, r.run);
        await recordAudit(tx, { ...actorOf(req), action: 'session.retry', resourceType: 'session', resourceId: current.id });
        return r;
      });
      await enqueueStage(deps.queues, redrive.stage, { sessionId: req.params.id, run: redrive.run });
      const session = await getSession(deps.pool, orgId, req.params.id);
      return reply.code(202).send({ session: session!, stage: redrive.stage });
    });
  };
}
