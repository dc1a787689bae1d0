import type { Queryable } from '@scribe/db';
import type { SourceFormat } from '@scribe/audio';

export type AudioSource = 'stream' | 'upload' | 'text';

export interface StreamRow {
  source: AudioSource;
  format: SourceFormat | null;
  epoch: number;
  accepting: boolean;
}

type Raw = { source: AudioSource; encoding: SourceFormat['encoding'] | null; sample_rate: number | null; channels: number | null; writer_epoch: number; accepting: boolean };

const toRow = (r: Raw): StreamRow => ({
  source: r.source,
  format: r.encoding ? { encoding: r.encoding, sampleRate: r.sample_rate ?? undefined, channels: r.channels ?? undefined } : null,
  epoch: r.writer_epoch,
  accepting: r.accepting,
});

export async function selectStream(q: Queryable, sessionId: string, opts: { forUpdate?: boolean } = {}): Promise<StreamRow | null> {
  const { rows } = await q.query<Raw>(
    `SELECT source, encoding, sample_rate, channels, writer_epoch, accepting FROM audio_streams WHERE session_id = $1${opts.forUpdate ? ' FOR UPDATE' : ''}`,
    [sessionId],
  );
  return rows[0] ? toRow(rows[0]) : null;
}

/**
 * Become the session's writer: create its stream row, or bump the epoch of an open one.
 * Waits for in-flight writes of the previous writer (they hold the row FOR SHARE) and
 * makes every later write of theirs fail. Returns null when the stream no longer accepts
 * audio or holds another source.
 */
export async function takeOverStream(q: Queryable, sessionId: string, source: AudioSource, format: SourceFormat | null): Promise<StreamRow | null> {
  const { rows } = await q.query<Raw>(
    `INSERT INTO audio_streams (session_id, source, encoding, sample_rate, channels, writer_epoch)
     VALUES ($1, $2, $3, $4, $5, 1)
     ON CONFLICT (session_id) DO UPDATE SET writer_epoch = audio_streams.writer_epoch + 1, updated_at = now()
       WHERE audio_streams.accepting AND audio_streams.source = EXCLUDED.source
     RETURNING source, encoding, sample_rate, channels, writer_epoch, accepting`,
    [sessionId, source, format?.encoding ?? null, format?.sampleRate ?? null, format?.channels ?? null],
  );
  return rows[0] ? toRow(rows[0]) : null;
}

/** Close a stream to audio: bump the epoch (so any live writer is refused) and stop accepting. */
export async function closeStream(q: Queryable, sessionId: string): Promise<number | null> {
  const { rows } = await q.query<{ writer_epoch: number }>(
    `UPDATE audio_streams SET writer_epoch = writer_epoch + 1, accepting = false, updated_at = now()
     WHERE session_id = $1 RETURNING writer_epoch`,
    [sessionId],
  );
  return rows[0]?.writer_epoch ?? null;
}

/** Claim a session for a one-shot source (upload or text): create a closed stream row or convert an unused one. */
export async function claimOneShot(q: Queryable, sessionId: string, source: 'upload' | 'text', format: SourceFormat | null): Promise<void> {
  await q.query(
    `INSERT INTO audio_streams (session_id, source, encoding, sample_rate, channels, writer_epoch, accepting)
     VALUES ($1, $2, $3, $4, $5, 1, false)
     ON CONFLICT (session_id) DO UPDATE SET source = EXCLUDED.source, encoding = EXCLUDED.encoding,
       sample_rate = EXCLUDED.sample_rate, channels = EXCLUDED.channels,
       writer_epoch = audio_streams.writer_epoch + 1, accepting = false, updated_at = now()`,
    [sessionId, source, format?.encoding ?? null, format?.sampleRate ?? null, format?.channels ?? null],
  );
}

/** Is `epoch` still the session's writer? Locks the row FOR SHARE so a takeover waits for this transaction. */
export async function holdsEpoch(q: Queryable, sessionId: string, epoch: number): Promise<boolean> {
  const { rowCount } = await q.query(
    'SELECT 1 FROM audio_streams WHERE session_id = $1 AND writer_epoch = $2 FOR SHARE',
    [sessionId, epoch],
  );
  return (rowCount ?? 0) > 0;
}

/** Lock a session's stream row if it exists (the first lock of every ingest transaction; see lockSessionHead). */
export async function lockStreamRow(q: Queryable, sessionId: string): Promise<void> {
  await q.query('SELECT 1 FROM audio_streams WHERE session_id = $1 FOR UPDATE', [sessionId]);
}
