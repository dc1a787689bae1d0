import { CONTAINER_OF, detectContainer, type SourceFormat } from '@scribe/audio';
import { ClientMessage, CloseCode, SEQ_BYTES, type ServerMessage } from './messages.ts';

export interface ProtocolLimits {
  /** Largest binary frame, sequence number included (API.md: 64 KiB). */
  maxFrameBytes: number;
  maxSessionBytes: number;
  maxSessionDurationSec: number;
  /** Frames a client may send between `start` and `ready` before it must wait. */
  maxEarlyFrames: number;
}

/** What the transport must do, in order. */
export type Action =
  | { kind: 'send'; msg: ServerMessage }
  | { kind: 'open'; format: Partial<SourceFormat> }
  | { kind: 'append'; seq: number; payload: Buffer }
  | { kind: 'finish' }
  | { kind: 'close'; code: number };

export type State = 'awaiting_start' | 'opening' | 'streaming' | 'ending' | 'closed';

/**
 * The audio socket's protocol as a plain state machine: it reads client messages and
 * storage outcomes, and answers with actions. No I/O, no timers, no fastify: the transport
 * (connection.ts) executes the actions. Rules:
 * - `start` first; `ready {lastSeq}` once the stored position is known.
 * - Binary frames carry a 4-byte big-endian sequence number: the next one is accepted; one
 *   at or below the durable sequence is ignored and acked again; one between durable and
 *   accepted is ignored (its ack is coming); a gap closes with 4400.
 * - `ack {seq}` only when storage reports the frame durable.
 * - `end` -> everything durable -> `finish` -> `ended` -> close 1000.
 */
export class StreamProtocol {
  state: State = 'awaiting_start';
  private accepted = 0;
  private durable = 0;
  private acked = 0;
  private bytes = 0;
  private format: SourceFormat | null = null;
  private early: Buffer[] = [];

  constructor(
    readonly sessionId: string,
    private readonly limits: ProtocolLimits,
    /** Seconds of audio in `bytes` of this stream (arithmetic for PCM, an estimate for compressed audio). */
    private readonly durationOf: (bytes: number, format: SourceFormat) => number,
  ) {}

  onText(text: string): Action[] {
    if (this.state === 'closed') return [];
    let msg: ClientMessage;
    try {
      msg = ClientMessage.parse(JSON.parse(text));
    } catch {
      return this.fail(CloseCode.badMessage, 'BAD_MESSAGE', 'text frames must be JSON control messages: start, end or ping');
    }
    switch (msg.type) {
      case 'ping':
        return [{ kind: 'send', msg: { type: 'pong' } }];
      case 'start':
        if (this.state !== 'awaiting_start') return this.fail(CloseCode.badMessage, 'BAD_MESSAGE', 'start was already received');
        this.state = 'opening';
        return [{ kind: 'open', format: { encoding: msg.encoding, sampleRate: msg.sampleRate, channels: msg.channels } }];
      case 'end':
        if (this.state === 'ending') return [];
        if (this.state !== 'streaming') return this.fail(CloseCode.badMessage, 'BAD_MESSAGE', 'end before ready');
        if (this.accepted === 0) return this.fail(CloseCode.badMessage, 'NO_AUDIO', 'end before any audio');
        this.state = 'ending';
        return [{ kind: 'finish' }];
    }
  }

  onBinary(data: Buffer): Action[] {
    switch (this.state) {
      case 'closed':
        return [];
      case 'awaiting_start':
        return this.fail(CloseCode.badMessage, 'START_REQUIRED', 'send start before audio');
      case 'ending':
        return this.fail(CloseCode.badMessage, 'FRAME_AFTER_END', 'audio after end is refused');
      case 'opening':
        if (this.early.length >= this.limits.maxEarlyFrames) {
          return this.fail(CloseCode.badMessage, 'NOT_READY', 'wait for ready before sending more audio');
        }
        if (data.length > this.limits.maxFrameBytes) return this.tooLargeFrame();
        this.early.push(data);
        return [];
      case 'streaming':
        return this.frame(data);
    }
  }

  /** Storage is open: the highest durable sequence, bytes already stored, and the stream's format. */
  onOpened(lastSeq: number, storedBytes: number, format: SourceFormat): Action[] {
    if (this.state !== 'opening') return [];
    this.state = 'streaming';
    this.accepted = this.durable = this.acked = lastSeq;
    this.bytes = storedBytes;
    this.format = format;
    const actions: Action[] = [{ kind: 'send', msg: { type: 'ready', sessionId: this.sessionId, lastSeq } }];
    for (const f of this.early.splice(0)) {
      actions.push(...this.frame(f));
      if (this.state !== 'streaming') break;
    }
    return actions;
  }

  /** Every frame up to `seq` is stored. */
  onDurable(seq: number): Action[] {
    if (seq <= this.durable) return [];
    this.durable = seq;
    if (this.state === 'closed' || seq <= this.acked) return [];
    this.acked = seq;
    return [{ kind: 'send', msg: { type: 'ack', seq } }];
  }

  /** The recording is finished and the pipeline queued. */
  onFinished(durationSec: number, bytes: number): Action[] {
    if (this.state === 'closed') return [];
    this.state = 'closed';
    return [{ kind: 'send', msg: { type: 'ended', sessionId: this.sessionId, durationSec, bytes } }, { kind: 'close', code: CloseCode.normal }];
  }

  /** Close with an error (storage refused, idle, shutdown, internal failure). */
  fail(code: number, errorCode: string, message: string): Action[] {
    if (this.state === 'closed') return [];
    this.state = 'closed';
    this.early = [];
    return [{ kind: 'send', msg: { type: 'error', code: errorCode, message } }, { kind: 'close', code }];
  }

  get highestAccepted(): number {
    return this.accepted;
  }

  private tooLargeFrame(): Action[] {
    return this.fail(CloseCode.tooLarge, 'FRAME_TOO_LARGE', `a frame may be at most ${this.limits.maxFrameBytes} bytes`);
  }

  private frame(data: Buffer): Action[] {
    if (data.length > this.limits.maxFrameBytes) return this.tooLargeFrame();
    if (data.length <= SEQ_BYTES) return this.fail(CloseCode.badMessage, 'BAD_FRAME', 'a binary frame is a 4-byte sequence number followed by audio');
    const seq = data.readUInt32BE(0);
    if (seq === 0) return this.fail(CloseCode.badMessage, 'BAD_SEQUENCE', 'sequence numbers start at 1');
    if (seq <= this.durable) return [{ kind: 'send', msg: { type: 'ack', seq } }];
    if (seq <= this.accepted) return [];
    if (seq !== this.accepted + 1) {
      return this.fail(CloseCode.badMessage, 'SEQUENCE_GAP', `expected frame ${this.accepted + 1}, got ${seq}; reconnect and resend from the last ack`);
    }
    const payload = data.subarray(SEQ_BYTES);
    const format = this.format!;
    if (seq === 1 && format.encoding !== 'pcm_s16le' && detectContainer(payload) !== CONTAINER_OF[format.encoding]) {
      return this.fail(CloseCode.badMessage, 'AUDIO_FORMAT_MISMATCH', `the first frame must start the ${format.encoding} container`);
    }
    if (this.bytes + payload.length > this.limits.maxSessionBytes) {
      return this.fail(CloseCode.tooLarge, 'SESSION_TOO_LARGE', `a session may hold at most ${this.limits.maxSessionBytes} bytes of audio`);
    }
    if (this.durationOf(this.bytes + payload.length, format) > this.limits.maxSessionDurationSec) {
      return this.fail(CloseCode.tooLarge, 'SESSION_TOO_LONG', `a session may last at most ${this.limits.maxSessionDurationSec} seconds`);
    }
    this.accepted = seq;
    this.bytes += payload.length;
    return [{ kind: 'append', seq, payload }];
  }
}
