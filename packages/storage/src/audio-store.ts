import { createHash, randomUUID } from 'node:crypto';
import { withTransaction, type Pool, type PoolClient, type Queryable } from '@scribe/db';
import { inTransaction } from './session-lock.ts';
import type { BlobStore } from './blob-store.ts';
import { objectKeys } from './blob-store.ts';
import { aad, newDataKey, open, seal } from './envelope.ts';
import { StorageError } from './errors.ts';
import type { KeyWrapper } from './key-wrapper.ts';
import { insertDataKey, selectDataKey } from './data-keys.repo.ts';
import { deleteChunksThrough, insertSegment, listChunks, listSegments, selectDictationText, storedPosition, type ChunkRow, type SegmentRow } from './manifest.repo.ts';
import { holdsEpoch, selectStream, type AudioSource } from './streams.repo.ts';
import type { SourceFormat } from '@scribe/audio';

export interface AudioStoreDeps {
  pool: Pool;
  blobs: BlobStore;
  keys: KeyWrapper;
}

export interface AudioInfo {
  source: AudioSource;
  format: SourceFormat | null;
  bytes: number;
  lastSeq: number;
  segments: number;
}

const sha256hex = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * A session's encrypted audio: data keys (wrapped by the KEK), segments in the blob store
 * with their manifest rows, the durable tail, and dictated text. The reader verifies every
 * GCM tag, every SHA-256 and the sequence contiguity, and throws on the first mismatch:
 * tampered or missing audio is never returned silently.
 */
export class AudioStore {
  constructor(readonly deps: AudioStoreDeps) {}

  get blobs(): BlobStore {
    return this.deps.blobs;
  }

  /** The session's data key, creating (and wrapping) it on first use. Throws AUDIO_SHREDDED once destroyed. */
  async dataKey(sessionId: string, opts: { create: boolean }): Promise<Buffer> {
    let row = await selectDataKey(this.deps.pool, sessionId);
    if (!row && opts.create) {
      const key = newDataKey();
      const wrapped = await this.deps.keys.wrap(key, aad.dataKey(sessionId));
      if (await insertDataKey(this.deps.pool, sessionId, wrapped, this.deps.keys.currentKekId)) return key;
      // Another writer created it first: use theirs, never two keys for one session.
      row = await selectDataKey(this.deps.pool, sessionId);
    }
    if (!row) throw new StorageError('AUDIO_MISSING', 'session has no audio key');
    if (!row.wrapped) throw new StorageError('AUDIO_SHREDDED', 'session audio was destroyed');
    return this.deps.keys.unwrap(row.wrapped, row.kekId, aad.dataKey(sessionId));
  }

  /**
   * Encrypt and store one segment, then record it in the manifest (and drop the tail
   * chunks it replaces) in one transaction, but only while `epoch` is still the session's
   * writer. If the writer was superseded the object is deleted again and STREAM_SUPERSEDED
   * thrown, so a segment is never stored twice.
   */
  async writeSegment(
    sessionId: string,
    key: Buffer,
    seg: { index: number; firstSeq: number; lastSeq: number; plaintext: Buffer; writer: string; epoch: number },
    opts: { dropChunksThrough?: number; tx?: (q: Queryable) => Promise<void>; client?: PoolClient } = {},
  ): Promise<SegmentRow> {
    const sealed = seal(key, seg.plaintext, aad.segment(sessionId, seg.index));
    const row: SegmentRow = {
      index: seg.index, firstSeq: seg.firstSeq, lastSeq: seg.lastSeq, byteCount: seg.plaintext.length,
      sha256: sha256hex(seg.plaintext), objectKey: objectKeys.segment(sessionId, seg.writer, seg.index), nonce: sealed.nonce,
    };
    await this.deps.blobs.put(row.objectKey, sealed.ciphertext);
    try {
      const record = async (tx: Queryable) => {
        if (!(await holdsEpoch(tx, sessionId, seg.epoch))) throw new StorageError('STREAM_SUPERSEDED', 'another writer took the session over');
        await insertSegment(tx, sessionId, row);
        if (opts.dropChunksThrough !== undefined) await deleteChunksThrough(tx, sessionId, opts.dropChunksThrough);
        await opts.tx?.(tx);
      };
      const client = opts.client;
      if (client) await inTransaction(client, () => record(client));
      else await withTransaction(this.deps.pool, record);
    } catch (err) {
      await this.deps.blobs.delete(row.objectKey).catch(() => {});
      throw err;
    }
    return row;
  }

  /** Decrypt the durable tail (chunks acked but not yet in a segment), checking contiguity from `afterSeq`. */
  async readTail(sessionId: string, key: Buffer, afterSeq: number, q: Queryable = this.deps.pool): Promise<Array<ChunkRow & { plaintext: Buffer }>> {
    const chunks = await listChunks(q, sessionId);
    let expect = afterSeq + 1;
    return chunks.map((c) => {
      if (c.firstSeq !== expect) throw new StorageError('AUDIO_TAMPERED', `tail chunk starts at ${c.firstSeq}, expected ${expect}`);
      const plaintext = open(key, c.nonce, c.ciphertext, aad.chunk(sessionId, c.firstSeq, c.lastSeq));
      if (plaintext.length !== c.byteCount) throw new StorageError('AUDIO_TAMPERED', 'tail chunk length differs from its record');
      expect = c.lastSeq + 1;
      return { ...c, plaintext };
    });
  }

  /**
   * A session's audio as one ordered stream of verified plaintext: every segment, then any
   * durable tail. Throws AUDIO_SHREDDED after a delete, AUDIO_TAMPERED on any altered,
   * reordered or truncated segment, AUDIO_MISSING when an object is gone.
   */
  async *openSessionAudio(sessionId: string): AsyncGenerator<Buffer> {
    const key = await this.dataKey(sessionId, { create: false });
    const segments = await listSegments(this.deps.pool, sessionId);
    let expectSeq = 1;
    // Fetch one object ahead so a remote store's latency overlaps decryption.
    let next: Promise<Buffer> | null = segments[0] ? this.fetch(segments[0].objectKey) : null;
    for (let i = 0; i < segments.length; i++) {
      const s = segments[i]!;
      if (s.index !== i || s.firstSeq !== expectSeq) throw new StorageError('AUDIO_TAMPERED', `segment manifest is not contiguous at index ${i}`);
      const blob = await next!;
      next = segments[i + 1] ? this.fetch(segments[i + 1]!.objectKey) : null;
      next?.catch(() => {});
      const plaintext = open(key, s.nonce, blob, aad.segment(sessionId, s.index));
      if (plaintext.length !== s.byteCount || sha256hex(plaintext) !== s.sha256) {
        throw new StorageError('AUDIO_TAMPERED', `segment ${s.index} does not match its manifest hash`);
      }
      expectSeq = s.lastSeq + 1;
      yield plaintext;
    }
    for (const c of await this.readTail(sessionId, key, expectSeq - 1)) yield c.plaintext;
  }

  /** The whole recording in memory (the worker's input for transcription). */
  async readSessionAudio(sessionId: string): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const p of this.openSessionAudio(sessionId)) parts.push(p);
    return Buffer.concat(parts);
  }

  /** What kind of audio a session holds, or null when none was ever started. */
  async audioInfo(sessionId: string): Promise<AudioInfo | null> {
    const stream = await selectStream(this.deps.pool, sessionId);
    if (!stream) return null;
    const pos = await storedPosition(this.deps.pool, sessionId);
    const { rows } = await this.deps.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM audio_segments WHERE session_id = $1', [sessionId]);
    return { source: stream.source, format: stream.format, bytes: pos.bytes, lastSeq: pos.lastSeq, segments: rows[0]!.n };
  }

  /** Text dictated on the device (the transcript source of a session that skips ASR), or null. */
  async readDictationText(sessionId: string): Promise<string | null> {
    const row = await selectDictationText(this.deps.pool, sessionId);
    if (!row) {
      const key = await selectDataKey(this.deps.pool, sessionId);
      if (key && !key.wrapped) throw new StorageError('AUDIO_SHREDDED', 'session audio was destroyed');
      return null;
    }
    const key = await this.dataKey(sessionId, { create: false });
    const plaintext = open(key, row.nonce, await this.fetch(row.objectKey), aad.text(sessionId));
    if (sha256hex(plaintext) !== row.sha256) throw new StorageError('AUDIO_TAMPERED', 'dictation text does not match its hash');
    return plaintext.toString('utf8');
  }

  /** Encrypt and store dictated text; returns its manifest row (the caller records it in its transaction). */
  async putDictationText(sessionId: string, key: Buffer, text: string) {
    const plaintext = Buffer.from(text, 'utf8');
    const sealed = seal(key, plaintext, aad.text(sessionId));
    const objectKey = objectKeys.dictationText(sessionId, randomUUID());
    await this.deps.blobs.put(objectKey, sealed.ciphertext);
    return { objectKey, nonce: sealed.nonce, sha256: sha256hex(plaintext), charCount: text.length };
  }

  private async fetch(objectKey: string): Promise<Buffer> {
    try {
      return await this.deps.blobs.get(objectKey);
    } catch (err) {
      if (err instanceof StorageError && err.code === 'BLOB_NOT_FOUND') throw new StorageError('AUDIO_MISSING', 'a stored audio object is missing');
      throw err;
    }
  }
}
