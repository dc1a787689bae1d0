import type { Queryable } from '@scribe/db';
import type { SessionStatus } from '@scribe/domain';

export interface SessionHead {
  id: string;
  orgId: string;
  mode: 'ambient' | 'dictation';
  status: SessionStatus;
  audioFormat: { encoding: 'pcm_s16le' | 'wav' | 'webm_opus' | 'ogg_opus'; sampleRate?: number; channels?: number } | null;
}

/**
 * The few session fields ingest decides on, locked FOR NO KEY UPDATE (inside a transaction):
 * it serialises status changes without blocking the foreign-key checks of segment and chunk
 * inserts. Lock order everywhere in ingest: the audio_streams row first, then the session.
 */
export async function lockSessionHead(q: Queryable, sessionId: string): Promise<SessionHead | null> {
  const { rows } = await q.query<{ id: string; org_id: string; mode: SessionHead['mode']; status: SessionStatus; audio_format: SessionHead['audioFormat'] }>(
    'SELECT id, org_id, mode, status, audio_format FROM sessions WHERE id = $1 FOR NO KEY UPDATE',
    [sessionId],
  );
  const r = rows[0];
  return r ? { id: r.id, orgId: r.org_id, mode: r.mode, status: r.status, audioFormat: r.audio_format } : null;
}

export interface RecordedFacts {
  bytes: number;
  durationSec: number;
  sha256: string | null;
}

/** created|recording -> recorded with the audio's facts; false when the session had already moved on. */
export async function markRecorded(q: Queryable, sessionId: string, facts: RecordedFacts): Promise<boolean> {
  const { rowCount } = await q.query(
    `UPDATE sessions SET status = 'recorded', audio_bytes = $2, audio_duration_sec = $3, audio_sha256 = $4,
       recording_started_at = coalesce(recording_started_at, now()), ended_at = now(), updated_at = now()
     WHERE id = $1 AND status IN ('created', 'recording')`,
    [sessionId, facts.bytes, facts.durationSec, facts.sha256],
  );
  return (rowCount ?? 0) > 0;
}

/** Any status but cancelled -> cancelled. */
export async function markCancelled(q: Queryable, sessionId: string): Promise<boolean> {
  const { rowCount } = await q.query(
    `UPDATE sessions SET status = 'cancelled', ended_at = coalesce(ended_at, now()), updated_at = now()
     WHERE id = $1 AND status <> 'cancelled'`,
    [sessionId],
  );
  return (rowCount ?? 0) > 0;
}
