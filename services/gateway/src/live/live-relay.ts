import type { Mode } from '@scribe/domain';
import type { Logger } from '@scribe/observability';
import { TranscriptionError, type LiveResult, type LiveStream, type LiveTranscriber } from '@scribe/transcription';
import type { TranscriptMessage } from '../stream/messages.ts';
import type { FinalSink } from './final-sink.ts';
import type { LivePlan, LiveUnavailable } from './live-plan.ts';

export interface LiveRelayOptions {
  transcriber: LiveTranscriber;
  sink: FinalSink;
  log: Logger;
  epoch: number;
  /** Resolves the session's mode and where this socket's live stream starts (reads the database). */
  prepare: () => Promise<{ mode: Mode; plan: LivePlan | LiveUnavailable }>;
  /** Hand a transcript message to the client. */
  deliver: (msg: TranscriptMessage) => void;
  /** A live stream stopped on an error of this kind (for the metric). */
  onFailure: (kind: string) => void;
  /** The engine took this long to accept the stream (for the metric). */
  onConnected?: (seconds: number) => void;
  /** Durable audio held while the engine connects; past it the live stream is abandoned. */
  maxBacklogBytes?: number;
  /** How long `end()` may take in all (engine flush, stored finals). */
  endTimeoutMs?: number;
}

type State = 'starting' | 'open' | 'off' | 'ended';

const round = (s: number) => Math.round(s * 1000) / 1000;

/**
 * One audio socket's live transcription. It sees the frames the socket accepts and which of
 * them became durable, and forwards durable audio, in sequence order and once, to one
 * engine stream; results come back with the engine's clock moved onto the session's (the
 * plan's offset), are relayed to the client, and finals are stored. Nothing here can
 * disturb ingest: every engine call is guarded, a failure turns the relay `off` (logged
 * with its code, counted, no more transcript messages) and the audio path never waits on
 * it except for a bounded flush at `end`.
 */
export class LiveRelay {
  private state: State = 'starting';
  private stream: LiveStream | null = null;
  /** Accepted frames not yet durable. */
  private pending: Array<{ seq: number; payload: Buffer }> = [];
  /** Durable audio waiting for the engine to connect. */
  private backlog: Buffer[] = [];
  private backlogBytes = 0;
  private skip = 0;
  private offsetSec = 0;
  private finals = 0;
  private readonly started: Promise<void>;
  private ending: Promise<void> | null = null;
  private readonly abort = new AbortController();

  /** Audio bytes sent to the engine so far (after any skipped partial sample). */
  sentBytes = 0;

  constructor(private readonly o: LiveRelayOptions) {
    this.started = this.start();
  }

  /** A frame the socket accepted (not yet durable). */
  accepted(seq: number, payload: Buffer): void {
    if (this.state === 'starting' || this.state === 'open') this.pending.push({ seq, payload });
  }

  /** Every accepted frame up to `seq` is durable: forward it. */
  durable(seq: number): void {
    let n = 0;
    while (n < this.pending.length && this.pending[n]!.seq <= seq) this.forward(this.pending[n++]!.payload);
    if (n > 0) this.pending.splice(0, n);
  }

  /**
   * The socket is done (ended, cut, superseded or shutting down; the caller has reported its
   * last durable frame): ask the engine to finalize, close its stream (it flushes its last
   * finals, still relayed and stored) and wait for the finals to be stored. Audio not durable
   * by now is dropped. Bounded by `endTimeoutMs`; never rejects; idempotent.
   */
  end(): Promise<void> {
    this.ending ??= this.finish();
    return this.ending;
  }

  private async start(): Promise<void> {
    let prepared: Awaited<ReturnType<LiveRelayOptions['prepare']>>;
    try {
      prepared = await this.o.prepare();
    } catch (err) {
      // Our side (the database), not the engine: logged, not counted as a provider error.
      return this.turnOff({ code: 'PREPARE_FAILED', errCode: (err as { code?: string })?.code }, 'live transcription could not start', 'error');
    }
    const { mode, plan } = prepared;
    if ('unavailable' in plan) return this.turnOff({ code: plan.unavailable }, 'live transcription not available for this socket', 'info');
    if (this.state !== 'starting') return;
    try {
      this.skip = plan.skipBytes;
      this.offsetSec = plan.offsetSec;
      const t0 = performance.now();
      const stream = await this.o.transcriber.open({
        ...plan.open,
        mode,
        onResult: (r) => this.onResult(r),
        onError: (e) => this.turnOff(e, 'live transcription stopped'),
        signal: this.abort.signal,
      });
      this.o.onConnected?.((performance.now() - t0) / 1000);
      if (this.state !== 'starting') {
        await stream.close().catch(() => {});
        return;
      }
      this.stream = stream;
      this.state = 'open';
      for (const b of this.backlog.splice(0)) this.send(b);
      this.backlogBytes = 0;
    } catch (err) {
      this.turnOff(failureOf(err), 'live transcription could not start');
    }
  }

  private forward(payload: Buffer): void {
    if (this.state === 'open') this.send(payload);
    else if (this.state === 'starting') {
      // Held as received: the plan (and its skip) may not be known yet.
      this.backlog.push(payload);
      this.backlogBytes += payload.length;
      if (this.backlogBytes > (this.o.maxBacklogBytes ?? 4 * 1024 * 1024)) this.turnOff({ code: 'LIVE_BACKLOG', kind: 'transient' }, 'live transcription fell behind');
    }
  }

  /** Send audio to the open engine stream, dropping the plan's partial sample first. */
  private send(payload: Buffer): void {
    let audio = payload;
    if (this.skip > 0) {
      const n = Math.min(this.skip, audio.length);
      this.skip -= n;
      audio = audio.subarray(n);
      if (audio.length === 0) return;
    }
    try {
      this.stream!.send(audio);
      this.sentBytes += audio.length;
    } catch (err) {
      this.turnOff(failureOf(err), 'live transcription stopped');
    }
  }

  private onResult(r: LiveResult): void {
    // Called from the engine's socket handler: must never throw.
    try {
      if (this.state === 'off' || this.state === 'ended') return;
      const start = round(this.offsetSec + r.start);
      const end = Math.max(start, round(this.offsetSec + r.end));
      this.o.deliver({ type: 'transcript', final: r.final, speaker: r.speaker, text: r.text, start, end });
      if (r.final) this.o.sink.add({ streamEpoch: this.o.epoch, ordinal: ++this.finals, speaker: r.speaker, start, end, text: r.text });
    } catch (err) {
      this.o.log.error({ errType: (err as Error)?.name }, 'live transcript result could not be relayed');
    }
  }

  private async finish(): Promise<void> {
    const work = (async () => {
      await this.started;
      const stream = this.stream;
      if (this.state === 'open' && stream) {
        try {
          stream.finalize();
        } catch {
          // The engine's socket is already closing; close() below settles it.
        }
        await stream.close().catch(() => {});
      }
      await this.o.sink.idle();
    })();
    const limit = this.o.endTimeoutMs ?? 8_000;
    let timer: NodeJS.Timeout | undefined;
    const late = await Promise.race([
      work.then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(resolve, limit, true))),
    ]);
    clearTimeout(timer);
    if (late) this.o.log.warn({ timeoutMs: limit }, 'live transcription did not finish in time');
    if (this.state !== 'off') this.state = 'ended';
    this.pending = [];
    this.backlog = [];
    this.abort.abort();
  }

  private turnOff({ code, kind, errCode }: { code: string; kind?: string; errCode?: string | undefined }, msg: string, level: 'info' | 'warn' | 'error' = 'warn'): void {
    if (this.state === 'off' || this.state === 'ended') return;
    this.state = 'off';
    this.pending = [];
    this.backlog = [];
    this.backlogBytes = 0;
    // A code only: engine messages can name the provider's answer but never carry text.
    this.o.log[level]({ code, kind, errCode, sentBytes: this.sentBytes, finals: this.finals }, msg);
    if (level === 'warn') this.o.onFailure(kind ?? 'internal');
    this.abort.abort();
  }
}

function failureOf(err: unknown): { code: string; kind: string } {
  if (err instanceof TranscriptionError) return { code: err.code, kind: err.kind };
  return { code: 'INTERNAL', kind: 'internal' };
}
