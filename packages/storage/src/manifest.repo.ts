import type { Queryable } from '@scribe/db';

export interface SegmentRow {
  index: number;
  firstSeq: number;
  lastSeq: number;
  byteCount: number;
  sha256: string;
  objectKey: string;
  nonce: Buffer;
}

export interface ChunkRow {
  firstSeq: number;
  lastSeq: number;
  byteCount: number;
  nonce: Buffer;
  ciphertext: Buffer;
}

type RawSegment = { segment_index: number; first_seq: string; last_seq: string; byte_count: number; sha256: string; object_key: string; nonce: Buffer };

/** The manifest in order. */
export async function listSegments(q: Queryable, sessionId: string): Promise<SegmentRow[]> {
  const { rows } = await q.query<RawSegment>(
    `SELECT segment_index, first_seq, last_seq, byte_count, sha256, object_key, nonce
     FROM audio_segments WHERE session_id = $1 ORDER BY segment_index`,
    [sessionId],
  );
  return rows.map((r) => ({
    index: r.segment_index, firstSeq: Number(r.first_seq), lastSeq: Number(r.last_seq), byteCount: r.byte_count,
    sha256: r.sha256, objectKey: r.object_key, nonce: r.nonce,
  }));
}

export async function insertSegment(q: Queryable, sessionId: string, s: SegmentRow): Promise<void> {
  await q.query(
    `INSERT INTO audio_segments (session_id, segment_index, first_seq, last_seq, byte_count, sha256, object_key, nonce)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [sessionId, s.index, s.firstSeq, s.lastSeq, s.byteCount, s.sha256, s.objectKey, s.nonce],
  );
}

/** The durable tail (acked frames not yet in a segment), in order. */
export async function listChunks(q: Queryable, sessionId: string): Promise<ChunkRow[]> {
  const { rows } = await q.query<{ first_seq: string; last_seq: string; byte_count: number; nonce: Buffer; ciphertext: Buffer }>(
    'SELECT first_seq, last_seq, byte_count, nonce, ciphertext FROM audio_pending_chunks WHERE session_id = $1 ORDER BY first_seq',
    [sessionId],
  );
  return rows.map((r) => ({ firstSeq: Number(r.first_seq), lastSeq: Number(r.last_seq), byteCount: r.byte_count, nonce: r.nonce, ciphertext: r.ciphertext }));
}

export async function deleteChunksThrough(q: Queryable, sessionId: string, lastSeq: number): Promise<void> {
  await q.query('DELETE FROM audio_pending_chunks WHERE session_id = $1 AND last_seq <= $2', [sessionId, lastSeq]);
}

/** Where a session's stored audio stands: highest stored sequence, bytes, next segment index. */
export async function storedPosition(q: Queryable, sessionId: string): Promise<{ lastSeq: number; bytes: number; nextIndex: number; segmentLastSeq: number }> {
  const { rows } = await q.query<{ seg_last: string | null; seg_bytes: string | null; next_index: number | null; tail_last: string | null; tail_bytes: string | null }>(
    `SELECT (SELECT max(last_seq) FROM audio_segments WHERE session_id = $1) AS seg_last,
            (SELECT sum(byte_count) FROM audio_segments WHERE session_id = $1) AS seg_bytes,
            (SELECT max(segment_index) + 1 FROM audio_segments WHERE session_id = $1) AS next_index,
            (SELECT max(last_seq) FROM audio_pending_chunks WHERE session_id = $1) AS tail_last,
            (SELECT sum(byte_count) FROM audio_pending_chunks WHERE session_id = $1) AS tail_bytes`,
    [sessionId],
  );
  const r = rows[0]!;
  const segmentLastSeq = Number(r.seg_last ?? 0);
  return {
    lastSeq: Math.max(segmentLastSeq, Number(r.tail_last ?? 0)),
    bytes: Number(r.seg_bytes ?? 0) + Number(r.tail_bytes ?? 0),
    nextIndex: r.next_index ?? 0,
    segmentLastSeq,
  };
}

export interface TextRow {
  objectKey: string;
  nonce: Buffer;
  sha256: string;
  charCount: number;
}

export async function insertDictationText(q: Queryable, sessionId: string, t: TextRow): Promise<void> {
  await q.query(
    'INSERT INTO dictation_texts (session_id, object_key, nonce, sha256, char_count) VALUES ($1, $2, $3, $4, $5)',
    [sessionId, t.objectKey, t.nonce, t.sha256, t.charCount],
  );
}

export async function selectDictationText(q: Queryable, sessionId: string): Promise<TextRow | null> {
  const { rows } = await q.query<{ object_key: string; nonce: Buffer; sha256: string; char_count: number }>(
    'SELECT object_key, nonce, sha256, char_count FROM dictation_texts WHERE session_id = $1',
    [sessionId],
  );
  const r = rows[0];
  return r ? { objectKey: r.object_key, nonce: r.nonce, sha256: r.sha256, charCount: r.char_count } : null;
}

/** Forget every stored-audio row of a session (after its key is destroyed); returns the object keys to purge. */
export async function deleteSessionAudioRows(q: Queryable, sessionId: string): Promise<string[]> {
  const segs = await q.query<{ object_key: string }>('DELETE FROM audio_segments WHERE session_id = $1 RETURNING object_key', [sessionId]);
  const texts = await q.query<{ object_key: string }>('DELETE FROM dictation_texts WHERE session_id = $1 RETURNING object_key', [sessionId]);
  await q.query('DELETE FROM audio_pending_chunks WHERE session_id = $1', [sessionId]);
  return [...segs.rows, ...texts.rows].map((r) => r.object_key);
}
