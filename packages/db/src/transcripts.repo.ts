import { transcriptSha256, type Transcript, type Utterance } from '@scribe/domain';
import type { Queryable } from './pool.ts';
import { compact } from './rows.ts';

/**
 * Store a session's transcript. Exactly one per session: a second call (a retried or
 * duplicated stage) changes nothing and returns false.
 */
export async function insertTranscript(q: Queryable, orgId: string, sessionId: string, t: Transcript): Promise<boolean> {
  const { rowCount } = await q.query(
    `INSERT INTO transcripts (session_id, org_id, engine, model, language, utterances, sha256)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (session_id) DO NOTHING`,
    [sessionId, orgId, t.engine, t.model, t.language ?? null, JSON.stringify(t.utterances), transcriptSha256(t.utterances)],
  );
  return (rowCount ?? 0) > 0;
}

export interface StoredTranscript extends Transcript {
  sha256: string;
}

/** The transcript of a session in `orgId` (null if none, or another organisation's). */
export async function getTranscript(q: Queryable, orgId: string, sessionId: string): Promise<StoredTranscript | null> {
  const { rows } = await q.query<{ engine: string; model: string; language: string | null; utterances: Utterance[]; sha256: string }>(
    'SELECT engine, model, language, utterances, sha256 FROM transcripts WHERE session_id = $1 AND org_id = $2',
    [sessionId, orgId],
  );
  const r = rows[0];
  return r ? (compact({ engine: r.engine, model: r.model, language: r.language, utterances: r.utterances, sha256: r.sha256 }) as StoredTranscript) : null;
}
