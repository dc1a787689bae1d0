import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CreateSessionBody, ErrorEnvelope, IdParams, ListSessionsQuery, Session, StreamGrant, notFound, AppError } from '@scribe/domain';
import { getSession, insertSession, listSessions, recordAudit, recordAuditMany, withTransaction } from '@scribe/db';
import { actorOf, requireScope } from '../plugins/auth.ts';
import type { ApiDeps } from '../app.ts';
import { streamGrant } from '../stream-grant.ts';

const errors = { 400: ErrorEnvelope, 401: ErrorEnvelope, 403: ErrorEnvelope, 404: ErrorEnvelope };
const tags = ['sessions'];

export function sessionsRoutes(deps: ApiDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post('/sessions', {
      preHandler: requireScope('sessions:write'),
      schema: {
        operationId: 'createSession', tags, summary: 'Create a scribe session before recording',
        body: CreateSessionBody,
        response: { 201: z.object({ session: Session, stream: StreamGrant }), 422: ErrorEnvelope, ...errors },
      },
    }, async (req, reply) => {
      const body = req.body;
      if (body.mode === 'ambient' && body.consent?.obtained !== true) {
        throw new AppError(422, 'CONSENT_REQUIRED', 'Ambient recording needs consent.obtained: true');
      }
      const session = await withTransaction(deps.pool, async (tx) => {
        const s = await insertSession(tx, req.principal.orgId, body, req.principal.keyId);
        await recordAudit(tx, { ...actorOf(req), action: 'session.create', resourceType: 'session', resourceId: s.id });
        return s;
      });
      return reply.code(201).send({ session, stream: streamGrant(deps.config, session.id, req.principal.orgId) });
    });

    r.get('/sessions/:id', {
      preHandler: requireScope('notes:read'),
      schema: {
        operationId: 'getSession', tags, summary: 'Get a session',
        params: IdParams, response: { 200: z.object({ session: Session }), ...errors },
      },
    }, async (req) => {
      const session = await getSession(deps.pool, req.principal.orgId, req.params.id);
      if (!session) throw notFound('Session');
      await recordAudit(deps.pool, { ...actorOf(req), action: 'session.read', resourceType: 'session', resourceId: session.id });
      return { session };
    });

    r.get('/sessions', {
      preHandler: requireScope('notes:read'),
      schema: {
        operationId: 'listSessions', tags, summary: 'List sessions, newest first, with cursor paging',
        querystring: ListSessionsQuery,
        response: { 200: z.object({ sessions: z.array(Session), nextCursor: z.string().nullable() }), ...errors },
      },
    }, async (req) => {
      const page = await listSessions(deps.pool, req.principal.orgId, req.query);
      await recordAuditMany(deps.pool, { ...actorOf(req), action: 'session.read', resourceType: 'session' }, page.sessions.map((s) => s.id));
      return page;
    });

    r.post('/sessions/:id/stream-token', {
      preHandler: requireScope('sessions:write'),
      schema: {
        operationId: 'issueStreamToken', tags, summary: 'Issue a fresh stream token (e.g. to reconnect after the first expired)',
        params: IdParams, response: { 200: z.object({ stream: StreamGrant }), ...errors },
      },
    }, async (req) => {
      const session = await getSession(deps.pool, req.principal.orgId, req.params.id);
      if (!session) throw notFound('Session');
      await recordAudit(deps.pool, { ...actorOf(req), action: 'session.stream_token', resourceType: 'session', resourceId: session.id });
      return { stream: streamGrant(deps.config, session.id, req.principal.orgId) };
    });
  };
}
