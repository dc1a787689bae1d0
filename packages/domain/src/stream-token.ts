import { createHmac, timingSafeEqual } from 'node:crypto';

export interface StreamTokenClaims {
  /** Session the token opens; a token is good for this one session only. */
  sid: string;
  org: string;
  /** Expiry, unix seconds. */
  exp: number;
}

const sign = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest('base64url');

/**
 * A short-lived, single-session token for the audio WebSocket (browsers cannot set an
 * Authorization header on a WebSocket). Stateless: `base64url(claims).hmac`, verified by
 * the gateway with the shared secret. Carries ids only.
 */
export function issueStreamToken(secret: string, claims: StreamTokenClaims): string {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${body}.${sign(secret, body)}`;
}

export type StreamTokenCheck =
  | { ok: true; claims: StreamTokenClaims }
  | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' | 'wrong_session' };

/** Verify signature, expiry and that the token names `sessionId`. */
export function verifyStreamToken(secret: string, token: string, sessionId: string, nowSec = Math.floor(Date.now() / 1000)): StreamTokenCheck {
  const [body, mac, extra] = token.split('.');
  if (!body || !mac || extra !== undefined) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(sign(secret, body));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad_signature' };
  let claims: StreamTokenClaims;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as StreamTokenClaims;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof claims.exp !== 'number' || claims.exp <= nowSec) return { ok: false, reason: 'expired' };
  if (claims.sid !== sessionId) return { ok: false, reason: 'wrong_session' };
  return { ok: true, claims };
}
