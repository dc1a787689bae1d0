import type { Queryable } from '@scribe/db';

export interface DataKeyRow {
  wrapped: Buffer | null;
  kekId: string;
  destroyedAt: Date | null;
}

/** Store a wrapped key unless the session already has one (or a destroyed one); returns whether ours was stored. */
export async function insertDataKey(q: Queryable, sessionId: string, wrapped: Buffer, kekId: string): Promise<boolean> {
  const { rowCount } = await q.query(
    'INSERT INTO audio_data_keys (session_id, wrapped_key, kek_id) VALUES ($1, $2, $3) ON CONFLICT (session_id) DO NOTHING',
    [sessionId, wrapped, kekId],
  );
  return (rowCount ?? 0) > 0;
}

export async function selectDataKey(q: Queryable, sessionId: string): Promise<DataKeyRow | null> {
  const { rows } = await q.query<{ wrapped_key: Buffer | null; kek_id: string; destroyed_at: Date | null }>(
    'SELECT wrapped_key, kek_id, destroyed_at FROM audio_data_keys WHERE session_id = $1',
    [sessionId],
  );
  const r = rows[0];
  return r ? { wrapped: r.wrapped_key, kekId: r.kek_id, destroyedAt: r.destroyed_at } : null;
}

/**
 * Crypto-shred: forget the wrapped key (or record that none may ever be made). After this
 * commits no code path can decrypt the session's segments, tail chunks or text.
 */
export async function destroyDataKey(q: Queryable, sessionId: string): Promise<void> {
  await q.query(
    `INSERT INTO audio_data_keys (session_id, wrapped_key, kek_id, destroyed_at) VALUES ($1, NULL, 'none', now())
     ON CONFLICT (session_id) DO UPDATE SET wrapped_key = NULL, destroyed_at = coalesce(audio_data_keys.destroyed_at, now())`,
    [sessionId],
  );
}
