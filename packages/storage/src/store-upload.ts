import { createHash, randomUUID } from 'node:crypto';
import { withTransaction, recordAudit, type Queryable } from '@scribe/db';
import { measureAudio, type AudioFacts, type SourceFormat } from '@scribe/audio';
import type { AudioStore } from './audio-store.ts';
import { objectKeys } from './blob-store.ts';
import { StorageError } from './errors.ts';
import { insertDictationText, insertSegment, storedPosition, type SegmentRow } from './manifest.repo.ts';
import { lockSessionHead, markRecorded } from './session-audio.repo.ts';
import { claimOneShot, lockStreamRow, selectStream } from './streams.repo.ts';
import type { AuditActor } from './stream-writer.ts';
import { aad, seal } from './envelope.ts';

/** The upload exceeded MAX_UPLOAD_BYTES. */
export class UploadTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`upload exceeds ${limit} bytes`);
    this.name = 'UploadTooLargeError';
  }
}

export interface UploadOptions {
  actor: AuditActor;
  format: SourceFormat;
  maxBytes: number;
  segmentTargetBytes: number;
  /** Audit action: `audio.upload` (recording) or `dictation.upload`. */
  action: string;
  ffmpegPath?: string;
}

/**
 * Store a whole recording sent in one request, without holding it in memory: the body is
 * cut into segments, each encrypted and written as it fills, while the same bytes are
 * measured and validated (container magic, decodability through ffmpeg for WebM/Ogg).
 * Only when all of it is stored and valid does one transaction record the manifest and
 * mark the session `recorded`. On any failure the objects written so far are deleted and
 * the database is untouched: nothing half-stored. Throws AudioError (bad audio),
 * UploadTooLargeError, or StorageError SESSION_NOT_OPEN.
 */
export async function storeUpload(store: AudioStore, sessionId: string, body: AsyncIterable<Buffer>, opts: UploadOptions): Promise<AudioFacts> {
  await assertFreshSession(store, sessionId);
  const key = await store.dataKey(sessionId, { create: true });
  const writer = `u-${randomUUID()}`;
  const written: SegmentRow[] = [];

  async function* segmented(): AsyncGenerator<Buffer> {
    let parts: Buffer[] = [];
    let partBytes = 0;
    let total = 0;
    const flush = async () => {
      if (partBytes === 0) return;
      const plaintext = Buffer.concat(parts, partBytes);
      parts = [];
      partBytes = 0;
      const index = written.length;
      const sealed = seal(key, plaintext, aad.segment(sessionId, index));
      const row: SegmentRow = {
        index, firstSeq: index + 1, lastSeq: index + 1, byteCount: plaintext.length,
        sha256: createHash('sha256').update(plaintext).digest('hex'),
        objectKey: objectKeys.segment(sessionId, writer, index), nonce: sealed.nonce,
      };
      await store.blobs.put(row.objectKey, sealed.ciphertext);
      written.push(row);
    };
    for await (const raw of body) {
      const chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
      total += chunk.length;
      if (total > opts.maxBytes) throw new UploadTooLargeError(opts.maxBytes);
      yield chunk;
      // Cut at the target size whatever the network chunking, so segments stay a few seconds long.
      for (let off = 0; off < chunk.length;) {
        const piece = chunk.subarray(off, off + opts.segmentTargetBytes - partBytes);
        parts.push(piece);
        partBytes += piece.length;
        off += piece.length;
        if (partBytes >= opts.segmentTargetBytes) await flush();
      }
    }
    await flush();
  }

  try {
    const facts = await measureAudio(segmented(), opts.format, { strict: true, ffmpegPath: opts.ffmpegPath });
    await withTransaction(store.deps.pool, async (tx) => {
      await lockStreamRow(tx, sessionId);
      await assertFreshSession(store, sessionId, tx);
      await claimOneShot(tx, sessionId, 'upload', opts.format);
      for (const row of written) await insertSegment(tx, sessionId, row);
      await markRecorded(tx, sessionId, { bytes: facts.bytes, sha256: facts.sha256, durationSec: facts.durationSec });
      await recordAudit(tx, { ...opts.actor, action: opts.action, resourceType: 'session', resourceId: sessionId });
    });
    return facts;
  } catch (err) {
    await Promise.all(written.map((r) => store.blobs.delete(r.objectKey).catch(() => {})));
    throw err;
  }
}

/**
 * Store text dictated on the device as the session's transcript source (encrypted like
 * audio) and mark the session `recorded`; the pipeline then skips speech recognition.
 */
export async function storeDictationText(store: AudioStore, sessionId: string, text: string, actor: AuditActor): Promise<void> {
  await assertFreshSession(store, sessionId);
  const key = await store.dataKey(sessionId, { create: true });
  const row = await store.putDictationText(sessionId, key, text);
  try {
    await withTransaction(store.deps.pool, async (tx) => {
      await lockStreamRow(tx, sessionId);
      await assertFreshSession(store, sessionId, tx);
      await claimOneShot(tx, sessionId, 'text', null);
      await insertDictationText(tx, sessionId, row);
      await markRecorded(tx, sessionId, { bytes: 0, sha256: null, durationSec: 0 });
      await recordAudit(tx, { ...actor, action: 'dictation.text', resourceType: 'session', resourceId: sessionId });
    });
  } catch (err) {
    await store.blobs.delete(row.objectKey).catch(() => {});
    throw err;
  }
}

/**
 * A one-shot source (upload, text) is accepted only by a session that has no audio yet:
 * status `created` and nothing stored. Inside a transaction (`tx`) the session row is locked,
 * so two racing uploads cannot both win.
 */
async function assertFreshSession(store: AudioStore, sessionId: string, tx?: Queryable): Promise<void> {
  const q = tx ?? store.deps.pool;
  const status = tx
    ? (await lockSessionHead(tx, sessionId))?.status
    : (await q.query<{ status: string }>('SELECT status FROM sessions WHERE id = $1', [sessionId])).rows[0]?.status;
  if (status !== 'created') throw new StorageError('SESSION_NOT_OPEN', status ? `the session is ${status}` : 'session not found');
  const stream = await selectStream(q, sessionId);
  const pos = await storedPosition(q, sessionId);
  const text = await q.query('SELECT 1 FROM dictation_texts WHERE session_id = $1', [sessionId]);
  if ((stream && stream.source !== 'stream') || pos.bytes > 0 || (text.rowCount ?? 0) > 0) {
    throw new StorageError('SESSION_NOT_OPEN', 'the session already has audio');
  }
}
