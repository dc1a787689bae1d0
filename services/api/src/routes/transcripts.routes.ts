import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorEnvelope, IdParams, Transcript, notFound } from '@scribe/domain';
import { getSession, getTranscript, recordAudit } from '@scribe/db';
import { actorOf, requireScope } from '../plugins/auth.ts';
import type { ApiDeps } from '../app.ts';

const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope };

/** `GET /v1/sessions/{id}/transcript`: utterances with speakers and times (404 until transcribed). */
export function transcriptsRoutes(deps: Pick<ApiDeps, 'pool'>) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get('/sessions/:id/transcript', {
      preHandler: requireScope('notes:read'),
      schema: {
        operationId: 'getTranscript', tags: ['sessions'], summary: "A session's transcript",
        params: IdParams, response: { 200: z.object({ transcript: Transcript }), ...errors },
      },
    }, async (req) => {
      const session = await getSession(deps.pool, req.principal.orgId, req.params.id);
      if (!session) throw notFound('Session');
      const stored = await getTranscript(deps.pool, req.principal.orgId, session.id);
      if (!stored) throw notFound('Transcript');
      await recordAudit(deps.pool, { ...actorOf(req), action: 'transcript.read', resourceType: 'session', resourceId: session.id });
      const { sha256: _sha, ...transcript } = stored;
      return { transcript };
    });
  };
}
