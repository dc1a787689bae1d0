import type { WebSocket } from '@fastify/websocket';
import type { Logger, Metrics } from '@scribe/observability';
import { enqueueStage, type StageQueues } from '@scribe/queue';
import { parseWavHeader, pcmByteRate, type SourceFormat } from '@scribe/audio';
import { finishRecording, StorageError, StreamWriter, type AudioStore, type AuditActor, type Limiter, type TailWriter } from '@scribe/storage';
import type { LiveHandle, LiveHub } from '../live/live-hub.ts';
import { AckMeter } from './ack-meter.ts';
import { CloseCode, type ServerMessage, type TranscriptMessage } from './messages.ts';
import { StreamProtocol, type Action, type ProtocolLimits } from './stream-protocol.ts';

export interface StreamDeps {
  store: AudioStore;
  tail: TailWriter;
  /** Bounds concurrent segment writes across all sockets. */
  segmentLimiter: Limiter;
  queues: StageQueues;
  limits: ProtocolLimits;
  segmentTargetBytes: number;
  idleTimeoutMs: number;
  logger: Logger;
  metrics: Metrics;
  /** Live transcription, when an engine streams (TRANSCRIBER=deepgram, DEEPGRAM_LIVE=true). */
  live?: LiveHub | undefined;
}

/** How long `ended` may wait for the live engine's last finals. */
const LIVE_END_GRACE_MS = 3_000;

/** Wait for `p`, but no longer than `ms`. */
function within(p: Promise<unknown>, ms: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]).finally(() => clearTimeout(timer));
}

/** Pause reading a socket whose unsegmented audio in memory passes this many bytes; resume below half. */
const pauseAbove = (segmentTargetBytes: number) => 4 * segmentTargetBytes + 256 * 1024;

/** Close reasons sent for storage refusals (codes in API.md). */
function closeFor(err: unknown): { code: number; error: string; message: string } {
  if (err instanceof StorageError) {
    switch (err.code) {
      case 'SESSION_NOT_OPEN':
      case 'STREAM_SUPERSEDED':
      case 'AUDIO_SHREDDED':
        return { code: CloseCode.notOpen, error: err.code === 'STREAM_SUPERSEDED' ? 'STREAM_SUPERSEDED' : 'SESSION_NOT_OPEN', message: err.message };
      case 'FORMAT_MISMATCH':
        return { code: CloseCode.badMessage, error: 'FORMAT_MISMATCH', message: err.message };
      case 'NO_AUDIO':
        return { code: CloseCode.badMessage, error: 'NO_AUDIO', message: err.message };
      default:
        break;
    }
  }
  return { code: CloseCode.internal, error: 'INTERNAL', message: 'internal error; reconnect and resume from the last ack' };
}

/**
 * One audio socket: feeds socket messages to the protocol, executes its actions against
 * storage, and reports storage outcomes back. Handlers are attached in the constructor,
 * synchronously, before anything awaits, so no early message is lost.
 */
export class AudioConnection {
  readonly protocol: StreamProtocol;
  private writer: StreamWriter | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private paused = false;
  private storedAtOpen = 0;
  /** From the WAV header when this socket saw it; otherwise the highest common rate (48 kHz stereo), so the estimate errs short. */
  private wavByteRate = 192_000;
  private finished: Promise<void> | null = null;
  private live: LiveHandle | null = null;
  private readonly meter: AckMeter;
  private readonly log: Logger;

  constructor(
    private readonly socket: WebSocket,
    readonly sessionId: string,
    private readonly actor: AuditActor,
    private readonly deps: StreamDeps,
    private readonly onGone: (c: AudioConnection) => void,
  ) {
    this.log = deps.logger.child({ sessionId });
    this.meter = new AckMeter(deps.metrics);
    deps.metrics.wsConnections.inc();
    const openedAt = Date.now();
    this.protocol = new StreamProtocol(sessionId, deps.limits, (bytes, format) => this.audioSeconds(bytes, format, openedAt));
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      this.touch();
      this.run(isBinary ? this.protocol.onBinary(data) : this.protocol.onText(data.toString('utf8')));
    });
    socket.on('close', () => this.gone());
    socket.on('error', () => socket.terminate());
    this.touch();
  }

  /** Stop intake, make durable (and ack) what was accepted, then close with 1001. */
  async shutdown(): Promise<void> {
    if (this.protocol.state === 'ending' && this.finished) {
      await this.finished.catch(() => {});
      return;
    }
    this.socket.pause();
    await this.writer?.idle().catch(() => {});
    // Read again so the client's half of the closing handshake arrives (later audio is ignored: the protocol is closed).
    this.paused = false;
    this.socket.resume();
    this.run(this.protocol.fail(CloseCode.goingAway, 'SHUTTING_DOWN', 'server is restarting; reconnect and resume from the last ack'));
  }

  /** Another socket took this session over. */
  supersede(): void {
    this.run(this.protocol.fail(CloseCode.notOpen, 'STREAM_SUPERSEDED', 'a newer connection took this session over'));
  }

  private run(actions: Action[]): void {
    for (const a of actions) {
      switch (a.kind) {
        case 'send':
          if (a.msg.type === 'ack') this.meter.acked(a.msg.seq);
          this.send(a.msg);
          break;
        case 'close':
          this.close(a.code);
          break;
        case 'open':
          this.open(a.format);
          break;
        case 'append':
          if (a.seq === 1 && this.writer!.format.encoding === 'wav') this.wavByteRate = wavByteRate(a.payload);
          this.writer!.append(a.seq, a.payload);
          this.meter.accepted(a.seq, a.payload.length);
          this.live?.accepted(a.seq, a.payload);
          if (!this.paused && this.writer!.memoryBytes > pauseAbove(this.deps.segmentTargetBytes)) {
            // Storage is slower than the client: stop reading; TCP pushes back on the sender.
            this.paused = true;
            this.socket.pause();
          }
          break;
        case 'finish':
          this.finished = this.finish();
          break;
      }
    }
  }

  private open(format: Partial<SourceFormat>): void {
    StreamWriter.open({ store: this.deps.store, tail: this.deps.tail, segmentTargetBytes: this.deps.segmentTargetBytes, segmentLimiter: this.deps.segmentLimiter }, this.sessionId, format, this.actor, {
      durable: (seq) => {
        this.run(this.protocol.onDurable(seq));
        this.live?.durable(seq);
      },
      released: () => this.maybeResume(),
      failed: (err) => this.failWith(err),
    }).then((writer) => {
      this.writer = writer;
      this.storedAtOpen = writer.bytes;
      if (this.protocol.state === 'closed') {
        writer.detach();
        return;
      }
      this.log.info({ lastSeq: writer.openedAtSeq, epoch: writer.epoch }, 'audio stream opened');
      this.meter.opened(writer.openedAtSeq);
      // Before onOpened: the early frames it replays are accepted frames the relay must see.
      this.live = this.deps.live?.start({
        sessionId: this.sessionId, orgId: this.actor.orgId, epoch: writer.epoch, format: writer.format,
        storedBytes: writer.bytes, log: this.log, own: (msg) => this.sendTranscript(msg),
      }) ?? null;
      this.run(this.protocol.onOpened(writer.openedAtSeq, writer.bytes, writer.format));
    }, (err) => this.failWith(err));
  }

  private async finish(): Promise<void> {
    try {
      const writer = this.writer!;
      await writer.idle();
      // Every accepted frame is durable and went to the live stream: flush its last finals
      // while the recording is finished, and relay them before `ended` (waiting at most a
      // short grace: a slow engine must not hold up the end of ingest; later finals are still stored).
      const live = this.live?.end();
      const result = await finishRecording(this.deps.store, this.sessionId, { actor: this.actor, known: writer.knownAudio() });
      if (result.measureError) this.log.warn({ code: result.measureError }, 'recorded audio could not be measured');
      // The pipeline is queued only after the recorded status committed (inside finishRecording).
      if (result.enqueue) await enqueueStage(this.deps.queues, 'transcribe', { sessionId: this.sessionId, run: 0 });
      if (live) await within(live, LIVE_END_GRACE_MS);
      const facts = result.facts ?? { durationSec: 0, bytes: writer.bytes };
      this.log.info({ bytes: facts.bytes, durationSec: facts.durationSec }, 'audio stream ended');
      this.run(this.protocol.onFinished(facts.durationSec, facts.bytes));
    } catch (err) {
      this.failWith(err);
    }
  }

  private failWith(err: unknown): void {
    const c = closeFor(err);
    if (c.code === CloseCode.internal) {
      this.log.error({ errType: (err as Error)?.name, errCode: (err as { code?: string })?.code }, 'audio stream failed');
    } else {
      this.log.info({ code: c.error }, 'audio stream refused');
    }
    this.run(this.protocol.fail(c.code, c.error, c.message));
  }

  private maybeResume(): void {
    if (this.paused && this.writer && this.writer.memoryBytes < pauseAbove(this.deps.segmentTargetBytes) / 2) {
      this.paused = false;
      this.socket.resume();
    }
  }

  /** A live transcript line, while this socket streams; false when it cannot take one. */
  private sendTranscript(msg: TranscriptMessage): boolean {
    const state = this.protocol.state;
    if (this.socket.readyState !== this.socket.OPEN || (state !== 'streaming' && state !== 'ending')) return false;
    this.socket.send(JSON.stringify(msg));
    return true;
  }

  private send(msg: ServerMessage): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(msg));
  }

  private close(code: number): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.close(code);
    // A client that never completes the closing handshake must not hold the socket.
    setTimeout(() => this.socket.terminate(), 5_000).unref();
  }

  private touch(): void {
    if (this.idleTimer) this.idleTimer.refresh();
    else {
      this.idleTimer = setTimeout(() => {
        this.run(this.protocol.fail(CloseCode.idle, 'IDLE_TIMEOUT', 'no message within the idle timeout'));
      }, this.deps.idleTimeoutMs);
      this.idleTimer.unref();
    }
  }

  /**
   * Seconds of audio for the duration limit: exact for raw PCM and WAV; for Opus in
   * WebM/Ogg, which cannot be measured without decoding, the stored audio at 24 kbit/s plus
   * wall-clock time since this socket opened (a real-time client sends at real time).
   */
  private audioSeconds(bytes: number, format: SourceFormat, openedAt: number): number {
    if (format.encoding === 'pcm_s16le') return bytes / pcmByteRate(format.sampleRate, format.channels);
    if (format.encoding === 'wav') return bytes / this.wavByteRate;
    return (this.writer?.openedAtSeq ? (this.storedAtOpen / 3000) : 0) + (Date.now() - openedAt) / 1000;
  }

  /**
   * The live stream of a socket that went away: once the detached writer settled, the frames
   * it made durable after the socket closed are forwarded too (a newer socket resumes after
   * them), then the engine flushes its last finals. Never throws.
   */
  private async endLive(live: LiveHandle, writer: StreamWriter | null): Promise<void> {
    if (writer) {
      await writer.idle().catch(() => {});
      live.durable(writer.durable);
    }
    await live.end();
  }

  private gone(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.protocol.fail(CloseCode.normal, 'GONE', 'socket closed');
    // Frames already accepted still become durable (a resend after reconnect is then acked, not stored twice).
    this.writer?.detach();
    this.deps.metrics.wsConnections.dec();
    this.onGone(this);
    if (this.live) void this.endLive(this.live, this.writer);
  }
}

function wavByteRate(first: Buffer): number {
  try {
    return parseWavHeader(first)?.byteRate ?? 192_000;
  } catch {
    return 192_000;
  }
}
