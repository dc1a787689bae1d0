import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { verifyStreamToken, type StreamTokenClaims } from '@scribe/domain';
import { AudioConnection, type StreamDeps } from '../stream/connection.ts';
import type { ConnectionRegistry } from '../stream/registry.ts';

declare module 'fastify' {
  interface FastifyRequest {
    streamClaims: StreamTokenClaims | null;
  }
}

const Params = z.object({ id: z.uuid() });
const Query = z.object({ token: z.string().min(1).max(2048) });

const refuse = (req: FastifyRequest, reply: FastifyReply, status: number, code: string, message: string) =>
  reply.code(status).send({ error: { code, message, requestId: req.id } });

/**
 * `GET /v1/sessions/:id/audio?token=` upgrades to the audio WebSocket. The stream token is
 * verified in preValidation, before the upgrade: a bad, expired or other-session token gets
 * a plain HTTP 401 and no socket. The token never reaches a log (the logger drops the query).
 */
export function audioRoutes(deps: StreamDeps & { tokenSecret: string; registry: ConnectionRegistry }) {
  return async (app: FastifyInstance) => {
    app.decorateRequest('streamClaims', null);
    app.get('/v1/sessions/:id/audio', {
      websocket: true,
      preValidation: async (req, reply) => {
        const params = Params.safeParse(req.params);
        if (!params.success) return refuse(req, reply, 400, 'VALIDATION_FAILED', 'session id must be a UUID');
        const query = Query.safeParse(req.query);
        if (!query.success) return refuse(req, reply, 401, 'UNAUTHORIZED', 'a stream token is required (?token=)');
        const check = verifyStreamToken(deps.tokenSecret, query.data.token, params.data.id);
        if (!check.ok) {
          const message = check.reason === 'expired' ? 'stream token has expired; ask the API for a fresh one' : 'stream token is not valid for this session';
          return refuse(req, reply, 401, 'UNAUTHORIZED', message);
        }
        req.streamClaims = check.claims;
      },
    }, (socket, req) => {
      const claims = req.streamClaims!;
      // Constructed synchronously: its message handlers exist before any await.
      const conn = new AudioConnection(socket, claims.sid, { orgId: claims.org, actor: 'system:gateway', actorKeyId: null, requestId: req.id }, deps, (c) => deps.registry.remove(c));
      deps.registry.add(conn);
    });
  };
}
