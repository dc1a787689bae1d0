import { DeepgramClient } from '@deepgram/sdk';
import { errorForStatus, networkError } from '../errors.ts';
import type { LiveOpenOptions, LiveStream, LiveTranscriber } from '../live.ts';
import { LiveRoleMapper } from '../speakers.ts';
import { TranscriptionError } from '../transcriber.ts';
import { DEEPGRAM } from './deepgram-errors.ts';
import { resultsFromLiveMessage } from './deepgram-live-results.ts';

export interface DeepgramLiveOptions {
  apiKey: string;
  baseUrl?: string;
  model: string;
  /** Deepgram closes a stream after about 10 s without audio; a KeepAlive goes out after this much quiet. */
  keepAliveMs?: number;
  /** How long close() waits for the last final results after CloseStream. */
  closeWaitMs?: number;
  connectTimeoutSec?: number;
}

type Socket = Awaited<ReturnType<DeepgramClient['listen']['v1']['connect']>>;

/**
 * Deepgram streaming transcription (`wss://…/v1/listen`) for the gateway: interim and final
 * results with diarization, KeepAlive while no audio flows, Finalize on request, CloseStream
 * on close. The SDK's automatic reconnect is off: a reconnected stream restarts its clock,
 * which would corrupt result times, so a dropped stream is reported through onError and the
 * gateway decides whether to open a new one. The stored transcript never depends on this
 * stream: the worker transcribes the whole recording afterwards.
 */
export class DeepgramLiveTranscriber implements LiveTranscriber {
  readonly engine = 'deepgram';
  readonly model: string;
  private readonly client: DeepgramClient;

  constructor(private readonly options: DeepgramLiveOptions) {
    this.model = options.model;
    this.client = new DeepgramClient({ apiKey: options.apiKey, ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}) });
  }

  /** Open a stream; see LiveTranscriber. */
  async open(opts: LiveOpenOptions): Promise<LiveStream> {
    if (opts.encoding === 'pcm_s16le' && !opts.sampleRate) {
      throw new TranscriptionError('unrecoverable', 'BAD_AUDIO', 'raw PCM needs a sample rate');
    }
    const socket = await this.client.listen.v1.connect({
      model: this.model,
      // Containers (wav, webm, ogg) describe themselves; Deepgram wants no encoding for them.
      ...(opts.encoding === 'pcm_s16le'
        ? { encoding: 'linear16', sample_rate: opts.sampleRate, channels: opts.channels ?? 1 }
        : {}),
      language: opts.language ?? 'en',
      diarize: opts.mode === 'ambient' ? 'true' : 'false',
      interim_results: 'true',
      smart_format: 'true',
      punctuate: 'true',
      reconnectAttempts: 0,
      connectionTimeoutInSeconds: this.options.connectTimeoutSec ?? 10,
      // No abortSignal here: the SDK would drop the socket without CloseStream; the stream
      // handles the caller's signal itself (see start and close).
    });
    const stream = new DeepgramLiveStream(socket, opts, this.options.keepAliveMs ?? 4000, this.options.closeWaitMs ?? 5000);
    await stream.start();
    return stream;
  }
}

class DeepgramLiveStream implements LiveStream {
  private readonly roles: LiveRoleMapper;
  private state: 'connecting' | 'open' | 'closed' = 'connecting';
  /** close() was called: the socket closing is expected, not a failure. */
  private closing = false;
  private failed = false;
  private lastAudioAt = Date.now();
  private keepAlive: NodeJS.Timeout | undefined;
  private closed: Promise<void>;
  private markClosed!: () => void;
  private readonly onAbort = () => void this.close();

  constructor(
    private readonly socket: Socket,
    private readonly opts: LiveOpenOptions,
    private readonly keepAliveMs: number,
    private readonly closeWaitMs: number,
  ) {
    this.roles = new LiveRoleMapper(opts.mode);
    this.closed = new Promise((resolve) => (this.markClosed = resolve));
    // Handlers before connect(), so nothing the server sends first is missed.
    socket.on('message', (message) => {
      for (const result of resultsFromLiveMessage(message, this.roles)) opts.onResult(result);
    });
    // Only an open stream reports through onError: while connecting a failure rejects
    // start() instead, and once stopped the socket's own close events are expected.
    socket.on('error', (err) => {
      if (this.state === 'open') this.fail(fromSocketError(err));
    });
    socket.on('close', (event) => {
      if (this.state !== 'open') return;
      const requested = this.closing;
      this.stop();
      if (!requested) this.fail(fromCloseCode(event.code));
    });
  }

  /** Connect and wait for the socket to open (or for the caller to abort). */
  async start(): Promise<void> {
    const signal = this.opts.signal;
    const abortedError = () => new TranscriptionError('transient', 'ABORTED', `${DEEPGRAM} stream aborted by the caller`);
    if (signal?.aborted) throw abortedError();
    this.socket.connect();
    let onAbort: (() => void) | undefined;
    try {
      await Promise.race([
        this.socket.waitForOpen(),
        new Promise<never>((_resolve, reject) => {
          onAbort = () => reject(abortedError());
          signal?.addEventListener('abort', onAbort, { once: true });
        }),
      ]);
    } catch (err) {
      this.stop();
      throw fromSocketError(err);
    } finally {
      if (onAbort) signal?.removeEventListener('abort', onAbort);
    }
    this.state = 'open';
    this.keepAlive = setInterval(() => {
      if (this.state === 'open' && !this.closing && Date.now() - this.lastAudioAt >= this.keepAliveMs) {
        this.trySend(() => this.socket.sendKeepAlive({ type: 'KeepAlive' }));
      }
    }, Math.max(100, Math.floor(this.keepAliveMs / 2)));
    this.keepAlive.unref();
    signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  send(audio: Uint8Array): void {
    if (this.state !== 'open' || this.closing) return;
    this.lastAudioAt = Date.now();
    this.trySend(() => this.socket.sendMedia(audio));
  }

  finalize(): void {
    if (this.state === 'open' && !this.closing) this.trySend(() => this.socket.sendFinalize({ type: 'Finalize' }));
  }

  async close(): Promise<void> {
    if (this.closing) return this.closed;
    this.closing = true;
    if (this.state === 'open') {
      // CloseStream makes Deepgram flush its last finals, then close with 1000. A socket
      // already closing has nothing more to flush: stop at once.
      if (!this.trySend(() => this.socket.sendCloseStream({ type: 'CloseStream' }))) this.stop();
      const timer = setTimeout(() => this.stop(), this.closeWaitMs);
      timer.unref();
      await this.closed;
      clearTimeout(timer);
    } else if (this.state === 'connecting') {
      this.stop();
    }
    await this.closed;
  }

  /**
   * The SDK throws "Socket is not open" between the server's close frame and the socket's
   * close event (ws keeps it CLOSING until the server ends TCP, up to 30 s). Such a send is
   * dropped, as after close: the close event reports the end of the stream. Unguarded, the
   * KeepAlive timer's throw would be an uncaught exception in the host process.
   */
  private trySend(send: () => void): boolean {
    try {
      send();
      return true;
    } catch {
      return false;
    }
  }

  private fail(error: TranscriptionError): void {
    if (this.failed || this.closing) return;
    this.failed = true;
    this.stop();
    this.opts.onError(error);
  }

  /** Release everything; the stream is closed afterwards. */
  private stop(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    if (this.keepAlive) clearInterval(this.keepAlive);
    this.opts.signal?.removeEventListener('abort', this.onAbort);
    this.socket.close();
    this.markClosed();
  }
}

/**
 * The WebSocket handshake failing with an HTTP status surfaces as the ws library's
 * "Unexpected server response: 401"; that status is classified like a REST one (the
 * Retry-After header of a refused upgrade is not exposed by the SDK). Anything else before
 * the socket opened is a network failure.
 */
function fromSocketError(err: unknown): TranscriptionError {
  if (err instanceof TranscriptionError) return err;
  // The SDK rejects with an ErrorEvent (not an Error) that carries the ws message.
  const message = String((err as { message?: unknown } | undefined)?.message ?? '');
  const status = /Unexpected server response: (\d{3})/.exec(message)?.[1];
  return status ? errorForStatus(DEEPGRAM, Number(status)) : networkError(DEEPGRAM, err);
}

/**
 * An unrequested close. Deepgram closes with 1008 when it cannot decode the audio (bad
 * encoding: resending the same bytes fails again) and 1011 when it gave up waiting (no
 * audio within its timeout); every other unrequested close is a lost stream.
 */
function fromCloseCode(code: number): TranscriptionError {
  if (code === 1008) return new TranscriptionError('unrecoverable', 'BAD_AUDIO', `${DEEPGRAM} could not decode the stream (close ${code})`);
  return new TranscriptionError('transient', 'STREAM_CLOSED', `${DEEPGRAM} closed the stream (close ${code})`);
}
