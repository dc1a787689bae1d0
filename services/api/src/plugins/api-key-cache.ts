import { hash } from 'node:crypto';
import { authenticateApiKey, type ApiKeyPrincipal, type Queryable } from '@scribe/db';

export interface ApiKeyCacheOptions {
  /** How long a verified key is trusted without reading its row again; 0 reads it on every call. */
  ttlMs: number;
  /** Most keys remembered at once (the oldest entry goes first); bounds memory. */
  maxEntries?: number;
  /** Clock in ms (tests move it). */
  now?: () => number;
}

/**
 * Resolves a presented API key to its principal, or null when unknown, malformed or revoked: at
 * once when the key is cached and verified, else by a promise.
 */
export type ApiKeyAuthenticator = (presented: string) => ApiKeyPrincipal | null | Promise<ApiKeyPrincipal | null>;

/** One principal object serves many requests: freeze it so no request can change another's. */
function frozen(p: ApiKeyPrincipal | null): ApiKeyPrincipal | null {
  if (p) Object.freeze(Object.freeze(p).scopes);
  return p;
}

interface Entry {
  expiresAt: number;
  principal: Promise<ApiKeyPrincipal | null>;
  /** The principal once the lookup has verified the key. */
  verified?: ApiKeyPrincipal;
}

/**
 * `authenticateApiKey` behind a short-lived in-process cache, so a busy client does not cost a
 * key lookup per request. Only keys that verified are kept, so unknown or revoked keys always
 * reach the database and cannot fill the cache. Entries are keyed by the SHA-256 of the
 * presented key: no plaintext key is retained, and finding an entry by hash is as strong as
 * the stored-hash comparison it replaces. An entry expires `ttlMs` after its lookup *started*,
 * so a revocation or scope change is seen within `ttlMs`. Concurrent first requests with the
 * same key share one lookup.
 */
export function createApiKeyAuthenticator(db: Queryable, opts: ApiKeyCacheOptions): ApiKeyAuthenticator {
  const { ttlMs, maxEntries = 10_000, now = Date.now } = opts;
  if (ttlMs <= 0) return (presented) => authenticateApiKey(db, presented);
  const entries = new Map<string, Entry>();

  return (presented) => {
    const id = hash('sha256', presented, 'base64');
    const t = now();
    const hit = entries.get(id);
    if (hit && hit.expiresAt > t) return hit.verified ?? hit.principal;
    if (hit) entries.delete(id);
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
    const entry: Entry = { expiresAt: t + ttlMs, principal: authenticateApiKey(db, presented).then(frozen) };
    entries.set(id, entry);
    // Forget failures (and lookups that threw) once they settle: only a verified key is trusted.
    const forget = () => {
      if (entries.get(id) === entry) entries.delete(id);
    };
    entry.principal.then((p) => {
      if (p) entry.verified = p;
      else forget();
    }, forget);
    return entry.principal;
  };
}
