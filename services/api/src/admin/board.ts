import type { FastifyInstance } from 'fastify';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { Queryable } from '@scribe/db';
import { BOARD_COOKIE, BOARD_PATH, boardGuard, sendError } from './board-auth.ts';
import { signBoardToken, verifyBoardToken } from './board-tokens.ts';

/** How long the board cookie lasts after a link is opened. */
export const BOARD_COOKIE_TTL_MS = 30 * 60_000;

export interface BoardDeps {
  db: Queryable;
  /** Every queue the board shows: the pipeline stages and webhooks. */
  queues: Queue[];
  signingKey: Buffer;
  /** Claims a ticket's nonce once; false when it was already used. */
  claimTicket: (nonce: string, ttlMs: number) => Promise<boolean>;
}

/**
 * The BullMQ dashboard (bull-board) at `/admin/queues`, read-only, behind `ops:read`. Job data
 * is ids only and failure reasons are `CODE: message` without PHI, so the board shows none.
 * `GET /admin/queues/login?ticket=` redeems a one-time link into a short-lived HttpOnly cookie
 * scoped to the board's path, so a browser can open it without sending headers.
 */
export async function registerBoard(app: FastifyInstance, deps: BoardDeps): Promise<void> {
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(BOARD_PATH);
  createBullBoard({
    queues: deps.queues.map((q) => new BullMQAdapter(q, { readOnlyMode: true })),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Scribe queues' } },
  });

  app.get(`${BOARD_PATH}/login`, { schema: { hide: true }, logLevel: 'warn' }, async (req, reply) => {
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    const ticket = (req.query as Record<string, unknown>).ticket;
    const claims = typeof ticket === 'string' ? verifyBoardToken(deps.signingKey, 'ticket', ticket) : null;
    if (!claims || !(await deps.claimTicket(claims.nonce, claims.exp - Date.now()))) {
      return sendError(reply, 401, 'BOARD_LINK_INVALID', 'The board link is invalid, expired or already used; ask for a new one with POST /v1/ops/board-sessions');
    }
    const cookie = signBoardToken(deps.signingKey, 'cookie', claims.keyId, BOARD_COOKIE_TTL_MS);
    const secure = req.protocol === 'https' ? '; Secure' : '';
    reply.header('set-cookie', `${BOARD_COOKIE}=${cookie.token}; Path=${BOARD_PATH}; Max-Age=${BOARD_COOKIE_TTL_MS / 1000}; HttpOnly; SameSite=Strict${secure}`);
    return reply.code(303).header('location', `${BOARD_PATH}/`).send();
  });

  await app.register(async (scope) => {
    scope.addHook('onRequest', boardGuard(deps.db, deps.signingKey));
    await scope.register(serverAdapter.registerPlugin(), { prefix: BOARD_PATH });
  });
}

/**
 * Ticket claims in Redis (`SET NX` with the ticket's remaining life), under the queues' key
 * prefix: a link works once, on any API instance.
 */
export function redisTicketClaim(queue: Queue, prefix: string): BoardDeps['claimTicket'] {
  return async (nonce, ttlMs) => {
    if (ttlMs <= 0) return false;
    // The queues run on ioredis (see @scribe/queue createRedis); BullMQ types its raw client as a
    // union of the clients it supports.
    const redis = (await queue.getBackend().client) as unknown as Redis;
    return (await redis.set(`${prefix}:board-ticket:${nonce}`, '1', 'PX', Math.ceil(ttlMs), 'NX')) === 'OK';
  };
}
