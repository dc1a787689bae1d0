import type { Speaker } from '@scribe/domain';
import type { Queryable } from './pool.ts';

/** One final result of a live (streaming) transcription, on the session's audio clock. */
export interface LiveFinal {
  /** The audio socket's stream epoch (one live engine stream per socket). */
  streamEpoch: number;
  /** Order within that socket's live stream, from 1. */
  ordinal: number;
  speaker: Speaker;
  /** Seconds from the first byte of the session's recording. */
  start: number;
  end: number;
  text: string;
}

/**
 * Store live finals of one session. Nothing is stored for a session that is cancelled (or
 * not in `orgId`): the session row is read FOR SHARE, which waits for a concurrent cancel
 * (its FOR NO KEY UPDATE) and then sees `cancelled`; a cancel that starts later waits for
 * this insert and deletes its rows. A row stored twice (same epoch and ordinal) is kept
 * once. Returns the rows inserted.
 */
export async function insertLiveFinals(
  q: Queryable,
  orgId: string,
  sessionId: string,
  source: { engine: string; model: string },
  finals: LiveFinal[],
): Promise<number> {
  if (finals.length === 0) return 0;
  const { rowCount } = await q.query(
    `INSERT INTO live_transcripts (session_id, org_id, stream_epoch, ordinal, speaker, start_sec, end_sec, text, engine, model)
     SELECT s.id, s.org_id, r.epoch, r.ordinal, r.speaker, r.start_sec, r.end_sec, r.text, $3, $4
     FROM (SELECT id, org_id FROM sessions WHERE id = $1 AND org_id = $2 AND status <> 'cancelled' FOR SHARE) s
     CROSS JOIN unnest($5::int[], $6::int[], $7::text[], $8::float8[], $9::float8[], $10::text[])
       AS r(epoch, ordinal, speaker, start_sec, end_sec, text)
     ON CONFLICT DO NOTHING`,
    [
      sessionId, orgId, source.engine, source.model,
      finals.map((f) => f.streamEpoch), finals.map((f) => f.ordinal), finals.map((f) => f.speaker),
      finals.map((f) => f.start), finals.map((f) => f.end), finals.map((f) => f.text),
    ],
  );
  return rowCount ?? 0;
}

/**
 * A session's live finals in the order they were spoken (by start time; ties by socket and
 * ordinal). Empty for another organisation's session.
 */
export async function listLiveFinals(q: Queryable, orgId: string, sessionId: string): Promise<LiveFinal[]> {
  const { rows } = await q.query<{ stream_epoch: number; ordinal: number; speaker: Speaker; start_sec: number; end_sec: number; text: string }>(
    `SELECT stream_epoch, ordinal, speaker, start_sec, end_sec, text FROM live_transcripts
     WHERE session_id = $1 AND org_id = $2 ORDER BY start_sec, stream_epoch, ordinal`,
    [sessionId, orgId],
  );
  return rows.map((r) => ({ streamEpoch: r.stream_epoch, ordinal: r.ordinal, speaker: r.speaker, start: r.start_sec, end: r.end_sec, text: r.text }));
}

/** Delete a session's live finals (cancellation; call inside the cancelling transaction). */
export async function deleteLiveFinals(q: Queryable, sessionId: string): Promise<number> {
  const { rowCount } = await q.query('DELETE FROM live_transcripts WHERE session_id = $1', [sessionId]);
  return rowCount ?? 0;
}
