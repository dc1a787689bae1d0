import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Scope } from '@scribe/domain';
import type { Queryable } from './pool.ts';

export interface ApiKeyPrincipal {
  keyId: string;
  orgId: string;
  scopes: Scope[];
}

const KEY_PATTERN = /^sk_([a-f0-9]{16})_([A-Za-z0-9_-]{43})$/;
const hashKey = (key: string) => createHash('sha256').update(key).digest();

/** Find an organisation by name, creating it if new. */
export async function ensureOrganisation(q: Queryable, name: string): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO organisations (name) VALUES ($1)
     ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
    [name],
  );
  return rows[0]!.id;
}

/**
 * Create a key for an organisation. Returns the plaintext key, which is never stored:
 * the caller shows it once.
 */
export async function createApiKey(
  q: Queryable,
  input: { orgId: string; scopes: Scope[]; label?: string },
): Promise<{ id: string; key: string; prefix: string }> {
  const prefix = randomBytes(8).toString('hex');
  const key = `sk_${prefix}_${randomBytes(32).toString('base64url')}`;
  const { rows } = await q.query<{ id: string }>(
    'INSERT INTO api_keys (org_id, prefix, key_hash, scopes, label) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [input.orgId, prefix, hashKey(key), input.scopes, input.label ?? null],
  );
  return { id: rows[0]!.id, key, prefix };
}

/** Resolve a presented key to its principal, or null when unknown, malformed or revoked. */
export async function authenticateApiKey(q: Queryable, presented: string): Promise<ApiKeyPrincipal | null> {
  const m = KEY_PATTERN.exec(presented);
  if (!m) return null;
  const { rows } = await q.query<{ id: string; org_id: string; key_hash: Buffer; scopes: Scope[] }>(
    'SELECT id, org_id, key_hash, scopes FROM api_keys WHERE prefix = $1 AND revoked_at IS NULL',
    [m[1]],
  );
  const row = rows[0];
  if (!row || !timingSafeEqual(row.key_hash, hashKey(presented))) return null;
  return { keyId: row.id, orgId: row.org_id, scopes: row.scopes };
}

/** Revoke a key by its public prefix (the 16 hex characters after `sk_`). */
export async function revokeApiKey(q: Queryable, prefix: string): Promise<boolean> {
  const { rowCount } = await q.query('UPDATE api_keys SET revoked_at = now() WHERE prefix = $1 AND revoked_at IS NULL', [prefix]);
  return (rowCount ?? 0) > 0;
}
