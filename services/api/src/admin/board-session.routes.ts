import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorEnvelope } from '@scribe/domain';
import { requireScope } from '../plugins/auth.ts';
import { BOARD_PATH } from './board-auth.ts';
import { signBoardToken } from './board-tokens.ts';

/** How long a board link can wait before it is opened. */
export const BOARD_TICKET_TTL_MS = 60_000;

/**
 * `POST /v1/ops/board-sessions` (scope ops:read): a one-time link that opens the queue board in
 * a browser. The link holds a signed ticket valid for a minute and redeemable once; opening it
 * sets the board cookie. The URL is built from the address the caller used (for example
 * `http://localhost:3000` through `kubectl port-forward`), since the board is not routed by the
 * public Ingress.
 */
export function boardSessionRoutes(signingKey: Buffer) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().post('/ops/board-sessions', {
      preHandler: requireScope('ops:read'),
      schema: {
        operationId: 'createBoardSession', tags: ['ops'],
        summary: 'A one-time link (valid 60 s) that opens the read-only queue board at /admin/queues in a browser',
        response: {
          201: z.object({ url: z.string(), path: z.string(), expiresAt: z.string() }),
          401: ErrorEnvelope, 403: ErrorEnvelope,
        },
      },
    }, async (req, reply) => {
      const ticket = signBoardToken(signingKey, 'ticket', req.principal.keyId, BOARD_TICKET_TTL_MS);
      const path = `${BOARD_PATH}/login?ticket=${ticket.token}`;
      return reply.code(201).send({ url: `${req.protocol}://${req.host}${path}`, path, expiresAt: new Date(ticket.exp).toISOString() });
    });
  };
}
