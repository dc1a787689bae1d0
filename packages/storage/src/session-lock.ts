import type { Pool, PoolClient } from '@scribe/db';
import { Limiter } from './limiter.ts';

/** Namespace of our advisory locks (the migration runner uses 727311001). */
const LOCK_CLASS = 727_311_100;

/**
 * Run `fn` holding a per-session advisory lock on one dedicated connection, which `fn`
 * uses for all its queries (so N concurrent holders need N connections, never 2N).
 * Serialises the rare multi-step operations (finish) whose steps span blob writes and
 * therefore cannot be one database transaction.
 */
export async function withSessionLock<T>(pool: Pool, sessionId: string, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const release = await slots(pool).acquire();
  try {
    return await holdLock(pool, sessionId, fn);
  } finally {
    release();
  }
}

async function holdLock<T>(pool: Pool, sessionId: string, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [LOCK_CLASS, sessionId]);
    try {
      return await fn(client);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [LOCK_CLASS, sessionId]).catch(() => {});
    }
  } finally {
    client.release();
  }
}

/**
 * At most half the pool may be held by lock holders at once: each also runs a few queries on
 * the pool (key, manifest reads), and a pool filled with holders waiting for a second
 * connection would deadlock (300 sockets ending at once do exactly that).
 */
const slotsByPool = new WeakMap<Pool, Limiter>();
function slots(pool: Pool): Limiter {
  let s = slotsByPool.get(pool);
  if (!s) {
    s = new Limiter(Math.floor((pool.options.max ?? 10) / 2));
    slotsByPool.set(pool, s);
  }
  return s;
}

/** BEGIN/COMMIT on a client the caller holds (withTransaction takes its own from the pool). */
export async function inTransaction<T>(client: PoolClient, fn: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await fn();
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  }
}
