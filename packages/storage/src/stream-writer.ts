import { createHash, type Hash } from 'node:crypto';
import { withTransaction, recordAudit } from '@scribe/db';
import type { SourceFormat } from '@scribe/audio';
import type { AudioStore } from './audio-store.ts';
import { aad, seal } from './envelope.ts';
import { StorageError } from './errors.ts';
import { storedPosition } from './manifest.repo.ts';
import { lockSessionHead } from './session-audio.repo.ts';
import { takeOverStream } from './streams.repo.ts';
import type { TailWriter } from './tail-writer.ts';
import type { Limiter } from './limiter.ts';
import { jitter, resolveFormat, sameFormat } from './stream-format.ts';

export interface StreamWriterDeps {
  store: AudioStore;
  tail: TailWriter;
  /** Pack durable frames into a segment object once about this many bytes accumulate. */
  segmentTargetBytes: number;
  /**
   * Shared by all writers of a process: bounds concurrent segment writes, so a burst of
   * rollovers cannot take every pool connection, CPU slice and I/O thread from the ack path.
   */
  segmentLimiter?: Limiter;
}

export interface StreamWriterEvents {
  /** Every frame up to `seq` is durably stored (encrypted): send the ack. */
  durable(seq: number): void;
  /** Memory was released (a chunk committed or a segment was written): a paused socket may resume. */
  released(): void;
  /** Storage failed or the session was taken away: the socket must close. Called once. */
  failed(err: Error): void;
}

/** Who opened the stream, for the audit log. */
export interface AuditActor {
  orgId: string;
  actor: string;
  actorKeyId: string | null;
  requestId?: string | null;
}

/** Facts this writer saw from the first byte (only when it streamed the whole recording). */
export interface KnownAudio {
  bytes: number;
  sha256: string;
  /** The first bytes of the stream (a WAV header lives there). */
  head: Buffer;
}

interface Run {
  firstSeq: number;
  lastSeq: number;
  plaintext: Buffer;
}

const HEAD_BYTES = 64 * 1024;
/** Largest single commit of one socket's frames. */
const MAX_CHUNK_BYTES = 256 * 1024;

/**
 * One socket's write path, independent of the transport. Frames are accepted in sequence
 * order; while one chunk commits (TailWriter group commit), the next frames accumulate and
 * go as the next chunk, so a socket never has more than one commit in flight (a chunk waits
 * at most the TailWriter's commit interval). `durable(seq)` fires only after the commit. Committed runs are
 * packed into a segment object once `segmentTargetBytes` accumulate; that write runs in the
 * background and does not delay acks.
 */
export class StreamWriter {
  /** Highest sequence stored when the writer opened (`ready.lastSeq`). */
  readonly openedAtSeq: number;
  private acceptedSeq: number;
  private durableSeq: number;
  private totalBytes: number;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private inFlight: Run | null = null;
  private tail: Run[] = [];
  private tailBytes = 0;
  private segmentInFlight = 0;
  private nextIndex: number;
  private markRecording: boolean;
  private hash: Hash | null;
  private head: Buffer[] = [];
  private headBytes = 0;
  private failure: Error | null = null;
  private segmentTarget: number;
  private idleWaiters: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];

  private constructor(
    private readonly deps: StreamWriterDeps,
    readonly sessionId: string,
    readonly epoch: number,
    readonly format: SourceFormat,
    private readonly key: Buffer,
    init: { lastSeq: number; bytes: number; nextIndex: number; tail: Run[]; markRecording: boolean },
    private events: StreamWriterEvents,
  ) {
    this.openedAtSeq = this.acceptedSeq = this.durableSeq = init.lastSeq;
    this.totalBytes = init.bytes;
    this.nextIndex = init.nextIndex;
    this.tail = init.tail;
    this.tailBytes = init.tail.reduce((n, r) => n + r.plaintext.length, 0);
    this.markRecording = init.markRecording;
    this.segmentTarget = jitter(deps.segmentTargetBytes);
    // The running hash is exact only when this writer sees the stream from its first byte.
    this.hash = init.lastSeq === 0 ? createHash('sha256') : null;
  }

  /**
   * Become the session's writer (superseding any earlier socket), and load where its stored
   * audio stands. `requested` is the format from the client's `start`; fields it omits come
   * from the session or an earlier socket. Throws StorageError SESSION_NOT_OPEN or
   * FORMAT_MISMATCH.
   */
  static async open(
    deps: StreamWriterDeps,
    sessionId: string,
    requested: Partial<SourceFormat>,
    actor: AuditActor,
    events: StreamWriterEvents,
  ): Promise<StreamWriter> {
    const pool = deps.store.deps.pool;
    const { format, epoch, markRecording } = await withTransaction(pool, async (tx) => {
      // The stream row first (waits for the previous writer's in-flight commits), then the session.
      const { rows } = await tx.query<{ audio_format: SourceFormat | null }>('SELECT audio_format FROM sessions WHERE id = $1', [sessionId]);
      const row = await takeOverStream(tx, sessionId, 'stream', resolveFormat(requested, rows[0]?.audio_format ?? null));
      const head = await lockSessionHead(tx, sessionId);
      if (!row || !head || head.orgId !== actor.orgId || (head.status !== 'created' && head.status !== 'recording')) {
        throw new StorageError('SESSION_NOT_OPEN', 'session is not open for audio');
      }
      const wanted = resolveFormat(requested, head.audioFormat);
      const stored = row.format ?? wanted;
      if (!stored) throw new StorageError('FORMAT_MISMATCH', 'start must name an encoding (none was given at session creation)');
      if (wanted && !sameFormat(wanted, stored)) throw new StorageError('FORMAT_MISMATCH', `this stream was started as ${stored.encoding}`);
      await recordAudit(tx, { ...actor, action: 'audio.stream.open', resourceType: 'session', resourceId: sessionId });
      return { format: stored, epoch: row.epoch, markRecording: head.status === 'created' };
    });
    const key = await deps.store.dataKey(sessionId, { create: true });
    const pos = await storedPosition(pool, sessionId);
    const tail = await deps.store.readTail(sessionId, key, pos.segmentLastSeq);
    return new StreamWriter(deps, sessionId, epoch, format, key, {
      lastSeq: pos.lastSeq, bytes: pos.bytes, nextIndex: pos.nextIndex, markRecording,
      tail: tail.map((c) => ({ firstSeq: c.firstSeq, lastSeq: c.lastSeq, plaintext: c.plaintext })),
    }, events);
  }

  /** Highest sequence accepted into memory (durable or on its way). */
  get accepted(): number {
    return this.acceptedSeq;
  }

  get durable(): number {
    return this.durableSeq;
  }

  /** Bytes of audio accepted so far, stored or pending. */
  get bytes(): number {
    return this.totalBytes;
  }

  /** Audio this writer holds in memory (pending, committing, not yet in a segment). */
  get memoryBytes(): number {
    return this.pendingBytes + (this.inFlight?.plaintext.length ?? 0) + this.tailBytes;
  }

  get failed(): Error | null {
    return this.failure;
  }

  /** Accept the next frame. The caller has checked `seq === accepted + 1` (the protocol's job). */
  append(seq: number, payload: Buffer): void {
    if (this.failure) return;
    if (seq !== this.acceptedSeq + 1) throw new Error(`frame ${seq} out of order (expected ${this.acceptedSeq + 1})`);
    this.acceptedSeq = seq;
    this.totalBytes += payload.length;
    this.pending.push(payload);
    this.pendingBytes += payload.length;
    this.hash?.update(payload);
    if (this.hash && this.headBytes < HEAD_BYTES) {
      this.head.push(payload.subarray(0, HEAD_BYTES - this.headBytes));
      this.headBytes += Math.min(payload.length, HEAD_BYTES - this.headBytes);
    }
    this.submitNext();
  }

  /** Resolves when every accepted frame is durable and no segment write is running; rejects if the writer failed. */
  idle(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve, reject) => this.idleWaiters.push({ resolve, reject }));
  }

  /** Byte count and SHA-256 of everything accepted, when this writer saw the stream from byte one. Call when idle. */
  knownAudio(): KnownAudio | null {
    if (!this.hash) return null;
    return { bytes: this.totalBytes, sha256: this.hash.copy().digest('hex'), head: Buffer.concat(this.head) };
  }

  /** Stop reporting to the socket (it is gone); queued work still completes. */
  detach(): void {
    this.events = { durable: () => {}, released: () => {}, failed: () => {} };
  }

  private isIdle(): boolean {
    return this.pending.length === 0 && !this.inFlight && this.segmentInFlight === 0;
  }

  private settleIdle(): void {
    if (this.failure) for (const w of this.idleWaiters.splice(0)) w.reject(this.failure);
    else if (this.isIdle()) for (const w of this.idleWaiters.splice(0)) w.resolve();
  }

  private fail(err: Error): void {
    if (this.failure) return;
    this.failure = err;
    this.pending = [];
    this.pendingBytes = 0;
    this.settleIdle();
    this.events.failed(err);
  }

  private submitNext(): void {
    if (this.inFlight || this.pending.length === 0 || this.failure) return;
    // A burst (a client resending a backlog) goes out as several commits of bounded size, so
    // segments stay near the target size and one commit never carries megabytes.
    const limit = Math.max(1, Math.min(this.deps.segmentTargetBytes, MAX_CHUNK_BYTES));
    let take = 0;
    let takeBytes = 0;
    while (take < this.pending.length && (take === 0 || takeBytes + this.pending[take]!.length <= limit)) {
      takeBytes += this.pending[take]!.length;
      take++;
    }
    const parts = this.pending.splice(0, take);
    const plaintext = parts.length === 1 ? parts[0]! : Buffer.concat(parts, takeBytes);
    const firstSeq = this.acceptedSeq - this.pending.length - take + 1;
    const run: Run = { firstSeq, lastSeq: firstSeq + take - 1, plaintext };
    this.pendingBytes -= takeBytes;
    this.inFlight = run;
    const sealed = seal(this.key, plaintext, aad.chunk(this.sessionId, run.firstSeq, run.lastSeq));
    this.deps.tail
      .submit({
        sessionId: this.sessionId, epoch: this.epoch, firstSeq: run.firstSeq, lastSeq: run.lastSeq,
        byteCount: plaintext.length, nonce: sealed.nonce, ciphertext: sealed.ciphertext, markRecording: this.markRecording,
      })
      .then((result) => {
        this.inFlight = null;
        if (result === 'refused') {
          this.fail(new StorageError('STREAM_SUPERSEDED', 'the session no longer accepts audio from this connection'));
          return;
        }
        this.markRecording = false;
        this.durableSeq = run.lastSeq;
        this.tail.push(run);
        this.tailBytes += run.plaintext.length;
        this.events.durable(run.lastSeq);
        this.maybeWriteSegment();
        this.submitNext();
        this.events.released();
        this.settleIdle();
      }, (err: Error) => {
        this.inFlight = null;
        this.fail(err);
      });
  }

  private maybeWriteSegment(): void {
    if (this.segmentInFlight || this.tailBytes < this.segmentTarget || this.failure) return;
    const runs: Run[] = [];
    let bytes = 0;
    const target = this.segmentTarget;
    // Streams that started together would otherwise roll over together, every few seconds, in a burst.
    this.segmentTarget = jitter(this.deps.segmentTargetBytes);
    for (const r of this.tail) {
      if (runs.length > 0 && bytes >= target) break;
      runs.push(r);
      bytes += r.plaintext.length;
    }
    const plaintext = Buffer.concat(runs.map((r) => r.plaintext), bytes);
    const firstSeq = runs[0]!.firstSeq;
    const lastSeq = runs[runs.length - 1]!.lastSeq;
    this.segmentInFlight++;
    const write = () => this.deps.store.writeSegment(this.sessionId, this.key,
      { index: this.nextIndex, firstSeq, lastSeq, plaintext, writer: `s${this.epoch}`, epoch: this.epoch }, { dropChunksThrough: lastSeq });
    (this.deps.segmentLimiter ? this.deps.segmentLimiter.run(write) : write())
      .then(() => {
        this.segmentInFlight--;
        this.nextIndex++;
        this.tail = this.tail.slice(runs.length);
        this.tailBytes -= plaintext.length;
        this.maybeWriteSegment();
        this.events.released();
        this.settleIdle();
      }, (err: Error) => {
        this.segmentInFlight--;
        this.fail(err);
      });
  }
}
