import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Signed tokens for opening the queue board in a browser (a browser cannot add an
 * `Authorization` header to a page load):
 * - `ticket`: in the one-time link `POST /v1/ops/board-sessions` returns; lives a minute and is
 *   redeemed once (the nonce is claimed in Redis).
 * - `cookie`: what redeeming the ticket sets; HttpOnly, scoped to the board's path, short-lived.
 * Both name the API key (its id, never the key) that asked for them; every request re-checks
 * that key, so revoking it or dropping its scope closes the board at once.
 */
export type BoardTokenKind = 'ticket' | 'cookie';

export interface BoardToken {
  keyId: string;
  /** Expiry, unix milliseconds. */
  exp: number;
  nonce: string;
}

/**
 * The board's signing key, derived from the stream-token secret with a purpose label, so a
 * board token can never pass as a stream token (or the other way round) and no new secret has
 * to be distributed.
 */
export function boardSigningKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('scribe/bull-board/v1').digest();
}

const sign = (key: Buffer, body: string) => createHmac('sha256', key).update(body).digest('base64url');

/** A token of `kind` for this API key, valid for `ttlMs`. */
export function signBoardToken(key: Buffer, kind: BoardTokenKind, keyId: string, ttlMs: number, now = Date.now()): { token: string } & BoardToken {
  const exp = now + ttlMs;
  const nonce = randomBytes(16).toString('base64url');
  const body = `${kind}.${keyId}.${exp}.${nonce}`;
  return { token: `${body}.${sign(key, body)}`, keyId, exp, nonce };
}

const SHAPE = /^(ticket|cookie)\.([0-9a-f-]{36})\.(\d{13})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

/** The token's claims when its signature, kind and expiry hold; otherwise null. */
export function verifyBoardToken(key: Buffer, kind: BoardTokenKind, token: string, now = Date.now()): BoardToken | null {
  const m = SHAPE.exec(token);
  if (!m || m[1] !== kind) return null;
  const body = `${m[1]}.${m[2]}.${m[3]}.${m[4]}`;
  const expected = Buffer.from(sign(key, body));
  const given = Buffer.from(m[5]!);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const exp = Number(m[3]);
  if (!(exp > now)) return null;
  return { keyId: m[2]!, exp, nonce: m[4]! };
}
