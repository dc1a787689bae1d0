import { createHash } from 'node:crypto';
import { recordAudit } from '@scribe/db';
import { AudioError, measureAudio, parseWavHeader, pcmByteRate, wavDurationSec, type SourceFormat } from '@scribe/audio';
import type { AudioStore } from './audio-store.ts';
import { StorageError } from './errors.ts';
import { storedPosition } from './manifest.repo.ts';
import { lockSessionHead, markRecorded, type RecordedFacts } from './session-audio.repo.ts';
import { closeStream, selectStream } from './streams.repo.ts';
import { inTransaction, withSessionLock } from './session-lock.ts';
import type { AuditActor, KnownAudio } from './stream-writer.ts';

export interface FinishResult {
  /** False when the session had already finished (idempotent repeat). */
  changed: boolean;
  /** The pipeline should be (re)queued: the session is `recorded` and not yet picked up. */
  enqueue: boolean;
  facts?: RecordedFacts;
  /** Why the duration could not be measured (the audio did not decode), for the caller's log. */
  measureError?: string;
}

const DONE = new Set(['recorded', 'transcribing', 'transcribed', 'drafting', 'drafted']);

/**
 * End a streamed recording: stop the stream (any live socket is refused from here on),
 * pack the durable tail into a last segment, measure the stored audio (bytes, SHA-256,
 * duration) and mark the session `recorded` with an audit event. Idempotent and safe to
 * re-run after a crash at any step; concurrent callers are serialised per session. The
 * caller queues the pipeline after this returns (after the commit), when `enqueue`.
 *
 * `known` is the writing socket's own count and hash; it is used only if it covers exactly
 * the stored bytes, otherwise the stored audio is read back and verified.
 */
export async function finishRecording(
  store: AudioStore,
  sessionId: string,
  opts: { actor: AuditActor; known?: KnownAudio | null; ffmpegPath?: string },
): Promise<FinishResult> {
  return withSessionLock(store.deps.pool, sessionId, async (client) => {
    const step1 = await inTransaction(client, async () => {
      const stream = await selectStream(client, sessionId, { forUpdate: true });
      const head = await lockSessionHead(client, sessionId);
      if (!head) throw new StorageError('SESSION_NOT_OPEN', 'session not found');
      if (DONE.has(head.status)) return { done: true as const, enqueue: head.status === 'recorded' };
      if (head.status !== 'recording') {
        if (head.status === 'created') throw new StorageError('NO_AUDIO', 'the session has no audio yet');
        throw new StorageError('SESSION_NOT_OPEN', `the session is ${head.status}`);
      }
      if (!stream?.format) throw new StorageError('NO_AUDIO', 'the session has no audio yet');
      const epoch = (await closeStream(client, sessionId))!;
      return { done: false as const, epoch, format: stream.format };
    });
    if (step1.done) return { changed: false, enqueue: step1.enqueue };

    const key = await store.dataKey(sessionId, { create: false });
    const pos = await storedPosition(client, sessionId);
    const tail = await store.readTail(sessionId, key, pos.segmentLastSeq, client);
    if (tail.length > 0) {
      await store.writeSegment(sessionId, key, {
        index: pos.nextIndex, firstSeq: tail[0]!.firstSeq, lastSeq: tail[tail.length - 1]!.lastSeq,
        plaintext: Buffer.concat(tail.map((c) => c.plaintext)), writer: `s${step1.epoch}`, epoch: step1.epoch,
      }, { dropChunksThrough: tail[tail.length - 1]!.lastSeq, client });
    }
    if (pos.bytes === 0) throw new StorageError('NO_AUDIO', 'the session has no audio yet');

    const { facts, measureError } = await measure(store, sessionId, step1.format, pos.bytes, opts);
    const changed = await inTransaction(client, async () => {
      const ok = await markRecorded(client, sessionId, facts);
      if (ok) await recordAudit(client, { ...opts.actor, action: 'audio.recorded', resourceType: 'session', resourceId: sessionId });
      return ok;
    });
    return { changed, enqueue: changed, facts, ...(measureError ? { measureError } : {}) };
  });
}

/** Bytes, SHA-256 and duration: from the socket's own running hash when exact, else by reading the audio back. */
async function measure(
  store: AudioStore,
  sessionId: string,
  format: SourceFormat,
  storedBytes: number,
  opts: { known?: KnownAudio | null; ffmpegPath?: string },
): Promise<{ facts: RecordedFacts; measureError?: string }> {
  const known = opts.known && opts.known.bytes === storedBytes ? opts.known : null;
  if (known && format.encoding === 'pcm_s16le') {
    return { facts: { bytes: known.bytes, sha256: known.sha256, durationSec: round(known.bytes / pcmByteRate(format.sampleRate, format.channels)) } };
  }
  if (known && format.encoding === 'wav') {
    try {
      const info = parseWavHeader(known.head);
      if (info) return { facts: { bytes: known.bytes, sha256: known.sha256, durationSec: round(wavDurationSec(info, known.bytes)) } };
    } catch {
      // fall through to the full read, which reports the problem
    }
  }
  try {
    const f = await measureAudio(store.openSessionAudio(sessionId), format, { ffmpegPath: opts.ffmpegPath });
    return { facts: { bytes: f.bytes, sha256: f.sha256, durationSec: f.durationSec } };
  } catch (err) {
    if (!(err instanceof AudioError)) throw err;
    // The bytes are stored and verified; only the duration is unknown. Keep the recording
    // (nothing acked is ever dropped) and let transcription report the decode failure.
    const hash = createHash('sha256');
    let bytes = 0;
    for await (const c of store.openSessionAudio(sessionId)) {
      hash.update(c);
      bytes += c.length;
    }
    return { facts: { bytes, sha256: hash.digest('hex'), durationSec: 0 }, measureError: err.code };
  }
}

const round = (n: number) => Math.round(n * 1000) / 1000;
