import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Scope } from '@scribe/domain';
import { authenticateApiKey, type ApiKeyPrincipal, type Queryable } from '@scribe/db';
import { verifyBoardToken } from './board-tokens.ts';

export const BOARD_PATH = '/admin/queues';
export const BOARD_COOKIE = 'scribe_board';

/** A key by its id, when it still exists unrevoked (the board cookie names the key by id). */
async function principalById(db: Queryable, keyId: string): Promise<ApiKeyPrincipal | null> {
  const { rows } = await db.query<{ id: string; org_id: string; scopes: Scope[] }>(
    'SELECT id, org_id, scopes FROM api_keys WHERE id = $1 AND revoked_at IS NULL',
    [keyId],
  );
  const r = rows[0];
  return r ? { keyId: r.id, orgId: r.org_id, scopes: r.scopes } : null;
}

/** One cookie's value from the Cookie header (no cookie library is needed for one name). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The error envelope, sent directly: the board's plugin installs its own error handler. */
export function sendError(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).header('content-type', 'application/json; charset=utf-8')
    .send(JSON.stringify({ error: { code, message, requestId: String(reply.request.id) } }));
}

/**
 * Who is asking for the board: an `Authorization: Bearer <api key>` header (curl, scripts, a
 * header-adding proxy) or the board cookie a one-time link set. Null when neither holds.
 */
async function boardPrincipal(req: FastifyRequest, db: Queryable, signingKey: Buffer): Promise<ApiKeyPrincipal | null> {
  const header = req.headers.authorization;
  if (header !== undefined) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    return m ? authenticateApiKey(db, m[1]!) : null;
  }
  const cookie = readCookie(req.headers.cookie, BOARD_COOKIE);
  const claims = cookie ? verifyBoardToken(signingKey, 'cookie', cookie) : null;
  return claims ? principalById(db, claims.keyId) : null;
}

const hasOpsRead = (p: ApiKeyPrincipal) => p.scopes.includes('ops:read') || p.scopes.includes('admin');

/**
 * The board's `onRequest` guard: 401 without a valid key or cookie, 403 without `ops:read`,
 * 405 for anything but reads (the board is read-only: re-drives go through
 * `POST /v1/ops/sessions/{id}/retry`, which keeps the session record and the audit trail).
 * Board pages are never cached or framed.
 */
export function boardGuard(db: Queryable, signingKey: Buffer) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    reply.header('cache-control', 'no-store').header('x-frame-options', 'DENY').header('referrer-policy', 'no-referrer');
    const principal = await boardPrincipal(req, db, signingKey);
    if (!principal) {
      return sendError(reply, 401, 'UNAUTHORIZED', 'Send Authorization: Bearer <api key>, or open a link from POST /v1/ops/board-sessions');
    }
    if (!hasOpsRead(principal)) return sendError(reply, 403, 'FORBIDDEN', 'API key lacks the ops:read scope');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendError(reply, 405, 'READ_ONLY', 'The queue board is read-only; re-drive a failed session with POST /v1/ops/sessions/{id}/retry');
    }
    req.log.debug({ keyId: principal.keyId }, 'queue board access');
  };
}
