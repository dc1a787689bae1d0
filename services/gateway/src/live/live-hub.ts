import { parseWavHeader, type SourceFormat, type WavInfo } from '@scribe/audio';
import { getSessionById, type Pool } from '@scribe/db';
import type { Logger, Metrics } from '@scribe/observability';
import type { AudioStore } from '@scribe/storage';
import type { LiveTranscriber } from '@scribe/transcription';
import type { TranscriptMessage } from '../stream/messages.ts';
import { FinalSink } from './final-sink.ts';
import { planLive } from './live-plan.ts';
import { LiveRelay } from './live-relay.ts';

export interface LiveHubDeps {
  transcriber: LiveTranscriber;
  /** Where finals are stored (the main pool, not the ack path's). */
  pool: Pool;
  store: AudioStore;
  /** Provider metrics: `scribe_provider_errors_total` and the connect time in `scribe_provider_request_duration_seconds`. */
  metrics?: Metrics;
  endTimeoutMs?: number;
}

/** What a socket tells the hub when its audio stream opened. */
export interface LiveSocket {
  sessionId: string;
  orgId: string;
  /** The storage epoch this socket writes under. */
  epoch: number;
  format: SourceFormat;
  /** Bytes already stored when the socket opened (its `ready` position). */
  storedBytes: number;
  log: Logger;
  /** Send a transcript on this socket; false when it cannot take one (closed, not streaming). */
  own: (msg: TranscriptMessage) => boolean;
}

/** A socket's side of its relay. */
export interface LiveHandle {
  accepted(seq: number, payload: Buffer): void;
  durable(seq: number): void;
  /** Flush and close the live stream; bounded, never rejects, idempotent. */
  end(): Promise<void>;
}

/**
 * The gateway's live transcription: one relay per audio socket. A relay whose socket is
 * gone (cut, superseded) still flushes its engine stream; those last results go to the
 * session's newer socket when this process holds it. `drain()` ends every relay (shutdown).
 */
export class LiveHub {
  private readonly latest = new Map<string, { relay: LiveRelay; own: LiveSocket['own'] }>();
  private readonly active = new Set<() => Promise<void>>();

  private readonly providerLabel: string;

  constructor(private readonly deps: LiveHubDeps) {
    // The `service="gateway"` label already tells these live streams from the worker's prerecorded calls.
    this.providerLabel = deps.transcriber.engine;
  }

  /** Start the live stream of a socket whose audio stream just opened. */
  start(socket: LiveSocket): LiveHandle {
    const { sessionId } = socket;
    const sink = new FinalSink(this.deps.pool, {
      orgId: socket.orgId, sessionId, engine: this.deps.transcriber.engine, model: this.deps.transcriber.model,
    }, (err, rowCount) => socket.log.error({ errCode: (err as { code?: string })?.code, rowCount }, 'live transcript finals not stored'));
    const relay: LiveRelay = new LiveRelay({
      transcriber: this.deps.transcriber,
      sink,
      log: socket.log,
      epoch: socket.epoch,
      prepare: async () => {
        const session = await getSessionById(this.deps.pool, sessionId);
        const wav = socket.format.encoding === 'wav' && socket.storedBytes > 0 ? await storedWavHeader(this.deps.store, sessionId) : null;
        return { mode: session?.mode ?? 'ambient', plan: planLive(socket.format, socket.storedBytes, wav) };
      },
      deliver: (msg) => {
        if (socket.own(msg)) return;
        const current = this.latest.get(sessionId);
        if (current && current.relay !== relay) current.own(msg);
      },
      onFailure: (kind) => this.deps.metrics?.providerErrors.inc({ provider: this.providerLabel, kind }),
      onConnected: (s) => this.deps.metrics?.providerDuration.observe({ provider: this.providerLabel, operation: 'live_connect' }, s),
      ...(this.deps.endTimeoutMs ? { endTimeoutMs: this.deps.endTimeoutMs } : {}),
    });
    let ended: Promise<void> | null = null;
    const end = () => (ended ??= relay.end().then(() => {
      this.active.delete(end);
      if (this.latest.get(sessionId)?.relay === relay) this.latest.delete(sessionId);
    }));
    this.latest.set(sessionId, { relay, own: socket.own });
    this.active.add(end);
    return { accepted: (seq, payload) => relay.accepted(seq, payload), durable: (seq) => relay.durable(seq), end };
  }

  /** Relays not yet ended. */
  get size(): number {
    return this.active.size;
  }

  /** End every relay still running (each bounded by its end timeout). */
  async drain(): Promise<void> {
    await Promise.all([...this.active].map((end) => end()));
  }
}

/**
 * The WAV header of a session's stored audio (a resumed socket never sees it), from its
 * first stored bytes; null when it cannot be read.
 */
async function storedWavHeader(store: AudioStore, sessionId: string): Promise<WavInfo | null> {
  const head: Buffer[] = [];
  let bytes = 0;
  try {
    for await (const part of store.openSessionAudio(sessionId)) {
      head.push(part);
      bytes += part.length;
      const info = parseWavHeader(Buffer.concat(head, bytes));
      if (info) return info;
      if (bytes >= 1024 * 1024) return null;
    }
  } catch {
    // Unreadable (shredded, tampered): no live stream for this socket; ingest reports its own errors.
  }
  return null;
}
